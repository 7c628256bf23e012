import type { KpisBridge } from '@shared/api/bridge';
import type { ApiTransport } from '@shared/api/client';
import type { ApiResult } from '@shared/api/errors';

// The renderer reaches the backend one of two ways, chosen once at start-up: the preload's
// `window.kpis` bridge under Electron, or HTTP to the browser-mode host with its launch token.

declare global {
  interface Window {
    kpis?: KpisBridge;
  }
}

const TOKEN_KEY = 'kpis.token';

export function desktopBridge(): KpisBridge | null {
  return window.kpis ?? null;
}

/**
 * The browser-mode token: from the URL fragment the host printed (`#token=…`, never sent to a
 * server or in a Referer), kept in sessionStorage so a reload still works, and removed from the
 * address bar so it is not shared by accident.
 */
export function browserToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function httpTransport(token: string): ApiTransport {
  return async (method, params) => {
    const response = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(params ?? {}),
    });
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
  const token = browserToken();
  if (!token) return { kind: 'no-token' };
  return { kind: 'browser', transport: httpTransport(token) };
}
