import type { Backend, BackendOptions } from './platform';
import { HandlerContext, type BackendInternals } from './context';
import { createDispatcher } from './dispatcher';
import { loadHandler } from './handlers/registry';
import { startBackgroundSync } from './sync/background';

// The backend: plain Node (never `electron`), hosted by the Electron main process over IPC or
// by the browser-mode server over HTTP. It starts with no workspace open, and each domain's
// handlers load on their first call (handlers/registry.ts), so a start loads little.

export type { Backend, BackendOptions, Clock } from './platform';
export type { BackendInternals } from './context';
export type { FileAccess, FilePurpose } from './files/access';
export { browserFileAccess, unrestrictedFileAccess } from './files/access';
export type { Migration } from './workspace/migrations';
export { APPLICATION_ID, MIGRATIONS } from './workspace/migrations';

export function createBackend(options: BackendOptions, internals: BackendInternals = {}): Backend {
  const ctx = new HandlerContext(options, internals);
  const dispatch = createDispatcher(loadHandler, ctx);
  const stopSync =
    options.backgroundSync === undefined || options.backgroundSync === false
      ? () => undefined
      : startBackgroundSync(ctx, dispatch, options.backgroundSync);
  return {
    dispatch,
    subscribe: (listener) => ctx.events.subscribe(listener),
    close: () => {
      stopSync();
      ctx.closeCurrent();
    },
  };
}
