import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { policyFor, setupContentSecurityPolicy } from '../../../electron/main/csp';
import {
  CONTENT_SECURITY_POLICY,
  CSP_DIRECTIVES,
  DEV_CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
} from '../../../electron/server/csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('content security policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('allows only the app itself to run scripts, with no inline code or eval', () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('talks to no other server and cannot be framed, based or post forms', () => {
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('is the exact string of the directives', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
        "frame-ancestors 'none'; form-action 'none'",
    );
    expect(Object.keys(CSP_DIRECTIVES)).toHaveLength(policy.size);
  });

  it('loosens only script, style and connect for the Vite dev server', () => {
    const dev = directives(DEV_CONTENT_SECURITY_POLICY);
    expect(policyFor(false)).toBe(CONTENT_SECURITY_POLICY);
    expect(policyFor(true)).toBe(DEV_CONTENT_SECURITY_POLICY);
    for (const [name, sources] of policy) {
      if (['script-src', 'style-src', 'connect-src'].includes(name)) continue;
      expect(dev.get(name)).toEqual(sources);
    }
    expect(dev.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it('is sent by the browser host with the other protective headers', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
    expect(SECURITY_HEADERS['Cross-Origin-Opener-Policy']).toBe('same-origin');
  });

  it('replaces any CSP a response brings with ours in the Electron session', () => {
    type Listener = (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    let listener: Listener | undefined;
    const session = {
      webRequest: {
        onHeadersReceived: (fn: Listener) => {
          listener = fn;
        },
      },
    } as unknown as Session;
    setupContentSecurityPolicy(session, false);
    let result: Record<string, string[]> | undefined;
    listener?.(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } },
      (response) => {
        result = response.responseHeaders;
      },
    );
    expect(result).toEqual({
      'X-Other': ['1'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      'X-Content-Type-Options': ['nosniff'],
    });
  });
});
