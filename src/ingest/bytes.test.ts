import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { firstInvalidUtf8, splitLines } from './bytes.js';

describe('ingest: bytes', () => {
  const cases: [string, number[], number][] = [
    ['ascii + 2-byte', [0x41, 0xc3, 0xa9], -1],
    ['overlong NUL', [0xc0, 0x80], 0],
    ['surrogate', [0x41, 0xed, 0xa0, 0x80], 1],
    ['emoji', [0xf0, 0x9f, 0x98, 0x80], -1],
    ['truncated 3-byte', [0x61, 0x62, 0xe2, 0x82], 2],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['overlong 3-byte', [0xe0, 0x80, 0x80], 0],
    ['lone continuation', [0x61, 0x80], 1],
    ['latin-1 e-acute', [0x63, 0x61, 0x66, 0xe9, 0x20], 3],
  ];
  for (const [label, bytes, expected] of cases) {
    test(`firstInvalidUtf8: ${label}`, () => {
      assert.equal(firstInvalidUtf8(Uint8Array.from(bytes)), expected);
    });
  }

  test('splitLines: offsets, CRLF, line across chunks, last line without newline', async () => {
    const chunks = [Buffer.from('ab\r\ncd'), Buffer.from('ef\n\ngh')];
    const out = [];
    for await (const l of splitLines(Readable.from(chunks), 100)) out.push([l.line, l.offset, l.bytes.toString()]);
    assert.deepEqual(out, [
      [1, 0, 'ab'],
      [2, 4, 'cdef'],
      [3, 9, ''],
      [4, 10, 'gh'],
    ]);
  });
});
