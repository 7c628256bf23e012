import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// `npm test` on a machine that lacks what the suite needs: scripts/test.mjs run as a process
// with a PATH of our making. --setup-only keeps a run that gets through the setup from
// starting the whole suite again.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder holding node and env only: no poppler, no soffice, no apt-get, no sudo. */
function bareBin(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kpis-bare-bin-'));
  dirs.push(dir);
  symlinkSync(process.execPath, join(dir, 'node'));
  symlinkSync('/usr/bin/env', join(dir, 'env'));
  return dir;
}

function testSetup(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['scripts/test.mjs', '--setup-only'], {
    encoding: 'utf8',
    env: { HOME: tmpdir(), ...env },
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe.runIf(process.platform === 'linux')('npm test on a machine that lacks tools', () => {
  it('stops with what is missing and the command to run, not a stack trace', () => {
    const bin = bareBin();
    const { status, output } = testSetup({ PATH: bin, KPIS_NO_SYSTEM_INSTALL: '1' });
    expect(status).toBe(1);
    expect(output).toContain('poppler (pdftotext, pdftoppm, pdfinfo, pdffonts): not found on PATH');
    expect(output).toContain('LibreOffice (soffice): not found on PATH');
    expect(output).toContain('KPIS_NO_SYSTEM_INSTALL is set');
    expect(output).not.toMatch(/^\s+at /m);
  });

  it('names a CHROMIUM_PATH that points nowhere', () => {
    const { status, output } = testSetup({
      PATH: process.env.PATH ?? '',
      CHROMIUM_PATH: '/nonexistent/chromium',
    });
    expect(status).toBe(1);
    expect(output).toContain('CHROMIUM_PATH is /nonexistent/chromium, which is not an executable');
    expect(output).not.toMatch(/^\s+at /m);
  });

  it.runIf(process.getuid?.() === 0)(
    'as root, installs with apt-get (update, then install) and goes on when they appear',
    () => {
      const bin = bareBin();
      const log = join(bin, 'apt.log');
      // A stand-in apt-get that records its calls and "installs" the programs as empty scripts.
      const stubs = ['pdftotext', 'pdftoppm', 'pdfinfo', 'pdffonts', 'soffice']
        .map(
          (name) => `printf '#!/bin/sh\\n' > ${join(bin, name)}; /bin/chmod +x ${join(bin, name)}`,
        )
        .join('\n');
      writeFileSync(
        join(bin, 'apt-get'),
        `#!/bin/sh\necho "$* $DEBIAN_FRONTEND" >> ${log}\n[ "$1" = install ] && { ${stubs}\n}\nexit 0\n`,
      );
      chmodSync(join(bin, 'apt-get'), 0o755);
      // node_modules is installed (vitest runs from it): an npm call here would be a wrong turn.
      writeFileSync(join(bin, 'npm'), `#!/bin/sh\necho "npm was called: $*"\nexit 1\n`);
      chmodSync(join(bin, 'npm'), 0o755);
      const { status, output } = testSetup({ PATH: bin });
      expect(output).toContain('Installing what the tests need');
      expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
        'update -q noninteractive',
        'install -y -q --no-install-recommends poppler-utils libreoffice-calc-nogui noninteractive',
      ]);
      expect(output).toContain('The machine is set up for the test suite.');
      expect(status).toBe(0);
    },
  );
});
