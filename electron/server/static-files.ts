import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

// Maps a request path to a file inside the renderer build, and never to anything outside it.

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * A build asset whose name carries its content's hash (Vite writes `assets/<name>-<hash>.<ext>`):
 * its content never changes under that name, so the browser may keep it for good and, on a
 * reload, neither fetch it again nor compile it again (Chromium keeps compiled code only for
 * cached scripts) — issue 19. Anything else could change in place with a new build.
 */
const HASHED_ASSET = /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.[A-Za-z0-9]+$/;

/** How long the browser may keep a file, given its path relative to the renderer build. */
export function cacheControlFor(relativePath: string, contentType: string): string {
  // The page names the current build's assets: it must always be fresh.
  if (contentType.startsWith('text/html')) return 'no-store';
  return HASHED_ASSET.test(relativePath.split(sep).join('/'))
    ? 'max-age=31536000, immutable'
    : 'no-cache';
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root + sep);
}

/**
 * The real path of the file `pathname` names inside `root` (already a real path), or null when it
 * does not exist, is not a file, or would leave `root` — by `..`, an encoded `%2e%2e`, a
 * backslash, or a symbolic link pointing elsewhere.
 */
export async function resolveStaticFile(root: string, pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const candidate = resolve(root, relative);
  if (!isInside(root, candidate)) return null;
  try {
    const real = await realpath(candidate);
    if (!isInside(root, real)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}
