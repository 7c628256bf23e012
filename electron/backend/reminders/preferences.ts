import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_PREFERENCES, type ReminderPreferences } from '@shared/reminders/types';
import { readJsonFile, writeJsonFileAtomic } from '../settings/json-file';

// Quiet hours and the global pause belong to the person at this computer, not to any one
// workspace, so they live in the app's data folder.

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
export const preferencesSchema = z.object({
  paused: z.boolean(),
  quietHours: z.object({ enabled: z.boolean(), start: time, end: time }),
});

export class PreferencesFile {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'reminder-preferences.json');
  }

  read(): ReminderPreferences {
    const parsed = preferencesSchema.safeParse(readJsonFile(this.file));
    return parsed.success ? parsed.data : DEFAULT_PREFERENCES;
  }

  write(preferences: ReminderPreferences): void {
    writeJsonFileAtomic(this.file, preferences);
  }
}
