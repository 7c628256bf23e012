import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { downloads, type DownloadStore } from '../backend/transfer/export/downloads';
import { SECURITY_HEADERS } from './csp';
import { checkFileRequest } from './request-guard';
import { sendText } from './replies';

// GET /download/<id>: hands an export the backend wrote (see backend/transfer/export/
// downloads.ts) to the page, once. The same guards as the API — same origin, launch token in
// the Authorization header — so another site or local program cannot fetch a user's export;
// the page fetches it with the token and saves it through a blob URL.

export const DOWNLOAD_PREFIX = '/download/';

export interface DownloadRouteOptions {
  port: number;
  token: string;
  log: (message: string, error?: unknown) => void;
  store?: DownloadStore;
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export function serveDownload(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  options: DownloadRouteOptions,
): void {
  if (req.method !== 'GET') {
    sendText(res, 405, 'Downloads must use GET.', { Allow: 'GET' });
    return;
  }
  const refusal = checkFileRequest(req.headers, options.port, options.token);
  if (refusal) {
    sendText(res, refusal.status, refusal.message);
    return;
  }
  const store = options.store ?? downloads;
  const download = store.take(pathname.slice(DOWNLOAD_PREFIX.length));
  if (!download) {
    sendText(res, 404, 'This export has already been saved or has expired. Export it again.');
    return;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': download.contentType,
    'Content-Length': download.size,
    'Content-Disposition': contentDisposition(download.fileName),
    'Cache-Control': 'no-store',
  });
  const done = () => {
    store.remove(download);
  };
  createReadStream(download.path)
    .on('error', (error) => {
      options.log('Browser host: an export could not be read.', error);
      res.destroy();
      done();
    })
    .on('close', done)
    .pipe(res);
}
