// Sets a machine up for `npm start` and `npm test` (and so for CI, which runs `npm test`): a
// supported Node, node_modules matching package-lock.json, the programs the tests run, and a
// better-sqlite3 built for this Node. The decisions are in provision-plan.mjs; this file looks
// at the machine and acts. Node built-ins only: it runs before node_modules exists.

import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { npm, root, run, elapsed, say } from './project.mjs';
import {
  SUPPORTED_NODE,
  SYSTEM_TOOLS,
  chromiumCandidates,
  dependencyState,
  describeManual,
  nodeSupported,
  planSystemTools,
} from './provision-plan.mjs';

export function ensureNode() {
  if (nodeSupported(process.versions.node)) return;
  throw new Error(
    `KPI Scorecard needs Node.js ${SUPPORTED_NODE}; this is Node.js ${process.versions.node}. ` +
      'Install a current one from https://nodejs.org and run the command again.',
  );
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Runs `npm ci` (or `npm install` when package.json has moved ahead of the lock file). */
export function ensureDependencies({ ci = Boolean(process.env.CI) } = {}) {
  const state = dependencyState({
    packageJson: readJson(join(root, 'package.json')) ?? {},
    lock: readJson(join(root, 'package-lock.json')),
    installed: readJson(join(root, 'node_modules', '.package-lock.json')),
  });
  if (state === 'fresh') return;
  // CI proves the lock file installs as committed; a developer who edited package.json wants
  // the lock file brought up to date.
  const command = state === 'unlocked' && !ci ? 'install' : 'ci';
  const why = {
    missing: 'node_modules is not installed yet',
    stale: 'package-lock.json changed since the last install',
    unlocked: 'package.json names packages that package-lock.json does not have yet',
  }[state];
  say(
    `Installing the npm packages with npm ${command} (${why}). This takes minutes the first ` +
      'time, most of it compiling better-sqlite3 (its steps follow) where no prebuilt copy ' +
      'can be downloaded. Ctrl+C stops it; the next run starts the install again.',
  );
  const started = Date.now();
  // --foreground-scripts shows the compiler at work instead of minutes of a bare spinner;
  // --loglevel=warn, passed on to node-gyp, leaves out its forty lines of "gyp info", and -w
  // (unless the person set their own flags) the compiler's warnings about better-sqlite3's
  // C++, which are upstream's and would read as if the install were going wrong.
  const options = ['--no-audit', '--no-fund', '--foreground-scripts', '--loglevel=warn'];
  const env = {
    ...process.env,
    CFLAGS: process.env.CFLAGS ?? '-w',
    CXXFLAGS: process.env.CXXFLAGS ?? '-w',
  };
  if (npm([command, ...options], { env }) !== 0) {
    throw new Error(
      `npm ${command} failed; its messages are above.` +
        (command === 'ci'
          ? ' If it says package.json and package-lock.json are out of sync, run `npm install`.'
          : ''),
    );
  }
  say(`npm packages installed (${elapsed(started)}).`);
}

function isExecutable(path) {
  try {
    if (!statSync(path).isFile()) return false;
    if (process.platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A command's full path from PATH (with PATHEXT on Windows), or null. */
export function findCommand(name, env = process.env) {
  const extensions =
    process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const extension of extensions) {
      const candidate = join(dir, name + extension);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

/** Where LibreOffice's installers put soffice without adding it to PATH. */
function sofficeOffPath() {
  if (process.platform === 'darwin') return '/Applications/LibreOffice.app/Contents/MacOS/soffice';
  if (process.platform === 'win32' && process.env.PROGRAMFILES) {
    return join(process.env.PROGRAMFILES, 'LibreOffice', 'program', 'soffice.exe');
  }
  return null;
}

function debianPostgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const found = readdirSync(base).find((version) =>
    isExecutable(join(base, version, 'bin', 'initdb')),
  );
  return found === undefined ? null : join(base, found, 'bin');
}

function hasDejaVu() {
  const fcList = findCommand('fc-list');
  if (fcList) {
    const listed = spawnSync(fcList, [':', 'family'], { encoding: 'utf8' });
    if (listed.status === 0) return /dejavu/i.test(listed.stdout);
  }
  return existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf');
}

/**
 * Looks for each tool. Returns what is missing (for planSystemTools) and what the test steps
 * need to find the rest: CHROMIUM_PATH, and folders to put in front of PATH.
 */
function probe(ids) {
  const missing = [];
  const found = { chromium: null, pathDirs: [] };
  for (const id of ids) {
    const tool = SYSTEM_TOOLS[id];
    if (tool.linuxOnly && process.platform !== 'linux') continue;
    if (id === 'chromium') {
      const named = process.env.CHROMIUM_PATH;
      if (named) {
        if (isExecutable(named)) found.chromium = named;
        else
          missing.push({
            id,
            detail: `CHROMIUM_PATH is ${named}, which is not an executable file`,
            fixable: false,
          });
        continue;
      }
      const candidates = chromiumCandidates(process.platform, process.env);
      found.chromium = candidates.find(isExecutable) ?? null;
      if (!found.chromium) missing.push({ id, detail: `not at ${candidates.join(' or ')}` });
    } else if (id === 'dejavu') {
      if (!hasDejaVu()) missing.push({ id, detail: 'not installed' });
    } else if (id === 'postgresql') {
      // Debian keeps initdb and pg_ctl in /usr/lib/postgresql/N/bin, off PATH; the tests'
      // helper looks there too.
      if (!findCommand('initdb') && !debianPostgresBin()) {
        missing.push({ id, detail: 'initdb not found on PATH or in /usr/lib/postgresql/*/bin' });
      }
    } else {
      const absent = tool.commands.filter((command) => !findCommand(command));
      const soffice = absent.includes('soffice') ? sofficeOffPath() : null;
      if (soffice && isExecutable(soffice)) {
        found.pathDirs.push(dirname(soffice));
        absent.splice(absent.indexOf('soffice'), 1);
      }
      if (absent.length) {
        const which = absent.length === tool.commands.length ? 'not' : `${absent.join(', ')} not`;
        missing.push({ id, detail: `${which} found on PATH` });
      }
    }
  }
  return { missing, found };
}

function machineFacts(missing) {
  const root = process.getuid?.() === 0;
  const sudo = !root && findCommand('sudo') !== null && sudoWithoutPassword();
  return {
    platform: process.platform,
    missing,
    apt: findCommand('apt-get') !== null,
    root,
    sudo,
    installAllowed: !process.env.KPIS_NO_SYSTEM_INSTALL,
  };
}

function sudoWithoutPassword() {
  const result = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 10_000 });
  return result.status === 0;
}

/**
 * Makes sure the tools are there, installing them with apt-get where this machine allows.
 * Returns the environment the test steps need (CHROMIUM_PATH, PATH); throws an Error that
 * says what to run where it cannot install them.
 */
export function ensureSystemTools(ids) {
  let { missing, found } = probe(ids);
  if (missing.length > 0) {
    const plan = planSystemTools(machineFacts(missing));
    if (plan.install) {
      say(
        `Installing what the tests need from Debian's packages: ${plan.install.packages.join(' ')}. ` +
          'A few minutes the first time. Ctrl+C stops it.',
      );
      const started = Date.now();
      for (const [command, ...args] of plan.install.commands) {
        if (run(command, args) !== 0) {
          throw new Error(
            `${[command, ...args].join(' ')} failed; its messages are above. ` +
              `Once it works by hand, run \`npm test\` again:\n  ${plan.install.manualCommand}`,
          );
        }
      }
      say(`Debian packages installed (${elapsed(started)}).`);
      ({ missing, found } = probe(ids));
      if (missing.length > 0) {
        const manual = {
          items: missing,
          reason: 'apt-get installed them, yet they are not found.',
        };
        throw new Error(describeManual(manual, process.platform).join('\n'));
      }
    } else if (plan.manual) {
      throw new Error(describeManual(plan.manual, process.platform).join('\n'));
    }
  }
  const env = {};
  if (found.chromium) env.CHROMIUM_PATH = found.chromium;
  if (found.pathDirs.length) {
    env.PATH = [...found.pathDirs, process.env.PATH ?? ''].join(delimiter);
  }
  return env;
}

/** better-sqlite3 may have been built for another Node, or for Electron by `npm run dist`. */
export function ensureNodeBuildOfSqlite() {
  const require = createRequire(join(root, 'package.json'));
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!message.includes('NODE_MODULE_VERSION') && !message.includes('bindings file')) {
      throw new Error(`better-sqlite3 does not load: ${message}`, { cause: error });
    }
  }
  say(`Rebuilding better-sqlite3 for this Node (${process.versions.node}); about 2 minutes.`);
  if (npm(['rebuild', 'better-sqlite3']) !== 0) {
    throw new Error('npm rebuild better-sqlite3 failed; its messages are above.');
  }
}

/** Runs a script's main; an error ends it with its message alone (it says what to do). */
export function runMain(main) {
  try {
    main();
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
