// What Settings offers, apart from the settings' schema (app-settings.ts): the renderer lists
// these, and importing the schema would build every zod schema on its start.

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Locales offered in Settings; any valid BCP 47 tag is accepted from the API. */
export const LOCALE_CHOICES = [
  'en-GB',
  'en-US',
  'en-IE',
  'de-DE',
  'de-AT',
  'de-CH',
  'fr-FR',
  'nl-NL',
  'es-ES',
  'it-IT',
  'pt-PT',
  'sv-SE',
  'da-DK',
  'pl-PL',
] as const;
