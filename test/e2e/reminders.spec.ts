import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { apiCaller, expect, openSample, test } from './fixtures';

// The reminders inbox in browser mode, on the sample (its values stop in October 2026, so
// there is always a period whose value is due): act on reminders, change settings, export the
// calendar, and find it all as left after a restart.

/** The first objective of the sample's first scorecard, for KPIs a test adds. */
async function firstObjectiveId(call: ReturnType<typeof apiCaller>): Promise<string> {
  const [scorecard] = (await call('scorecard.list', {})) as { id: string }[];
  const view = (await call('scorecard.evaluate', { id: scorecard?.id })) as {
    perspectives: { objectives: { objective: { id: string } }[] }[];
  };
  return view.perspectives[0]?.objectives[0]?.objective.id ?? '';
}

test('the inbox lists due values, and done, snooze and dismiss stick across a restart', async ({
  page,
  app,
}) => {
  await openSample(page, app);
  await page.getByRole('button', { name: /^Reminders, \d+ due$/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Reminders' });
  const inbox = dialog.getByRole('list', { name: 'Reminders inbox' });
  // The sample's October values put some KPIs off track: those alerts come before the
  // values still to come, so this test takes the due values among them, overdue ones: the grace
  // period set below moves a value due soon by five days, out of the inbox's two weeks ahead
  // late in a month, and the snoozed one must stay listed on any date.
  const items = inbox
    .getByRole('listitem', { name: /value of .* is due$/ })
    .filter({ hasText: 'Overdue' });
  await expect(items.first()).toBeVisible();
  expect(await items.count()).toBeGreaterThanOrEqual(3);
  await expect(items.first()).toContainText(/value of .* is due/);
  await expect(items.first()).toContainText('Harbour Street Bakery & Café');

  await page.screenshot({ path: 'test-results/screenshots/reminders-inbox.png' });
  const titleOf = async (index: number) =>
    (await items.nth(index).getAttribute('aria-label')) ?? '';
  const done = await titleOf(0);
  const snoozed = await titleOf(1);
  const dismissed = await titleOf(2);

  await dialog.getByRole('button', { name: `Mark done: ${done}`, exact: true }).click();
  await expect(inbox.getByRole('listitem', { name: done, exact: true })).toHaveCount(0);
  await dialog
    .getByRole('button', { name: `Snooze until tomorrow: ${snoozed}`, exact: true })
    .click();
  await expect(inbox.getByRole('listitem', { name: snoozed, exact: true })).toContainText(
    'Snoozed until',
  );
  await dialog.getByRole('button', { name: `Dismiss: ${dismissed}`, exact: true }).click();
  await expect(inbox.getByRole('listitem', { name: dismissed, exact: true })).toHaveCount(0);

  // Settings: the workspace's grace period, and this computer's pause.
  await dialog.getByLabel('Grace period (days after the period ends)').fill('5');
  await dialog.getByRole('button', { name: 'Save workspace defaults' }).click();
  await expect(
    dialog.getByRole('status').filter({ hasText: 'Workspace reminder defaults saved.' }),
  ).toBeVisible();
  // A review of the scorecard on screen every four weeks, the first in three days: its
  // reminder, a day before, is listed as coming. (A monthly review meets on first Mondays, so
  // whether its reminder is within the inbox's two weeks ahead depended on the day the test ran.)
  const firstMeeting = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  await dialog.getByLabel('Meets').selectOption('custom');
  await dialog.getByLabel('Every (weeks)').fill('4');
  await dialog.getByLabel('First meeting').fill(firstMeeting);
  await dialog.getByLabel('Days before the meeting').fill('1');
  await dialog.getByLabel('What to prepare').fill('Numbers and action plans');
  await dialog.getByRole('button', { name: 'Save review meeting' }).click();
  await expect(
    dialog.getByRole('status').filter({ hasText: 'Review meeting saved.' }),
  ).toBeVisible();
  await expect(
    inbox.getByRole('listitem', { name: /^Scheduled review of / }).first(),
  ).toContainText('Prepare: Numbers and action plans');

  // Switching one KPI's reminders off removes its due values from the inbox.
  const kpiName = /value of (.*) is due$/.exec(snoozed)?.[1] ?? '';
  await dialog.getByText('Reminders per KPI').click();
  await dialog.getByLabel(`Reminders for ${kpiName}`, { exact: true }).selectOption('off');
  await expect(dialog.getByRole('status').filter({ hasText: 'KPI reminder saved.' })).toBeVisible();
  await expect(inbox.getByRole('listitem', { name: snoozed, exact: true })).toHaveCount(0);
  await dialog.getByLabel(`Reminders for ${kpiName}`, { exact: true }).selectOption('default');
  await expect(inbox.getByRole('listitem', { name: snoozed, exact: true })).toContainText(
    'Snoozed until',
  );

  await dialog.getByRole('checkbox', { name: 'Pause all reminders' }).check();
  await expect(dialog.getByText('Reminders are paused')).toBeVisible();

  // The calendar export arrives as a download that a real iCalendar parser reads.
  const downloadEvent = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export calendar (.ics)' }).click();
  const download = await downloadEvent;
  expect(download.suggestedFilename()).toBe('Harbour Street Bakery & Café reminders.ics');
  const calendar = new ICAL.Component(
    ICAL.parse(readFileSync(await download.path(), 'utf8')) as unknown[],
  );
  const events = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
  expect(events.length).toBeGreaterThan(0);
  expect(events[0]?.summary).toMatch(/is due|review/);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // A restart of the app: the same data folder, the inbox as it was left.
  const restarted = await app.restart();
  await page.goto(restarted.url);
  await page.getByRole('button', { name: /^Reminders, \d+ due$/ }).click();
  await expect(inbox.getByRole('listitem').first()).toBeVisible();
  await expect(inbox.getByRole('listitem', { name: done, exact: true })).toHaveCount(0);
  await expect(inbox.getByRole('listitem', { name: dismissed, exact: true })).toHaveCount(0);
  await expect(inbox.getByRole('listitem', { name: snoozed, exact: true })).toContainText(
    'Snoozed until',
  );
  await expect(dialog.getByRole('checkbox', { name: 'Pause all reminders' })).toBeChecked();
  await expect(dialog.getByLabel('Grace period (days after the period ends)')).toHaveValue('5');
});

test('a value that turns a KPI off track shows an alert with its status in words, once', async ({
  page,
  app,
}) => {
  await openSample(page, app);
  const call = apiCaller(page, app);
  // A new KPI with a target of 100, on track last month and far below it this month.
  const objectiveId = await firstObjectiveId(call);
  const kpi = (await call('kpi.create', {
    objectiveId,
    name: 'Walk-in customers',
    frequency: 'monthly',
    target: 100,
  })) as { id: string };
  const month = (offset: number) => {
    const day = new Date();
    day.setUTCDate(1);
    day.setUTCMonth(day.getUTCMonth() + offset);
    return day.toISOString().slice(0, 7);
  };
  await call('value.set', { kpiId: kpi.id, period: month(-1), value: 100 });
  await call('value.set', { kpiId: kpi.id, period: month(0), value: 10 });

  // The open page hears the change: no reload.
  await page.getByRole('button', { name: /^Reminders, \d+ due$/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Reminders' });
  const inbox = dialog.getByRole('list', { name: 'Reminders inbox' });
  const alert = inbox.getByRole('listitem', { name: /^Walk-in customers went off track in / });
  await expect(alert).toHaveCount(1);
  // The status is written out, not only coloured.
  await expect(alert).toContainText('Off track');
  await expect(alert).toContainText('On track in');
  await expect(alert).toContainText('value 10 against target 100');
  await alert.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/reminders-alert.png' });
  const title = (await alert.getAttribute('aria-label')) ?? '';
  await dialog.getByRole('button', { name: `Dismiss: ${title}`, exact: true }).click();
  await expect(inbox.getByRole('listitem', { name: title, exact: true })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // After a restart it stays dismissed.
  const restarted = await app.restart();
  await page.goto(restarted.url);
  await page.getByRole('button', { name: /^Reminders, \d+ due$/ }).click();
  await expect(inbox.getByRole('listitem').first()).toBeVisible();
  await expect(inbox.getByRole('listitem', { name: title, exact: true })).toHaveCount(0);
});

test('a long inbox shows a page at a time, with the count of every open reminder', async ({
  page,
  app,
}) => {
  await openSample(page, app);
  const call = apiCaller(page, app);
  // Six daily KPIs whose last value is from 100 days ago: a value missing every day since.
  const objectiveId = await firstObjectiveId(call);
  const longAgo = new Date(Date.now() - 100 * 86_400_000).toISOString().slice(0, 10);
  for (let i = 1; i <= 6; i += 1) {
    const kpi = (await call('kpi.create', {
      objectiveId,
      name: `Daily check ${String(i)}`,
      frequency: 'daily',
    })) as { id: string };
    await call('value.set', { kpiId: kpi.id, period: longAgo, value: 1 });
  }
  // The open page hears the changes: no reload.
  await page.getByRole('tab', { name: 'Scorecard' }).click();

  const button = page.getByRole('button', { name: /^Reminders, [\d,]+ due$/ });
  await expect(button).toHaveAccessibleName(/^Reminders, (\d{3}|\d,\d{3}) due$/);
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Reminders' });
  // The reminders, named by their titles (the per-KPI groups around them have no name).
  const items = dialog
    .getByRole('list', { name: 'Reminders inbox' })
    .getByRole('listitem', { name: /./ });
  const summary = dialog.getByRole('status').filter({ hasText: /^Showing / });
  await expect(summary).toContainText(/^Showing 200 of [\d,]+ open reminders: [\d,]+ overdue/);
  await expect(items).toHaveCount(200);
  const open = Number(
    /of ([\d,]+) open/.exec((await summary.textContent()) ?? '')?.[1]?.replaceAll(',', ''),
  );
  expect(open).toBeGreaterThan(6 * 90);
  // The oldest overdue come first.
  await expect(items.first()).toContainText('Overdue');

  await dialog.getByRole('button', { name: 'Show 200 more' }).click();
  await expect(items).toHaveCount(400);
  await expect(summary).toContainText(/^Showing 400 of /);
  await summary.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/reminders-long-inbox.png' });
  await dialog
    .getByRole('button', { name: `Show ${String(Math.min(200, open - 400))} more` })
    .click();
  await expect(items).toHaveCount(Math.min(600, open));
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Deleting a KPI takes its reminders with it: the count on the button follows, no reload.
  const due = async () =>
    Number(
      /([\d,]+) due/
        .exec((await button.getAttribute('aria-label')) ?? '')?.[1]
        ?.replaceAll(',', ''),
    );
  const before = await due();
  await page.getByRole('button', { name: 'Delete KPI Daily check 1', exact: true }).click();
  // The notice offers Undo; Done deletes at once.
  await page
    .getByRole('status')
    .filter({ hasText: 'Deleted the KPI “Daily check 1”' })
    .getByRole('button', { name: 'Done' })
    .click();
  await expect.poll(due).toBeLessThan(before - 85);
});
