import { createApiClient, type ApiClient } from '@shared/api/client';
import { ApiError } from '@shared/api/errors';
import { pickTransport } from './transport';

// The one API client of the renderer. Views and stores import `api`; nothing else talks to the
// backend.

const picked = pickTransport();

export const platform: 'desktop' | 'browser' | 'no-token' = picked.kind;

export const api: ApiClient =
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

/** A message for any error thrown by a call, for alerts. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
