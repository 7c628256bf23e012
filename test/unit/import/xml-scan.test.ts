import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { XmlScanner, XmlTooLarge } from '../../../electron/backend/transfer/import/xml-scan';

// The worksheet scanner is hand-written for speed; htmlparser2's parser in XML mode, which
// read the sheets before, is its oracle: whatever XML a writer may produce, cut into pieces
// anywhere (as the zip's stream cuts it), the scanner reports the same elements, attributes and
// text, with entities decoded once.

type Event = ['open', string] | ['attr', string, string] | ['close', string] | ['text', string];

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Events with each run of text as one (either reader may hand a run on in several calls). */
function collector(): { events: Event[]; push: (event: Event) => void } {
  const events: Event[] = [];
  return {
    events,
    push(event) {
      const last = events.at(-1);
      if (event[0] === 'text' && last?.[0] === 'text') last[1] += event[1];
      else if (event[0] !== 'text' || event[1] !== '') events.push(event);
    },
  };
}

function scanned(pieces: readonly string[]): Event[] {
  const { events, push } = collector();
  const scanner = new XmlScanner({
    open: (name) => push(['open', name]),
    attribute: (name, value) => push(['attr', name, value]),
    close: (name) => push(['close', name]),
    text: (data) => push(['text', data]),
  });
  for (const piece of pieces) scanner.feed(piece);
  scanner.end();
  return events;
}

function parsed(xml: string): Event[] {
  const { events, push } = collector();
  const parser = new Parser(
    {
      onopentagname: (name) => push(['open', local(name)]),
      onattribute: (name, value) => push(['attr', name, value]),
      onclosetag: (name) => push(['close', local(name)]),
      ontext: (data) => push(['text', data]),
    },
    { xmlMode: true },
  );
  parser.end(xml);
  return events;
}

const entity = fc.constantFrom(
  '&amp;',
  '&lt;',
  '&gt;',
  '&quot;',
  '&apos;',
  '&#x41;',
  '&#66;',
  '&#x20AC;',
  '&#128512;',
  '&amp;lt;',
);
const plain = fc.string({
  unit: fc.constantFrom('a', 'Z', '0', '9', ' ', '.', '-', 'é', 'ネ', '😀', '\n', '\t'),
  maxLength: 12,
});
/** Character data: plain text and entities, and a stray & that is no entity. */
const text = fc
  .array(fc.oneof(plain, entity, fc.constant('& b')), { maxLength: 4 })
  .map((parts) => parts.join(''));
const name = fc
  .tuple(
    fc.constantFrom('', 'x:', 'x14ac:'),
    fc.constantFrom('c', 'v', 'row', 'is', 't', 'r', 'rPh', 'sheetData', 'si'),
  )
  .map(([prefix, base]) => prefix + base);
const attributeValue = fc
  .array(fc.oneof(plain, entity, fc.constantFrom('>', '/', '=')), { maxLength: 3 })
  .map((parts) => parts.join(''));
const attributes = fc
  .uniqueArray(
    fc.tuple(
      fc.constantFrom('r', 't', 's', 'spans', 'x14ac:dyDescent', 'xml:space'),
      attributeValue,
      fc.boolean(),
    ),
    { selector: ([key]) => key, maxLength: 3 },
  )
  .map((list) =>
    list
      .map(([key, value, single]) =>
        single
          ? ` ${key}='${value.replaceAll("'", '&apos;')}'`
          : ` ${key}="${value.replaceAll('"', '&quot;')}"`,
      )
      .join(''),
  );
const aside = fc.oneof(
  plain.map((body) => `<!--${body.replaceAll('-', '')}-->`),
  plain.map((body) => `<?pi ${body}?>`),
  fc.constantFrom('<!DOCTYPE worksheet>', '<!x>'),
  fc.oneof(plain, entity, fc.constantFrom('<', '>', '&', ']')).map((body) => `<![CDATA[${body}]]>`),
);
const { element } = fc.letrec<{ element: string; content: string }>((tie) => ({
  element: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(name, attributes).map(([tag, attrs]) => `<${tag}${attrs}/>`),
    fc
      .tuple(name, attributes, tie('content'))
      .map(([tag, attrs, inner]) => `<${tag}${attrs}>${inner}</${tag}>`),
  ),
  content: fc
    .array(fc.oneof(text, aside, tie('element')), { maxLength: 4 })
    .map((parts) => parts.join('')),
}));
const documents = fc
  .tuple(fc.boolean(), element)
  .map(([declared, root]) =>
    declared ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${root}` : root,
  );

/** The document cut at the given places. */
function cut(xml: string, at: readonly number[]): string[] {
  const places = [...new Set(at.map((place) => place % (xml.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const place of places) {
    pieces.push(xml.slice(from, place));
    from = place;
  }
  pieces.push(xml.slice(from));
  return pieces;
}

describe('the worksheet XML scanner', () => {
  it('reads any document as htmlparser2 does, however it is cut into pieces', () => {
    fc.assert(
      fc.property(documents, fc.array(fc.nat(), { maxLength: 8 }), (xml, at) => {
        expect(scanned(cut(xml, at))).toEqual(parsed(xml));
      }),
      { numRuns: 600 },
    );
  });

  it('reads a piece of a worksheet: a cell, its value, entities once', () => {
    const xml = `<x:row r="2" spans="1:3"><x:c r="B2" t="str"><x:v>a &amp;lt; b &#x41;</x:v></x:c><c r='C2' t="a&gt;b"/></x:row>`;
    expect(scanned(cut(xml, [3, 17, 40, 41, 60]))).toEqual([
      ['open', 'row'],
      ['attr', 'r', '2'],
      ['attr', 'spans', '1:3'],
      ['open', 'c'],
      ['attr', 'r', 'B2'],
      ['attr', 't', 'str'],
      ['open', 'v'],
      ['text', 'a &lt; b A'],
      ['close', 'v'],
      ['close', 'c'],
      ['open', 'c'],
      ['attr', 'r', 'C2'],
      ['attr', 't', 'a>b'],
      ['close', 'c'],
      ['close', 'row'],
    ]);
  });

  it('closes what a cut-off document left open, and ignores a closing tag that matches nothing', () => {
    const events = scanned(['<sheetData><row r="1"><c><v>4</v></x></c', '><row r="2"><c><v>5']);
    expect(events).toEqual(parsed('<sheetData><row r="1"><c><v>4</v></x></c><row r="2"><c><v>5'));
    expect(events.filter(([kind]) => kind === 'close').map(([, what]) => what)).toEqual([
      'v',
      'c',
      'v',
      'c',
      'row',
      'row',
      'sheetData',
    ]);
  });

  it('finds the end of a long comment cut into many pieces as it comes, without copying or searching it again at each piece', () => {
    const events: string[] = [];
    const scanner = new XmlScanner({
      open: (name) => events.push(name),
      attribute() {},
      close() {},
      text() {},
    });
    scanner.feed('<a><!-- ');
    const start = process.cpuUsage().user;
    // 12 MB of comment in 64 KB pieces; searching all of it again at each piece is 1.2 GB.
    for (let i = 0; i < 192; i += 1) scanner.feed('-x'.repeat(32 * 1024));
    // Its end cut between two pieces; what follows is read at once, not at the document's end.
    scanner.feed('- --');
    scanner.feed('><b/></a>');
    expect(events).toEqual(['a', 'b']);
    scanner.end();
    expect((process.cpuUsage().user - start) / 1000).toBeLessThan(3000);
  });

  it('refuses a tag that has not ended after 16 MB rather than holding more', () => {
    const scanner = new XmlScanner({ open() {}, attribute() {}, close() {}, text() {} });
    scanner.feed('<row><c r="');
    expect(() => {
      for (let i = 0; i < 17; i += 1) scanner.feed('x'.repeat(1024 * 1024));
    }).toThrow(XmlTooLarge);
  });
});
