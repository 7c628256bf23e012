import type { Unit } from '../domain/entities';
import type { Aggregation, Frequency } from '../domain/kpi';

// Which aggregation over time a KPI needs follows from what it measures. Adding up twelve
// monthly utilisation rates gives a meaningless 900 %; averaging monthly revenue hides the
// year's takings; summing a headcount counts each person twelve times. So:
// - a ratio (percent, rate, ratio, score, index, anything "per" something, a duration per
//   item) is averaged;
// - a flow (revenue, orders, costs, events — what happens during a period) is summed;
// - a level (members, headcount, cash, inventory — what stands at a moment) takes the last.

export type MeasureNature = 'ratio' | 'flow' | 'level';

export interface AggregationSubject {
  name: string;
  unit: Pick<Unit, 'format' | 'suffix'>;
}

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .split(/[^\p{L}\p{N}%/×]+/u)
    .filter((word) => word !== '');

const RATIO = new Set([
  '%',
  'percent',
  'percentage',
  'rate',
  'rates',
  'ratio',
  'score',
  'index',
  'nps',
  'csat',
  'ces',
  'margin',
  'average',
  'avg',
  'mean',
  'per',
  'utilisation',
  'utilization',
  'conversion',
  'yield',
  'efficiency',
  'satisfaction',
  'share',
  'churn',
  'retention',
  'uptime',
  'availability',
  'ctr',
  'roas',
  'roi',
  'arpa',
  'arpu',
  'aov',
  'turnover',
  'occupancy',
  'accuracy',
  'x',
  '×',
]);

/** Counted afresh each period even when the thing itself is a level ("new customers"). */
const FLOW = new Set([
  'new',
  'added',
  'hired',
  'hires',
  'won',
  'lost',
  'closed',
  'sold',
  'opened',
  'resolved',
  'shipped',
  'total',
]);

const LEVEL = new Set([
  'members',
  'member',
  'membership',
  'headcount',
  'employees',
  'staff',
  'fte',
  'ftes',
  'customers',
  'clients',
  'subscribers',
  'users',
  'accounts',
  'balance',
  'cash',
  'inventory',
  'stock',
  'backlog',
  'open',
  'pipeline',
  'mrr',
  'arr',
  'outstanding',
  'debt',
  'assets',
  'equity',
  'reserves',
  'locations',
  'stores',
  'seats',
]);

/** In a duration KPI's name: time spent in total, not the time of each item. */
const DURATION_FLOW = new Set(['hours', 'working', 'overtime', 'downtime']);

/** What a KPI measures, read from its unit and the words of its name and unit label. */
export function measureNature(kpi: AggregationSubject): MeasureNature {
  if (kpi.unit.format === 'percent') return 'ratio';
  const all = [...words(kpi.name), ...words(kpi.unit.suffix)];
  if (all.some((word) => RATIO.has(word) || word.includes('/'))) return 'ratio';
  if (all.some((word) => FLOW.has(word))) return 'flow';
  if (all.some((word) => LEVEL.has(word))) return 'level';
  // Hours named as such are hours spent (volunteer hours, hours available): they add up.
  if (words(kpi.name).some((word) => DURATION_FLOW.has(word))) return 'flow';
  // Any other duration is almost always per item (resolution time, cycle length), so averaged.
  if (kpi.unit.format === 'duration') return 'ratio';
  return 'flow';
}

const FOR_NATURE: Record<MeasureNature, Aggregation> = {
  ratio: 'average',
  flow: 'sum',
  level: 'last',
};

/** The aggregation a new KPI gets unless the user picks another. */
export function defaultAggregation(kpi: AggregationSubject): Aggregation {
  return FOR_NATURE[measureNature(kpi)];
}

const NATURE_WORDS: Record<MeasureNature, string> = {
  ratio: 'a rate or ratio',
  flow: 'an amount that builds up over the period',
  level: 'a level at a moment',
};

/** Why the default is what it is, for the form's help text. */
export function defaultAggregationReason(kpi: AggregationSubject): string {
  const nature = measureNature(kpi);
  const what = kpi.unit.format === 'percent' ? 'a percent' : NATURE_WORDS[nature];
  const how: Record<MeasureNature, string> = {
    ratio: 'averaged',
    flow: 'added up',
    level: 'taken from its last period',
  };
  return `Reads as ${what}, so it is usually ${how[nature]}.`;
}

const PARTS: Record<Frequency, { part: string; parts: string }> = {
  daily: { part: 'day', parts: 'days' },
  weekly: { part: 'week', parts: 'weeks' },
  monthly: { part: 'month', parts: 'months' },
  quarterly: { part: 'quarter', parts: 'quarters' },
  yearly: { part: 'year', parts: 'years' },
};

/**
 * In words, what a longer view period shows for this frequency and aggregation:
 * "Q1 = average of its months". Yearly KPIs have nothing to combine.
 */
export function aggregationMeaning(aggregation: Aggregation, frequency: Frequency): string {
  if (frequency === 'yearly') return 'A yearly KPI is shown per year; nothing is combined.';
  const { part, parts } = PARTS[frequency];
  const whole = frequency === 'quarterly' ? 'The year' : 'Q1';
  const rest =
    frequency === 'daily' || frequency === 'weekly'
      ? ` (and March = the same of its ${parts})`
      : frequency === 'monthly'
        ? ` (and the year = the same of its 12 months)`
        : '';
  const of: Record<Aggregation, string> = {
    sum: `total of its ${parts}`,
    average: `average of its ${parts}`,
    last: `its last ${part} reported`,
    min: `lowest of its ${parts}`,
    max: `highest of its ${parts}`,
  };
  return `${whole} = ${of[aggregation]}${rest}; ${parts} without a value are left out, never counted as zero.`;
}

/**
 * A stored aggregation that does not fit what the KPI measures, in words; null when it fits
 * (or is a deliberate min/max). Stored definitions are never changed for the user: this is
 * what the form and the health check show so the user can decide.
 */
export function aggregationConcern(
  kpi: AggregationSubject & { aggregation: Aggregation },
): string | null {
  const nature = measureNature(kpi);
  if (kpi.aggregation === 'sum' && nature === 'ratio')
    return `Sum adds up ${kpi.unit.format === 'percent' ? 'percentages' : 'rates'} (three months at 80 % show 240 % for the quarter); Average is usual for ${kpi.name.trim() || 'this KPI'}.`;
  if (kpi.aggregation === 'sum' && nature === 'level')
    return `Sum counts a level once per period (a headcount of 20 shows 60 for a quarter); Last is usual for ${kpi.name.trim() || 'this KPI'}.`;
  return null;
}
