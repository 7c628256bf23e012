import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { relative } from 'node:path';
import { BATCH_CONTENT_TYPE, BATCH_PATH } from '@shared/api/batch';
import type { ApiResult } from '@shared/api/errors';
import type { Backend } from '../backend/platform';
import { readBatch } from './batch';
import {
  failure,
  MAX_BODY_BYTES,
  readBody,
  refuse,
  sendJson,
  sendText,
  unknownMethod,
} from './replies';
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

export { MAX_BODY_BYTES } from './replies';

const LOOPBACK = '127.0.0.1';
const METHOD_NAME = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;
/** readParams' answer for a request it refused (and answered): no JSON body parses to it. */
const REFUSED = Symbol('refused');

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
      if (pathname === BATCH_PATH) await handleBatch(req, res);
      else await handleApi(req, res, pathname.slice('/api/'.length));
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
    if (!admitted(req, res)) return;
    if (!METHOD_NAME.test(method)) {
      sendJson(res, 404, unknownMethod());
      return;
    }
    const params = await readParams(req, res);
    if (params === REFUSED) return;
    // Business errors travel in the envelope with 200, like the IPC transport.
    sendJson(res, 200, await dispatch(method, params));
  }

  /**
   * Several calls in one request (shared/api/batch.ts), made in order, each answer written as
   * soon as it is ready: a slow call (a cold evaluation) holds back none before it.
   */
  async function handleBatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!admitted(req, res)) return;
    const body = await readParams(req, res);
    if (body === REFUSED) return;
    const batch = readBatch(body);
    if ('problem' in batch) {
      sendJson(res, 400, failure('VALIDATION', batch.problem));
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': BATCH_CONTENT_TYPE,
      'Cache-Control': 'no-store',
    });
    for (const [index, { method, params }] of batch.calls.entries()) {
      if (res.destroyed) return;
      const result = METHOD_NAME.test(method) ? await dispatch(method, params) : unknownMethod();
      const line = `${JSON.stringify(result)}\n`;
      // The last answer ends the response with it, so the page reads its end with its data.
      if (index === batch.calls.length - 1) {
        res.end(line);
        return;
      }
      res.write(line);
      // Sent before the next call starts: the socket writes once this turn of the loop ends.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Whether an API request may be read: a POST with the launch token from this page. */
  function admitted(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'POST') {
      refuse(res, true, 405, 'API calls must use POST.', { Allow: 'POST' });
      return false;
    }
    const refusal = checkApiRequest(req.headers, port, token);
    if (refusal) {
      refuse(res, true, refusal.status, refusal.message);
      return false;
    }
    return true;
  }

  /** The request's JSON body, or REFUSED once a too large or malformed one has been answered. */
  async function readParams(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
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
      return REFUSED;
    }
    try {
      return JSON.parse(body) as unknown;
    } catch {
      sendJson(res, 400, failure('VALIDATION', 'The request body is not valid JSON.'));
      return REFUSED;
    }
  }

  async function dispatch(method: string, params: unknown): Promise<ApiResult<unknown>> {
    try {
      return await options.backend.dispatch(method, params);
    } catch (error) {
      // dispatch promises never to throw; if it does, the page still gets an envelope.
      log(`Browser host: ${method} threw.`, error);
      return failure('INTERNAL', 'Something went wrong in the app. Please try again.');
    }
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
