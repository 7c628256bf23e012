import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FIXTURES, makeBackend, sha256, sideFiles } from './helpers';

// Two writers must never share a workspace file: a second window, program or process is refused
// with WORKSPACE_LOCKED until the first one closes the file.

const HOLDER = join(FIXTURES, 'hold-workspace.mjs');

function runChild(mode: 'hold' | 'write' | 'crash', file: string) {
  const child = spawn(process.execPath, [HOLDER, mode, file], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) resolve(output.trim());
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      reject(new Error(`child exited (${String(code)}) before answering`));
    });
  });
  return { child, firstLine };
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve();
    else
      child.on('exit', () => {
        resolve();
      });
  });
}

async function createdFile() {
  const t = makeBackend();
  const path = join(t.dir, 'Shared.kpis');
  await t.call('workspace.create', { name: 'Shared', path });
  return { t, path };
}

describe('one writer per workspace file', () => {
  it('refuses a second backend in the same process until the first closes the file', async () => {
    const { t, path } = await createdFile();
    const second = makeBackend({ dir: t.dir });
    const error = await second.fail('workspace.open', { path });
    expect(error).toEqual({
      code: 'WORKSPACE_LOCKED',
      message:
        '"Shared.kpis" is open in another KPI Scorecard window or program. Close it there, then try again.',
    });
    await t.call('workspace.close', {});
    expect((await second.call('workspace.open', { path })).name).toBe('Shared');
  });

  it('keeps a second SQLite connection from reading or writing the open file', async () => {
    const { t, path } = await createdFile();
    const other = new Database(path, { timeout: 0 });
    expect(() => other.prepare('SELECT count(*) FROM scorecards').get()).toThrow(/locked/);
    expect(() => other.exec("INSERT INTO workspace_meta VALUES ('x', 'y')")).toThrow(/locked/);
    other.close();
    // Still ours: the backend keeps writing.
    await t.call('scorecard.create', { name: 'Still writable' });
    expect(await t.call('scorecard.list', {})).toHaveLength(1);
  });

  it('keeps another process from writing while the workspace is open, and lets it after close', async () => {
    const { t, path } = await createdFile();
    const blocked = runChild('write', path);
    expect(await blocked.firstLine).toMatch(/^busy SQLITE_BUSY/);
    await exited(blocked.child);

    await t.call('workspace.close', {});
    const allowed = runChild('write', path);
    expect(await allowed.firstLine).toBe('wrote');
    await exited(allowed.child);
  });

  it('refuses to open a file another process holds, without touching it', async () => {
    const { t, path } = await createdFile();
    await t.call('workspace.close', {});
    const holder = runChild('hold', path);
    try {
      expect(await holder.firstLine).toBe('holding');
      const before = sha256(path);
      const error = await t.fail('workspace.open', { path });
      expect(error.code).toBe('WORKSPACE_LOCKED');
      expect(error.message).toContain(
        '"Shared.kpis" is open in another KPI Scorecard window or program',
      );
      expect(sha256(path)).toBe(before);
    } finally {
      holder.child.stdin.end();
      await exited(holder.child);
    }
    expect(sideFiles(path)).toEqual([]);
    expect((await t.call('workspace.open', { path })).name).toBe('Shared');
  });

  it('recovers what another process committed before it was killed', async () => {
    const { t, path } = await createdFile();
    await t.call('workspace.close', {});
    const crashing = runChild('crash', path);
    expect(await crashing.firstLine).toBe('written');
    crashing.child.kill('SIGKILL');
    await exited(crashing.child);
    expect(sideFiles(path)).toContain(`${path}-wal`);

    await t.call('workspace.open', { path });
    expect((await t.call('scorecard.list', {})).map((s) => s.name)).toEqual(['Before the crash']);
    await t.call('workspace.close', {});
    expect(sideFiles(path)).toEqual([]);
  });
});
