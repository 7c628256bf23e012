// The board report's choices and the logo check, apart from the options' schema (options.ts):
// the report dialog offers and checks these, and importing the schema would build every zod
// schema there.

export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
export const ORIENTATIONS = ['portrait', 'landscape'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];
export const COMPARISONS = ['previous_period', 'same_period_last_year'] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const COMPARISON_LABELS: Record<Comparison, string> = {
  previous_period: 'Previous period',
  same_period_last_year: 'Same period last year',
};

/** A logo is stored inside the workspace file, so keep it small. */
export const MAX_LOGO_BYTES = 512 * 1024;

const LOGO_PREFIX = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/;

/**
 * Why a data URL is not a usable logo, or null when it is: a PNG or JPEG (by its first bytes,
 * not only by what the URL claims), at most MAX_LOGO_BYTES.
 */
export function logoProblem(dataUrl: string): string | null {
  const match = LOGO_PREFIX.exec(dataUrl);
  if (!match) return 'The logo must be a PNG or JPEG image';
  const base64 = match[2] ?? '';
  const bytes = Math.floor((base64.length * 3) / 4) - (base64.match(/=+$/)?.[0].length ?? 0);
  if (bytes > MAX_LOGO_BYTES)
    return `The logo is ${Math.ceil(bytes / 1024)} KB; use an image of at most ${MAX_LOGO_BYTES / 1024} KB`;
  const head = atob(base64.slice(0, 12));
  const code = (index: number) => head.charCodeAt(index);
  const isPng = code(0) === 0x89 && head.slice(1, 4) === 'PNG';
  const isJpeg = code(0) === 0xff && code(1) === 0xd8 && code(2) === 0xff;
  if (match[1] === 'png' ? !isPng : !isJpeg)
    return 'The logo file is not a valid PNG or JPEG image';
  return null;
}
