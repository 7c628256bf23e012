import type { Kpi, Unit } from '@shared/domain/entities';
import { FREQUENCY_RANK, STATUS_LABELS } from '@shared/domain/kpi';
import type { Period } from '@shared/domain/period';
import type { ValueExportLayout } from '@shared/api/contract-export';
import type { ValueRow } from './value-rows';

// The values export as a table that both writers (CSV, XLSX) render: headers, column widths,
// and cells that keep numbers as numbers and periods as periods until the writer
// decides how its format shows them.

export type TableCell = string | number | null | { period: Period };

export interface TableColumn {
  header: string;
  /** In characters, for XLSX. */
  width: number;
}

export interface TableRow {
  cells: TableCell[];
  /** The KPI's decimals, for the number format of its value cells. */
  decimals: number;
}

export interface ValueTable {
  columns: TableColumn[];
  rows: TableRow[];
}

/** How the unit reads in a cell: the currency code, %, or the KPI's own label ("hours"). */
export function unitLabel(unit: Unit): string {
  if (unit.format === 'currency') return unit.currency ?? '';
  if (unit.format === 'percent') return '%';
  return unit.suffix;
}

const width = (texts: readonly string[], min: number, max: number) =>
  Math.min(max, Math.max(min, ...texts.map((text) => text.length + 2)));

function longTable(rows: readonly ValueRow[]): ValueTable {
  const names = rows.map((row) => row.kpi.name);
  return {
    columns: [
      { header: 'KPI', width: width(names, 12, 50) },
      {
        header: 'Code',
        width: width(
          rows.map((r) => r.kpi.code),
          8,
          40,
        ),
      },
      { header: 'Unit', width: 10 },
      { header: 'Period', width: 12 },
      { header: 'Value', width: 14 },
      { header: 'Status', width: 11 },
      {
        header: 'Comment',
        width: width(
          rows.map((r) => r.comment),
          12,
          60,
        ),
      },
    ],
    rows: rows.map((row) => ({
      decimals: row.kpi.decimals,
      cells: [
        row.kpi.name,
        row.kpi.code,
        unitLabel(row.kpi.unit),
        { period: row.period },
        row.value,
        STATUS_LABELS[row.status],
        row.comment,
      ],
    })),
  };
}

/**
 * One row per KPI, one column per period key: the months together in order, then the
 * quarters, then the years (finest first) — never a quarter between two months, which a
 * spreadsheet would chart or sum as if it were another month. A status per cell does not fit,
 * so the row carries its latest period's status.
 */
function wideTable(kpis: readonly Kpi[], rows: readonly ValueRow[]): ValueTable {
  const periods = new Map<string, Period>();
  for (const row of rows) periods.set(row.period.key, row.period);
  const ordered = [...periods.values()].sort(
    (a, b) =>
      FREQUENCY_RANK[a.frequency] - FREQUENCY_RANK[b.frequency] ||
      (a.start < b.start ? -1 : a.start > b.start ? 1 : 0),
  );
  const column = new Map(ordered.map((period, index) => [period.key, index]));
  const byKpi = new Map<string, ValueRow[]>();
  for (const row of rows) byKpi.set(row.kpi.id, [...(byKpi.get(row.kpi.id) ?? []), row]);
  return {
    columns: [
      {
        header: 'KPI',
        width: width(
          kpis.map((k) => k.name),
          12,
          50,
        ),
      },
      {
        header: 'Code',
        width: width(
          kpis.map((k) => k.code),
          8,
          40,
        ),
      },
      { header: 'Unit', width: 10 },
      { header: 'Latest status', width: 13 },
      ...ordered.map((period): TableColumn => ({ header: period.key, width: 11 })),
    ],
    rows: kpis.map((kpi) => {
      const own = byKpi.get(kpi.id) ?? [];
      const values: (number | null)[] = ordered.map(() => null);
      for (const row of own) values[column.get(row.period.key) ?? 0] = row.value;
      const latest = own.at(-1);
      return {
        decimals: kpi.decimals,
        cells: [
          kpi.name,
          kpi.code,
          unitLabel(kpi.unit),
          STATUS_LABELS[latest?.status ?? 'no_data'],
          ...values,
        ],
      };
    }),
  };
}

export function valueTable(
  layout: ValueExportLayout,
  kpis: readonly Kpi[],
  rows: readonly ValueRow[],
): ValueTable {
  return layout === 'long' ? longTable(rows) : wideTable(kpis, rows);
}
