import type { Frequency } from '../domain/kpi';
import { parsePeriod } from '../domain/period';

/**
 * How a KPI's target changes over time.
 * - constant: the same target every period.
 * - steps: a target that changes from given periods on ("12,000 from 2026-01, 14,000 from
 *   2026-07"); before the first step there is no target.
 * - trajectory: the SMART "time-bound" target — a straight line from a baseline in one period
 *   to a goal in a later one; after the goal period the goal holds, before the baseline period
 *   there is no target.
 */
export type TargetPlan =
  | { kind: 'constant'; value: number }
  | { kind: 'steps'; steps: { from: string; value: number }[] }
  | {
      kind: 'trajectory';
      baselinePeriod: string;
      baseline: number;
      goalPeriod: string;
      goal: number;
    };

const DAY_MS = 86_400_000;

/** Days from 1970-01-01 to the period's first day; the trajectory's ruler. */
function dayNumber(frequency: Frequency, key: string): number | null {
  const period = parsePeriod(frequency, key);
  return period ? Date.parse(`${period.start}T00:00:00Z`) / DAY_MS : null;
}

/** The target of one period under a plan, or null when the plan sets none for it. */
export function targetFor(
  plan: TargetPlan | null,
  frequency: Frequency,
  key: string,
): number | null {
  if (plan === null) return null;
  switch (plan.kind) {
    case 'constant':
      return plan.value;
    case 'steps': {
      let value: number | null = null;
      let from = '';
      for (const step of plan.steps) {
        if (step.from <= key && step.from >= from) {
          value = step.value;
          from = step.from;
        }
      }
      return value;
    }
    case 'trajectory': {
      const at = dayNumber(frequency, key);
      const start = dayNumber(frequency, plan.baselinePeriod);
      const end = dayNumber(frequency, plan.goalPeriod);
      if (at === null || start === null || end === null || at < start) return null;
      if (at >= end || end === start) return plan.goal;
      return plan.baseline + ((plan.goal - plan.baseline) * (at - start)) / (end - start);
    }
  }
}

/** Why a plan cannot be used, naming the field, or null when it is sound. */
export function targetPlanProblem(
  plan: TargetPlan,
  frequency: Frequency,
): { field: string; message: string } | null {
  const notAPeriod = (field: string, key: string) => ({
    field,
    message: `"${key}" is not a ${frequency} period`,
  });
  switch (plan.kind) {
    case 'constant':
      return null;
    case 'steps': {
      if (plan.steps.length === 0) return { field: 'steps', message: 'Add at least one step' };
      const seen = new Set<string>();
      for (const [index, step] of plan.steps.entries()) {
        if (!parsePeriod(frequency, step.from)) return notAPeriod(`steps.${index}.from`, step.from);
        if (seen.has(step.from))
          return { field: `steps.${index}.from`, message: `Two steps start in ${step.from}` };
        seen.add(step.from);
      }
      return null;
    }
    case 'trajectory':
      if (!parsePeriod(frequency, plan.baselinePeriod))
        return notAPeriod('baselinePeriod', plan.baselinePeriod);
      if (!parsePeriod(frequency, plan.goalPeriod))
        return notAPeriod('goalPeriod', plan.goalPeriod);
      if (plan.goalPeriod <= plan.baselinePeriod)
        return { field: 'goalPeriod', message: 'The deadline must come after the baseline period' };
      return null;
  }
}
