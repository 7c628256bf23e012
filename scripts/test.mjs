#!/usr/bin/env node
// The whole test suite, as `npm test` and CI run it: lint, format, types, unit and integration
// tests, the production build, then end-to-end tests in Chromium against browser mode.
// Every step runs even if an earlier one failed (except e2e after a failed build), so one run
// shows everything that is wrong; the exit code is non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const reports = join(root, 'test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const unitReport = join(reports, 'vitest.json');
const e2eReport = join(reports, 'playwright.json');

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `Chromium was not found at ${chromium}. Install it (Debian: apt-get install chromium) ` +
      'or set CHROMIUM_PATH; the end-to-end tests need it.',
  );
  process.exit(1);
}

ensureNodeBuildOfSqlite();

const failures = [];
function step(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : 'FAILED'} (${seconds} s)`);
  if (!ok) failures.push(name);
  return ok;
}

const bin = (name) => join(root, 'node_modules', '.bin', name);
step('lint', bin('eslint'), ['--max-warnings=0', '.']);
step('format', bin('prettier'), ['--check', '.']);
step('types (node)', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']);
step('types (web)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']);
step('unit and integration tests', bin('vitest'), ['run'], { KPIS_TEST_REPORT: unitReport });
if (step('build', bin('electron-vite'), ['build'])) {
  step('end-to-end tests', bin('playwright'), ['test'], {
    KPIS_E2E_REPORT: e2eReport,
    CHROMIUM_PATH: chromium,
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

// better-sqlite3 may have been rebuilt for Electron's ABI by `npm run dist`; tests need Node's.
function ensureNodeBuildOfSqlite() {
  const require = createRequire(join(root, 'package.json'));
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
  } catch (error) {
    if (!String(error?.message).includes('NODE_MODULE_VERSION')) throw error;
    console.log('better-sqlite3 was built for another runtime; rebuilding it for Node…');
    const rebuilt = spawnSync('npm', ['rebuild', 'better-sqlite3'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (rebuilt.status !== 0) process.exit(1);
  }
}
