import { join } from 'node:path';
import {
  appSettingsSchema,
  DEFAULT_SETTINGS,
  type AppSettings,
} from '@shared/settings/app-settings';
import { readJsonFile, writeJsonFileAtomic } from './json-file';

// The Settings screen's choices, per computer, in the data folder. A missing or damaged file
// reads as the defaults field by field, so one bad value does not reset the others.

export class AppSettingsFile {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'settings.json');
  }

  read(): AppSettings {
    const raw = readJsonFile(this.file);
    const stored = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const fields = appSettingsSchema.shape;
    const pick = <K extends keyof AppSettings>(key: K): AppSettings[K] => {
      const parsed = fields[key].safeParse(stored[key]);
      return parsed.success ? (parsed.data as AppSettings[K]) : DEFAULT_SETTINGS[key];
    };
    return {
      locale: pick('locale'),
      currency: pick('currency'),
      theme: pick('theme'),
      userName: pick('userName'),
    };
  }

  update(patch: Partial<AppSettings>): AppSettings {
    const next = { ...this.read(), ...patch };
    writeJsonFileAtomic(this.file, next);
    return next;
  }
}
