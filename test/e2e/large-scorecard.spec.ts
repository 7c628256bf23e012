import { apiCaller, expect, openSample, test } from './fixtures';

// A scorecard too large to put every row in the page (issue 19): only the rows on screen are
// rendered, yet scrolling reaches the last KPI with its status, and Tab and Shift+Tab walk
// through every row, the ones not yet rendered too.

const KPIS = 240;
const name = (i: number) => `Big KPI ${String(i).padStart(3, '0')}`;

test('a 240-KPI scorecard renders what is on screen and every row is reachable', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  // Made through the API before the page opens (the host opens on the sample), so the page
  // does not follow 240 changes one by one.
  const call = apiCaller(page, app);
  const scorecard = (await call('scorecard.create', { name: 'Big scorecard' })) as { id: string };
  const view = (await call('scorecard.evaluate', { id: scorecard.id })) as {
    perspectives: { perspective: { id: string } }[];
  };
  const perspectiveId = view.perspectives[0]?.perspective.id;
  const objective = (await call('objective.create', { perspectiveId, name: 'Everything' })) as {
    id: string;
  };
  const ids: string[] = [];
  for (let i = 0; i < KPIS; i += 1) {
    const kpi = (await call('kpi.create', {
      objectiveId: objective.id,
      name: name(i),
      target: 100,
    })) as { id: string };
    ids.push(kpi.id);
  }
  // The last KPI is off track, the others on track, in the month the view opens on.
  await call('value.setMany', {
    entries: ids.map((kpiId, i) => ({
      kpiId,
      period: '2026-10',
      value: i === KPIS - 1 ? 10 : 120,
    })),
  });
  await openSample(page, app);
  await page
    .getByRole('navigation', { name: 'Scorecards' })
    .getByRole('button', { name: 'Big scorecard' })
    .click();
  await expect(page.getByRole('heading', { name: 'Big scorecard', level: 2 })).toBeVisible();
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await expect(page.getByRole('button', { name: `Open ${name(0)}` })).toBeVisible();

  // Only a screenful (and a few either side) is in the page.
  const rendered = page.getByRole('button', { name: /^Open Big KPI / });
  const shown = await rendered.count();
  expect(shown).toBeGreaterThan(5);
  expect(shown).toBeLessThan(60);

  // Tab from the first row walks on past the rows rendered at first.
  await page.getByRole('button', { name: `Open ${name(0)}` }).focus();
  for (let i = 0; i < shown * 3 + 6; i += 1) await page.keyboard.press('Tab');
  const beyond = page.getByRole('button', { name: `Open ${name(shown + 2)}` });
  await expect(beyond).toBeFocused();
  await expect(beyond).toBeInViewport();
  // …and Shift+Tab walks back.
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: `Open ${name(shown + 1)}` })).toBeFocused();

  // Scrolled to the end: the last KPI shows, off track, and the first is no longer rendered.
  await page.mouse.move(700, 400);
  for (let i = 0; i < 40; i += 1) await page.mouse.wheel(0, 2000);
  const last = page.getByRole('row', { name: new RegExp(name(KPIS - 1)) });
  await expect(last).toBeInViewport();
  await expect(last).toContainText('Off track');
  await expect(page.getByRole('button', { name: `Open ${name(0)}` })).toHaveCount(0);

  // A row's buttons work as in a small scorecard.
  await last.getByRole('button', { name: `Open ${name(KPIS - 1)}` }).click();
  await expect(page.getByRole('dialog', { name: name(KPIS - 1) })).toBeVisible();
});

test('tables scrolled past keep none of their rows in the page', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const call = apiCaller(page, app);
  const scorecard = (await call('scorecard.create', { name: 'Many tables' })) as { id: string };
  const view = (await call('scorecard.evaluate', { id: scorecard.id })) as {
    perspectives: { perspective: { id: string } }[];
  };
  const perspectiveId = view.perspectives[0]?.perspective.id;
  // Six objectives of 30 KPIs: 180 KPIs, enough for the tables to render only what is on screen.
  for (let o = 0; o < 6; o += 1) {
    const objective = (await call('objective.create', {
      perspectiveId,
      name: `Objective ${String(o)}`,
    })) as { id: string };
    for (let k = 0; k < 30; k += 1)
      await call('kpi.create', {
        objectiveId: objective.id,
        name: `O${String(o)} KPI ${String(k)}`,
      });
  }
  await openSample(page, app);
  await page
    .getByRole('navigation', { name: 'Scorecards' })
    .getByRole('button', { name: 'Many tables' })
    .click();
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await expect(page.getByRole('button', { name: 'Open O0 KPI 0', exact: true })).toBeVisible();

  // Scrolled to the end a frame at a time, from inside the page, in steps shorter than a row, so
  // each table passes the point where only its last row is on screen (where the virtualiser's
  // range stops changing); the rows in the page are counted two frames after the end (the last
  // scroll's rows committed), as later renders could hide rows kept meanwhile.
  const keptAbove = await page.evaluate(
    () =>
      new Promise<number>((done) => {
        const count = () =>
          [...document.querySelectorAll('button[aria-label^="Open O"]')].filter((button) =>
            /^Open O[0-3] KPI /.test(button.getAttribute('aria-label') ?? ''),
          ).length;
        const step = () => {
          const end = document.documentElement.scrollHeight - window.innerHeight;
          if (window.scrollY >= end - 1) {
            requestAnimationFrame(() => requestAnimationFrame(() => done(count())));
            return;
          }
          window.scrollBy(0, 25);
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  );
  const lastRow = page.getByRole('button', { name: 'Open O5 KPI 29', exact: true });
  await expect(lastRow).toBeInViewport();
  // The first four tables are wholly above the window: none of their rows is in the page.
  expect(keptAbove).toBe(0);
  // And the rows of the two tables on screen are a screenful and a few either side.
  expect(await page.getByRole('button', { name: /^Open O\d KPI / }).count()).toBeLessThan(60);
});
