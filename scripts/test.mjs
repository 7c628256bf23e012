#!/usr/bin/env node
// The whole test suite, as `npm test` and CI run it. First it sets the machine up as `npm start`
// does (scripts/provision.mjs: Chromium, poppler, LibreOffice and the DejaVu fonts, installed
// where it can, checked first so that a machine where it cannot stops at once; then the npm
// packages), then: lint, format, types, unit and integration tests, the
// production build, then end-to-end tests in Chromium against browser mode.
// Every step runs even if an earlier one failed (except e2e after a failed build), so one run
// shows everything that is wrong; the exit code is non-zero if anything failed.
// `npm test -- --setup-only` stops after setting up. Node built-ins and our own scripts only:
// this runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageBin, root } from './project.mjs';
import {
  ensureDependencies,
  ensureNode,
  ensureNodeBuildOfSqlite,
  ensureSystemTools,
  runMain,
} from './provision.mjs';
import { TEST_TOOLS } from './provision-plan.mjs';

let toolEnv = {};
runMain(() => {
  ensureNode();
  toolEnv = ensureSystemTools(TEST_TOOLS);
  ensureDependencies();
  ensureNodeBuildOfSqlite();
});
if (process.argv.includes('--setup-only')) {
  console.log('The machine is set up for the test suite.');
  process.exit(0);
}

const reports = join(root, 'test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const unitReport = join(reports, 'vitest.json');
const e2eReport = join(reports, 'playwright.json');

const failures = [];
function step(name, command, args, env = {}) {
  const shown = args.map((arg) => (arg.startsWith(root) ? relative(root, arg) : arg));
  console.log(`\n=== ${name}: node ${shown.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...toolEnv, ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : 'FAILED'} (${seconds} s)`);
  if (!ok) failures.push(name);
  return ok;
}

// Each tool's JavaScript entry run with this Node: node_modules/.bin holds shell scripts,
// which Windows cannot spawn directly.
const tool = (name, args, packageName = name) => [
  process.execPath,
  [packageBin(packageName, name), ...args],
];
step('lint', ...tool('eslint', ['--max-warnings=0', '.']));
step('format', ...tool('prettier', ['--check', '.']));
step('types (node)', ...tool('tsc', ['-p', 'tsconfig.node.json', '--noEmit'], 'typescript'));
step('types (web)', ...tool('tsc', ['-p', 'tsconfig.web.json', '--noEmit'], 'typescript'));
step('unit and integration tests', ...tool('vitest', ['run']), { KPIS_TEST_REPORT: unitReport });
if (step('build', ...tool('electron-vite', ['build']))) {
  step('end-to-end tests', ...tool('playwright', ['test'], '@playwright/test'), {
    KPIS_E2E_REPORT: e2eReport,
  });
} else {
  failures.push('end-to-end tests (not run: the build failed)');
}

const counts = { passed: 0, failed: 0, skipped: 0 };
const vitest = readJson(unitReport);
if (vitest) {
  counts.passed += vitest.numPassedTests ?? 0;
  counts.failed += vitest.numFailedTests ?? 0;
  counts.skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}
const playwright = readJson(e2eReport);
if (playwright?.stats) {
  counts.passed += (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
  counts.failed += playwright.stats.unexpected ?? 0;
  counts.skipped += playwright.stats.skipped ?? 0;
}

console.log('');
if (failures.length > 0) console.log(`Failed steps: ${failures.join(', ')}`);
if (failures.length > 0 && counts.failed === 0) counts.failed = failures.length;
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failures.length > 0 ? 1 : 0);

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}
