// entente ingest with live sources: --feed URL, --no-fetch, saved pages in a folder; non-English stored, not coded.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Io } from '../../src/serve/cli/command.js';
import { main } from '../../src/serve/cli/main.js';
import { fixture, type LiveServer, startLiveServer, toWindows1252 } from './server.js';

describe('ingest: live sources through the CLI (local server)', () => {
  let s: LiveServer;
  let dir = '';
  before(async () => {
    s = await startLiveServer();
    dir = mkdtempSync(join(tmpdir(), 'entente-ingest-live-'));
  });
  after(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const run = async (args: string[]) => {
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (b: Buffer) => {
      err += b.toString();
    });
    const io: Io = { stdin: Readable.from([]), stdout: new PassThrough(), stderr, cwd: dir };
    return { code: await main(args, io), err };
  };
  const rows = (db: string, sql: string) => {
    const d = new Database(join(dir, db), { readonly: true });
    try {
      return d.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      d.close();
    }
  };

  test('--feed URL: every page fetched and stored; the French one stored with its language and no events', async () => {
    const { code, err } = await run(['ingest', '--feed', `${s.base}/harbour/atom.xml`, '--db', 'feed.db', '--quiet']);
    assert.equal(code, 0, err);
    assert.match(err, /stored 4 new, .*; 1 not in English \(stored, not coded\)/);
    const docs = rows('feed.db', 'SELECT id, language, num_events FROM documents ORDER BY id');
    assert.equal(docs.length, 4);
    assert.deepEqual(
      docs.filter((d) => d.language !== 'en').map((d) => [String(d.id).replace(s.base, ''), d.language, d.num_events]),
      [['/gazette/accord-maroc', 'fr', 0]],
    );
  });

  test('--feed URL --no-fetch: the items keep their own text and no page is requested', async () => {
    const pages = s.requests.filter((r) => !r.path.endsWith('.rss') && !r.path.endsWith('.xml')).length;
    const { code, err } = await run(['ingest', '--feed', `${s.base}/ledger/world.rss`, '--no-fetch', '--db', 'nofetch.db', '--quiet']);
    assert.equal(code, 0, err);
    assert.match(err, /stored 4 new/);
    assert.match(err, /rejected 3 \(no-text 3\)/);
    assert.equal(s.requests.filter((r) => !r.path.endsWith('.rss') && !r.path.endsWith('.xml')).length, pages);
  });

  test('a folder of saved pages: articles stored, the undated page rejected with missing-date, --strict exits 1', async () => {
    const saved = join(dir, 'saved');
    mkdirSync(saved);
    writeFileSync(join(saved, 'drills.html'), fixture('ledger-drills.html', 'https://ledger.test'));
    writeFileSync(join(saved, 'border.htm'), toWindows1252(fixture('steppe-border.html', 'https://steppe.test')));
    writeFileSync(join(saved, 'pipeline.html'), fixture('undated.html', 'https://delta.test'));
    const { code, err } = await run(['ingest', 'saved', '--db', 'saved.db', '--strict', '--quiet', '--rejects', 'rejects.jsonl']);
    assert.equal(code, 1, err);
    assert.match(err, /stored 2 new/);
    assert.match(err, /rejected 1 \(missing-date 1\)/);
    assert.deepEqual(
      rows('saved.db', 'SELECT id, outlet, date FROM documents ORDER BY id'),
      [
        { id: 'border', outlet: 'Steppe Wire', date: '2024-05-16' },
        { id: 'https://ledger.test/ledger/2024/05/14/joint-drills', outlet: 'The Caspian Ledger', date: '2024-05-14' },
      ],
    );
  });
});
