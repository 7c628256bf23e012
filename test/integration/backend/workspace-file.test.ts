import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, MIGRATIONS } from '../../../electron/backend';
import { makeBackend, sideFiles, withScorecard } from './helpers';

describe('workspace files', () => {
  it('keeps everything entered after close and reopen, in a file that is ours', async () => {
    const t = await withScorecard();
    const kpi = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Revenue',
      target: 100,
    });
    await t.call('value.set', {
      kpiId: kpi.id,
      period: '2026-03',
      value: 120,
      comment: 'good month',
    });
    await t.call('workspace.close', {});
    expect(await t.call('workspace.current', {})).toBeNull();
    expect(sideFiles(t.workspace.path)).toEqual([]);

    const raw = new Database(t.workspace.path, { readonly: true });
    expect(raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();

    const reopened = await t.call('workspace.open', { path: t.workspace.path });
    expect(reopened).toMatchObject({ name: 'Acme', id: t.workspace.id, migratedFrom: null });
    const [value] = await t.call('value.list', { kpiIds: [kpi.id] });
    expect(value).toMatchObject({
      period: '2026-03',
      value: 120,
      comment: 'good month',
      enteredBy: 'Ana',
    });
    expect((await t.call('kpi.get', { id: kpi.id })).target).toBe(100);
  });

  it('refuses to create over an existing file and leaves it alone', async () => {
    const t = makeBackend();
    const path = join(t.dir, 'Taken.kpis');
    writeFileSync(path, 'precious');
    const error = await t.fail('workspace.create', { name: 'Taken', path });
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'path' });
    expect(error.message).toContain('"Taken.kpis" already exists');
    expect(readdirSync(t.dir).sort()).toEqual(['Taken.kpis', 'data']);
  });

  it('adds the .kpis extension and refuses relative paths and missing folders', async () => {
    const t = makeBackend();
    const info = await t.call('workspace.create', { name: 'Plain', path: join(t.dir, 'plain') });
    expect(info.path).toBe(join(t.dir, 'plain.kpis'));
    expect(await t.fail('workspace.create', { name: 'R', path: 'relative.kpis' })).toMatchObject({
      code: 'VALIDATION',
      field: 'path',
    });
    const missing = await t.fail('workspace.create', {
      name: 'M',
      path: join(t.dir, 'no', 'M.kpis'),
    });
    expect(missing.code).toBe('FILE_ERROR');
    expect(missing.message).toContain('does not exist');
  });

  it('creates browser-mode workspaces in the workspaces folder under a safe, unique name', async () => {
    const t = makeBackend();
    const first = await t.call('workspace.create', { name: 'Client: A/B <test>' });
    const second = await t.call('workspace.create', { name: 'Client: A/B <test>' });
    expect(first.path).toBe(join(t.workspacesDir, 'Client- A-B -test-.kpis'));
    expect(second.path).toBe(join(t.workspacesDir, 'Client- A-B -test- (2).kpis'));
    expect(second.name).toBe('Client: A/B <test>');
    const files = await t.call('workspace.listFiles', {});
    expect(files.map((f) => f.name).sort()).toEqual([
      'Client- A-B -test-',
      'Client- A-B -test- (2)',
    ]);
    expect(files[0]?.sizeBytes).toBeGreaterThan(0);
  });

  it('lists no files when the workspaces folder does not exist yet', async () => {
    const t = makeBackend();
    expect(await t.call('workspace.listFiles', {})).toEqual([]);
  });

  it('keeps the ten most recent workspaces, newest first, and notices vanished files', async () => {
    const t = makeBackend();
    const paths: string[] = [];
    for (let i = 1; i <= 12; i += 1) {
      paths.push((await t.call('workspace.create', { name: `W${i}` })).path);
    }
    await t.call('workspace.open', { path: paths[2] ?? '' });
    const recent = await t.call('workspace.recent', {});
    expect(recent).toHaveLength(10);
    expect(recent.map((r) => r.name).slice(0, 3)).toEqual(['W3', 'W12', 'W11']);
    expect(recent.every((r) => r.exists)).toBe(true);

    // A new backend (the app restarted) reads the same list from the data folder.
    const again = makeBackend({ dir: t.dir });
    await t.call('workspace.close', {});
    rmSync(paths[11] ?? '');
    const afterRestart = await again.call('workspace.recent', {});
    expect(afterRestart.find((r) => r.name === 'W12')?.exists).toBe(false);
    const forgotten = await again.call('workspace.forgetRecent', { path: paths[11] ?? '' });
    expect(forgotten.map((r) => r.name)).not.toContain('W12');
    expect(forgotten).toHaveLength(9);
    expect(readdirSync(t.dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('renames the workspace and sets the fiscal year start, logged as changes', async () => {
    const t = await withScorecard();
    const renamed = await t.call('workspace.rename', { name: '  Acme Ltd  ' });
    expect(renamed.name).toBe('Acme Ltd');
    const fiscal = await t.call('workspace.setFiscalYearStart', { month: 4 });
    expect(fiscal).toMatchObject({ name: 'Acme Ltd', fiscalYearStartMonth: 4 });
    expect((await t.call('workspace.recent', {}))[0]?.name).toBe('Acme Ltd');
    await t.call('workspace.close', {});
    const db = new Database(t.workspace.path, { readonly: true });
    const entries = db
      .prepare("SELECT operation FROM change_log WHERE entity = 'workspace'")
      .all() as { operation: string }[];
    db.close();
    expect(entries).toEqual([{ operation: 'update' }, { operation: 'update' }]);
  });

  it('saves a consistent copy that opens with the same data, but never over the open file', async () => {
    const t = await withScorecard();
    const kpi = await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Revenue' });
    await t.call('value.set', { kpiId: kpi.id, period: '2026-01', value: 5 });
    const refused = await t.fail('workspace.saveCopy', { path: t.workspace.path });
    expect(refused).toMatchObject({ code: 'CONFLICT', field: 'path' });

    mkdirSync(join(t.dir, 'copies'));
    const target = join(t.dir, 'copies', 'Acme copy');
    const copy = await t.call('workspace.saveCopy', { path: target });
    expect(copy.path).toBe(`${target}.kpis`);
    expect(readdirSync(join(t.dir, 'copies'))).toEqual(['Acme copy.kpis']);

    // Writing after the copy does not change it.
    await t.call('value.set', { kpiId: kpi.id, period: '2026-02', value: 6 });
    await t.call('workspace.open', { path: copy.path });
    const values = await t.call('value.list', { kpiIds: [kpi.id] });
    expect(values.map((v) => v.value)).toEqual([5]);
    expect(existsSync(t.workspace.path)).toBe(true);
  });

  it('answers app.info without a workspace, and NO_WORKSPACE for data methods', async () => {
    const t = makeBackend();
    expect(await t.call('app.info', {})).toEqual({
      version: '0.1.0-test',
      mode: 'browser',
      workspacesDir: t.workspacesDir,
    });
    const error = await t.fail('scorecard.list', {});
    expect(error).toEqual({ code: 'NO_WORKSPACE', message: 'Open or create a workspace first.' });
    expect(await t.call('workspace.close', {})).toBeNull();
  });

  it('answers UNKNOWN_METHOD for a method that does not exist', async () => {
    const t = makeBackend();
    expect((await t.fail('scorecard.drop', {})).code).toBe('UNKNOWN_METHOD');
    expect((await t.fail('toString', {})).code).toBe('UNKNOWN_METHOD');
  });

  it('gives the same device id to every change it writes, kept across restarts', async () => {
    const t = await withScorecard();
    await t.call('workspace.close', {});
    const other = makeBackend({ dir: t.dir });
    await other.call('workspace.open', { path: t.workspace.path });
    await other.call('scorecard.create', { name: 'Second' });
    await other.call('workspace.close', {});
    const db = new Database(t.workspace.path, { readonly: true });
    const devices = db.prepare('SELECT DISTINCT device_id FROM change_log').all();
    db.close();
    expect(devices).toHaveLength(1);
  });

  it('turns an unexpected failure into INTERNAL with a generic message, logs it, and leaves no file', async () => {
    const broken = {
      version: MIGRATIONS.length + 1,
      name: 'bug',
      up() {
        throw new TypeError('cannot read properties of undefined');
      },
    };
    const t = makeBackend({ internals: { migrations: [...MIGRATIONS, broken] } });
    const path = join(t.dir, 'Bug.kpis');
    const error = await t.fail('workspace.create', { name: 'Bug', path });
    expect(error).toEqual({
      code: 'INTERNAL',
      message: 'Something went wrong inside the app. The details were logged.',
    });
    expect(t.logged).toHaveLength(1);
    expect(JSON.stringify(t.logged[0])).toContain('workspace.create');
    expect(readdirSync(t.dir)).toEqual(['data']);
  });

  it('opening the workspace that is already open simply returns it', async () => {
    const t = await withScorecard();
    const again = await t.call('workspace.open', { path: t.workspace.path });
    expect(again.id).toBe(t.workspace.id);
    expect(await t.call('scorecard.list', {})).toHaveLength(1);
  });
});
