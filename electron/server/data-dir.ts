import { join } from 'node:path';

// Where browser mode keeps its settings and recent list when no --data-dir is given: the
// platform's usual per-user application-data folder.

export interface PlatformFacts {
  platform: NodeJS.Platform;
  homeDir: string;
  env: Readonly<Record<string, string | undefined>>;
}

export function defaultDataDir({ platform, homeDir, env }: PlatformFacts): string {
  if (env.KPIS_DATA_DIR) return env.KPIS_DATA_DIR;
  switch (platform) {
    case 'win32':
      return join(env.APPDATA ?? join(homeDir, 'AppData', 'Roaming'), 'KPI Scorecard');
    case 'darwin':
      return join(homeDir, 'Library', 'Application Support', 'KPI Scorecard');
    default:
      return join(env.XDG_DATA_HOME ?? join(homeDir, '.local', 'share'), 'kpi-scorecard');
  }
}
