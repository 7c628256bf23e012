import { Parser } from 'htmlparser2';

// The workbook's XML parts read through htmlparser2's streaming parser in XML mode: it finds
// tags split across pieces, decodes entities in text and attribute values (one pass:
// `&amp;lt;` is `&lt;`), hands CDATA on as text and skips comments and processing
// instructions. This file only adapts it to what the readers need: element names without
// their namespace prefix (`<x:row>`, as the Open XML SDK writes, is a row) and a bound on
// what the parser may hold while waiting for the end of a tag, comment or CDATA section.

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

export class XmlScanner {
  private readonly parser: Parser;
  /** Characters written so far, to tell how far the parser's last event lags behind. */
  private written = 0;

  constructor(handler: XmlHandler) {
    this.parser = new Parser(
      {
        onopentagname: (name) => {
          handler.open(localName(name));
        },
        onattribute: (name, value) => {
          handler.attribute(name, value);
        },
        onclosetag: (name) => {
          handler.close(localName(name));
        },
        ontext: (data) => {
          handler.text(data);
        },
      },
      { xmlMode: true },
    );
  }

  /** Parses the next piece of the document; a tag cut at its end waits for the next piece. */
  feed(piece: string): void {
    this.parser.write(piece);
    this.written += piece.length;
    // The parser emits text as it goes, but holds a tag, comment or CDATA section until it
    // ends: startIndex is where the markup it is waiting on began.
    if (this.written - this.parser.startIndex > MAX_PENDING)
      throw new XmlTooLarge('a tag or text section is far longer than any cell holds');
  }

  /** The end of the document: elements still open are closed. */
  end(): void {
    this.parser.end();
  }
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
