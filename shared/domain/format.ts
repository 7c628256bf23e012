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
  const format = valueFormat(locale, unit, decimals);
  switch (unit.format) {
    case 'currency':
      return format.format(value);
    case 'percent':
      return format.format(value / 100);
    case 'number':
    case 'duration': {
      const text = format.format(value);
      return unit.suffix ? `${text} ${unit.suffix}` : text;
    }
  }
}

const VALUE_FORMATS = new Map<string, Intl.NumberFormat>();

/**
 * The number format of a unit at `decimals`, kept under a key of its few parts: every value on
 * screen is written through it, and numberFormat's key (its options as JSON) was the costliest
 * script of a scroll through the 500-KPI scorecard.
 */
function valueFormat(locale: string | undefined, unit: Unit, decimals: number): Intl.NumberFormat {
  const currency = unit.format === 'currency' ? (unit.currency ?? 'USD') : '';
  const key = `${locale ?? ''}|${unit.format}|${currency}|${String(decimals)}`;
  let format = VALUE_FORMATS.get(key);
  if (!format) {
    const digits = { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
    format = numberFormat(
      locale,
      unit.format === 'currency'
        ? { style: 'currency', currency, ...digits }
        : unit.format === 'percent'
          ? { style: 'percent', ...digits }
          : digits,
    );
    VALUE_FORMATS.set(key, format);
  }
  return format;
}
