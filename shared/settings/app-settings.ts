import { z } from 'zod';
import { THEMES, type Theme } from './choices';

// Settings of the person at this computer (not of a workspace): how numbers and dates are
// written, the currency new KPIs start with, and the theme. Kept in the app's data folder.

export interface AppSettings {
  /** null: the system's (the browser's) language. */
  locale: string | null;
  /** ISO 4217 code a new currency KPI starts with. */
  currency: string;
  theme: Theme;
  /**
   * Who is at this computer, as the audit trail and each value entered name them; null: the
   * system's user name.
   */
  userName: string | null;
}

export const DEFAULT_SETTINGS: AppSettings = {
  locale: null,
  currency: 'EUR',
  theme: 'system',
  userName: null,
};

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

export const appSettingsSchema = z.strictObject({
  locale: z
    .string({ error: 'Number and date format must be a language tag such as en-GB' })
    .max(35, { error: 'Number and date format must be a language tag such as en-GB' })
    .refine(isLocale, { error: 'Number and date format must be a language tag such as en-GB' })
    .nullable(),
  currency: z
    .string({ error: 'Default currency must be text' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, { error: 'Default currency must be a three-letter code such as EUR' }),
  theme: z.enum(THEMES, { error: 'Theme must be system, light or dark' }),
  userName: z
    .string({ error: 'Your name must be text' })
    .trim()
    .max(100, { error: 'Your name can have at most 100 characters' })
    // Empty: back to the system's user name.
    .transform((name) => (name === '' ? null : name))
    .nullable(),
});

/** A change of some settings; what is left out stays as it is. */
export const appSettingsPatchSchema = appSettingsSchema.partial();
