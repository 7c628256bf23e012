import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SECURITY_HEADERS } from './csp';
import { checkFileRequest } from './request-guard';

// POST /upload?name=<file name>: browser mode's way of handing a spreadsheet to the import
// (a page cannot give the backend a path). The body is streamed to a file in the data folder
// and its path returned; the same guards as the API apply. Uploads live until the next launch.

export const UPLOAD_PATH = '/upload';
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

export interface UploadRouteOptions {
  port: number;
  token: string;
  dir: string;
  log: (message: string, error?: unknown) => void;
  maxBytes?: number;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function failure(res: ServerResponse, status: number, code: string, message: string): void {
  reply(res, status, { ok: false, error: { code, message } });
}

/** A file name that is only a name: no folders, no control characters, not too long. */
export function safeUploadName(raw: string | null): string {
  const name = (raw ?? '')
    .replace(/[\\/]/gu, '_')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 200);
  return name === '' || name === '.' || name === '..' ? 'upload' : name;
}

export async function receiveUpload(
  req: IncomingMessage,
  res: ServerResponse,
  options: UploadRouteOptions,
): Promise<void> {
  if (req.method !== 'POST') {
    failure(res, 405, 'VALIDATION', 'Uploads must use POST.');
    return;
  }
  const refusal = checkFileRequest(req.headers, options.port, options.token);
  if (refusal) {
    failure(res, refusal.status, 'FORBIDDEN', refusal.message);
    return;
  }
  // Not a type a cross-site form could send without a preflight, which we never answer.
  if (!/^application\/octet-stream\b/iu.test(req.headers['content-type'] ?? '')) {
    failure(res, 415, 'VALIDATION', 'Uploads must be sent as application/octet-stream.');
    return;
  }
  const limit = options.maxBytes ?? MAX_UPLOAD_BYTES;
  const tooLarge = `The file is larger than ${Math.round(limit / 1024 ** 2).toLocaleString('en-GB')} MiB.`;
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    failure(res, 413, 'VALIDATION', tooLarge);
    req.resume();
    return;
  }
  const name = safeUploadName(new URL(req.url ?? '/', 'http://localhost').searchParams.get('name'));
  const folder = join(options.dir, randomUUID());
  mkdirSync(folder, { recursive: true });
  const path = join(folder, name);
  let received = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done(received > limit ? new Error('too large') : null, chunk);
    },
  });
  try {
    await pipeline(req, limiter, createWriteStream(path));
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    if (received > limit) failure(res, 413, 'VALIDATION', tooLarge);
    else {
      options.log('Browser host: an upload failed.', error);
      if (!res.headersSent) failure(res, 400, 'FILE_ERROR', 'The upload was interrupted.');
    }
    return;
  }
  reply(res, 200, { ok: true, data: { path } });
}
