import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSseParser,
  formatSseEvent,
  parseServerEvent,
  serverEventFromSse,
  SSE_HEARTBEAT,
  type SseMessage,
} from '@shared/api/event-stream';
import type { ServerEvent } from '@shared/api/events';

// The page reads the browser-mode event stream with its own parser (EventSource cannot send the
// token): whatever way the bytes are cut into chunks, the same events come out, and nothing
// malformed reaches a store.

function parseAll(chunks: string[]): SseMessage[] {
  const out: SseMessage[] = [];
  const parser = createSseParser((message) => out.push(message));
  for (const chunk of chunks) parser.push(chunk);
  return out;
}

/** Cuts `text` at the given offsets. */
function cut(text: string, offsets: number[]): string[] {
  const points = [...new Set(offsets.map((o) => o % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const point of points) {
    chunks.push(text.slice(from, point));
    from = point;
  }
  chunks.push(text.slice(from));
  return chunks;
}

const eventArb: fc.Arbitrary<ServerEvent> = fc.oneof(
  fc.record({
    name: fc.constant('changed' as const),
    payload: fc.record({
      entities: fc.subarray(['value', 'kpi', 'scorecard', 'objective'] as const),
      scorecardIds: fc.option(fc.array(fc.string()), { nil: null }),
    }),
  }),
  fc.record({
    name: fc.constant('workspace' as const),
    payload: fc.record({ path: fc.option(fc.string(), { nil: null }) }),
  }),
  fc.record({
    name: fc.constant('progress' as const),
    payload: fc.record({
      job: fc.constant('import' as const),
      id: fc.uuid(),
      phase: fc.constantFrom('reading', 'applied'),
      done: fc.nat(),
      total: fc.option(fc.nat(), { nil: null }),
    }),
  }),
);

describe('server-sent events on the wire', () => {
  it('gives back every event, however the stream is cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (events, offsets) => {
          const text = events.map((e) => formatSseEvent(e) + SSE_HEARTBEAT).join('');
          const parsed = parseAll(cut(text, offsets)).map(serverEventFromSse);
          expect(parsed).toEqual(events);
        },
      ),
    );
  });

  it('reads CR, LF and CRLF line ends, a CRLF split between chunks, and a leading BOM', () => {
    expect(
      parseAll(['\uFEFFevent: a\r', '\ndata: 1\r\n\r\n', 'data:2\r\rdata: x\ndata: y\n\n']),
    ).toEqual([
      { event: 'a', data: '1' },
      { event: 'message', data: '2' },
      { event: 'message', data: 'x\ny' },
    ]);
  });

  it('skips comments and messages without data, and waits for the blank line', () => {
    expect(parseAll([': hello\n\nevent: changed\n\n', 'event: changed\ndata: {}'])).toEqual([]);
  });

  it('lets only known event names with well-formed payloads through', () => {
    expect(parseServerEvent('changed', { entities: ['value'], scorecardIds: null })).toEqual({
      name: 'changed',
      payload: { entities: ['value'], scorecardIds: null },
    });
    expect(parseServerEvent('reminders', { count: 3 })).toEqual({
      name: 'reminders',
      payload: { count: 3 },
    });
    for (const [name, payload] of [
      ['delete-everything', {}],
      ['__proto__', {}],
      [42, {}],
      ['changed', null],
      ['changed', ['value']],
      ['changed', { entities: 'value', scorecardIds: null }],
      ['changed', { entities: ['value'] }],
      ['workspace', { path: 7 }],
      ['progress', { job: 'import', phase: 'reading', done: 1, total: 2 }],
      ['reminders', { count: 'many' }],
    ] as const) {
      expect(parseServerEvent(name, payload)).toBeNull();
    }
    expect(serverEventFromSse({ event: 'changed', data: '{not json' })).toBeNull();
  });
});
