import type { SettingsInfo } from '@shared/api/contract-settings';
import type { AppSettings } from '@shared/settings/app-settings';
import { AppSettingsFile } from '../settings/app-settings';
import type { HandlerContext } from '../context';
import type { HandlerGroup } from './types';

function info(settings: AppSettings, ctx: HandlerContext): SettingsInfo {
  return {
    ...settings,
    dataDir: ctx.options.dataDir,
    workspacesDir: ctx.options.workspacesDir,
    systemUserName: ctx.options.userName,
  };
}

export const settingsHandlers = {
  'settings.get': (_input, ctx) => info(new AppSettingsFile(ctx.options.dataDir).read(), ctx),
  // Only the fields the caller sent are in the input; the others stay as stored.
  'settings.update': (input, ctx) =>
    info(new AppSettingsFile(ctx.options.dataDir).update(input), ctx),
} satisfies HandlerGroup;
