// Builds better-sqlite3 for Electron's ABI into .native/electron/, leaving the Node build in
// node_modules/better-sqlite3/build untouched (tests and browser mode need that one). The package
// is copied to a scratch folder and node-gyp runs there against Electron's headers.

import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** The addon path, building it first when missing or built for another Electron version. */
export function ensureElectronNativeBinding(root, electronVersion, log = console.log) {
  const outDir = join(root, '.native', 'electron');
  const addon = join(outDir, 'better_sqlite3.node');
  const stampFile = join(outDir, 'stamp.json');
  const packageDir = join(root, 'node_modules', 'better-sqlite3');
  const sqliteVersion = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  const stamp = {
    electron: electronVersion,
    betterSqlite3: sqliteVersion,
    platform: process.platform,
    arch: process.arch,
  };

  if (existsSync(addon) && existsSync(stampFile)) {
    try {
      if (JSON.stringify(JSON.parse(readFileSync(stampFile, 'utf8'))) === JSON.stringify(stamp))
        return addon;
    } catch {
      // A damaged stamp means rebuild.
    }
  }

  log(
    `Building the database engine for Electron ${electronVersion} (first start only, about two minutes)…`,
  );
  const scratch = join(root, '.native', 'scratch', 'better-sqlite3');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(dirname(scratch), { recursive: true });
  cpSync(packageDir, scratch, {
    recursive: true,
    filter: (source) => !source.startsWith(join(packageDir, 'build')),
  });

  const gyp = nodeGypCommand(root);
  const result = spawnSync(
    gyp.command,
    [
      ...gyp.args,
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    {
      cwd: scratch,
      encoding: 'utf8',
      shell: gyp.shell,
      maxBuffer: 64 * 1024 * 1024,
      env: electronBuildEnv(),
    },
  );
  if (result.status !== 0) {
    rmSync(join(root, '.native', 'scratch'), { recursive: true, force: true });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
      .trim()
      .split('\n')
      .slice(-15)
      .join('\n');
    throw new Error(
      `node-gyp could not build better-sqlite3 for Electron:\n${output || result.error?.message}`,
    );
  }
  mkdirSync(outDir, { recursive: true });
  copyFileSync(join(scratch, 'build', 'Release', 'better_sqlite3.node'), addon);
  writeFileSync(stampFile, JSON.stringify(stamp));
  rmSync(join(root, '.native', 'scratch'), { recursive: true, force: true });
  return addon;
}

/**
 * npm passes its configuration down as npm_config_* variables; a `nodedir` there would make
 * node-gyp build against Node's headers instead of Electron's.
 */
function electronBuildEnv() {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(name),
    ),
  );
}

/** node-gyp from this project, else npm's bundled copy, else through `npm exec`. */
function nodeGypCommand(root) {
  const candidates = [join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')];
  if (process.env.npm_execpath) {
    candidates.push(
      join(
        dirname(process.env.npm_execpath),
        '..',
        'node_modules',
        'node-gyp',
        'bin',
        'node-gyp.js',
      ),
    );
  }
  candidates.push(
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
    join(
      dirname(process.execPath),
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
  );
  const script = candidates.find((candidate) => existsSync(candidate));
  if (script) return { command: process.execPath, args: [script], shell: false };
  return {
    command: 'npm',
    args: ['exec', '--yes', '--', 'node-gyp'],
    shell: process.platform === 'win32',
  };
}
