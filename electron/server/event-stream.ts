import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatSseEvent, SSE_HEARTBEAT } from '@shared/api/event-stream';
import type { Backend } from '../backend/platform';
import { SECURITY_HEADERS } from './csp';
import { checkFileRequest } from './request-guard';
import { sendText } from './replies';

// GET /events: what the backend pushes (shared/api/events.ts) as Server-Sent Events, behind the
// API's guards (same origin, launch token in the Authorization header — the page reads the
// stream with fetch(), since EventSource cannot send that header). A comment every so often
// keeps proxies and idle timeouts from closing a quiet stream.

export const EVENTS_PATH = '/events';
export const HEARTBEAT_MS = 15_000;
/** A client that reads nothing for this long is dropped rather than buffered without end. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export interface EventRouteOptions {
  port: number;
  token: string;
  events: Pick<Backend, 'subscribe'>;
  heartbeatMs?: number;
}

/** The open streams, so the host ends them before it closes. */
export class EventStreams {
  private readonly open = new Set<ServerResponse>();

  serve(req: IncomingMessage, res: ServerResponse, options: EventRouteOptions): void {
    if (req.method !== 'GET') {
      sendText(res, 405, 'The event stream must use GET.', { Allow: 'GET' });
      return;
    }
    const refusal = checkFileRequest(req.headers, options.port, options.token);
    if (refusal) {
      sendText(res, refusal.status, refusal.message);
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.socket?.setNoDelay(true);
    // Tells the page at once that the stream is open (it refreshes after a reconnection).
    res.write(': connected\n\n');
    this.open.add(res);

    const write = (text: string): void => {
      if (res.writableLength > MAX_BUFFERED_BYTES) {
        res.destroy();
        return;
      }
      res.write(text);
    };
    const unsubscribe = options.events.subscribe((event) => {
      write(formatSseEvent(event));
    });
    const heartbeat = setInterval(() => {
      write(SSE_HEARTBEAT);
    }, options.heartbeatMs ?? HEARTBEAT_MS);
    heartbeat.unref();
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      this.open.delete(res);
    });
  }

  /** Ends every stream (the host is closing): the page sees the end and tries again later. */
  closeAll(): void {
    for (const res of this.open) res.end();
    this.open.clear();
  }
}
