// the Transfers view in headless Chromium against a real server: sankey, register table, pickers, evidence.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DEFAULT_WEB_ROOT, type RunningServer, startServer } from '../../src/serve/http/index.js';
import type { Store } from '../../src/store/index.js';
import { buildTransferStore } from '../transfers/fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SKIP = existsSync(CHROMIUM) ? false : `${CHROMIUM} is absent: install Debian's chromium package to run the dashboard tests`;
const SHOTS = process.env.ENTENTE_SCREENSHOTS ?? join(tmpdir(), 'entente-e2e');

/** web/dist when it holds the transfers view, else a fresh build in `dir`. */
function webRoot(dir: string): string {
  const assets = join(DEFAULT_WEB_ROOT, 'assets');
  if (existsSync(assets) && readdirSync(assets).some((f) => f.startsWith('transfers-'))) return DEFAULT_WEB_ROOT;
  const out = join(dir, 'web');
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', 'web', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed: ${r.stderr || r.stdout}`);
  return out;
}

describe('dashboard: transfers view in headless Chromium', { skip: SKIP }, () => {
  let dir: string;
  let server: RunningServer;
  let store: Store;
  let browser: import('playwright-core').Browser;
  let page: import('playwright-core').Page;
  const problems: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'entente-e2e-transfers-'));
    store = buildTransferStore(join(dir, 't.db'));
    server = await startServer({ store, port: 0, webRoot: webRoot(dir) });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ready = () => page.waitForSelector('main[data-ready="true"]', { timeout: 20_000 });

  test('the navigation opens the register and the flow chart; pickers filter; evidence opens the event', async (t) => {
    await page.goto(server.url);
    await ready();
    await page.click('#nav a[data-view="transfers"]');
    await page.waitForURL(/view=transfers/);
    await ready();
    assert.equal(await page.locator('h1').textContent(), 'Arms transfers');
    await page.locator('#transfers-chart canvas').first().waitFor();
    const rows = page.locator('#transfers-rows tbody tr');
    assert.equal(await rows.count(), 6);
    const first = await rows.first().locator('td').allTextContents();
    assert.deepEqual(first.slice(0, 10), ['2024-05-17', 'Türkiye (Baykar)', 'Poland', 'Bayraktar TB2', 'uav', '24', 'delivered', '$270 million', '', '3']);
    const shot = join(SHOTS, 'dashboard-transfers.png');
    await page.screenshot({ path: shot, fullPage: true });
    t.diagnostic(`screenshot: ${shot}`);

    await page.selectOption('#transfers-recipient', 'POL');
    await page.selectOption('#transfers-category', 'tank');
    await page.click('#transfers-picker button[type="submit"]');
    await page.waitForURL(/b=POL/);
    await ready();
    await page.waitForFunction("document.querySelectorAll('#transfers-rows tbody tr').length === 1");
    assert.match((await rows.first().textContent()) ?? '', /K2 Black Panther/);

    await rows.first().locator('button[data-event]').click();
    const sentence = page.locator('#event-dialog blockquote.sentence').first();
    await sentence.waitFor();
    assert.match((await sentence.textContent()) ?? '', /Poland ordered 96 K2 tanks/);
    await page.keyboard.press('Escape');
  });

  test('no page errors or CSP violations', () => {
    assert.deepEqual(problems, []);
  });
});
