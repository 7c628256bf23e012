import { mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../../electron/backend';
import { describe, expect, it } from 'vitest';
import { makeBackend, sha256, sideFiles, withScorecard, type TestBackend } from './helpers';

// Opening a file that is not a healthy workspace of ours is refused with a message naming the
// file and why, and the file is left byte for byte as it was, with no side files next to it.

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function expectRefusedUntouched(t: TestBackend, path: string) {
  const before = sha256(path);
  const filesBefore = readdirSync(t.dir).sort();
  const error = await t.fail('workspace.open', { path });
  expect(sha256(path)).toBe(before);
  expect(sideFiles(path)).toEqual([]);
  expect(readdirSync(t.dir).sort()).toEqual(filesBefore);
  return error;
}

/** A closed workspace with some data in it, so that it spans several pages. */
async function closedWorkspace(t: TestBackend, name: string): Promise<string> {
  const path = join(t.dir, `${name}.kpis`);
  await t.call('workspace.create', { name, path });
  const card = await t.call('scorecard.create', { name: 'Company', description: 'x'.repeat(5000) });
  for (let i = 0; i < 30; i += 1)
    await t.call('scorecard.create', {
      name: `Team ${i}`,
      parentId: card.id,
      description: 'y'.repeat(500),
    });
  await t.call('workspace.close', {});
  return path;
}

describe('opening files that are not healthy workspaces', () => {
  it('refuses a PNG renamed .kpis', async () => {
    const t = makeBackend();
    const path = join(t.dir, 'Holiday.kpis');
    writeFileSync(path, PNG);
    const error = await expectRefusedUntouched(t, path);
    expect(error).toEqual({
      code: 'NOT_A_WORKSPACE',
      message: '"Holiday.kpis" is not a KPI Scorecard workspace (it is not an SQLite database).',
    });
  });

  it.each(['delete', 'wal'])('refuses an unrelated SQLite database (%s journal)', async (mode) => {
    const t = makeBackend();
    const path = join(t.dir, 'Other.kpis');
    const other = new Database(path);
    other.pragma(`journal_mode = ${mode}`);
    other.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello')");
    other.close();
    const error = await expectRefusedUntouched(t, path);
    expect(error.code).toBe('NOT_A_WORKSPACE');
    expect(error.message).toBe(
      '"Other.kpis" is not a KPI Scorecard workspace (it is an SQLite database made by another program).',
    );
  });

  it('refuses a truncated workspace as damaged', async () => {
    const t = makeBackend();
    const path = await closedWorkspace(t, 'Cut');
    truncateSync(path, Math.floor(readFileSync(path).length / 2));
    const error = await expectRefusedUntouched(t, path);
    expect(error.code).toBe('NOT_A_WORKSPACE');
    expect(error.message).toMatch(
      /^"Cut\.kpis" is damaged and cannot be opened \(.+\)\. The file was left unchanged/,
    );
  });

  it('refuses a workspace cut down to its header', async () => {
    const t = makeBackend();
    const path = await closedWorkspace(t, 'Stub');
    truncateSync(path, 100);
    const error = await expectRefusedUntouched(t, path);
    expect(error.code).toBe('NOT_A_WORKSPACE');
    expect(error.message).toContain('"Stub.kpis"');
  });

  it('refuses an empty file', async () => {
    const t = makeBackend();
    const path = join(t.dir, 'Empty.kpis');
    writeFileSync(path, '');
    const error = await expectRefusedUntouched(t, path);
    expect(error).toEqual({
      code: 'NOT_A_WORKSPACE',
      message: '"Empty.kpis" is not a KPI Scorecard workspace (the file is empty).',
    });
  });

  it('refuses a folder and a missing file with FILE_ERROR', async () => {
    const t = makeBackend();
    const folder = join(t.dir, 'Folder.kpis');
    mkdirSync(folder);
    const asFolder = await t.fail('workspace.open', { path: folder });
    expect(asFolder).toEqual({
      code: 'FILE_ERROR',
      message: `"${folder}" is a folder, not a workspace file.`,
    });
    const missing = join(t.dir, 'Gone.kpis');
    const error = await t.fail('workspace.open', { path: missing });
    expect(error).toEqual({
      code: 'FILE_ERROR',
      message: `"Gone.kpis" does not exist (looked for "${missing}").`,
    });
    expect(readdirSync(t.dir).sort()).toEqual(['Folder.kpis', 'data']);
  });

  it('refuses a file written by a newer version and leaves it untouched', async () => {
    const t = makeBackend();
    const path = await closedWorkspace(t, 'Future');
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    const error = await expectRefusedUntouched(t, path);
    expect(error).toEqual({
      code: 'NEWER_VERSION',
      message: `"Future.kpis" was written by a newer version of KPI Scorecard (schema 99, this app reads up to ${MIGRATIONS.length}); update the app to open it. The file was left unchanged.`,
    });
  });

  it('keeps the open workspace open when another file is refused', async () => {
    const t = await withScorecard();
    const png = join(t.dir, 'Picture.kpis');
    writeFileSync(png, PNG);
    expect((await t.fail('workspace.open', { path: png })).code).toBe('NOT_A_WORKSPACE');
    expect((await t.call('workspace.current', {}))?.path).toBe(t.workspace.path);
    expect(await t.call('scorecard.list', {})).toHaveLength(1);
  });
});
