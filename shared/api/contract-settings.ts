import type { AppSettings } from '../settings/app-settings';
import { appSettingsPatchSchema } from '../settings/app-settings';
import { method, none } from './method';

// This computer's settings (Settings screen). Merged into the one contract in contract.ts.

export interface SettingsInfo extends AppSettings {
  /** The app's data folder: these settings, the recent list, reminder state. */
  dataDir: string;
  /** Where new workspaces and the sample copy go in browser mode. */
  workspacesDir: string;
  /** The system's user name: who you are while `userName` is not set. */
  systemUserName: string;
}

export const settingsContract = {
  'settings.get': method<SettingsInfo>()(none),
  'settings.update': method<SettingsInfo>()(appSettingsPatchSchema),
} as const;
