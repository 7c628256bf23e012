import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, inject, it } from 'vitest';
import { withScorecard } from '../backend/helpers';
import { contentOf } from './helpers';

// No path loses data: a process killed with SIGKILL while an import reads or writes leaves the
// workspace exactly as it was, every time. The import runs in a real child process (built by
// test/worker-setup.ts) with its worker thread, and is killed at several points.

const KPIS = 40;
const DAYS = 1_500;
const KILLS = 20;

/** A small seeded generator, so a failing run can be replayed with KPIS_CRASH_SEED. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Runs the harness; kills it when a status line passes `killAt`, or lets it finish. */
function runImport(
  args: string[],
  killAt: { phase: 'reading' | 'ready'; share: number } | null,
): Promise<{ killedAt: string | null; lastLine: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [inject('importHarnessPath'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let killedAt: string | null = null;
    let lastLine = '';
    let buffer = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        lastLine = line;
        const [phase, done, total] = line.split(' ');
        // On a busy machine the status poll can miss the last stretch of reading; the dry run
        // that follows is still before the commit, so a kill there is as good a kill point.
        const reached =
          killAt !== null &&
          phase === killAt.phase &&
          Number(total) > 0 &&
          Number(done) / Number(total) >= killAt.share;
        const passed = killAt?.phase === 'reading' && phase === 'ready';
        if (killAt && killedAt === null && (reached || passed)) {
          killedAt = line;
          child.kill('SIGKILL');
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (killAt && signal !== 'SIGKILL')
        reject(
          new Error(
            `The import ended (${code ?? signal ?? ''}) before it could be killed: ${lastLine} ${errors}`,
          ),
        );
      else if (!killAt && code !== 0) reject(new Error(`The import failed: ${errors}`));
      else resolve({ killedAt, lastLine });
    });
  });
}

describe('an import killed with SIGKILL', () => {
  it('leaves the workspace exactly as it was, wherever it is killed', async () => {
    const t = await withScorecard();
    const ids: string[] = [];
    for (let k = 0; k < KPIS; k += 1)
      ids.push(
        (
          await t.call('kpi.create', {
            objectiveId: t.objective.id,
            name: `Daily ${k}`,
            frequency: 'daily',
          })
        ).id,
      );
    // Values the import will change, so a torn write would show as well as a partial insert.
    await t.call('value.setMany', {
      entries: ids.map((kpiId) => ({ kpiId, period: '2001-01-01', value: -1, comment: 'before' })),
    });
    const rows = ['KPI,Day,Value,Comment'];
    for (let k = 0; k < KPIS; k += 1)
      for (let d = 0; d < DAYS; d += 1) {
        const day = new Date(Date.UTC(2001, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
        rows.push(`Daily ${k},${day},${k * DAYS + d},`);
      }
    const csv = join(t.dir, 'days.csv');
    writeFileSync(csv, rows.join('\n'));
    await t.call('workspace.close', {});
    const path = t.workspace.path;
    const before = contentOf(path);
    expect(before).toMatchObject({ integrity: 'ok', values: KPIS });

    const args = [path, csv, inject('importWorkerPath'), t.dataDir];
    // Values are written while the file is read, in a transaction committed only on apply:
    // kill while it is being read, and at the dry run with everything written.
    // 20 random points (the seed is in the failure message, to replay one): most while the
    // file is read, some at the dry run with everything written but not committed.
    const seed = Number(process.env.KPIS_CRASH_SEED ?? Date.now() % 1_000_000);
    const random = mulberry32(seed);
    for (let n = 0; n < KILLS; n += 1) {
      const killAt =
        random() < 0.2
          ? ({ phase: 'ready', share: 0 } as const)
          : ({ phase: 'reading', share: 0.05 + random() * 0.9 } as const);
      const { killedAt } = await runImport(args, killAt);
      expect(killedAt, `seed ${seed}`).not.toBeNull();
      expect(contentOf(path), `seed ${seed}, killed at "${killedAt ?? ''}"`).toEqual(before);
    }

    // Left alone, the same import writes everything: the kills above really were mid-import.
    await runImport(args, null);
    const after = contentOf(path);
    expect(after.integrity).toBe('ok');
    expect(after.values).toBe(KPIS * DAYS);
  }, 400_000);

  it('keeps every value whose save returned, killed right after a write', async () => {
    const t = await withScorecard();
    const kpi = await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Revenue' });
    await t.call('workspace.close', {});
    const path = t.workspace.path;
    const args = [path, `--write:${kpi.id}`, inject('importWorkerPath'), t.dataDir];
    const random = mulberry32(Number(process.env.KPIS_CRASH_SEED ?? Date.now() % 1_000_000));
    for (let n = 0; n < 5; n += 1) {
      const target = 5 + Math.floor(random() * 60);
      const saved = await runUntilSaved(args, target);
      const db = new Database(path);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const values = db
          .prepare('SELECT value FROM kpi_values WHERE kpi_id = ? ORDER BY period')
          .pluck()
          .all(kpi.id) as number[];
        // Every value the app said was saved is there (one more may have been on its way).
        expect(values.slice(0, saved)).toEqual(Array.from({ length: saved }, (_, i) => i + 1));
        expect(values.length - saved).toBeLessThanOrEqual(1);
        db.prepare('DELETE FROM kpi_values').run();
      } finally {
        db.close();
      }
    }
  }, 120_000);
});

/**
 * Runs the harness in write mode, kills it as soon as it says value `target` was saved, and
 * answers the last value it said was saved.
 */
function runUntilSaved(args: string[], target: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [inject('importHarnessPath'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let saved = 0;
    let buffer = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^saved (\d+)$/u.exec(line);
        if (!match) continue;
        // Lines already on their way when it is killed still count: those saves returned.
        saved = Number(match[1]);
        if (saved === target) child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(saved);
      else reject(new Error(`The writer ended before it was killed: ${errors}`));
    });
  });
}
