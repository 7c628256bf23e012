import { basename } from 'node:path';
import type { Objective, Scorecard } from '@shared/domain/entities';
import type { ViewFrequency, YearBasis } from '@shared/scoring/calendar';
import { problem, usageError } from './errors';
import type { Session } from './session';

// What a command is about inside a workspace: a scorecard named by --scorecard (its name or
// id), an objective for new KPIs, the view a period key belongs to.

const listed = (names: string[]): string =>
  names.length === 0 ? 'none' : names.map((name) => `"${name}"`).join(', ');

/** By id, else by name (ignoring case); without a choice the first top-level scorecard. */
export async function pickScorecard(
  session: Session,
  file: string,
  choice: string | undefined,
): Promise<Scorecard> {
  const scorecards = await session.call('scorecard.list', {});
  const label = basename(file);
  if (choice === undefined) {
    const top = scorecards.filter((s) => s.parentId === null);
    const first = (top.length > 0 ? top : scorecards).sort((a, b) => a.position - b.position)[0];
    if (!first) throw problem(`${label} has no scorecard yet; add one in the app first.`);
    return first;
  }
  const wanted = choice.trim();
  const byId = scorecards.find((s) => s.id === wanted);
  if (byId) return byId;
  const byName = scorecards.filter((s) => s.name.toLowerCase() === wanted.toLowerCase());
  if (byName.length === 1 && byName[0]) return byName[0];
  if (byName.length > 1)
    throw usageError(
      `${label} has ${byName.length} scorecards named "${wanted}"; name one by its id: ${byName.map((s) => s.id).join(', ')}.`,
    );
  throw usageError(
    `${label} has no scorecard "${wanted}". Its scorecards: ${listed(scorecards.map((s) => s.name))}.`,
  );
}

/** An objective of any scorecard, by id or name (ignoring case). */
export async function pickObjective(
  session: Session,
  file: string,
  choice: string,
): Promise<Objective> {
  const objectives: Objective[] = [];
  for (const scorecard of await session.call('scorecard.list', {})) {
    const view = await session.call('scorecard.evaluate', { id: scorecard.id });
    for (const perspective of view.perspectives)
      objectives.push(...perspective.objectives.map((entry) => entry.objective));
  }
  const wanted = choice.trim();
  const matches = objectives.filter(
    (o) => o.id === wanted || o.name.toLowerCase() === wanted.toLowerCase(),
  );
  if (matches.length === 1 && matches[0]) return matches[0];
  const label = basename(file);
  if (matches.length > 1)
    throw usageError(
      `${label} has ${matches.length} objectives named "${wanted}"; name one by its id: ${matches.map((o) => o.id).join(', ')}.`,
    );
  throw usageError(
    `${label} has no objective "${wanted}". Its objectives: ${listed(objectives.map((o) => o.name))}.`,
  );
}

/** The view a period key is in: 2026-03 a month, 2026-Q1 a quarter, 2026 or FY2027 a year. */
export function viewOfPeriod(key: string): { frequency: ViewFrequency; basis: YearBasis } | null {
  const text = key.trim();
  const basis: YearBasis = text.startsWith('FY') ? 'fiscal' : 'calendar';
  if (/^\d{4}-\d{2}$/u.test(text)) return { frequency: 'month', basis: 'calendar' };
  if (/^(FY)?\d{4}-Q[1-4]$/u.test(text)) return { frequency: 'quarter', basis };
  if (/^(FY)?\d{4}$/u.test(text)) return { frequency: 'year', basis };
  return null;
}
