import { createSseParser, serverEventFromSse } from '@shared/api/event-stream';
import type { ServerEvent, ServerEventName, ServerEvents } from '@shared/api/events';
import type { ChangeEntity } from '@shared/domain/entities';
import { useAccessStore } from './access-store';
import { browserToken, desktopBridge } from './transport';

// What the backend pushes, for the stores: the preload's bridge under Electron, the host's
// event stream in browser mode (read with fetch, since EventSource cannot send the token). A
// lost stream is opened again with a growing pause; once it is back, every subscriber fetches
// again, since whatever changed meanwhile was not heard.

type Handler<K extends ServerEventName> = (payload: ServerEvents[K]) => void;

const handlers = new Map<ServerEventName, Set<(payload: never) => void>>();
const resyncHandlers = new Set<() => void>();

export function onServerEvent<K extends ServerEventName>(name: K, handler: Handler<K>): () => void {
  const set = handlers.get(name) ?? new Set();
  set.add(handler);
  handlers.set(name, set);
  return () => {
    set.delete(handler);
  };
}

function deliver(event: ServerEvent): void {
  for (const handler of handlers.get(event.name) ?? []) {
    try {
      (handler as (payload: typeof event.payload) => void)(event.payload);
    } catch (error) {
      console.error(`A ${event.name} listener failed`, error);
    }
  }
}

/** Runs `handler` when the stream is back after a loss (events may have been missed). */
export function onResync(handler: () => void): () => void {
  resyncHandlers.add(handler);
  return () => {
    resyncHandlers.delete(handler);
  };
}

/**
 * Runs `refresh` when a `changed` event names one of `kinds`, and after the stream comes back.
 * Refreshes never overlap: changes heard during one run it once more afterwards.
 */
export function onDataChanged(
  kinds: readonly ChangeEntity[],
  refresh: () => Promise<unknown> | undefined,
): () => void {
  let running = false;
  // Bumped by every change heard; a run that ends with it moved runs again.
  let heard = 0;
  const run = async (): Promise<void> => {
    heard += 1;
    if (running) return;
    running = true;
    try {
      for (;;) {
        const before = heard;
        await refresh();
        if (heard === before) break;
      }
    } catch (error) {
      // Each store shows its own read failures; this only keeps the next refresh possible.
      console.error('A refresh after a change failed', error);
    } finally {
      running = false;
    }
  };
  const offChanged = onServerEvent('changed', (payload) => {
    if (payload.entities.some((kind) => kinds.includes(kind))) void run();
  });
  const onResync = (): void => {
    void run();
  };
  resyncHandlers.add(onResync);
  return () => {
    offChanged();
    resyncHandlers.delete(onResync);
  };
}

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

/** Reads `/events` until stopped, reconnecting with backoff. Returns the stop function. */
function readEventStream(token: string): () => void {
  const controller = new AbortController();
  let delay = FIRST_RETRY_MS;
  let everConnected = false;
  const stopped = (): boolean => controller.signal.aborted;

  async function once(): Promise<void> {
    const response = await fetch('/events', {
      headers: { Authorization: `Bearer ${token}` },
      cache: 'no-store',
      signal: controller.signal,
    });
    if (response.status === 401) {
      // Another start of browser mode: this token will not be taken again.
      useAccessStore.getState().refuse();
      controller.abort();
      return;
    }
    if (!response.ok || !response.body) throw new Error(`event stream: HTTP ${response.status}`);
    if (everConnected) for (const handler of resyncHandlers) handler();
    everConnected = true;
    delay = FIRST_RETRY_MS;
    const parser = createSseParser((message) => {
      const event = serverEventFromSse(message);
      if (event) deliver(event);
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.push(value);
    }
  }

  void (async () => {
    while (!controller.signal.aborted) {
      try {
        await once();
      } catch {
        // Lost or refused: try again after a pause (the host may be restarting).
      }
      if (stopped()) return;
      const wait = delay * (0.75 + Math.random() / 2);
      delay = Math.min(delay * 2, MAX_RETRY_MS);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  })();
  return () => {
    controller.abort();
  };
}

let stop: (() => void) | null = null;

/** Starts listening, once, the way the API client talks (bridge or browser host). */
export function startServerEvents(): void {
  if (stop) return;
  const bridge = desktopBridge();
  if (bridge) {
    stop = bridge.onEvent(deliver);
    return;
  }
  const token = browserToken();
  if (token) stop = readEventStream(token);
}
