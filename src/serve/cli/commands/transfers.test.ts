import { runCli } from '../../../../test/cli.js';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildTransferStore } from '../../../../test/transfers/fixture.js';

let dir: string;
let db: string;

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCli(args, { cwd: dir });
}

/** RFC 4180 reader: quoted cells, doubled quotes, commas and line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'entente-cli-transfers-'));
  db = join(dir, 'tr.db');
  buildTransferStore(db).close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('cli: transfers', () => {
  test('table with filters', async () => {
    const r = await run(['transfers', '--db', db, '--supplier', 'TUR', '--recipient', 'POL', '--category', 'uav', '--status', 'delivered', '--since', '2024']);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0] ?? '', /^date\s+supplier\s+recipient\s+system\s+category\s+qty\s+status/);
    assert.match(lines[1] ?? '', /2024-05-17\s+TUR Baykar\s+POL\s+Bayraktar TB2\s+uav\s+24\s+delivered\s+\$270 million\s+3$/);
    assert.match(r.err, /1 of 1 transfer lines/);
  });

  test('SIPRI-like CSV: columns, values and evidence parse back', async () => {
    const r = await run(['transfers', '--db', db, '--format', 'csv']);
    assert.equal(r.code, 0, r.err);
    const [header, ...rows] = parseCsv(r.out);
    assert.deepEqual(header?.slice(0, 13), [
      'Recipient', 'Supplier', 'Year of order/first report', 'Number ordered', 'Weapon designation', 'Weapon description',
      'Number delivered', 'Year(s) of delivery', 'Status', 'Value', 'Currency', 'Comments', 'Source documents',
    ]);
    assert.equal(rows.length, 6);
    for (const row of rows) assert.equal(row.length, header?.length);
    const at = (row: string[] | undefined, col: string) => row?.[header?.indexOf(col) ?? -1];
    const tb2 = rows.find((row) => at(row, 'Weapon designation') === 'Bayraktar TB2');
    assert.deepEqual(
      ['Recipient', 'Supplier', 'Year of order/first report', 'Number ordered', 'Weapon description', 'Number delivered', 'Year(s) of delivery', 'Status', 'Value', 'Currency', 'Source documents'].map((c) => at(tb2, c)),
      ['Poland', 'Türkiye', '2024', '24', 'uav', '24', '2024', 'delivered', '270000000', 'USD', 'tr-1;tr-1c;tr-2'],
    );
    assert.match(at(tb2, 'Comments') ?? '', /^supplier: Baykar; evidence: Turkish drone maker Baykar delivered 24/);
    const abrams = rows.find((row) => at(row, 'Weapon designation') === 'M1 Abrams');
    assert.deepEqual(['Number ordered', 'Number delivered', 'Year(s) of delivery', 'Status', 'Value'].map((c) => at(abrams, c)), ['54', '', '2027', 'ordered', '1000000000']);
    // a comma inside the evidence is quoted and comes back whole
    assert.match(at(abrams, 'Comments') ?? '', /for about \$1 billion, with deliveries expected by 2027\.$/);
    const caesar = rows.find((row) => at(row, 'Weapon designation') === 'Caesar');
    assert.equal(at(caesar, 'Number ordered'), '(12)', 'a planned quantity is in brackets');
  });

  test('jsonl records, --flows, --out, bad values', async () => {
    const j = await run(['transfers', '--db', db, '-f', 'jsonl', '--category', 'tank,artillery']);
    const recs = j.out.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(recs.map((x) => x.system.name).sort(), ['Caesar', 'K2 Black Panther', 'K9 Thunder', 'M1 Abrams']);
    const f = await run(['transfers', '--db', db, '--flows', '--format', 'jsonl', '--recipient', 'POL']);
    assert.deepEqual(f.out.trim().split('\n').map((l) => { const x = JSON.parse(l); return [x.supplier, x.deals, x.quantity]; }), [['KOR', 1, 144], ['TUR', 1, 24]]);
    const o = await run(['transfers', '--db', db, '--format', 'csv', '--out', 'reg.csv', '--flagged', 'only']);
    assert.equal(o.code, 0, o.err);
    assert.equal(o.out, '');
    const file = parseCsv(readFileSync(join(dir, 'reg.csv'), 'utf8'));
    assert.equal(file.length, 2);
    assert.match(file[1]?.join('|') ?? '', /Ukraine\|Germany\|.*negated or hypothetical/);
    const bad = await run(['transfers', '--db', db, '--status', 'sold']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /'sold' is not a transfer status/);
    const cat = await run(['transfers', '--db', db, '--category', 'boats']);
    assert.equal(cat.code, 2);
    assert.match(cat.err, /not a weapon category/);
    const missing = await run(['transfers', '--db', join(dir, 'none.db')]);
    assert.equal(missing.code, 1);
    const help = await run(['transfers', '--help']);
    assert.match(help.out, /example:\n {2}entente transfers --supplier TUR/);
  });
});
