import { createApiClient, type ApiClient } from '@shared/api/client';
import { withEarlyCalls } from '@shared/api/early-calls';
import { ApiError } from '@shared/api/errors';
import { onResync, onServerEvent } from './events';
import { pickTransport } from './transport';

// The one API client of the renderer. Views and stores import `api`; nothing else talks to the
// backend.

const picked = pickTransport();

export const platform: 'desktop' | 'browser' | 'no-token' = picked.kind;

const client: ApiClient =
  picked.kind === 'no-token'
    ? {
        call: () =>
          Promise.reject(
            new ApiError({
              code: 'FORBIDDEN',
              message: 'This page was opened without its access token.',
            }),
          ),
      }
    : createApiClient(picked.transport);

const early = withEarlyCalls(client);

export const api: ApiClient = early.api;

/**
 * Asks for a read the first screen needs now, before the view that needs it has mounted; that
 * view's identical call then takes the answer (app/first-reads.ts).
 */
export const callEarly = early.send;

/** Drops an early read's kept answer that its sender used itself: a later call asks anew. */
export const dropEarly = early.drop;

// An answer read before a change the page has heard of (or may have missed) is not handed on.
onServerEvent('changed', early.forget);
onServerEvent('workspace', early.forget);
onResync(early.forget);

/** A message for any error thrown by a call, for alerts. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
