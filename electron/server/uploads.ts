import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SECURITY_HEADERS } from './csp';
import { checkFileRequest } from './request-guard';
import { folderBytes } from './upload-folder';

// POST /upload?name=<file name>: browser mode's way of handing a spreadsheet to the import
// (a page cannot give the backend a path). The body is streamed to a file in the data folder
// and its path returned; the same guards as the API apply. Uploads live until the next launch.

export const UPLOAD_PATH = '/upload';
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;
/** All uploads of one host together, so a page cannot fill the disk with files never imported. */
export const MAX_UPLOADS_TOTAL_BYTES = 4 * 1024 ** 3;

export interface UploadRouteOptions {
  port: number;
  token: string;
  dir: string;
  log: (message: string, error?: unknown) => void;
  maxBytes?: number;
  /** Defaults to MAX_UPLOADS_TOTAL_BYTES. */
  quotaBytes?: number;
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
  const fileLimit = options.maxBytes ?? MAX_UPLOAD_BYTES;
  const quota = options.quotaBytes ?? MAX_UPLOADS_TOTAL_BYTES;
  const used = folderBytes(options.dir);
  const limit = Math.max(0, Math.min(fileLimit, quota - used));
  const mib = (bytes: number): string => Math.round(bytes / 1024 ** 2).toLocaleString('en-GB');
  const tooLarge =
    limit < fileLimit
      ? `The file does not fit: files uploaded and not imported yet take ${mib(used)} MiB of the ${mib(quota)} MiB kept for uploads. Finish or cancel the imports in progress, or restart the app, then try again.`
      : `The file is larger than ${mib(fileLimit)} MiB.`;
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    failure(res, 413, 'VALIDATION', tooLarge);
    req.resume();
    return;
  }
  const name = safeUploadName(new URL(req.url ?? '/', 'http://localhost').searchParams.get('name'));
  const folder = join(options.dir, randomUUID());
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const path = join(folder, name);
  let received = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done(received > limit ? new Error('too large') : null, chunk);
    },
  });
  try {
    await pipeline(req, limiter, createWriteStream(path, { mode: 0o600 }));
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
