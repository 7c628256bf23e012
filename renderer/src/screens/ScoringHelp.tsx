import { SCORE_CAP } from '@shared/scoring/score';

// The scoring rules in the user's words, next to the numbers they explain (the same rules
// as shared/scoring/score.ts, evaluate-structure.ts and evaluate-kpis.ts).

export function ScoringHelp() {
  return (
    <details className="scoring-help">
      <summary>How statuses and scores work</summary>
      <ul>
        <li>
          <strong>Status</strong> compares a KPI’s value with its target using its thresholds: on
          track, at risk or off track; “no data” when there is no value or no target. A value
          exactly on a threshold gets the better status.
        </li>
        <li>
          <strong>Score</strong> is the value as a percentage of the target, at most {SCORE_CAP}%.
          For lower-is-better KPIs it is target ÷ value (a value of zero or less has reached the
          best result and scores {SCORE_CAP}%); for within-range KPIs it is 100% inside the range
          and falls with the distance outside it.
        </li>
        <li>
          <strong>Objectives, perspectives and scorecards</strong> score the weighted average of
          what is below them, leaving out what has no data (and saying how many). Their status
          follows the statuses below: on track when (nearly) everything is, off track when much is
          off track, at risk in between.
        </li>
        <li>
          <strong>Periods</strong>: a monthly KPI viewed by quarter or year is combined with its own
          aggregation (sum, average, last, min, max); missing months are “no data”, never zero.
          While a period is still being reported, summed KPIs are compared with their target to
          date, and the forecast projects the whole period.
        </li>
      </ul>
    </details>
  );
}
