import type { MethodParams } from '@shared/api/contract';
import type { Scorecard } from '@shared/domain/entities';
import type { ViewFrequency, YearBasis } from '@shared/scoring/calendar';

// What the scorecard store asks `scorecard.evaluate` for, apart from the store: the page's
// first reads (app/early-reads.ts) ask the very same before React and the stores have loaded,
// and an early answer is taken only by a call with equal params (shared/api/early-calls.ts).

export interface ViewChoice {
  frequency: ViewFrequency;
  basis: YearBasis;
  /** null: the latest period with data. */
  period: string | null;
}

export const DEFAULT_CHOICE: ViewChoice = { frequency: 'month', basis: 'calendar', period: null };

export function evaluationParams(
  id: string,
  choice: ViewChoice,
): MethodParams<'scorecard.evaluate'> {
  return {
    id,
    view: { frequency: choice.frequency, basis: choice.basis },
    ...(choice.period ? { period: choice.period } : {}),
  };
}

/** The scorecard a workspace shows when it opens: its first top-level one. */
export function openingScorecard(scorecards: readonly Scorecard[]): Scorecard | undefined {
  return scorecards.find((card) => card.parentId === null) ?? scorecards[0];
}
