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

/** Directives a <meta> policy cannot carry: browsers ignore them there, with a warning. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/**
 * The policy as the <meta> element of index.html carries it (generated into the page by the
 * build, see electron.vite.config.ts), so a page opened without our headers is still covered.
 */
export function metaPolicy(isDevServer: boolean): string {
  const directives = isDevServer ? DEV_CSP_DIRECTIVES : CSP_DIRECTIVES;
  return serializeCsp(
    Object.fromEntries(Object.entries(directives).filter(([name]) => !HEADER_ONLY.has(name))),
  );
}

/** A Vite plugin that writes the <meta> policy into index.html: the page never has its own copy. */
export function cspMetaPlugin() {
  return {
    name: 'kpis-csp-meta',
    transformIndexHtml(_html: string, context: { server?: unknown }) {
      return [
        {
          tag: 'meta',
          attrs: {
            'http-equiv': 'Content-Security-Policy',
            content: metaPolicy(context.server !== undefined),
          },
          injectTo: 'head-prepend' as const,
        },
      ];
    },
  };
}

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
