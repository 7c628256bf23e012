// URL decisions for the shell, parsed with `new URL` and compared by parts, never by substring
// (STYLE.md pattern 3): `https://app.example.evil.com` must not pass for `https://app.example`.

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is a page of the app itself. `appUrl` is what the window loads: the built app
 * on its own scheme, `app://kpis/index.html` (same scheme and host), a built
 * `file:///…/out/renderer/index.html` (same file, any fragment or query) or, in development,
 * the Vite dev server (same origin).
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const candidate = parse(url);
  const app = parse(appUrl);
  if (!candidate || !app) return false;
  if (app.protocol === 'file:') {
    return (
      candidate.protocol === 'file:' &&
      candidate.host === app.host &&
      decodeURIComponent(candidate.pathname) === decodeURIComponent(app.pathname)
    );
  }
  if (app.protocol === 'app:')
    return candidate.protocol === 'app:' && candidate.host === app.host && app.host !== '';
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false;
  return candidate.origin === app.origin;
}

/** Links the app may hand to the user's browser: http(s) only, no credentials in the URL. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  return parsed.username === '' && parsed.password === '' && parsed.hostname !== '';
}
