import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { FIXTURES, makeBackend, tempDir } from '../backend/helpers';

// A recent workspace held open by another program (another copy of the app) cannot be read
// for a moment: its reminders stay as last read, with no error and no note.

const ZONE = 'Europe/Berlin';

function hold(file: string) {
  const child = spawn(process.execPath, [join(FIXTURES, 'hold-workspace.mjs'), 'hold', file], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => resolve());
    child.on('exit', (code) => reject(new Error(`holder exited (${String(code)})`)));
  });
  const release = () =>
    new Promise<void>((resolve) => {
      child.removeAllListeners('exit');
      child.on('exit', () => resolve());
      child.stdin.end();
    });
  return { ready, release };
}

describe('a recent workspace held by another program', () => {
  it('keeps its reminders as last read and reports nothing wrong', async () => {
    const dir = tempDir();
    const t = makeBackend({
      dir,
      now: () => DateTime.fromISO('2026-04-03T10:00', { zone: ZONE }).toJSDate(),
    });
    const beta = await t.call('workspace.create', { name: 'Beta', path: join(dir, 'Beta.kpis') });
    const scorecard = await t.call('scorecard.create', { name: 'Company' });
    const view = await t.call('scorecard.evaluate', { id: scorecard.id });
    const objective = await t.call('objective.create', {
      perspectiveId: view.perspectives[0]?.perspective.id ?? '',
      name: 'Grow',
    });
    await t.call('kpi.create', { objectiveId: objective.id, name: 'Leads' });
    await t.call('workspace.create', { name: 'Acme', path: join(dir, 'Acme.kpis') });
    const titles = async () =>
      (await t.call('reminders.inbox', { timeZone: ZONE, locale: 'en-GB' })).items.map(
        (i) => `${i.workspaceName}: ${i.title}`,
      );
    const before = await titles();
    expect(before).toContain('Beta: The Mar 2026 value of Leads is due');

    const holder = hold(beta.path);
    await holder.ready;
    try {
      expect(await titles()).toEqual(before);
      const inbox = await t.call('reminders.inbox', { timeZone: ZONE, locale: 'en-GB' });
      expect(inbox.notes).toEqual([]);
      expect(t.logged).toEqual([]);
    } finally {
      await holder.release();
    }
  });
});
