import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath } from 'node:fs/promises';
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { relative } from 'node:path';
import type { ApiErrorBody, ApiResult } from '@shared/api/errors';
import type { Backend } from '../backend/platform';
import { SECURITY_HEADERS } from './csp';
import { DOWNLOAD_PREFIX, serveDownload } from './downloads';
import { EVENTS_PATH, EventStreams } from './event-stream';
import { checkApiRequest, checkHost } from './request-guard';
import { receiveUpload, UPLOAD_PATH } from './uploads';
import { cacheControlFor, contentTypeFor, resolveStaticFile } from './static-files';

// Browser mode: the built renderer and the backend's dispatcher over HTTP, on the loopback
// interface only. Every API call needs the per-launch token, which the renderer reads from the URL
// fragment (never sent to a server or in a Referer). No CORS headers are ever sent, so a page from
// another site cannot read an answer, and its JSON POST needs a preflight that we refuse.

export const MAX_BODY_BYTES = 32 * 1024 * 1024;
const LOOPBACK = '127.0.0.1';
const METHOD_NAME = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;

export interface BrowserHostOptions {
  backend: Pick<Backend, 'dispatch' | 'subscribe'>;
  /** The renderer build (out/renderer). */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** When `port` is taken, listen on any free port instead of failing. */
  orAnyFreePort?: boolean;
  /** Fixed only by tests; a launch gets 32 random bytes. */
  token?: string;
  /** Where unexpected errors go; their details never reach the page. */
  log?: (message: string, error?: unknown) => void;
  /** Where uploaded import files are kept (browser mode has no native file dialog). */
  uploadDir?: string;
  /** All uploads together; tests lower it (uploads.ts has the default). */
  uploadQuotaBytes?: number;
  /** How often a quiet event stream gets a keep-alive comment; shortened only by tests. */
  heartbeatMs?: number;
}

export interface BrowserHost {
  /** The address to open: origin, then the token in the fragment. */
  url: string;
  origin: string;
  token: string;
  port: number;
  /** What the socket is bound to (always 127.0.0.1). */
  address: AddressInfo;
  close(): Promise<void>;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? newToken();
  const rendererDir = await realpath(options.rendererDir).catch(() => {
    throw new Error(
      `The app's pages were not found in ${options.rendererDir}. Build the app first (npm run build).`,
    );
  });
  const log =
    options.log ??
    ((message: string, error?: unknown) => {
      console.error(message, error);
    });
  let port = 0;
  const eventStreams = new EventStreams();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log('Browser host: a request failed unexpectedly.', error);
      if (!res.headersSent) sendText(res, 500, 'The app could not answer this request.');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const isApi = pathname.startsWith('/api/');
    const hostRefusal = checkHost(req.headers, port);
    if (hostRefusal) {
      refuse(res, isApi, hostRefusal.status, hostRefusal.message);
      return;
    }
    if (isApi) {
      await handleApi(req, res, pathname.slice('/api/'.length));
      return;
    }
    if (pathname === UPLOAD_PATH && options.uploadDir !== undefined) {
      await receiveUpload(req, res, {
        port,
        token,
        dir: options.uploadDir,
        log,
        ...(options.uploadQuotaBytes === undefined ? {} : { quotaBytes: options.uploadQuotaBytes }),
      });
      return;
    }
    if (pathname === EVENTS_PATH) {
      eventStreams.serve(req, res, {
        port,
        token,
        events: options.backend,
        ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }),
      });
      return;
    }
    if (pathname.startsWith(DOWNLOAD_PREFIX)) {
      serveDownload(req, res, pathname, { port, token, log });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Only GET is allowed here.', { Allow: 'GET, HEAD' });
      return;
    }
    const file = await resolveStaticFile(rendererDir, pathname);
    if (file === null) {
      sendText(res, 404, 'Not found.');
      return;
    }
    const contentType = contentTypeFor(file);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentType,
      'Cache-Control': cacheControlFor(relative(rendererDir, file), contentType),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', (error) => {
        log('Browser host: a file could not be read.', error);
        res.destroy();
      })
      .pipe(res);
  }

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
  ): Promise<void> {
    if (req.method !== 'POST') {
      refuse(res, true, 405, 'API calls must use POST.', { Allow: 'POST' });
      return;
    }
    const refusal = checkApiRequest(req.headers, port, token);
    if (refusal) {
      refuse(res, true, refusal.status, refusal.message);
      return;
    }
    if (!METHOD_NAME.test(method)) {
      sendJson(res, 404, failure('UNKNOWN_METHOD', 'There is no such API method.'));
      return;
    }
    const body = await readBody(req);
    if (body === null) {
      const limit = `${MAX_BODY_BYTES / 1024 / 1024} MiB`;
      sendJson(
        res,
        413,
        failure('VALIDATION', `The request is too large (the limit is ${limit}).`),
        {
          Connection: 'close',
        },
      );
      return;
    }
    let params: unknown;
    try {
      params = JSON.parse(body) as unknown;
    } catch {
      sendJson(res, 400, failure('VALIDATION', 'The request body is not valid JSON.'));
      return;
    }
    let result: ApiResult<unknown>;
    try {
      result = await options.backend.dispatch(method, params);
    } catch (error) {
      // dispatch promises never to throw; if it does, the page still gets an envelope.
      log(`Browser host: ${method} threw.`, error);
      result = failure('INTERNAL', 'Something went wrong in the app. Please try again.');
    }
    // Business errors travel in the envelope with 200, like the IPC transport.
    sendJson(res, 200, result);
  }

  const listen = (port: number) =>
    new Promise<void>((resolvePromise, reject) => {
      const onError = (error: NodeJS.ErrnoException): void => {
        reject(error);
      };
      server.once('error', onError);
      server.listen({ host: LOOPBACK, port }, () => {
        server.off('error', onError);
        resolvePromise();
      });
    });
  const asked = options.port ?? 0;
  try {
    await listen(asked);
  } catch (error) {
    const taken = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    if (taken && options.orAnyFreePort) await listen(0);
    else if (taken)
      throw new Error(`Port ${asked} on 127.0.0.1 is already in use; choose another with --port.`, {
        cause: error,
      });
    else throw error;
  }
  const address = server.address() as AddressInfo;
  port = address.port;
  const origin = `http://${LOOPBACK}:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port,
    address,
    close: () =>
      new Promise<void>((resolvePromise) => {
        // Open event streams would keep the server waiting: end them first.
        eventStreams.closeAll();
        server.close(() => {
          resolvePromise();
        });
        server.closeAllConnections();
      }),
  };
}

/** The body as text, or null as soon as it passes the limit (the rest is not kept). */
function readBody(req: IncomingMessage): Promise<string | null> {
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

function failure(code: ApiErrorBody['code'], message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

function refuse(
  res: ServerResponse,
  isApi: boolean,
  status: number,
  message: string,
  extra: OutgoingHttpHeaders = {},
): void {
  if (isApi) sendJson(res, status, failure('FORBIDDEN', message), extra);
  else sendText(res, status, message, extra);
}

function sendJson(
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

function sendText(
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
