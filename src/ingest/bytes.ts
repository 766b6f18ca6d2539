// byte-level reading: binary sniffing, utf-8 checks with offsets, and a streaming line splitter.

/** Bytes looked at to decide whether a file is binary. */
export const SNIFF_BYTES = 8192;

const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export type Decoded = { ok: true; text: string } | { ok: false; offset: number; text: string };

/** Decodes UTF-8 strictly; on failure gives the byte offset of the first bad sequence and a lenient decoding. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: fatalDecoder.decode(bytes) };
  } catch {
    return { ok: false, offset: firstInvalidUtf8(bytes), text: lenientDecoder.decode(bytes) };
  }
}

/** Byte offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** True when the bytes hold a NUL in their first SNIFF_BYTES bytes. */
export function looksBinary(head: Uint8Array): boolean {
  return head.subarray(0, SNIFF_BYTES).includes(0);
}

/** Reads a stream's first SNIFF_BYTES bytes, then replays them followed by the rest. */
export async function sniff(
  source: AsyncIterable<Buffer | string>,
): Promise<{ binary: boolean; chunks: AsyncGenerator<Buffer> }> {
  const it = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < SNIFF_BYTES) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    const buf = typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : r.value;
    head.push(buf);
    size += buf.length;
  }
  const first = Buffer.concat(head);
  async function* replay(): AsyncGenerator<Buffer> {
    if (first.length > 0) yield first;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : r.value;
    }
  }
  return { binary: looksBinary(first), chunks: replay() };
}

/** One line of bytes, without its line terminator. */
export interface RawLine {
  /** 1-based line number. */
  readonly line: number;
  /** Byte offset of the line's start in the stream. */
  readonly offset: number;
  /** The line's bytes; empty when the line was longer than maxBytes (then `length` says how long). */
  readonly bytes: Buffer;
  readonly length: number;
  readonly tooLong: boolean;
}

/**
 * Splits a byte stream into lines (LF or CRLF) without holding more than one line in memory.
 * Lines longer than maxBytes are not kept: they come back with `tooLong` and empty bytes.
 */
export async function* splitLines(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let partLen = 0;
  let tooLong = false;
  let line = 1;
  let lineStart = 0;
  let pos = 0;
  const emit = (): RawLine => {
    let bytes = tooLong ? Buffer.alloc(0) : parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, partLen);
    let length = partLen;
    if (!tooLong && bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) {
      bytes = bytes.subarray(0, bytes.length - 1);
      length--;
    }
    const out: RawLine = { line, offset: lineStart, bytes, length, tooLong };
    parts = [];
    partLen = 0;
    tooLong = false;
    return out;
  };
  const add = (piece: Buffer): void => {
    partLen += piece.length;
    if (tooLong) return;
    if (partLen > maxBytes) {
      tooLong = true;
      parts = [];
      return;
    }
    if (piece.length > 0) parts.push(piece);
  };
  for await (const chunk of chunks) {
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, from);
      if (nl < 0) break;
      add(chunk.subarray(from, nl));
      yield emit();
      line++;
      lineStart = pos + nl + 1;
      from = nl + 1;
    }
    if (from < chunk.length) add(chunk.subarray(from));
    pos += chunk.length;
  }
  if (partLen > 0) yield emit();
}
