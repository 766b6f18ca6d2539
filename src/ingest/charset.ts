// bytes of a web page or feed -> text: the charset from the BOM, the Content-Type header, <meta charset> or the XML declaration.
import { TextDecoder } from 'node:util';

/** How a body was decoded, and why that charset was chosen. */
export interface DecodedBody {
  readonly text: string;
  /** The WHATWG name of the encoding used (utf-8, windows-1252, utf-16le, ...). */
  readonly charset: string;
  /** bom, header, meta, xml, sniffed (UTF-16 without a BOM), default (valid UTF-8), fallback (invalid UTF-8 read as windows-1252). */
  readonly from: 'bom' | 'header' | 'meta' | 'xml' | 'sniffed' | 'default' | 'fallback';
  /** Set when a declared charset was unknown or wrong and another was used. */
  readonly note?: string;
}

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)/i;
const XML_ENCODING = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([a-zA-Z0-9_.-]+)["']/;

/**
 * The charset parameter of a Content-Type header value, lower-cased, or null.
 * @example charsetOf('text/html; charset="Windows-1252"') // 'windows-1252'
 */
export function charsetOf(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return m ? (m[1] as string).toLowerCase() : null;
}

function bomCharset(b: Uint8Array): { charset: string; skip: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return null;
}

// '<' followed by NUL (or NUL then '<'): markup written in UTF-16 without a BOM
function sniffUtf16(b: Uint8Array): string | null {
  for (let i = 0; i + 1 < Math.min(b.length, 256); i += 2) {
    const x = b[i] as number;
    const y = b[i + 1] as number;
    if (x === 0x3c && y === 0) return 'utf-16le';
    if (x === 0 && y === 0x3c) return 'utf-16be';
    if (!(x === 0 && (y === 0x20 || y === 0x0a || y === 0x0d || y === 0x09)) && !(y === 0 && (x === 0x20 || x === 0x0a || x === 0x0d || x === 0x09))) return null;
  }
  return null;
}

function decoder(label: string, fatal = false): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: false });
  } catch {
    return null;
  }
}

// 0x80-0x9F of windows-1252 (Node 20's TextDecoder reads that label as ISO-8859-1, leaving C1 controls)
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Decodes windows-1252 (what pages labelled latin-1 or ISO-8859-1 are written in, per the WHATWG Encoding standard).
 * @example decodeWindows1252(Uint8Array.of(0x93, 0x41, 0x94)) // '“A”'
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] as string);
}

function decodeWith(dec: TextDecoder, bytes: Uint8Array): string {
  return dec.encoding === 'windows-1252' ? decodeWindows1252(bytes) : dec.decode(bytes);
}

/**
 * Decodes a page or feed. The BOM wins, then the Content-Type charset, then a `<meta charset>` or
 * `<?xml encoding>` in the first 2 KB; otherwise UTF-8, read as windows-1252 when it is not valid UTF-8.
 * A UTF-16 declaration on bytes that are plainly 8-bit (and the reverse) is corrected and noted.
 * @example decodeBody(bytes, 'text/html; charset=windows-1252').text
 */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): DecodedBody {
  const bom = bomCharset(bytes);
  if (bom) return { text: new TextDecoder(bom.charset, { ignoreBOM: true }).decode(bytes.subarray(bom.skip)), charset: bom.charset, from: 'bom' };
  const sniffed = sniffUtf16(bytes);
  const notes: string[] = [];
  const declared: { label: string; from: 'header' | 'meta' | 'xml' }[] = [];
  const header = charsetOf(contentType);
  if (header) declared.push({ label: header, from: 'header' });
  if (!sniffed) {
    const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
    const xml = XML_ENCODING.exec(head);
    if (xml) declared.push({ label: (xml[1] as string).toLowerCase(), from: 'xml' });
    const meta = META_CHARSET.exec(head);
    if (meta) declared.push({ label: (meta[1] as string).toLowerCase(), from: 'meta' });
  }
  for (const d of declared) {
    const dec = decoder(d.label);
    if (!dec) {
      notes.push(`unknown charset ${JSON.stringify(d.label)} (${d.from})`);
      continue;
    }
    const wide = dec.encoding.startsWith('utf-16');
    if (wide !== (sniffed !== null)) {
      notes.push(`declared ${dec.encoding} (${d.from}) does not fit the bytes`);
      continue;
    }
    return { text: decodeWith(dec, bytes), charset: dec.encoding, from: d.from, ...(notes.length ? { note: notes.join('; ') } : {}) };
  }
  const note = notes.length ? { note: notes.join('; ') } : {};
  if (sniffed) return { text: new TextDecoder(sniffed).decode(bytes), charset: sniffed, from: 'sniffed', ...note };
  const utf8 = decoder('utf-8', true) as TextDecoder;
  try {
    return { text: utf8.decode(bytes), charset: 'utf-8', from: 'default', ...note };
  } catch {
    return { text: decodeWindows1252(bytes), charset: 'windows-1252', from: 'fallback', ...note };
  }
}
