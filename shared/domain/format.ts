import type { Unit } from './entities';

// Intl formatters are slow to make (a tenth of a millisecond and more each) and cheap to reuse:
// one per locale and options, kept. The report's hundred charts made thousands (issue 19).
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();
const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** The number format for `locale` and `options`, made once and kept. */
export function numberFormat(
  locale: string | undefined,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = NUMBER_FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    NUMBER_FORMATS.set(key, format);
  }
  return format;
}

/** The date format for `locale` and `options`, made once and kept. */
export function dateTimeFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = DATE_FORMATS.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    DATE_FORMATS.set(key, format);
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
