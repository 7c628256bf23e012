import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { ApiErrorBody, ApiResult } from '@shared/api/errors';
import { SECURITY_HEADERS } from './csp';

// Reading a request's body and writing the browser host's replies (host.ts).

export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** The body as text, or null as soon as it passes the limit (the rest is not kept). */
export function readBody(req: IncomingMessage): Promise<string | null> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) return Promise.resolve(null);
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
        resolvePromise(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge) resolvePromise(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

export function failure(code: ApiErrorBody['code'], message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

export function unknownMethod(): ApiResult<never> {
  return failure('UNKNOWN_METHOD', 'There is no such API method.');
}

export function refuse(
  res: ServerResponse,
  isApi: boolean,
  status: number,
  message: string,
  extra: OutgoingHttpHeaders = {},
): void {
  if (isApi) sendJson(res, status, failure('FORBIDDEN', message), extra);
  else sendText(res, status, message, extra);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  payload: unknown,
  extra: OutgoingHttpHeaders = {},
): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

export function sendText(
  res: ServerResponse,
  status: number,
  message: string,
  extra: OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(message);
}
