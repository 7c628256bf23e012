import type { KpiDefinitionInput } from '@shared/api/schemas';
import type { Kpi } from '@shared/domain/entities';
import { defaultThresholds, type Direction } from '@shared/domain/kpi';
import { parseLocaleNumber } from '@shared/parse/number';

// The KPI form's state as the user types it (numbers as text, in their locale), and its
// conversion to a definition for the API.

export type KpiFormState = Required<
  Omit<
    KpiDefinitionInput,
    | 'target'
    | 'targetMin'
    | 'targetMax'
    | 'baseline'
    | 'stretchTarget'
    | 'decimals'
    | 'weight'
    | 'thresholds'
    | 'unit'
    | 'code'
    | 'formula'
    | 'targetPlan'
  >
> & {
  code: string;
  unitFormat: NonNullable<KpiDefinitionInput['unit']>['format'];
  currency: string;
  suffix: string;
  decimals: string;
  target: string;
  targetMin: string;
  targetMax: string;
  baseline: string;
  stretchTarget: string;
  thresholdMode: 'percent_of_target' | 'absolute';
  onTrack: string;
  atRisk: string;
  weight: string;
  parentKpiId: string;
  formula: string;
  /** How the target changes over time: not at all, in steps, or along a line to a goal. */
  planKind: 'constant' | 'steps' | 'trajectory';
  steps: { from: string; value: string }[];
  trajectory: { baselinePeriod: string; baseline: string; goalPeriod: string; goal: string };
};

const text = (value: number | null | undefined, locale: string): string =>
  value === null || value === undefined
    ? ''
    : value.toLocaleString(locale, { maximumFractionDigits: 10, useGrouping: false });

export function initialState(kpi: Kpi | null, locale: string): KpiFormState {
  const direction: Direction = kpi?.direction ?? 'higher_is_better';
  const thresholds = kpi?.thresholds ?? defaultThresholds(direction);
  return {
    name: kpi?.name ?? '',
    code: kpi?.code ?? '',
    description: kpi?.description ?? '',
    unitFormat: kpi?.unit.format ?? 'number',
    currency: kpi?.unit.currency ?? '',
    suffix: kpi?.unit.suffix ?? '',
    decimals: String(kpi?.decimals ?? 0),
    direction,
    frequency: kpi?.frequency ?? 'monthly',
    aggregation: kpi?.aggregation ?? 'sum',
    target: text(kpi?.target, locale),
    targetMin: text(kpi?.targetMin, locale),
    targetMax: text(kpi?.targetMax, locale),
    baseline: text(kpi?.baseline, locale),
    stretchTarget: text(kpi?.stretchTarget, locale),
    thresholdMode: thresholds.mode,
    onTrack: text(thresholds.onTrack, locale),
    atRisk: text(thresholds.atRisk, locale),
    owner: kpi?.owner ?? '',
    dataSource: kpi?.dataSource ?? '',
    kpiType: kpi?.kpiType ?? 'operational',
    timing: kpi?.timing ?? 'lagging',
    measureKind: kpi?.measureKind ?? 'outcome',
    weight: text(kpi?.weight ?? 1, locale),
    rollup: kpi?.rollup ?? 'manual',
    parentKpiId: kpi?.parentKpiId ?? '',
    formula: kpi?.formula ?? '',
    planKind:
      kpi?.targetPlan?.kind === 'steps' || kpi?.targetPlan?.kind === 'trajectory'
        ? kpi.targetPlan.kind
        : 'constant',
    steps:
      kpi?.targetPlan?.kind === 'steps'
        ? kpi.targetPlan.steps.map((step) => ({ from: step.from, value: text(step.value, locale) }))
        : [{ from: '', value: '' }],
    trajectory:
      kpi?.targetPlan?.kind === 'trajectory'
        ? {
            baselinePeriod: kpi.targetPlan.baselinePeriod,
            baseline: text(kpi.targetPlan.baseline, locale),
            goalPeriod: kpi.targetPlan.goalPeriod,
            goal: text(kpi.targetPlan.goal, locale),
          }
        : { baselinePeriod: '', baseline: '', goalPeriod: '', goal: '' },
  };
}

export interface FormIssue {
  field: string;
  message: string;
}

const LABELS: Record<string, string> = {
  decimals: 'Decimals',
  target: 'Target',
  targetMin: 'Lowest target',
  targetMax: 'Highest target',
  baseline: 'Baseline',
  stretchTarget: 'Stretch target',
  'thresholds.onTrack': 'The "on track" threshold',
  'thresholds.atRisk': 'The "at risk" threshold',
  weight: 'Weight',
  'targetPlan.baseline': 'Baseline value',
  'targetPlan.goal': 'Goal',
};

/**
 * The definition to send, or the fields whose numbers could not be read. Empty optional
 * numbers become null ("no target"); required ones must be numbers.
 */
export function toDefinition(
  state: KpiFormState,
  locale: string,
): { definition: KpiDefinitionInput & { code?: string }; issues: FormIssue[] } {
  const issues: FormIssue[] = [];
  const number = (field: string, raw: string, optional: boolean): number | null => {
    if (raw.trim() === '') {
      if (!optional)
        issues.push({
          field,
          message: `${LABELS[field] ?? (field.startsWith('targetPlan.steps') ? 'Step target' : field)} is required`,
        });
      return null;
    }
    const parsed = parseLocaleNumber(raw, locale);
    if (!parsed.ok) {
      issues.push({
        field,
        message: `${LABELS[field] ?? (field.startsWith('targetPlan.steps') ? 'Step target' : field)} must be a number`,
      });
      return null;
    }
    return parsed.value;
  };
  const definition: KpiDefinitionInput & { code?: string } = {
    name: state.name,
    description: state.description,
    unit: {
      format: state.unitFormat,
      currency:
        state.unitFormat === 'currency' ? state.currency.trim().toUpperCase() || null : null,
      suffix: state.unitFormat === 'number' || state.unitFormat === 'duration' ? state.suffix : '',
    },
    decimals: number('decimals', state.decimals, false) ?? 0,
    direction: state.direction,
    frequency: state.frequency,
    aggregation: state.aggregation,
    target: state.direction === 'within_range' ? null : number('target', state.target, true),
    targetMin:
      state.direction === 'within_range' ? number('targetMin', state.targetMin, true) : null,
    targetMax:
      state.direction === 'within_range' ? number('targetMax', state.targetMax, true) : null,
    baseline: number('baseline', state.baseline, true),
    stretchTarget: number('stretchTarget', state.stretchTarget, true),
    thresholds: {
      mode: state.thresholdMode,
      onTrack: number('thresholds.onTrack', state.onTrack, false) ?? 0,
      atRisk: number('thresholds.atRisk', state.atRisk, false) ?? 0,
    },
    owner: state.owner,
    dataSource: state.dataSource,
    kpiType: state.kpiType,
    timing: state.timing,
    measureKind: state.measureKind,
    weight: number('weight', state.weight, false) ?? 1,
    rollup: state.rollup,
    formula: state.formula.trim() === '' ? null : state.formula.trim(),
    targetPlan: null,
  };
  if (state.direction !== 'within_range' && state.planKind === 'steps') {
    definition.targetPlan = {
      kind: 'steps',
      steps: state.steps
        .filter((step) => step.from.trim() !== '' || step.value.trim() !== '')
        .map((step, index) => ({
          from: step.from.trim(),
          value: number(`targetPlan.steps.${index}.value`, step.value, false) ?? 0,
        })),
    };
  } else if (state.direction !== 'within_range' && state.planKind === 'trajectory') {
    const { trajectory } = state;
    definition.targetPlan = {
      kind: 'trajectory',
      baselinePeriod: trajectory.baselinePeriod.trim(),
      baseline: number('targetPlan.baseline', trajectory.baseline, false) ?? 0,
      goalPeriod: trajectory.goalPeriod.trim(),
      goal: number('targetPlan.goal', trajectory.goal, false) ?? 0,
    };
  }
  if (state.code.trim() !== '') definition.code = state.code.trim();
  return { definition, issues };
}

/** Help for the thresholds, in the words of the chosen direction and mode. */
export function thresholdHelp(
  direction: Direction,
  mode: 'percent_of_target' | 'absolute',
): string {
  const unit = mode === 'percent_of_target' ? '% of the target' : '';
  switch (direction) {
    case 'higher_is_better':
      return `Higher is better: at or above "on track"${unit ? ` (${unit})` : ''} is on track, at or above "at risk" is at risk, below it is off track. So "on track" must be at least "at risk" (e.g. 100 and 90).`;
    case 'lower_is_better':
      return `Lower is better: at or below "on track"${unit ? ` (${unit})` : ''} is on track, at or below "at risk" is at risk, above it is off track. So "on track" must not exceed "at risk" (e.g. 100 and 110).`;
    case 'within_range':
      return `Within a range: inside the target range is on track; the thresholds are how far outside it${mode === 'percent_of_target' ? ' (as % of the range’s middle)' : ''} still counts as on track or at risk (e.g. 0 and 5).`;
  }
}

/**
 * Sum over time for a percent is nearly always a mistake (three months at 80 % show 240 %), so
 * the form asks before saving it — unless the stored KPI already had it, which the user sees
 * flagged instead: a definition is never changed behind the user's back, nor nagged at every
 * save.
 */
export function sumNeedsConfirmation(state: KpiFormState, stored: Kpi | null): boolean {
  if (state.unitFormat !== 'percent' || state.aggregation !== 'sum') return false;
  return !(stored?.unit.format === 'percent' && stored.aggregation === 'sum');
}
