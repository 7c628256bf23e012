import { spawn } from 'node:child_process';

// Opens the app's address in the user's browser. Failing to do so is never fatal: the address is
// printed anyway.

export interface OpenerFacts {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
}

/** Why no browser should be launched here, or null when one can be. */
export function reasonNotToOpen({ platform, env }: OpenerFacts): string | null {
  if (env.CI) return 'running under CI';
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return 'no graphical display';
  return null;
}

export function openerCommand(platform: NodeJS.Platform, url: string): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  // The empty "" is start's window title, so the URL is not taken for one.
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  return ['xdg-open', [url]];
}

/** Resolves to null when the opener started, or to the reason it could not. */
export function openInBrowser(platform: NodeJS.Platform, url: string): Promise<string | null> {
  const [command, args] = openerCommand(platform, url);
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, {
        detached: true,
        stdio: 'ignore',
        windowsVerbatimArguments: platform === 'win32',
      });
      child.once('error', (error) => {
        resolve(`${command} failed: ${error.message}`);
      });
      child.once('spawn', () => {
        child.unref();
        resolve(null);
      });
    } catch (error) {
      resolve(error instanceof Error ? error.message : String(error));
    }
  });
}
