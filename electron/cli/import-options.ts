import { NUMBER_STYLES } from '@shared/transfer/import-choices';
import { usageError } from './errors';

// `--number-style`: how a file writes its numbers, by a short name or the locale the wizard's
// number-style list uses.

const SHORT_NAMES: Record<string, (typeof NUMBER_STYLES)[number]['locale']> = {
  en: 'en-US',
  de: 'de-DE',
  fr: 'fr-FR',
  ch: 'de-CH',
};

export const NUMBER_STYLE_HELP = Object.entries(SHORT_NAMES)
  .map(([short, locale]) => {
    const example = NUMBER_STYLES.find((style) => style.locale === locale)?.label ?? '';
    return `${short} ${example.split(' (')[0] ?? ''}`;
  })
  .join(', ');

export function numberStyle(value: string): string {
  const text = value.trim();
  const short = SHORT_NAMES[text.toLowerCase()];
  if (short) return short;
  const full = NUMBER_STYLES.find((style) => style.locale.toLowerCase() === text.toLowerCase());
  if (full) return full.locale;
  throw usageError(`--number-style must be one of: ${NUMBER_STYLE_HELP}; got "${value}".`);
}
