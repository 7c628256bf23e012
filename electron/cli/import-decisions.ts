import { bothReadings } from '@shared/transfer/number-style';
import type { ImportFlag } from '@shared/transfer/import-status';
import type { CliContext } from './context';
import { usageError, type CliError } from './errors';

// What `kpis import` must not guess (issue 13): a number style the file leaves open, and values
// the dry run flags as probably misread. The wizard asks about each; the command line refuses
// (exit 2) until an option says how, showing what is at stake.

/** `--fractions`: what to do with fractions going into a Percent KPI. */
export type FractionsChoice = 'percent' | 'as-written';

export function fractionsChoice(value: string | undefined): FractionsChoice | null {
  if (value === undefined) return null;
  const text = value.trim().toLowerCase();
  if (text === 'percent' || text === 'as-written') return text;
  throw usageError(`--fractions must be percent or as-written; got "${value}".`);
}

const SHORT_NAME: Record<string, string> = { 'en-US': 'en', 'de-DE': 'de' };

/** The refusal when nothing in the file says how "1.968" is meant, with it read both ways. */
export function undecidedNumberStyle(ctx: CliContext, file: string, example: string): CliError {
  const { grouped, decimal } = bothReadings(example);
  const n = (value: number): string =>
    value.toLocaleString(ctx.locale, { maximumFractionDigits: 6 });
  const option = (locale: string): string => `--number-style ${SHORT_NAME[locale] ?? locale}`;
  return usageError(
    `nothing in ${file} says how its numbers are written: "${example}" reads as ` +
      `${n(grouped.value)} (${option(grouped.locale)}) or as ${n(decimal.value)} ` +
      `(${option(decimal.locale)}). Say which with one of those options; nothing was written.`,
  );
}

/** One line per flag, in words. */
export function flagLines(ctx: CliContext, flags: readonly ImportFlag[]): string[] {
  const n = (value: number): string => value.toLocaleString(ctx.locale);
  return flags.map((flag) =>
    flag.kind === 'magnitude'
      ? `${flag.kpiName}, ${flag.period}: ${n(flag.value)} is about ${
          flag.factor >= 1
            ? `${n(flag.factor)}× larger`
            : `${n(Math.round(1 / flag.factor))}× smaller`
        } than its recent values (typically ${n(flag.typical)})${
          flag.count > 1 ? `; ${n(flag.count)} values like it` : ''
        }`
      : `${flag.kpiName} is a percentage given ${n(flag.count)} ${
          flag.count === 1 ? 'value' : 'values'
        } written as fractions (${n(flag.example)}): --fractions percent reads ${n(
          flag.example,
        )} as ${n(flag.example * 100)} %, --fractions as-written keeps ${n(flag.example)} %`,
  );
}

/**
 * The flags no option settles, as the refusal to import, or null. Fractions are settled by
 * --fractions; values 100× or 1000× off their history by --accept-unusual (kept as written).
 */
export function unsettledFlags(
  flags: readonly ImportFlag[],
  fractions: FractionsChoice | null,
  acceptUnusual: boolean,
): CliError | null {
  const open = flags.filter((flag) =>
    flag.kind === 'magnitude' ? !acceptUnusual : fractions === null,
  );
  if (open.length === 0) return null;
  const options = [
    ...(open.some((flag) => flag.kind === 'percent_fraction')
      ? ['--fractions percent|as-written']
      : []),
    ...(open.some((flag) => flag.kind === 'magnitude') ? ['--accept-unusual'] : []),
  ];
  return usageError(
    `${open.length === 1 ? 'a value looks' : 'some values look'} misread (listed above); ` +
      `nothing was written. Check the file, then say how with ${options.join(' and ')}.`,
  );
}
