import type { KpisBridge } from '@shared/api/bridge';
import type { ApiTransport } from '@shared/api/client';
import type { ApiResult } from '@shared/api/errors';
import { useAccessStore } from './access-store';

// The renderer reaches the backend one of two ways, chosen once at start-up: the preload's
// `window.kpis` bridge under Electron, or HTTP to the browser-mode host with its launch token.

declare global {
  interface Window {
    kpis?: KpisBridge;
  }
}

const TOKEN_KEY = 'kpis.token';
const TOKEN_IN_FRAGMENT = /(?:^#|&)token=([A-Za-z0-9_-]+)/;

export function desktopBridge(): KpisBridge | null {
  return window.kpis ?? null;
}

/**
 * The browser-mode token: from the URL fragment the host printed (`#token=…`, never sent to a
 * server or in a Referer), kept in sessionStorage so a reload still works, and removed from the
 * address bar so it is not shared by accident.
 */
export function browserToken(): string | null {
  const match = TOKEN_IN_FRAGMENT.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/**
 * The app's address opened in this tab again, with the token of a newer start of browser mode
 * (which listens on the same port each time): only the fragment changed, which loads nothing,
 * so the page loads itself again to take the new token.
 */
function followNewTokens(): void {
  window.addEventListener('hashchange', () => {
    if (TOKEN_IN_FRAGMENT.test(window.location.hash)) window.location.reload();
  });
}

function httpTransport(token: string): ApiTransport {
  return async (method, params) => {
    const response = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(params ?? {}),
    });
    if (response.status === 401) useAccessStore.getState().refuse();
    const body = (await response.json()) as ApiResult<unknown>;
    return body;
  };
}

export type Transport =
  | { kind: 'desktop'; transport: ApiTransport }
  | { kind: 'browser'; transport: ApiTransport }
  | { kind: 'no-token' };

export function pickTransport(): Transport {
  const bridge = desktopBridge();
  if (bridge)
    return { kind: 'desktop', transport: (method, params) => bridge.invoke(method, params) };
  followNewTokens();
  const token = browserToken();
  if (!token) return { kind: 'no-token' };
  return { kind: 'browser', transport: httpTransport(token) };
}
