// What a machine lacks for `npm start` and `npm test`, and what to do about it — decided from
// facts alone; scripts/provision.mjs gathers the facts and carries the decisions out. No imports
// at all: `npm test` runs this before node_modules exists, and the unit tests call it directly.

export const SUPPORTED_NODE = '20.19 or later 20.x, 22.13 or later 22.x, or 24 and later';

/** Whether a Node version ("20.20.2") is one package.json's engines accept. */
export function nodeSupported(version) {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  if (major === 20) return minor >= 19;
  if (major === 22) return minor >= 13;
  return major >= 24;
}

/**
 * node_modules against package-lock.json: 'missing' (nothing installed), 'stale' (installed
 * from another lock file, or an install that stopped half-way), 'unlocked' (package.json names
 * dependencies the lock file does not have yet) or 'fresh'. `installed` is npm's own record of
 * the last complete install, node_modules/.package-lock.json (null when absent).
 */
export function dependencyState({ packageJson, lock, installed }) {
  if (!installed?.packages) return 'missing';
  const locked = lock?.packages ?? {};
  const rootEntry = locked[''] ?? {};
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    if (!sameEntries(packageJson[field] ?? {}, rootEntry[field] ?? {})) return 'unlocked';
  }
  for (const [path, entry] of Object.entries(locked)) {
    if (path === '') continue;
    const present = installed.packages[path];
    // npm leaves out optional packages for other platforms (esbuild's, rolldown's, …).
    if (!present) {
      if (entry.optional) continue;
      return 'stale';
    }
    if (present.version !== entry.version) return 'stale';
  }
  for (const path of Object.keys(installed.packages)) {
    if (!(path in locked)) return 'stale';
  }
  return 'fresh';
}

function sameEntries(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * The programs the test suite runs besides Node. `commands` are looked up on PATH; Chromium
 * and the font have their own probes in provision.mjs. `debian` is the package that brings
 * it; `brew` the Homebrew formula or cask.
 */
export const SYSTEM_TOOLS = {
  chromium: {
    label: 'Chromium',
    why: 'the end-to-end tests run in it',
    debian: 'chromium',
    brew: { cask: 'google-chrome' },
  },
  poppler: {
    label: 'poppler (pdftotext, pdftoppm, pdfinfo, pdffonts)',
    why: 'the tests read the PDF board reports with it',
    commands: ['pdftotext', 'pdftoppm', 'pdfinfo', 'pdffonts'],
    debian: 'poppler-utils',
    brew: { formula: 'poppler' },
  },
  libreoffice: {
    label: 'LibreOffice (soffice)',
    why: 'the tests open the exported workbooks in it',
    commands: ['soffice'],
    debian: 'libreoffice-calc-nogui',
    brew: { cask: 'libreoffice' },
  },
  dejavu: {
    label: 'the DejaVu fonts',
    why: 'Chromium lays out the reports in them',
    debian: 'fonts-dejavu-core',
    linuxOnly: true,
  },
  postgresql: {
    label: 'PostgreSQL (initdb, pg_ctl)',
    why: 'the team sync tests start a real server of their own in a temp folder',
    commands: ['initdb', 'pg_ctl'],
    debian: 'postgresql',
    brew: { formula: 'postgresql@17' },
  },
};

/** What `npm test` needs. */
export const TEST_TOOLS = ['chromium', 'poppler', 'libreoffice', 'dejavu', 'postgresql'];

/** Where a Chromium (or Chrome, which Playwright drives the same way) is usually installed. */
export function chromiumCandidates(platform, env) {
  if (platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ];
  }
  if (platform === 'win32') {
    return [
      env.LOCALAPPDATA && `${env.LOCALAPPDATA}\\Chromium\\Application\\chrome.exe`,
      env.PROGRAMFILES && `${env.PROGRAMFILES}\\Google\\Chrome\\Application\\chrome.exe`,
      env['PROGRAMFILES(X86)'] &&
        `${env['PROGRAMFILES(X86)']}\\Google\\Chrome\\Application\\chrome.exe`,
      env.LOCALAPPDATA && `${env.LOCALAPPDATA}\\Google\\Chrome\\Application\\chrome.exe`,
    ].filter(Boolean);
  }
  return ['/usr/bin/chromium'];
}

/**
 * Given what is missing and what this machine allows, what to install or what to ask of the
 * person. `missing` holds { id, detail, fixable } — fixable false when installing would not
 * help (CHROMIUM_PATH names a file that is not there). Returns { install, manual }: install is
 * null or { packages, commands, manualCommand } (argument lists run in order, and the same as
 * one line for a person); manual is null or
 * { items, command, reason } for the message printed when the run has to stop.
 */
export function planSystemTools({ platform, missing, apt, root, sudo, installAllowed }) {
  if (missing.length === 0) return { install: null, manual: null };
  // A setting that points nowhere is the person's to fix first; installing cannot help it.
  const unfixable = missing.filter((item) => item.fixable === false);
  if (unfixable.length > 0) return { install: null, manual: { items: unfixable, command: null } };
  const canApt = platform === 'linux' && apt;
  if (canApt && installAllowed && (root || sudo)) {
    const packages = debianPackages(missing);
    const prefix = [...(root ? [] : ['sudo', '-n']), 'env', 'DEBIAN_FRONTEND=noninteractive'];
    return {
      install: {
        packages,
        manualCommand: manualCommand(platform, true, root, missing),
        commands: [
          [...prefix, 'apt-get', 'update', '-q'],
          [...prefix, 'apt-get', 'install', '-y', '-q', '--no-install-recommends', ...packages],
        ],
      },
      manual: null,
    };
  }
  return {
    install: null,
    manual: {
      items: missing,
      command: manualCommand(platform, canApt, root, missing),
      reason: whyNotInstalled({ platform, canApt, installAllowed }),
    },
  };
}

function debianPackages(items) {
  return [...new Set(items.map((item) => SYSTEM_TOOLS[item.id].debian))];
}

function manualCommand(platform, canApt, root, items) {
  if (canApt) {
    const sudo = root ? '' : 'sudo ';
    return (
      `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ` +
      debianPackages(items).join(' ')
    );
  }
  if (platform === 'darwin') {
    const brews = items.map((item) => SYSTEM_TOOLS[item.id].brew).filter(Boolean);
    const formulas = brews.flatMap((brew) => (brew.formula ? [brew.formula] : []));
    const casks = brews.flatMap((brew) => (brew.cask ? [brew.cask] : []));
    const parts = [];
    if (formulas.length) parts.push(`brew install ${formulas.join(' ')}`);
    if (casks.length) parts.push(`brew install --cask ${casks.join(' ')}`);
    return parts.join(' && ') || null;
  }
  return null;
}

function whyNotInstalled({ platform, canApt, installAllowed }) {
  if (!installAllowed) return 'KPIS_NO_SYSTEM_INSTALL is set, so npm test does not install them.';
  if (canApt) {
    return 'npm test installs them itself only as root or with passwordless sudo, and here it is neither.';
  }
  if (platform === 'linux') {
    return 'npm test installs them itself only with apt-get (Debian, Ubuntu), which this system lacks.';
  }
  return 'npm test installs them itself only on Debian or Ubuntu.';
}

/** The message that ends a run that cannot go on, as lines. */
export function describeManual(manual, platform) {
  const lines = ['The test suite needs programs this machine does not have:'];
  for (const item of manual.items) {
    const tool = SYSTEM_TOOLS[item.id];
    lines.push(`  - ${tool.label}: ${item.detail} (${tool.why})`);
  }
  if (manual.reason) lines.push(manual.reason);
  if (manual.command) {
    lines.push('Run this once, then `npm test` again:', `  ${manual.command}`);
  } else if (manual.items.some((item) => item.fixable !== false)) {
    lines.push(
      platform === 'win32'
        ? 'Install them, make sure soffice and the poppler tools are on PATH, then run `npm test` again.'
        : "Install them with your system's package manager, then run `npm test` again.",
    );
  }
  const chromium = manual.items.find((item) => item.id === 'chromium');
  if (chromium?.fixable === false) {
    lines.push('Point CHROMIUM_PATH at a Chromium or Chrome executable, or unset it.');
  } else if (chromium) {
    lines.push(
      'A Chromium or Chrome installed elsewhere can be named with CHROMIUM_PATH=/path/to/it.',
    );
  }
  return lines;
}
