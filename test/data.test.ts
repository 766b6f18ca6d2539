// the data linter (scripts/check-data.ts): the project's data is clean, and bad rows injected into a
// copy of data/ are reported with their file and line.
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { checkData, lintData } from '../scripts/check-data.js';
import { DATA_DIR } from '../src/core/index.js';

const tmp = mkdtempSync(join(tmpdir(), 'entente-data-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;

/** A fresh copy of data/ (one per test: the weapons loader caches by folder). */
function copy(): string {
  const dir = join(tmp, `d${n++}`);
  cpSync(DATA_DIR, dir, { recursive: true });
  return dir;
}

/** Appends rows to a file of the copy; returns the line number of the first appended row. */
function append(dir: string, rel: string, rows: string[]): number {
  const path = join(dir, rel);
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const endsNl = text.endsWith('\n');
  appendFileSync(path, (endsNl ? '' : '\n') + rows.map((r) => `${r}\n`).join(''));
  return (endsNl ? lines.length - 1 : lines.length) + 1;
}

/** The one error that names `rel:line`, asserting it mentions `words`. */
function hasError(errors: readonly string[], rel: string, line: number, words: RegExp): void {
  const at = `${rel}:${line}: `;
  const hit = errors.filter((e) => e.includes(at));
  assert.ok(hit.length > 0, `no error at ${at} in:\n${errors.join('\n')}`);
  assert.ok(
    hit.some((e) => words.test(e)),
    `error at ${at} does not match ${words}:\n${hit.join('\n')}`,
  );
}

describe('scripts/check-data', () => {
  test('the project data has no errors', () => {
    const r = lintData(DATA_DIR);
    assert.deepEqual(r.errors, []);
  });

  test('countries: bad code, unknown kind, duplicate row, name shared by two countries', () => {
    const dir = copy();
    const at = append(dir, 'actors/countries.tsv', [
      'TU\tname\tTurkland',
      'AZE\tnickname\tLand of Fire',
      'AZE\tadj\tAzerbaijani',
      'ARM\talt\tAzerbaijan',
    ]);
    const errors = checkData(dir);
    hasError(errors, 'actors/countries.tsv', at, /'TU' is not ISO alpha-3/);
    hasError(errors, 'actors/countries.tsv', at + 1, /unknown kind 'nickname'/);
    hasError(errors, 'actors/countries.tsv', at + 2, /duplicate of line \d+: AZE adj/);
    hasError(errors, 'actors/countries.tsv', at + 3, /'azerbaijan' is used by ARM and AZE/);
  });

  test('organizations and cities: country codes must be in countries.tsv; coordinates in range', () => {
    const dir = copy();
    const o = append(dir, 'actors/organizations.tsv', ['XXXREB\tname\tImaginary Front', 'IGOZZ\tname\tZed Pact', 'AZ\tname\tShort Code Group']);
    const c = append(dir, 'places/cities.tsv', [
      'Nowhere\tXXX\t10\t10\tcity\t',
      'Northpole Town\tNOR\t95.5\t10\tcity\t',
      'Baku\tAZE\t40.41\t49.87\tcapital\t',
      'Farville\tFRA\t45\t10\tvillage\t',
    ]);
    const errors = checkData(dir);
    hasError(errors, 'actors/organizations.tsv', o, /country 'XXX' is not in actors\/countries.tsv/);
    assert.ok(!errors.some((e) => e.includes(`organizations.tsv:${o + 1}:`)), 'IGO codes need no country');
    hasError(errors, 'actors/organizations.tsv', o + 2, /bad actor code 'AZ'/);
    hasError(errors, 'places/cities.tsv', c, /'XXX' is not in actors\/countries.tsv/);
    hasError(errors, 'places/cities.tsv', c + 1, /lat '95.5'/);
    hasError(errors, 'places/cities.tsv', c + 2, /duplicate of line \d+: Baku AZE/);
    hasError(errors, 'places/cities.tsv', c + 3, /unknown kind 'village'/);
  });

  test('a city name given to a second country is a warning, not an error', () => {
    const dir = copy();
    const at = append(dir, 'places/cities.tsv', ['Herat\tIRN\t34.35\t62.2\tcity\t']);
    const r = lintData(dir);
    assert.deepEqual(r.errors, []);
    assert.ok(
      r.warnings.some((w) => w.includes(`places/cities.tsv:${at}: warning: 'herat' is a place of AFG and IRN`)),
      r.warnings.join('\n'),
    );
  });

  test('persons: absent is a note; inverted or bad dates, bad codes and duplicates are errors', () => {
    const dir = copy();
    rmSync(join(dir, 'actors/persons.tsv'), { force: true });
    const r = lintData(dir);
    assert.ok(r.notes.some((x) => x.includes('persons.tsv')));
    writeFileSync(
      join(dir, 'actors/persons.tsv'),
      [
        '# test persons',
        'name\tcode\toffice\tfrom\tto\taliases',
        'Ada Example\tAZEMIL\tdefense minister\t2013-10-22\t\t',
        'Bob Example\tTURGOV\tpresident\t2020-05-01\t2019-01-01\t',
        'Cem Example\tTURGOV\tpresident\t2020-02-30\t\t',
        'Dan Example\tQQQGOV\tpresident\t2020-01-01\t\t',
        'Ada Example\tAZEMIL\tdefence minister\t2013-10-22\t\t',
        'Eve Armenia\tARMGOV\tspokesperson\t2021-01-01\t\t',
        '',
      ].join('\n'),
    );
    const report = lintData(dir);
    const errors = report.errors;
    assert.ok(!errors.some((e) => e.includes('persons.tsv:8:')), errors.join('\n'));
    assert.ok(report.warnings.some((w) => /persons\.tsv:8: warning: the surname 'Armenia' .* ARM /.test(w)), report.warnings.join('\n'));
    assert.ok(!errors.some((e) => e.includes('persons.tsv:3:')), errors.join('\n'));
    hasError(errors, 'actors/persons.tsv', 4, /inverted dates/);
    hasError(errors, 'actors/persons.tsv', 5, /bad 'from' date '2020-02-30'/);
    hasError(errors, 'actors/persons.tsv', 6, /country 'QQQ'/);
    hasError(errors, 'actors/persons.tsv', 7, /duplicate of line 3/);
  });

  test('patterns: unknown mode and context, empty trigger, duplicate id', () => {
    const dir = copy();
    const at = append(dir, 'patterns/consult.tsv', [
      'consult/901\t040\tteleport\t\tbeam\tso\t\t\t\t\tthe envoy beamed in',
      'consult/902\t040\t\tgastronomy\tdine\tso\t\t\t\t\tthey dined together',
      'consult/903\t040\t\t\t\tso\t\t\t\t\tno trigger',
      'consult/001\t040\t\t\tmeet\tso\t\t\t\t\tsame id as the first row',
      'consult/904\t040\t\t\tmeet||greet\tso\t\t\t\t\tempty alternative',
    ]);
    const errors = checkData(dir);
    hasError(errors, 'patterns/consult.tsv', at, /mode 'teleport' is not a PLOVER mode of CONSULT/);
    hasError(errors, 'patterns/consult.tsv', at + 1, /context 'gastronomy'/);
    hasError(errors, 'patterns/consult.tsv', at + 2, /empty trigger/);
    hasError(errors, 'patterns/consult.tsv', at + 3, /duplicate id 'consult\/001'/);
    hasError(errors, 'patterns/consult.tsv', at + 4, /empty trigger alternative/);
  });

  test('sectors, weapons and scores: unknown kind and codes, loader errors', () => {
    const dir = copy();
    const s = append(dir, 'agents/sectors.tsv', ['MIL\trank\tcorporal', 'XYZ\tgroup\tguild of wizards']);
    const w = append(dir, 'weapons/systems.tsv', ['Sky Lance\tmissile\tQQQ\tSky Lance', 'Mud Tank\tbulldozer\tTUR\tMud Tank']);
    const errors = checkData(dir);
    hasError(errors, 'agents/sectors.tsv', s, /unknown kind 'rank'/);
    hasError(errors, 'agents/sectors.tsv', s + 1, /unknown sector code 'XYZ'/);
    hasError(errors, 'weapons/systems.tsv', w, /supplier 'QQQ' is not in actors\/countries.tsv/);
    // the category is checked by the weapons loader (its first error is reported)
    hasError(errors, 'weapons/systems.tsv', w + 1, /unknown category 'bulldozer'/);
  });
});
