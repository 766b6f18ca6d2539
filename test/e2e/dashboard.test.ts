// the dashboard in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core) against a
// real server and database: open it, pick a dyad, open an event, read its evidence; hostile text stays inert.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_WEB_ROOT, type RunningServer, startServer } from '../../src/serve/http/index.js';
import type { Store } from '../../src/store/index.js';
import { HOSTILE, seededStore } from '../http/fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SKIP = existsSync(CHROMIUM) ? false : `${CHROMIUM} is absent: install Debian's chromium package (apt-get install chromium) to run the dashboard test`;
/** Where the screenshots go (ENTENTE_SCREENSHOTS overrides). */
const SHOTS = process.env.ENTENTE_SCREENSHOTS ?? join(tmpdir(), 'entente-e2e');

/** Builds web/dist with vite when it is missing (a fresh clone before `npm run build`). */
function ensureBuilt(): void {
  if (existsSync(join(DEFAULT_WEB_ROOT, 'index.html'))) return;
  const vite = join(ROOT, 'node_modules', '.bin', 'vite');
  const r = spawnSync(vite, ['build', 'web', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed: ${r.stderr || r.stdout}`);
}

describe('dashboard in headless Chromium', { skip: SKIP }, () => {
  let server: RunningServer;
  let store: Store;
  let hostileEventId: string;
  // playwright types are loaded lazily so the suite costs nothing when it is skipped
  let browser: import('playwright-core').Browser;
  let page: import('playwright-core').Page;
  const problems: string[] = [];

  before(async () => {
    ensureBuilt();
    const seeded = seededStore();
    store = seeded.store;
    hostileEventId = seeded.hostileEventId;
    server = await startServer({ store, port: 0, webRoot: DEFAULT_WEB_ROOT });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    // nothing may leave the machine: no tiles, fonts or scripts from elsewhere
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.protocol.startsWith('http') && u.host !== new URL(server.url).host) problems.push(`external request: ${r.url()}`);
    });
    mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    store?.close();
  });

  const ready = () => page.waitForSelector('main[data-ready="true"]', { timeout: 20_000 });

  test('opens the overview, picks a dyad, opens an event and sees its evidence sentence', async (t) => {
    await page.goto(server.url);
    await ready();
    assert.equal(await page.locator('h1').textContent(), 'Overview');
    await page.locator('#timeline-chart canvas').first().waitFor();
    const dyadLink = page.locator('#top-dyads a', { hasText: 'Azerbaijan – Türkiye' });
    await dyadLink.click();
    await page.waitForURL(/view=dyad/);
    await ready();
    assert.match(page.url(), /a=AZE&b=TUR/);
    await page.locator('#dyad-chart canvas').first().waitFor();
    const event = page.locator('#dyad-events button.event', { hasText: 'hosted a Turkish defence delegation' });
    await event.click();
    const sentence = page.locator('#event-dialog blockquote.sentence').first();
    await sentence.waitFor();
    assert.equal(await sentence.textContent(), 'Azerbaijan hosted a Turkish defence delegation in Baku on Tuesday.');
    assert.equal(await sentence.locator('mark.m-trigger').textContent(), 'hosted');
    assert.equal(await sentence.locator('mark.m-source').textContent(), 'Turkish defence delegation');
    assert.equal(await sentence.locator('mark.m-target').textContent(), 'Azerbaijan');
    const cite = await page.locator('#event-dialog .cite').first().textContent();
    assert.match(cite ?? '', /wire-a\.example, 2024-04-03/);
    assert.equal(await page.locator('#event-dialog .cite a').first().getAttribute('href'), 'https://example.org/aze-tur-1');
    assert.match(page.url(), /event=/, 'the open event is in the URL');
    const file = join(SHOTS, 'dashboard-dyad-event.png');
    await page.screenshot({ path: file });
    t.diagnostic(`screenshot: ${file}`);
    await page.keyboard.press('Escape');
    await page.waitForURL((u) => !u.search.includes('event='));
  });

  test('a shared URL restores the view and the filters', async () => {
    await page.goto(`${server.url}?view=dyad&a=AZE&b=TUR&type=COOPERATE&since=2024-01-01`);
    await ready();
    assert.equal(await page.locator('#filters select[name="type"]').inputValue(), 'COOPERATE');
    assert.equal(await page.locator('#filters input[name="since"]').inputValue(), '2024-01-01');
    await page.locator('#dyad-events button.event').first().waitFor();
    assert.equal(await page.locator('#dyad-events button.event').count(), 1);
  });

  test('article text carrying script and HTML stays inert text', async () => {
    await page.goto(`${server.url}?view=overview&event=${hostileEventId}`);
    await page.locator('#event-dialog blockquote.sentence').waitFor();
    const text = await page.locator('#event-dialog blockquote.sentence').textContent();
    assert.ok(text?.includes(HOSTILE), 'the markup is shown as text');
    await ready();
    assert.notEqual(await page.title(), 'pwned');
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.equal(await page.locator('main script, dialog script').count(), 0);
    assert.equal(await page.locator('#event-dialog a[href^="javascript"]').count(), 0, 'a javascript: URL is never a link');
    await page.keyboard.press('Escape');
  });

  test('search, network and map views render from local data only', async () => {
    await page.goto(server.url);
    await ready();
    await page.fill('#search-input', 'Nakhchivan');
    await page.press('#search-input', 'Enter');
    await page.waitForURL(/view=search/);
    await ready();
    assert.match((await page.locator('#search-results').textContent()) ?? '', /Nakhchivan/);

    await page.click('#nav a[data-view="network"]');
    await ready();
    await page.locator('#network-graph canvas').first().waitFor();
    assert.ok((await page.locator('#network-table tbody tr').count()) >= 3);

    await page.click('#nav a[data-view="map"]');
    await ready();
    await page.waitForSelector('#map[data-ready="true"]', { timeout: 20_000 });
    assert.equal(await page.locator('#map').getAttribute('data-points'), '1');
    await page.screenshot({ path: join(SHOTS, 'dashboard-map.png') });
  });

  test('no page errors, CSP violations or external requests', () => {
    assert.deepEqual(problems, []);
  });
});
