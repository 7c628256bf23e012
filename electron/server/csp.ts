// The one Content Security Policy for every page of the app: the Electron session applies it as a
// response header, and the browser-mode host sends it with every file it serves. Kept free of
// Electron and Node imports so both hosts (and the tests) can read it.

export type CspDirectives = Readonly<Record<string, readonly string[]>>;

/**
 * Production policy. No inline script or style: React sets styles through the CSSOM, which CSP
 * does not restrict, and Vite emits scripts and styles as files. `data:`/`blob:` images cover
 * canvas exports and chart snapshots.
 */
export const CSP_DIRECTIVES: CspDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
};

/**
 * Electron development only (the Vite dev server, `ELECTRON_RENDERER_URL`): Vite injects the React
 * refresh preamble and styles inline and talks to its HMR socket. Never used for a built app.
 */
export const DEV_CSP_DIRECTIVES: CspDirectives = {
  ...CSP_DIRECTIVES,
  'script-src': ["'self'", "'unsafe-inline'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'connect-src': ["'self'", 'ws:'],
};

export function serializeCsp(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export const CONTENT_SECURITY_POLICY = serializeCsp(CSP_DIRECTIVES);
export const DEV_CONTENT_SECURITY_POLICY = serializeCsp(DEV_CSP_DIRECTIVES);

/** Headers every response of the browser-mode host carries. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Other sites cannot even load our scripts or JSON with no-cors requests.
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
