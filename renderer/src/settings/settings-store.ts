import { create } from 'zustand';
import type { SettingsInfo } from '@shared/api/contract-settings';
import type { AppSettings } from '@shared/settings/app-settings';
import { api, errorMessage } from '../api/client';
import { setLocale } from '../app/locale';

// This computer's settings (locale, default currency, theme). Applied to the page as soon as
// they are read or changed: the theme on <html data-theme>, the locale for every format.

interface SettingsState {
  settings: SettingsInfo | null;
  error: string | null;
  /** Bumped when the locale changes, so the app renders again in the new one. */
  localeVersion: number;
  load(): Promise<void>;
  update(patch: Partial<AppSettings>): Promise<boolean>;
}

function apply(settings: SettingsInfo) {
  setLocale(settings.locale);
  const root = document.documentElement;
  if (settings.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = settings.theme;
}

export const useSettingsStore = create<SettingsState>((set, get) => ({
  settings: null,
  error: null,
  localeVersion: 0,
  async load() {
    try {
      const settings = await api.call('settings.get', {});
      apply(settings);
      set({ settings, error: null, localeVersion: get().localeVersion + 1 });
    } catch (error) {
      // The app works on the defaults; Settings shows why they could not be read.
      set({ error: errorMessage(error) });
    }
  },
  async update(patch) {
    try {
      const settings = await api.call('settings.update', patch);
      const localeChanged = settings.locale !== get().settings?.locale;
      apply(settings);
      set({
        settings,
        error: null,
        localeVersion: get().localeVersion + (localeChanged ? 1 : 0),
      });
      return true;
    } catch (error) {
      set({ error: errorMessage(error) });
      return false;
    }
  },
}));
