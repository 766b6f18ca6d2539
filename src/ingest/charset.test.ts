import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toUtf16le, toWindows1252 } from '../../test/live/server.js';
import { charsetOf, decodeBody } from './charset.js';

const page = (head: string) => `<html><head>${head}</head><body><p>“Café” – 12 €</p></body></html>`;

describe('ingest: decodeBody', () => {
  const cases: { label: string; bytes: Uint8Array; type?: string; charset: string; from: string; note?: RegExp }[] = [
    { label: 'UTF-8 without any declaration', bytes: Buffer.from(page('')), charset: 'utf-8', from: 'default' },
    { label: 'UTF-8 BOM', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page(''))]), charset: 'utf-8', from: 'bom' },
    { label: 'UTF-16LE BOM, whatever the header says', bytes: toUtf16le(page('')), type: 'text/html; charset=iso-8859-1', charset: 'utf-16le', from: 'bom' },
    {
      label: 'UTF-16BE BOM',
      bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(page(''), 'utf16le').swap16()]),
      charset: 'utf-16be',
      from: 'bom',
    },
    { label: 'UTF-16LE without a BOM is sniffed', bytes: Buffer.from(page(''), 'utf16le'), charset: 'utf-16le', from: 'sniffed' },
    { label: 'windows-1252 from the Content-Type header', bytes: toWindows1252(page('')), type: 'text/html; charset="Windows-1252"', charset: 'windows-1252', from: 'header' },
    { label: 'windows-1252 from <meta http-equiv>', bytes: toWindows1252(page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')), type: 'text/html', charset: 'windows-1252', from: 'meta' },
    { label: 'latin-1 label means windows-1252', bytes: toWindows1252(page('<meta charset="ISO-8859-1">')), charset: 'windows-1252', from: 'meta' },
    { label: 'XML declaration', bytes: toWindows1252(`<?xml version="1.0" encoding="windows-1252"?>${page('')}`), charset: 'windows-1252', from: 'xml' },
    { label: 'undeclared bytes that are not UTF-8 are read as windows-1252', bytes: toWindows1252(page('')), charset: 'windows-1252', from: 'fallback' },
    { label: 'an unknown charset is noted and skipped', bytes: toWindows1252(page('<meta charset="klingon-8">')), charset: 'windows-1252', from: 'fallback', note: /unknown charset "klingon-8"/ },
    { label: 'a UTF-16 declaration on 8-bit bytes is corrected', bytes: Buffer.from(page('<meta charset="utf-16">')), charset: 'utf-8', from: 'default', note: /does not fit/ },
  ];
  for (const c of cases) {
    test(c.label, () => {
      const d = decodeBody(c.bytes, c.type);
      assert.equal(d.charset, c.charset);
      assert.equal(d.from, c.from);
      assert.match(d.text, /<p>“Café” – 12 €<\/p>/);
      assert.ok(!d.text.startsWith('\uFEFF'), 'BOM removed');
      if (c.note) assert.match(d.note ?? '', c.note);
      else assert.equal(d.note, undefined);
    });
  }

  test('charsetOf reads the parameter, quoted or not, and nothing else', () => {
    assert.equal(charsetOf('text/html; charset=UTF-8'), 'utf-8');
    assert.equal(charsetOf('text/html;charset="windows-1252"; q=1'), 'windows-1252');
    assert.equal(charsetOf('text/html'), null);
    assert.equal(charsetOf(null), null);
  });
});
