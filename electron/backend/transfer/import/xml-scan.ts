import { Parser } from 'htmlparser2';

// The workbook's XML parts: worksheets and shared strings through a streaming scanner of
// our own (XmlScanner, below), the small parts whole through htmlparser2's parser in XML mode.
// Both give element names without their namespace prefix (`<x:row>`, as the Open XML SDK
// writes, is a row), decode entities in text and attribute values once (`&amp;lt;` is
// `&lt;`), hand CDATA on as text and skip comments and processing instructions; the scanner
// holds at most MAX_PENDING characters while waiting for the end of a tag, comment or CDATA
// section.

export type XmlAttributes = Readonly<Record<string, string>>;

/**
 * A worksheet's elements as the parser reads them. Attributes come one by one after their
 * element's `open` rather than as an object per tag: a sheet is over a million small tags, and
 * building those objects was the largest part of the parser's cost.
 */
export interface XmlHandler {
  /** `name` without its prefix, as soon as it is read. */
  open(name: string): void;
  /** An attribute of the element last opened, its value decoded, its name as written. */
  attribute(name: string, value: string): void;
  close(name: string): void;
  /** Character data with entities decoded; one run of text may come in several calls. */
  text(data: string): void;
}

/** Raised for input that would make the parser hold an unbounded amount of text. */
export class XmlTooLarge extends Error {}

/** The longest tag, comment or CDATA section held while waiting for its end. */
const MAX_PENDING = 16 * 1024 * 1024;

/** An element's or attribute's name without its namespace prefix. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * A named attribute's value, whether or not it has a prefix (`r:id` for "id"); namespace
 * declarations (`xmlns:r`) are not attributes of the element.
 */
export function attribute(attributes: XmlAttributes, name: string): string | null {
  const plain = attributes[name];
  if (plain !== undefined) return plain;
  const key = Object.keys(attributes).find(
    (candidate) => !candidate.startsWith('xmlns') && localName(candidate) === name,
  );
  return key === undefined ? null : (attributes[key] ?? null);
}

/** The five entities XML defines, and numeric character references. */
const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,8})|#([0-9]{1,10})|(amp|lt|gt|quot|apos));/gu;
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** A character reference's character; one that names no character reads as U+FFFD. */
function codePointText(code: number): string {
  const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return String.fromCodePoint(valid ? code : 0xfffd);
}

/** Text or an attribute value with its entities decoded, once (`&amp;lt;` is `&lt;`). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, hex?: string, decimal?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    return codePointText(hex !== undefined ? parseInt(hex, 16) : Number(decimal));
  });
}

/** The longest an entity can be (`&#x0010FFFF;`): a piece ending in a longer `&…` ends in text. */
const LONGEST_ENTITY = 12;

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const SLASH = 47;
const GT = 62;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const EQUALS = 61;

const isSpace = (code: number): boolean =>
  code === SPACE || code === TAB || code === LF || code === CR;

/**
 * A streaming XML scanner written for worksheets: a sheet is millions of small tags, and a
 * general parser's state machine (htmlparser2's, before) took most of the read's time. Text
 * and markup are found with indexOf; only a tag's own characters are looked at one by one.
 * It reads what XML writes: elements (self-closing too), attributes quoted either way, the
 * five entities and character references in text and attribute values, CDATA as text;
 * comments, processing instructions and declarations are skipped. A closing tag closes the
 * elements opened after its own (one it matches none of is ignored), and the document's end
 * closes what is still open, as htmlparser2 does (xml-scan.test.ts checks the two agree).
 */
export class XmlScanner {
  /** The input not yet scanned: an unfinished piece of markup and what follows it. */
  private held = '';
  /**
   * How much of a comment, CDATA section or declaration left unfinished at the start of `held`
   * was searched for its end already: a long one is not searched again from its start at
   * every piece.
   */
  private searched = 0;
  /** Its last two characters, and the marker that ends it. */
  private heldEnd = '';
  private heldMarker = '>';
  /** Names of the open elements, as written, and without their prefix. */
  private readonly stack: string[] = [];
  private readonly localNames: string[] = [];
  /** A start tag's attributes, collected until the tag is known to be whole. */
  private readonly names: string[] = [];
  private readonly values: string[] = [];

  constructor(private readonly handler: XmlHandler) {}

  /** Scans the next piece of the document; markup cut at its end waits for the next piece. */
  feed(piece: string): void {
    if (this.searched > 0 && !(this.heldEnd + piece).includes(this.heldMarker)) {
      // Still no end: the piece is only added on, not copied with all that is held.
      this.held += piece;
      this.heldEnd = (this.heldEnd + piece).slice(-2);
    } else {
      const data = this.held === '' ? piece : this.held + piece;
      const scanned = this.scan(data, false);
      this.held = scanned === data.length ? '' : data.slice(scanned);
      // Shorter, it was not told apart yet, so not searched.
      const long = this.held.length >= 9 && this.held.startsWith('<!');
      this.searched = long ? this.held.length : 0;
      this.heldEnd = long ? this.held.slice(-2) : '';
      this.heldMarker = this.held.startsWith('<!--')
        ? '-->'
        : this.held.startsWith('<![CDATA[')
          ? ']]>'
          : '>';
    }
    if (this.held.length > MAX_PENDING)
      throw new XmlTooLarge('a tag or text section is far longer than any cell holds');
  }

  /** The end of the document: its last text is handed on, elements still open are closed. */
  end(): void {
    if (this.held !== '') this.scan(this.held, true);
    this.held = '';
    this.stack.length = 0;
    while (this.localNames.length > 0) this.handler.close(this.localNames.pop() as string);
  }

  private text(data: string, from: number, to: number): void {
    this.handler.text(decodeEntities(data.slice(from, to)));
  }

  /** Scans `data` as far as it can; returns where the unfinished markup starts. */
  private scan(data: string, final: boolean): number {
    const { length } = data;
    let at = 0;
    while (at < length) {
      const lt = data.indexOf('<', at);
      if (lt < 0) {
        // Text to the end of the piece: handed on, but for an entity it may cut in two.
        const amp = final ? -1 : data.lastIndexOf('&');
        const stop =
          amp >= at && length - amp < LONGEST_ENTITY && !data.includes(';', amp) ? amp : length;
        if (stop > at) this.text(data, at, stop);
        return stop;
      }
      if (lt > at) this.text(data, at, lt);
      const next = data.charCodeAt(lt + 1);
      let end: number;
      if (next === SLASH) end = this.closeTag(data, lt);
      else if (next === 33 /* ! */) end = this.special(data, lt, final);
      else if (next === 63 /* ? */) end = skipPast(data, '?>', lt + 2);
      else end = Number.isNaN(next) ? -1 : this.openTag(data, lt);
      if (end < 0) return final ? length : lt;
      at = end;
    }
    return at;
  }

  private closeTag(data: string, lt: number): number {
    const { stack } = this;
    const top = stack.length - 1;
    const current = stack[top];
    // Nearly always the element last opened, written as it was: no need to cut out its name.
    if (
      current !== undefined &&
      data.startsWith(current, lt + 2) &&
      data.charCodeAt(lt + 2 + current.length) === GT
    ) {
      stack.pop();
      this.handler.close(this.localNames.pop() as string);
      return lt + 3 + current.length;
    }
    const gt = data.indexOf('>', lt + 2);
    if (gt < 0) return -1;
    const open = stack.lastIndexOf(data.slice(lt + 2, gt).trim());
    if (open >= 0)
      while (stack.length > open) {
        stack.pop();
        this.handler.close(this.localNames.pop() as string);
      }
    return gt + 1;
  }

  /** A comment, CDATA section or declaration at `lt`; returns where it ends, or -1. */
  private special(data: string, lt: number, final: boolean): number {
    // Too short yet to tell which it is.
    if (!final && data.length - lt < 9) return -1;
    // Its end marker (at most 3 characters) may have been cut after what was searched.
    const from = lt === 0 ? this.searched - 2 : 0;
    if (data.startsWith('<!--', lt)) return skipPast(data, '-->', Math.max(lt + 4, from));
    if (data.startsWith('<![CDATA[', lt)) {
      const close = data.indexOf(']]>', Math.max(lt + 9, from));
      if (close < 0) return -1;
      if (close > lt + 9) this.handler.text(data.slice(lt + 9, close));
      return close + 3;
    }
    return skipPast(data, '>', Math.max(lt + 2, from));
  }

  /** An element's start tag at `lt`, whole or not at all; returns where it ends, or -1. */
  private openTag(data: string, lt: number): number {
    // Its end: the first > after the last quoted value (a > within one is the value's).
    let gt = data.indexOf('>', lt + 1);
    if (gt < 0) return -1;
    let at = lt + 1;
    for (let code = data.charCodeAt(at); at < gt; code = data.charCodeAt((at += 1)))
      if (isSpace(code) || code === SLASH) break;
    const name = data.slice(lt + 1, at);
    // Attributes are collected first, handed on once the tag is known to be whole.
    let count = 0;
    const { names, values } = this;
    while (at < gt) {
      let code = data.charCodeAt(at);
      if (isSpace(code) || code === SLASH) {
        at += 1;
        continue;
      }
      const nameStart = at;
      while (at < gt && code !== EQUALS && !isSpace(code) && code !== SLASH)
        code = data.charCodeAt((at += 1));
      names[count] = data.slice(nameStart, at);
      while (at < gt && isSpace(data.charCodeAt(at))) at += 1;
      if (at >= gt || data.charCodeAt(at) !== EQUALS) {
        // A name with no value (not XML, but some writers): its value is empty.
        values[count] = '';
        count += 1;
        continue;
      }
      at += 1;
      while (at < gt && isSpace(data.charCodeAt(at))) at += 1;
      code = data.charCodeAt(at);
      if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
        const close = data.indexOf(code === DOUBLE_QUOTE ? '"' : "'", at + 1);
        if (close < 0) return -1;
        if (close > gt) {
          gt = data.indexOf('>', close + 1);
          if (gt < 0) return -1;
        }
        values[count] = data.slice(at + 1, close);
        at = close + 1;
      } else {
        const start = at;
        while (at < gt && !isSpace(data.charCodeAt(at))) at += 1;
        values[count] = data.slice(start, at);
      }
      count += 1;
    }
    const local = localName(name);
    this.handler.open(local);
    for (let i = 0; i < count; i += 1)
      this.handler.attribute(names[i] as string, decodeEntities(values[i] as string));
    if (data.charCodeAt(gt - 1) === SLASH && gt - 1 > lt + name.length) this.handler.close(local);
    else {
      this.stack.push(name);
      this.localNames.push(local);
    }
    return gt + 1;
  }
}

/** Where the first `marker` at or after `from` ends, or -1 if it is not there yet. */
function skipPast(data: string, marker: string, from: number): number {
  const at = data.indexOf(marker, from);
  return at < 0 ? -1 : at + marker.length;
}

/**
 * Each element of a whole small part (the workbook, its relationships, the styles) as it
 * opens, with its attributes and the names of the elements around it. These parts are read
 * whole within their size limits, so the pending bound does not apply.
 */
export function eachElement(
  xml: string,
  visit: (name: string, attributes: XmlAttributes, parents: readonly string[]) => void,
): void {
  const parents: string[] = [];
  const parser = new Parser(
    {
      onopentag: (name, attributes) => {
        visit(localName(name), attributes, parents);
        parents.push(localName(name));
      },
      onclosetag: () => {
        parents.pop();
      },
    },
    { xmlMode: true },
  );
  parser.end(xml.replace(/^\uFEFF/u, ''));
}
