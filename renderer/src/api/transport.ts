import type { KpisBridge } from '@shared/api/bridge';
import type { ApiTransport } from '@shared/api/client';
import { BATCH_MEDIA_TYPE, BATCH_PATH, type BatchRequest } from '@shared/api/batch';
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

/** A call held to go in the next batch: settled with its own answer as that comes. */
interface HeldCall {
  method: string;
  params: unknown;
  resolve(answer: ApiResult<unknown>): void;
  reject(error: unknown): void;
}

/** The calls being held while `together` runs, or null. */
let held: HeldCall[] | null = null;
/** Sends held calls as one batch; set in browser mode only. */
let sendHeld: ((calls: HeldCall[]) => void) | null = null;

/**
 * Sends the API calls `send` makes (synchronously) in one request in browser mode: the page's
 * first reads wait for one request instead of several, and never for a connection opened for
 * the last of them (issue 19, shared/api/batch.ts). Each call gets its own answer as soon as
 * the backend has it, as if sent alone. Under Electron the calls go as they are made.
 */
export function together<T>(send: () => T): T {
  if (sendHeld === null || held !== null) return send();
  const calls: HeldCall[] = [];
  held = calls;
  try {
    return send();
  } finally {
    held = null;
    sendHeld(calls);
  }
}

function httpTransport(token: string): ApiTransport {
  const post = async (path: string, body: unknown): Promise<Response> => {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    if (response.status === 401) useAccessStore.getState().refuse();
    return response;
  };
  const callAlone = async (method: string, params: unknown) =>
    (await (
      await post(`/api/${encodeURIComponent(method)}`, params ?? {})
    ).json()) as ApiResult<unknown>;
  sendHeld = (calls) => {
    if (calls.length === 0) return;
    if (calls.length === 1) {
      const [call] = calls as [HeldCall];
      callAlone(call.method, call.params).then(call.resolve, call.reject);
      return;
    }
    const request: BatchRequest = {
      calls: calls.map(({ method, params }) => ({ method, params: params ?? {} })),
    };
    post(BATCH_PATH, request)
      .then((response) => answerEach(response, calls))
      .catch((error: unknown) => {
        // Every call not answered yet fails as unreachable (settling twice changes nothing).
        for (const call of calls) call.reject(error);
      });
  };
  return (method, params) => {
    const calls = held;
    if (calls === null) return callAlone(method, params);
    return new Promise((resolve, reject) => {
      calls.push({ method, params, resolve, reject });
    });
  };
}

/**
 * Hands each held call its answer as the batch's lines arrive (one JSON answer a line, in the
 * calls' order). A batch refused whole (its token, its shape) has one JSON answer: each call's.
 */
async function answerEach(response: Response, calls: HeldCall[]): Promise<void> {
  if (!response.headers.get('Content-Type')?.startsWith(BATCH_MEDIA_TYPE)) {
    const refusal = (await response.json()) as ApiResult<unknown>;
    for (const call of calls) call.resolve(refusal);
    return;
  }
  const reader = response.body?.getReader();
  if (!reader) throw new Error('the answer to a batch of calls has no body');
  const decoder = new TextDecoder();
  // The line being received, in pieces: each piece is searched once (an evaluation's line of a
  // 5,000-KPI scorecard is 3 MB).
  const line: string[] = [];
  let answered = 0;
  for (;;) {
    const { done, value } = await reader.read();
    let piece = decoder.decode(value, { stream: !done });
    for (let end = piece.indexOf('\n'); end >= 0; end = piece.indexOf('\n')) {
      line.push(piece.slice(0, end));
      piece = piece.slice(end + 1);
      const call = calls[answered];
      if (call) call.resolve(JSON.parse(line.join('')) as ApiResult<unknown>);
      answered += 1;
      line.length = 0;
    }
    line.push(piece);
    if (done) break;
  }
  if (answered < calls.length) throw new Error('the answer to a batch of calls ended early');
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
