import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script (it runs before node_modules exists), no declarations
import * as planModule from '../../../scripts/provision-plan.mjs';

interface Missing {
  id: string;
  detail: string;
  fixable?: boolean;
}
interface Manual {
  items: Missing[];
  command: string | null;
  reason?: string;
}
interface Plan {
  install: { packages: string[]; commands: string[][]; manualCommand: string } | null;
  manual: Manual | null;
}
interface Facts {
  platform: string;
  missing: Missing[];
  apt: boolean;
  root: boolean;
  sudo: boolean;
  installAllowed: boolean;
}
interface Lock {
  packages: Record<
    string,
    { version?: string; optional?: boolean; dependencies?: object; devDependencies?: object }
  >;
}
const plan = planModule as {
  nodeSupported(version: string): boolean;
  dependencyState(input: {
    packageJson: object;
    lock: Lock | null;
    installed: Lock | null;
  }): string;
  planSystemTools(facts: Facts): Plan;
  describeManual(manual: Manual, platform: string): string[];
};

const poppler: Missing = { id: 'poppler', detail: 'not found on PATH' };
const chromium: Missing = { id: 'chromium', detail: 'not at /usr/bin/chromium' };
const debianRoot: Facts = {
  platform: 'linux',
  missing: [chromium, poppler],
  apt: true,
  root: true,
  sudo: false,
  installAllowed: true,
};

describe('which Node versions the scripts accept', () => {
  it('follows package.json engines: 20.19+, 22.13+, 24 and later', () => {
    const engines = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: object })
      .engines;
    // If this fails, engines changed: change nodeSupported with it.
    expect(engines).toEqual({ node: '^20.19.0 || ^22.13.0 || >=24.0.0' });
    const accepted = ['20.19.0', 'v20.20.2', '22.13.0', '22.21.1', '24.0.0', '25.2.1'];
    const refused = ['18.20.4', '20.18.3', '21.7.3', '22.12.0', '23.11.0'];
    expect(accepted.filter((version) => !plan.nodeSupported(version))).toEqual([]);
    expect(refused.filter((version) => plan.nodeSupported(version))).toEqual([]);
  });
});

describe('whether node_modules needs an install', () => {
  const packageJson = { dependencies: { zod: '^4.0.0' }, devDependencies: { vite: '^8.0.0' } };
  const lock: Lock = {
    packages: {
      '': { dependencies: packageJson.dependencies, devDependencies: packageJson.devDependencies },
      'node_modules/zod': { version: '4.6.7' },
      'node_modules/vite': { version: '8.3.8' },
      'node_modules/@rolldown/binding-darwin-arm64': { version: '1.2.19', optional: true },
    },
  };
  // npm's record of the last complete install leaves out the root and other platforms' packages.
  const installed: Lock = {
    packages: {
      'node_modules/zod': { version: '4.6.7' },
      'node_modules/vite': { version: '8.3.8' },
    },
  };

  it('installs on a fresh clone and after an install that stopped half-way', () => {
    expect(plan.dependencyState({ packageJson, lock, installed: null })).toBe('missing');
  });

  it('does nothing when the install matches the lock file', () => {
    expect(plan.dependencyState({ packageJson, lock, installed })).toBe('fresh');
  });

  it('reinstalls when the lock file moved on: a new version, a new or a removed package', () => {
    const upgraded = structuredClone(lock);
    upgraded.packages['node_modules/zod'] = { version: '4.7.0' };
    expect(plan.dependencyState({ packageJson, lock: upgraded, installed })).toBe('stale');

    const added = structuredClone(lock);
    added.packages['node_modules/axe-core'] = { version: '4.11.0' };
    expect(plan.dependencyState({ packageJson, lock: added, installed })).toBe('stale');

    const removed = structuredClone(lock);
    delete removed.packages['node_modules/vite'];
    expect(plan.dependencyState({ packageJson, lock: removed, installed })).toBe('stale');
  });

  it('notices package.json naming a package the lock file does not have yet', () => {
    const edited = { ...packageJson, devDependencies: { ...packageJson.devDependencies, x: '1' } };
    expect(plan.dependencyState({ packageJson: edited, lock, installed })).toBe('unlocked');
  });
});

describe('what to do about missing programs', () => {
  it('does nothing when nothing is missing', () => {
    expect(plan.planSystemTools({ ...debianRoot, missing: [] })).toEqual({
      install: null,
      manual: null,
    });
  });

  it('installs with apt-get as root: update first, then the packages, without recommends', () => {
    const { install, manual } = plan.planSystemTools(debianRoot);
    expect(manual).toBeNull();
    expect(install?.packages).toEqual(['chromium', 'poppler-utils']);
    expect(install?.commands).toEqual([
      ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update', '-q'],
      [
        'env',
        'DEBIAN_FRONTEND=noninteractive',
        'apt-get',
        'install',
        '-y',
        '-q',
        '--no-install-recommends',
        'chromium',
        'poppler-utils',
      ],
    ]);
  });

  it('goes through sudo -n where sudo needs no password', () => {
    const { install } = plan.planSystemTools({ ...debianRoot, root: false, sudo: true });
    expect(install?.commands.map((command) => command.slice(0, 3))).toEqual([
      ['sudo', '-n', 'env'],
      ['sudo', '-n', 'env'],
    ]);
  });

  it('stops with the one command to run when it is neither root nor has sudo', () => {
    const { install, manual } = plan.planSystemTools({ ...debianRoot, root: false });
    expect(install).toBeNull();
    expect(manual?.command).toBe(
      'sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium poppler-utils',
    );
    const message = plan.describeManual(manual as Manual, 'linux').join('\n');
    expect(message).toContain('Chromium: not at /usr/bin/chromium');
    expect(message).toContain('only as root or with passwordless sudo');
    expect(message).toContain(
      `Run this once, then \`npm test\` again:\n  ${manual?.command ?? ''}`,
    );
    expect(message).toContain('CHROMIUM_PATH');
  });

  it('installs nothing when told not to, and gives the command without sudo to root', () => {
    const { install, manual } = plan.planSystemTools({ ...debianRoot, installAllowed: false });
    expect(install).toBeNull();
    expect(manual?.command).toBe(
      'apt-get update && apt-get install -y --no-install-recommends chromium poppler-utils',
    );
    expect(manual?.reason).toContain('KPIS_NO_SYSTEM_INSTALL');
  });

  it('asks for the fix of a CHROMIUM_PATH that points nowhere before installing anything', () => {
    const nowhere: Missing = {
      id: 'chromium',
      detail: 'CHROMIUM_PATH is /opt/none, which is not an executable file',
      fixable: false,
    };
    const { install, manual } = plan.planSystemTools({
      ...debianRoot,
      missing: [nowhere, poppler],
    });
    expect(install).toBeNull();
    expect(manual?.items).toEqual([nowhere]);
    const message = plan.describeManual(manual as Manual, 'linux');
    expect(message).toContain(
      'Point CHROMIUM_PATH at a Chromium or Chrome executable, or unset it.',
    );
    expect(message.join('\n')).not.toContain('apt-get');
  });

  it('names Homebrew formulas and casks on macOS', () => {
    const { install, manual } = plan.planSystemTools({
      ...debianRoot,
      platform: 'darwin',
      apt: false,
      missing: [chromium, poppler, { id: 'libreoffice', detail: 'not found on PATH' }],
    });
    expect(install).toBeNull();
    expect(manual?.command).toBe(
      'brew install poppler && brew install --cask google-chrome libreoffice',
    );
  });

  it('lists what to install where it knows no command: Windows, Linux without apt-get', () => {
    const windows = plan.planSystemTools({ ...debianRoot, platform: 'win32', apt: false }).manual;
    expect(windows?.command).toBeNull();
    expect(plan.describeManual(windows as Manual, 'win32')).toContain(
      'Install them, make sure soffice and the poppler tools are on PATH, then run `npm test` again.',
    );
    const fedora = plan.planSystemTools({ ...debianRoot, apt: false }).manual;
    expect(fedora?.command).toBeNull();
    expect(fedora?.reason).toContain('only with apt-get');
  });
});
