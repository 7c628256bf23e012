import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from '../server/csp';

// Every response the app's session receives carries the app's CSP, the same policy the
// browser-mode host sends (electron/server/csp.ts is the one source).

export function policyFor(isDevServer: boolean): string {
  return isDevServer ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
}

export function setupContentSecurityPolicy(session: Session, isDevServer: boolean): void {
  const policy = policyFor(isDevServer);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    // Replace whatever the response said (a dev server may send its own) with ours.
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') Reflect.deleteProperty(headers, name);
    }
    headers['Content-Security-Policy'] = [policy];
    headers['X-Content-Type-Options'] = ['nosniff'];
    callback({ responseHeaders: headers });
  });
}
