import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../electron/server/run';
import { call, dataDir, start, upload } from './browser-host';

// Browser mode through its HTTP host with the real backend: the page reads only files uploaded
// to this host and writes only workspaces in the workspaces folder; exports are downloads.

const CSV = 'KPI,Period,Value\nRevenue,2026-01,100\n';

async function withWorkspace(server: RunningServer): Promise<void> {
  const created = await call(server, 'workspace.create', { name: 'Acme' });
  expect(created.ok).toBe(true);
}

describe('files only by permission (browser mode)', () => {
  it('reads an uploaded file for import, and nothing else', async () => {
    const server = await start();
    await withWorkspace(server);
    const uploaded = await upload(server, 'values.csv', CSV);
    const preview = await call(server, 'import.inspect', { path: uploaded, locale: 'en-GB' });
    expect(preview).toMatchObject({ ok: true, data: { format: { delimiter: ',' } } });

    const passwd = await call(server, 'import.inspect', { path: '/etc/passwd', locale: 'en-GB' });
    expect(passwd).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message:
          '"/etc/passwd" is not a file uploaded for import; in browser mode the app reads only files you upload.',
      },
    });
    // A file next to the uploads, and a way out of them with "..", are refused alike.
    const beside = join(dataDir, 'secret.csv');
    writeFileSync(beside, CSV);
    for (const path of [beside, join(uploaded, '..', '..', '..', 'secret.csv')]) {
      const refused = await call(server, 'import.inspect', { path, locale: 'en-GB' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const pkg = await call(server, 'package.import', { path: '/etc/passwd', into: 'new' });
    expect(pkg).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('"/etc/passwd"') as string },
    });
  });

  it('writes exports only as downloads, and workspaces only in the workspaces folder', async () => {
    const server = await start();
    await withWorkspace(server);
    const target = join(dataDir, 'victim.txt');
    writeFileSync(target, 'precious');
    const exported = await call(server, 'export.values', {
      format: 'csv',
      layout: 'long',
      destination: { kind: 'file', path: target },
    });
    expect(exported).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: `"${target}" cannot be written: in browser mode an export is a download, saved by the browser.`,
      },
    });
    expect(readFileSync(target, 'utf8')).toBe('precious');
    const download = await call(server, 'export.values', {
      format: 'csv',
      layout: 'long',
      destination: { kind: 'download' },
    });
    expect(download).toMatchObject({ ok: true });

    const outside = await call(server, 'workspace.create', {
      name: 'Evil',
      path: join(dataDir, 'Evil.kpis'),
    });
    expect(outside).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const copy = await call(server, 'workspace.saveCopy', { path: '/tmp/copy.kpis' });
    expect(copy).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const open = await call(server, 'workspace.open', { path: target });
    expect(open).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(statSync(target).size).toBe('precious'.length);
  });
});
