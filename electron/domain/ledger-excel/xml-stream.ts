// An XML part parsed as it streams, with bytes decoded ONLY on whole characters. This is the fix for the fault in
// exceljs's streaming reader, which turned each chunk into a string on its own: a Chinese character (3 bytes in
// UTF-8) or a rarer one (4 bytes) split by a chunk boundary came back as U+FFFD. A streaming TextDecoder keeps the
// unfinished bytes of a chunk for the next one, so chunk sizes cannot alter a character.
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  text?(text: string): void;
  close(name: string): void;
}

/** `x:row` → `row`: some writers (the .NET OpenXML SDK, some WPS versions) prefix every element. */
const local = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/** The decoder an XML part needs: OPC parts are UTF-8 or, with a byte order mark, UTF-16. */
function decoderFor(first: Buffer): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le');
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be');
  // Not fatal: a byte sequence that is not UTF-8 becomes U+FFFD in that one cell, and the importer then refuses
  // that row by name (see unreadable-text.ts) instead of refusing the whole file.
  return new TextDecoder('utf-8');
}

/**
 * Feeds the stream through the parser; after every chunk, yields what the handlers emitted meanwhile. Element
 * names reach the handlers without their namespace prefix.
 */
export async function* parseXml<T>(
  stream: Readable,
  make: (emit: (item: T) => void) => XmlHandlers,
  onBytes?: (n: number) => void,
): AsyncGenerator<T> {
  const out: T[] = [];
  const h = make((item) => out.push(item));
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag: SaxesTagPlain) => h.open(local(tag.name), tag.attributes, tag.isSelfClosing));
  parser.on('closetag', (tag: SaxesTagPlain) => h.close(local(tag.name)));
  if (h.text) {
    const text = h.text.bind(h);
    parser.on('text', text);
    parser.on('cdata', text);
  }
  let decoder: TextDecoder | undefined;
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      onBytes?.(bytes.length);
      decoder ??= decoderFor(bytes);
      parser.write(decoder.decode(bytes, { stream: true }));
      if (out.length) yield* out.splice(0);
    }
    if (decoder) parser.write(decoder.decode());
    parser.close();
    if (out.length) yield* out.splice(0);
  } finally {
    stream.destroy();
  }
}

/** Every item a part gives, collected (for the small parts: relationships, workbook, styles, shared strings). */
export async function collectXml<T>(stream: Readable, make: (emit: (item: T) => void) => XmlHandlers): Promise<T[]> {
  const all: T[] = [];
  for await (const item of parseXml(stream, make)) all.push(item);
  return all;
}

/** Excel writes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x). */
export function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
