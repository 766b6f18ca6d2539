import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixture } from '../../test/live/server.js';
import { htmlToText, pageDate, parseHtmlDocument, readPageMeta } from './html.js';
import { parseHTML } from 'linkedom';

const BASE = 'https://news.test';

interface Case {
  readonly page: string;
  readonly url?: string;
  readonly id: string;
  readonly title: string;
  readonly date: string;
  readonly dateFrom: string;
  readonly source: string;
  readonly lang: string;
  readonly first: string;
  readonly last: string;
  readonly paragraphs: number;
  /** Text of navigation, captions, ads, related links, comments, footers: must not be in the article. */
  readonly absent: readonly string[];
}

// one case per outlet layout
const CASES: readonly Case[] = [
  {
    page: 'ledger-drills.html',
    url: `${BASE}/some/tracking/path?utm=x`,
    id: `${BASE}/ledger/2024/05/14/joint-drills`,
    title: 'Azerbaijan and Turkey begin joint drills near Nakhchivan',
    date: '2024-05-14',
    dateFrom: 'article:published_time',
    source: 'The Caspian Ledger',
    lang: 'en',
    first: 'Azerbaijani and Turkish army units began a week of joint exercises',
    last: 'at least twice a year since 2021.',
    paragraphs: 5,
    absent: ['Politics', 'Home', 'Photo: Ledger staff', 'Armoured vehicles line up', 'Advertisement', 'Related stories', 'Baku hosts regional', 'Share on', 'Sign up', 'All rights reserved', 'By Leyla'],
  },
  {
    page: 'harbour-talks.html',
    id: `${BASE}/harbour/news/ministers-meet-athens`,
    title: 'Greek and Turkish foreign ministers meet in Athens',
    date: '2024-05-15',
    dateFrom: 'json-ld',
    source: 'Harbour Post',
    lang: 'en',
    first: 'The foreign ministers of Greece and Turkey met in Athens on Wednesday',
    last: 'officials from both countries said.',
    paragraphs: 5,
    absent: ['cookies', 'Weather', 'Listen to this article', 'shake hands', 'Comments', 'Great news', 'Most read', 'Ferry timetable', 'Privacy'],
  },
  {
    page: 'steppe-border.html',
    id: 'steppe-border',
    title: 'Kazakhstan and Uzbekistan sign border accord',
    date: '2024-05-16',
    dateFrom: 'time',
    source: 'Steppe Wire',
    lang: 'en',
    first: 'Kazakhstan and Uzbekistan signed an agreement on Thursday',
    last: 'near Shymkent.',
    paragraphs: 4,
    absent: ['Front', 'Archive', 'all rights reserved', 'Published'],
  },
  {
    page: 'vostok-summit.html',
    id: 'vostok-summit',
    title: 'Georgia and Armenia leaders hold talks in Tbilisi',
    date: '2024-05-17',
    dateFrom: 'date',
    source: 'Vostok Review',
    lang: 'en',
    first: 'The prime ministers of Georgia and Armenia held talks in Tbilisi on Friday',
    last: 'Poti and Batumi.',
    paragraphs: 3,
    absent: ['Caucasus'],
  },
  {
    page: 'gazette-fr.html',
    id: 'gazette-fr',
    title: 'La France et le Maroc signent un accord de coopération',
    date: '2024-05-18',
    dateFrom: 'article:published_time',
    source: 'La Gazette du Littoral',
    lang: 'fr',
    first: 'Les ministres des Affaires étrangères de la France et du Maroc',
    last: 'énergies renouvelables.',
    paragraphs: 3,
    absent: ['Accueil'],
  },
];

describe('ingest: parseHtmlDocument on outlets with different layouts', () => {
  for (const c of CASES) {
    test(c.page, () => {
      const r = parseHtmlDocument(fixture(c.page, BASE), { file: c.page, id: c.page.replace(/\.html$/, ''), ...(c.url ? { url: c.url } : {}) });
      assert.ok(r.ok, JSON.stringify(r));
      const d = r.value;
      assert.equal(d.id, c.id);
      assert.equal(d.title, c.title);
      assert.equal(d.date, c.date);
      assert.equal(d.source, c.source);
      assert.equal(d.lang, c.lang);
      assert.equal(d.meta?.dateFrom, c.dateFrom);
      assert.equal(d.meta?.langDetected, c.lang === 'fr' ? 'fra' : 'eng');
      const paras = d.text.split('\n\n');
      assert.equal(paras.length, c.paragraphs, d.text);
      assert.ok(paras[0]?.startsWith(c.first), paras[0]);
      assert.ok(paras.at(-1)?.endsWith(c.last), paras.at(-1));
      for (const a of c.absent) assert.ok(!d.text.includes(a), `${JSON.stringify(a)} should not be in the text`);
      assert.ok(!d.text.includes(c.title), 'the headline is the title, not the first paragraph');
    });
  }

  test('a section front with only links has no article', () => {
    const r = parseHtmlDocument(fixture('section-front.html', BASE), { file: 'front.html', id: 'front' });
    assert.ok(!r.ok);
    assert.deepEqual(r.issues.map((i) => [i.code, i.file]), [['no-article', 'front.html']]);
  });

  test('a page without a date is rejected, unless the feed item gives one', () => {
    const html = fixture('undated.html', BASE);
    const r = parseHtmlDocument(html, { url: `${BASE}/pipeline` });
    assert.ok(!r.ok);
    assert.equal(r.issues[0]?.code, 'missing-date');
    assert.equal(r.issues[0]?.docId, `${BASE}/pipeline`);
    const withFeed = parseHtmlDocument(html, { url: `${BASE}/pipeline`, defaults: { date: '2024-05-14', source: 'news.test' } });
    assert.ok(withFeed.ok);
    assert.equal(withFeed.value.date, '2024-05-14');
    assert.equal(withFeed.value.meta?.dateFrom, 'feed');
    assert.equal(withFeed.value.title, 'Pipeline talks continue');
    assert.equal(withFeed.value.source, 'news.test', 'no og:site_name: the default outlet');
  });

  test('without a canonical link the fetched URL is the id and its host the outlet', () => {
    const html = fixture('undated.html', BASE).replace('<head>', '<head><meta property="article:published_time" content="2024-05-20">');
    const r = parseHtmlDocument(html, { url: 'https://www.delta-courier.test/energy/pipeline' });
    assert.ok(r.ok);
    assert.equal(r.value.id, 'https://www.delta-courier.test/energy/pipeline');
    assert.equal(r.value.source, 'delta-courier.test');
  });
});

describe('ingest: page metadata and text', () => {
  test('pageDate: ISO keeps the writer’s calendar day, RFC 2822 too, written-out dates are read', () => {
    const cases: [string | null, string | null][] = [
      ['2024-05-14T23:30:00-05:00', '2024-05-14'],
      ['2024-05-14', '2024-05-14'],
      ['2024-05-14 08:20:00', '2024-05-14'],
      ['2024-05-14T08:20:00.123 UTC', '2024-05-14'],
      ['Tue, 14 May 2024 23:30:00 -0500', '2024-05-14'],
      ['14 May 2024', '2024-05-14'],
      ['May 14, 2024', '2024-05-14'],
      ['2024-02-30', null],
      ['yesterday', null],
      ['', null],
      [null, null],
    ];
    for (const [v, want] of cases) assert.equal(pageDate(v), want, String(v));
  });

  test('readPageMeta: JSON-LD in @graph, a broken JSON-LD block ignored, og:url as canonical', () => {
    const { document } = parseHTML(
      `<html lang="de"><head><meta property="og:url" content="/a/b"><script type="application/ld+json">{bad</script><script type="application/ld+json">[{"@type":"Organization","name":"X"},{"@graph":[{"@type":["NewsArticle"],"headline":" Headline  one ","datePublished":"2024-03-01T10:00:00+01:00","publisher":[{"name":"Wire One"}]}]}]</script></head><body></body></html>`,
    );
    const m = readPageMeta(document, 'https://wire.test/x');
    assert.deepEqual(m, { canonical: 'https://wire.test/a/b', title: 'Headline one', date: '2024-03-01', dateFrom: 'json-ld', outlet: 'Wire One', lang: 'de' });
  });

  test('htmlToText: one paragraph per block, furniture and figures dropped, entities decoded', () => {
    const text = htmlToText(
      '<div><h2>Sub&shy;head</h2><p>One   <b>bold</b>\n word.</p><figure><img src="x"><figcaption>A caption.</figcaption></figure><p>Advertisement</p><ul><li>First &amp; second</li><li>Third<br>line</li></ul><script>var x = 1;</script><p>Read more: other story</p></div>',
    );
    assert.equal(text, 'Sub\u00adhead\n\nOne bold word.\n\nFirst & second\n\nThird\n\nline');
  });
});

describe('ingest: noise removal keeps the story', () => {
  test('a wrapper whose class merely contains "share" or "caption" is not removed', () => {
    const paras = Array.from({ length: 4 }, (_, i) => `<p>Paragraph ${i + 1}: the two delegations met again on Thursday to discuss the draft agreement on water sharing along the river.</p>`).join('');
    const html = `<html><head><meta property="article:published_time" content="2024-06-01"></head><body><div class="shared-layout caption-host"><div class="body">${paras}</div></div><div class="share-bar"><p>Share</p></div></body></html>`;
    const r = parseHtmlDocument(html, { id: 'wrapped' });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.value.text.split('\n\n').length, 4);
    assert.ok(r.value.text.startsWith('Paragraph 1:'));
  });
});
