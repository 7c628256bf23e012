import { SCORE_CAP } from '@shared/scoring/score';
import { ROLLUP_AT_RISK, ROLLUP_ON_TRACK } from '@shared/scoring/evaluate-structure';

// The scoring rules in the user's words, next to the numbers they explain (the same rules
// as shared/scoring/score.ts, evaluate-structure.ts, evaluate-kpis.ts, mixed-frequency.ts and
// default-period.ts).

export function ScoringHelp() {
  return (
    <details className="scoring-help">
      <summary>How statuses and scores work</summary>
      <ul>
        <li>
          <strong>Status</strong> compares a KPI’s value with its target using its thresholds: on
          track, at risk or off track; “no data” when there is no value or no target. Value and
          target are compared as they are shown, with the KPI’s decimals: 11.99995 shown as 12.00
          against a target of 12.00 is on target. A value exactly on a threshold gets the better
          status.
        </li>
        <li>
          <strong>A KPI’s score</strong> is its value as a percentage of the target, at most{' '}
          {SCORE_CAP}%. For lower-is-better KPIs it is target ÷ value (a value of zero or less has
          reached the best result and scores {SCORE_CAP}%); for within-range KPIs it is 100% inside
          the range and falls with the distance outside it.
        </li>
        <li>
          <strong>Objectives, perspectives and scorecards</strong> follow one rule for both their
          score and their status: each KPI (or objective, or perspective) below counts 100 points on
          track, 50 at risk and 0 off track, weighted; what has no data is left out and counted (“1
          of 4 without data”). The weighted average is the score out of 100, and the status follows
          it: {ROLLUP_ON_TRACK} or more on track, {ROLLUP_AT_RISK} or more at risk, below that off
          track.
        </li>
        <li>
          <strong>KPIs rolled up from child KPIs</strong> say how many children reported (“2 of 3
          reported”). While children are missing, a parent is not called at risk or off track when
          the missing values could only help — a sum of two regions out of three that is short of
          the target shows “no data” until the third is in. A shortfall the missing values cannot
          fix (a lower-is-better sum already over its target) keeps its status.
        </li>
        <li>
          <strong>Periods</strong>: a monthly KPI viewed by quarter or year is combined with its own
          aggregation (sum, average, last, min, max); missing months are “no data”, never zero.
          While a period is still being reported, summed KPIs are compared with their target to
          date, and the forecast projects the whole period. A quarterly or yearly KPI in the month
          view shows its latest quarter or year up to that month, named (“Q3 2026”).
        </li>
        <li>
          <strong>The period shown first</strong> is the latest one in which more than half of the
          KPIs that report values have one — never a period after today, so one value entered early
          does not move the scorecard, the board report or the alerts. The period list says how
          complete each period is (“Nov 2026 — 1 of 20 values”).
        </li>
      </ul>
    </details>
  );
}
