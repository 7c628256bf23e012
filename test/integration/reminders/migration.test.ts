import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/backend';
import {
  readReminderSettings,
  writeOverride,
  writeReview,
} from '../../../electron/backend/reminders/settings-store';
import { ChangeLog } from '../../../electron/backend/store/change-log';
import { migrate } from '../../../electron/backend/workspace/migrations';
import { makeBackend, tempDir } from '../backend/helpers';

// Schema 4 adds reminder settings: a file at 3 reads as defaults, migrates with its data
// intact, and the new rows go with the KPI or scorecard they belong to.

describe('migration to schema 4 (reminder settings)', () => {
  it('keeps the data of a schema 3 file and starts from the default settings', () => {
    const db = new Database(join(tempDir(), 'v3.kpis'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 3);
    db.prepare("INSERT INTO scorecards (id, name, position) VALUES ('s1', 'Company', 0)").run();
    expect(readReminderSettings(db)).toEqual({
      dataDue: { enabled: true, graceDays: 3, timeOfDay: '09:00' },
      overrides: [],
      reviews: [],
    });
    expect(migrate(db, MIGRATIONS, 4)).toEqual({ from: 3, to: 4 });
    expect(db.prepare('SELECT name FROM scorecards').get()).toEqual({ name: 'Company' });
    // Writes log their change, which schema 5's change log accepts.
    migrate(db, MIGRATIONS);
    const tx = { db, changes: new ChangeLog(db, 'device', () => '2026-01-01T00:00:00.000Z') };
    writeReview(tx, {
      scorecardId: 's1',
      cadence: 'quarterly',
      intervalWeeks: 1,
      startDate: '2026-01-01',
      timeOfDay: '10:00',
      leadDays: 1,
      prepare: '',
    });
    expect(readReminderSettings(db).reviews).toHaveLength(1);
    db.prepare("DELETE FROM scorecards WHERE id = 's1'").run();
    expect(readReminderSettings(db).reviews).toEqual([]);
    expect(() =>
      writeOverride(tx, 'no-such-kpi', {
        kpiId: 'no-such-kpi',
        mode: 'off',
        graceDays: null,
        timeOfDay: null,
      }),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.prepare("INSERT INTO reminder_defaults VALUES (1, 1, 3, '9 am')").run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('deleting a KPI deletes its reminder override', async () => {
    const t = makeBackend();
    await t.call('workspace.create', { name: 'Acme', path: join(t.dir, 'Acme.kpis') });
    const scorecard = await t.call('scorecard.create', { name: 'Company' });
    const view = await t.call('scorecard.evaluate', { id: scorecard.id });
    const objective = await t.call('objective.create', {
      perspectiveId: view.perspectives[0]?.perspective.id ?? '',
      name: 'Grow',
    });
    const kpi = await t.call('kpi.create', { objectiveId: objective.id, name: 'Revenue' });
    await t.call('reminders.setKpiOverride', { kpiId: kpi.id, mode: 'custom', graceDays: 7 });
    expect((await t.call('reminders.settings', {})).overrides).toHaveLength(1);
    await t.call('kpi.delete', { id: kpi.id });
    expect((await t.call('reminders.settings', {})).overrides).toEqual([]);
  });
});
