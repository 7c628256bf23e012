import {
  SERVER_EVENT_NAMES,
  type ServerEvent,
  type ServerEventName,
  type ServerEvents,
} from './events';

// The server events on the wire. Browser mode carries them as Server-Sent Events, read with
// fetch() (EventSource cannot send the token header), so both ends of the text format live
// here; IPC carries them as objects. Either way, what arrives is checked before a store sees it.

/** One SSE message as the stream spells it. */
export interface SseMessage {
  event: string;
  data: string;
}

/** A comment line: keeps proxies and idle timeouts from closing a quiet stream. */
export const SSE_HEARTBEAT = ': keep-alive\n\n';

/** A server event as SSE text: its name, then its payload as one line of JSON. */
export function formatSseEvent(event: ServerEvent): string {
  return `event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`;
}

/**
 * An incremental parser of `text/event-stream` (the WHATWG rules that matter here: lines end in
 * CR, LF or CRLF, possibly split between chunks; `:` starts a comment; `data` lines join with a
 * newline; a blank line ends a message; a message without data is dropped).
 */
export function createSseParser(onMessage: (message: SseMessage) => void): {
  push(chunk: string): void;
} {
  let buffer = '';
  let started = false;
  let eventName = '';
  let data: string[] = [];
  // A chunk that ended in CR may be followed by the LF of the same line ending.
  let skipLeadingLf = false;

  function line(text: string): void {
    if (text === '') {
      if (data.length > 0) onMessage({ event: eventName || 'message', data: data.join('\n') });
      eventName = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventName = value;
    else if (field === 'data') data.push(value);
    // id and retry: the client reconnects on its own schedule and every event is self-contained.
  }

  return {
    push(chunk) {
      let text = chunk;
      if (!started && text.length > 0) {
        started = true;
        if (text.startsWith('\uFEFF')) text = text.slice(1);
      }
      if (skipLeadingLf && text.startsWith('\n')) text = text.slice(1);
      skipLeadingLf = false;
      buffer += text;
      let from = 0;
      for (;;) {
        const match = /\r\n|\r|\n/g;
        match.lastIndex = from;
        const found = match.exec(buffer);
        if (!found) break;
        // A CR at the very end may be the first half of a CRLF split across chunks.
        if (found[0] === '\r' && found.index === buffer.length - 1) skipLeadingLf = true;
        line(buffer.slice(from, found.index));
        from = found.index + found[0].length;
      }
      buffer = buffer.slice(from);
    },
  };
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');
const isCount = (value: unknown): value is number | null =>
  value === null || (typeof value === 'number' && Number.isFinite(value));

const PAYLOAD_CHECKS: { [K in ServerEventName]: (payload: Record<string, unknown>) => boolean } = {
  changed: (p) =>
    isStringArray(p.entities) && (p.scorecardIds === null || isStringArray(p.scorecardIds)),
  workspace: (p) => p.path === null || typeof p.path === 'string',
  progress: (p) =>
    typeof p.job === 'string' &&
    typeof p.id === 'string' &&
    typeof p.phase === 'string' &&
    typeof p.done === 'number' &&
    isCount(p.total),
  reminders: (p) => isCount(p.count),
  sync: (p) => p.status === null || (typeof p.status === 'object' && !Array.isArray(p.status)),
};

/** The event, or null when the name is not one the backend sends or the payload is malformed. */
export function parseServerEvent(name: unknown, payload: unknown): ServerEvent | null {
  if (typeof name !== 'string' || !(SERVER_EVENT_NAMES as readonly string[]).includes(name))
    return null;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const key = name as ServerEventName;
  if (!PAYLOAD_CHECKS[key](payload as Record<string, unknown>)) return null;
  return { name: key, payload: payload as ServerEvents[typeof key] } as ServerEvent;
}

/** An SSE message as a server event, or null (unknown name, JSON that does not parse). */
export function serverEventFromSse(message: SseMessage): ServerEvent | null {
  try {
    return parseServerEvent(message.event, JSON.parse(message.data) as unknown);
  } catch {
    return null;
  }
}
