import { apiCaller, chooseFromFileMenu, expect, openSample, test } from './fixtures';

// A workspace opened again is backed up for the day; "Restore a backup…" brings back what it
// held, on screen at once, and restoring the backup taken just before undoes that.

test('a backup is restored from its dialog, and the restore is undone', async ({ page, app }) => {
  await openSample(page, app);
  // Opened again (a restart opens the most recent workspace): today's backup is taken.
  const restarted = await app.restart();
  await openSample(page, restarted);
  const call = apiCaller(page, restarted);
  const kpis = (await call('kpi.list', {})) as { objectiveId: string }[];
  await call('kpi.create', { objectiveId: kpis[0]?.objectiveId, name: 'Added after the backup' });
  // No reload: the page follows the API write through the backend's change event.
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  const added = page.getByRole('button', { name: 'Open Added after the backup' });
  await expect(added).toBeVisible();

  await chooseFromFileMenu(page, 'Restore a backup…');
  const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
  const backups = dialog.getByRole('radio');
  await expect(backups).toHaveCount(1);
  await expect(dialog.getByRole('group', { name: 'Backups, newest first' })).toContainText(
    /3 scorecard\(s\), 24 KPI\(s\), 491 value\(s\)/,
  );
  await backups.first().check();
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(dialog.getByRole('status')).toContainText('Restored the backup of');
  await expect(added).toHaveCount(0);

  // Undo: the backup taken just before the restore.
  const undo = dialog.getByRole('radio', { name: /before restoring/ });
  await expect(undo).toHaveCount(1);
  await undo.check();
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(added).toBeVisible();
  await page.screenshot({ path: 'test-results/backups-dialog.png' });
});
