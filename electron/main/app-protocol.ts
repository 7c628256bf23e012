import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { contentTypeFor, resolveStaticFile } from '../server/static-files';
import { CONTENT_SECURITY_POLICY } from '../server/csp';

// The built app is served from its own scheme, app://kpis/, rather than file://: a page on
// file:// could read any local file by URL, while app:// answers only files inside the renderer
// build (the same resolver as the browser-mode host: no `..`, no link out of the folder). With
// the grantFileProtocolExtraPrivileges fuse off, file:// gets no more than a browser gives it.

export const APP_SCHEME = 'app';
export const APP_HOST = 'kpis';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Before the app is ready: a standard, secure scheme (origin, fetch, storage like https). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * The file an app:// request names inside `rendererDir` (a real path), or null: another host,
 * a path that leaves the folder, or no such file.
 */
export async function appRequestFile(rendererDir: string, url: string): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  return resolveStaticFile(rendererDir, parsed.pathname);
}

export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = await appRequestFile(rendererDir, request.url);
    if (file === null) return new Response('Not found', { status: 404 });
    return new Response(await readFile(file), {
      headers: {
        'Content-Type': contentTypeFor(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
