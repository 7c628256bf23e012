// A small streaming XML scanner for the parts of a workbook the import reads. A worksheet of
// values is a long run of a few kinds of tags (row, c, v, is, t, f); a general XML parser
// (exceljs's saxes) builds an event object and an attribute map for every one of them, which
// made reading the sheet cost more than everything else in an import. Here a tag is found with
// indexOf, its name compared as it is, and attributes and text are handed on raw: only the
// consumer decodes the few it keeps. Namespace prefixes (`<x:row>`, as the Open XML SDK writes)
// are dropped from names. Entities in text are decoded by `decodeXml` when the text is used.

export interface XmlHandler {
  /** `attributes`: the raw text after the tag's name, for `attribute` to read. */
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw character data (entities still encoded); called only between tags. */
  text(raw: string): void;
}

/** Raised for input that would make the scanner hold an unbounded amount of text. */
export class XmlTooLarge extends Error {}

/** The longest tag, comment or CDATA section kept while waiting for its end. */
const MAX_PENDING = 16 * 1024 * 1024;

const ENTITY = /&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/giu;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text or an attribute value with its entities decoded (one pass: `&amp;lt;` is `&lt;`). */
export function decodeXml(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(ENTITY, (whole, entity: string) => {
    if (entity.startsWith('#')) {
      const code =
        entity[1] === 'x' || entity[1] === 'X'
          ? parseInt(entity.slice(2), 16)
          : parseInt(entity.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[entity.toLowerCase()] ?? whole;
  });
}

/** A named attribute's decoded value from a tag's raw attributes, or null. */
export function attribute(attributes: string, name: string): string | null {
  let from = 0;
  for (;;) {
    const at = attributes.indexOf(name, from);
    if (at < 0) return null;
    from = at + name.length;
    // The whole name: preceded by a space or a prefix's colon, followed by '='.
    const before = attributes.charCodeAt(at - 1);
    if (at > 0 && before !== 32 && before !== 9 && before !== 10 && before !== 13 && before !== 58)
      continue;
    let eq = from;
    while (attributes.charCodeAt(eq) <= 32 && eq < attributes.length) eq += 1;
    if (attributes[eq] !== '=') continue;
    let open = eq + 1;
    while (attributes.charCodeAt(open) <= 32 && open < attributes.length) open += 1;
    const quote = attributes[open];
    if (quote !== '"' && quote !== "'") continue;
    const close = attributes.indexOf(quote, open + 1);
    if (close < 0) return null;
    return decodeXml(attributes.slice(open + 1, close));
  }
}

/** Where the tag that starts after `from` ends ('>'), quotes respected; -1 if not in `text`. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 62) return i;
    else if (code === 34 || code === 39) quote = code;
  }
  return -1;
}

/** `text` as raw character data, for CDATA sections (whose content is not entity-encoded). */
const asRaw = (text: string): string => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');

export class XmlScanner {
  private pending = '';

  constructor(private readonly handler: XmlHandler) {}

  /** Scans the next piece of the document; a tag cut at its end waits for the next piece. */
  feed(piece: string): void {
    const text = this.pending === '' ? piece : this.pending + piece;
    const { handler } = this;
    let at = 0;
    for (;;) {
      const lt = text.indexOf('<', at);
      if (lt < 0) {
        if (at < text.length) handler.text(text.slice(at));
        this.pending = '';
        return;
      }
      if (lt > at) handler.text(text.slice(at, lt));
      const next = this.markup(text, lt);
      if (next < 0) {
        this.pending = text.slice(lt);
        if (this.pending.length > MAX_PENDING)
          throw new XmlTooLarge('a tag or text section is far longer than any cell holds');
        return;
      }
      at = next;
    }
  }

  /** Handles the markup at `lt`; returns where the text after it starts, or -1 if cut. */
  private markup(text: string, lt: number): number {
    const first = text.charCodeAt(lt + 1);
    if (first === 33 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        return end < 0 ? -1 : end + 3;
      }
      if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        if (end < 0) return -1;
        this.handler.text(asRaw(text.slice(lt + 9, end)));
        return end + 3;
      }
      const end = tagEnd(text, lt + 2);
      return end < 0 ? -1 : end + 1;
    }
    if (first === 63 /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    const end = tagEnd(text, lt + 1);
    if (end < 0) return -1;
    const closing = first === 47; /* / */
    let nameStart = closing ? lt + 2 : lt + 1;
    let nameEnd = nameStart;
    for (; nameEnd < end; nameEnd += 1) {
      const code = text.charCodeAt(nameEnd);
      if (code <= 32 || code === 47) break;
      if (code === 58 /* : */) nameStart = nameEnd + 1;
    }
    const name = text.slice(nameStart, nameEnd);
    if (closing) this.handler.close(name);
    else {
      const selfClosing = text.charCodeAt(end - 1) === 47;
      this.handler.open(name, text.slice(nameEnd, selfClosing ? end - 1 : end), selfClosing);
      if (selfClosing) this.handler.close(name);
    }
    return end + 1;
  }
}
