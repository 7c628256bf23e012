import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBrowserHost } from '../../../electron/server/host';
import { clearStaleUploads } from '../../../electron/server/upload-folder';
import type { RunningServer } from '../../../electron/server/run';
import { call, dataDir, start, upload } from './browser-host';
import { LONG_MAPPING } from '../../fixtures/long-mapping';

// Uploads belong to the host that received them: a second host on the same data folder leaves
// them alone; they are private to the user, removed after their import and when the host
// stops, and all of a host's uploads together have a quota.

const CSV = 'KPI,Period,Value\nRevenue,2026-01,100\n';
const inspect = (server: RunningServer, path: string) =>
  call(server, 'import.inspect', { path, locale: 'en-GB' });

async function waitForPhase(server: RunningServer, jobId: string, phase: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const status = await call(server, 'import.status', { jobId });
    if (status.ok && (status.data as { phase: string }).phase === phase) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`the import never reached ${phase}`);
}

describe('upload folders per host', () => {
  it("lets a second host on the same data folder start without touching the first one's uploads", async () => {
    const first = await start();
    await call(first, 'workspace.create', { name: 'Acme' });
    const mine = await upload(first, 'values.csv', CSV);

    const second = await start();
    expect(existsSync(mine)).toBe(true);
    expect(await inspect(first, mine)).toMatchObject({ ok: true });
    // Neither host reads the other's uploads.
    await call(second, 'workspace.create', { name: 'Other' });
    expect(await inspect(second, mine)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const theirs = await upload(second, 'values.csv', CSV);
    expect(dirname(dirname(theirs))).not.toBe(dirname(dirname(mine)));

    // Private to the user.
    expect(statSync(mine).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(mine)).mode & 0o777).toBe(0o700);
    expect(statSync(dirname(dirname(mine))).mode & 0o777).toBe(0o700);

    await second.stop();
    expect(existsSync(theirs)).toBe(false);
    expect(existsSync(mine)).toBe(true);
    await first.stop();
    expect(existsSync(mine)).toBe(false);
    expect(readdirSync(join(dataDir, 'uploads'))).toEqual([]);
  });

  it('removes an upload once its import is applied', async () => {
    const server = await start();
    await call(server, 'workspace.create', { name: 'Acme' });
    const view = await call(server, 'scorecard.create', { name: 'Company' });
    expect(view.ok).toBe(true);
    const path = await upload(server, 'values.csv', CSV);
    const started = await call(server, 'import.start', {
      path,
      sheet: null,
      format: null,
      mapping: LONG_MAPPING,
      numberLocale: 'en-GB',
      dayFirst: true,
      unknownKpis: { action: 'skip' },
    });
    if (!started.ok) throw new Error(started.error.message);
    const jobId = (started.data as { id: string }).id;
    await waitForPhase(server, jobId, 'ready');
    expect(existsSync(path)).toBe(true);
    await call(server, 'import.apply', { jobId });
    await waitForPhase(server, jobId, 'applied');
    expect(existsSync(path)).toBe(false);
    expect(existsSync(dirname(path))).toBe(false);
  });

  it('clears the folders of hosts that are gone, and keeps those of running ones', () => {
    const root = mkdtempSync(join(tmpdir(), 'kpis-stale-'));
    for (const name of ['111-0a0a0a0a', '222-0b0b0b0b', 'legacy-upload'])
      mkdirSync(join(root, name));
    writeFileSync(join(root, 'loose.csv'), 'x');
    clearStaleUploads(root, (pid) => pid === 222);
    expect(readdirSync(root)).toEqual(['222-0b0b0b0b']);
    rmSync(root, { recursive: true, force: true });
  });
});

describe('upload quota', () => {
  it("refuses an upload that would pass the host's quota, saying why", async () => {
    const root = mkdtempSync(join(tmpdir(), 'kpis-quota-'));
    mkdirSync(join(root, 'renderer'));
    writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html>');
    const host = await startBrowserHost({
      backend: {
        dispatch: () => Promise.resolve({ ok: true, data: null }),
        subscribe: () => () => undefined,
      },
      rendererDir: join(root, 'renderer'),
      uploadDir: join(root, 'uploads'),
      uploadQuotaBytes: 3 * 1024 ** 2,
      log: () => undefined,
    });
    try {
      const send = (body: string) =>
        fetch(`${host.origin}/upload?name=big.csv`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${host.token}`,
            'content-type': 'application/octet-stream',
          },
          body,
        });
      const twoMiB = 'a'.repeat(2 * 1024 ** 2);
      expect((await send(twoMiB)).status).toBe(200);
      const refused = await send(twoMiB);
      expect(refused.status).toBe(413);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
        'The file does not fit: files uploaded and not imported yet take 2 MiB of the 3 MiB kept for uploads. Finish or cancel the imports in progress, or restart the app, then try again.',
      );
      expect(readdirSync(join(root, 'uploads'))).toHaveLength(1);
    } finally {
      await host.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
