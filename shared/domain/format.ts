import type { Unit } from './entities';

const CACHE = new Map<string, Intl.NumberFormat>();

function numberFormat(
  locale: string | undefined,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = CACHE.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    CACHE.set(key, format);
  }
  return format;
}

/**
 * A KPI value as the user reads it, in their locale. Percent KPIs store the percentage itself
 * (12.5 means 12.5 %), which is how people type them.
 */
export function formatValue(
  value: number | null,
  unit: Unit,
  decimals: number,
  locale?: string,
): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const digits = { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  switch (unit.format) {
    case 'currency':
      return numberFormat(locale, {
        style: 'currency',
        currency: unit.currency ?? 'USD',
        ...digits,
      }).format(value);
    case 'percent':
      return numberFormat(locale, { style: 'percent', ...digits }).format(value / 100);
    case 'number':
    case 'duration': {
      const text = numberFormat(locale, digits).format(value);
      return unit.suffix ? `${text} ${unit.suffix}` : text;
    }
  }
}
