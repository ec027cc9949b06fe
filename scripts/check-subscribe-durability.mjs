// @ts-check
/**
 * A follow is never lost across a real page close (issue 17): `<gz-subscribe-button>` from the built
 * CDN module against the reference endpoint's test harness, in Chromium through playwright-core.
 * Scenarios: the tab closed during a back-off, the tab closed while offline, the browser (context)
 * closed during a back-off, a click made offline before the interaction chunk loaded. Each prints
 * its request count and asserts one stored record per intent. Run after `npm run build`.
 */
import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath, launch } from './lib/browser.mjs';
import { results } from './lib/results.mjs';
import { createTestHarness, TEST_MOUNT } from '../test/server/subscriptions.mjs';

const root = resolve(import.meta.dirname, '..');
const cdn = resolve(root, 'dist/cdn');
if (!existsSync(resolve(cdn, 'gazette.js'))) {
  console.error('dist/cdn/gazette.js is missing: run `npm run build` first');
  process.exit(1);
}

/**
 * Closes a tab as a reader does (its pagehide and beforeunload run) and waits until it is gone:
 * `page.close({ runBeforeUnload: true })` returns before the page has closed, and a context
 * change made meanwhile (setOffline) can fail on the closing page.
 * @param {import('playwright-core').Page} page
 */
async function closeTab(page) {
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
}

const harness = createTestHarness();
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith(TEST_MOUNT)) return void harness.handle(req, res);
  if (url.pathname === '/page.html') {
    const q = url.searchParams;
    const email = q.get('email');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    return void res.end(`<!doctype html><html lang="de"><meta charset="utf-8"><title>t</title>
<script type="module" src="/gazette.js"></script>
<gz-subscribe-button topic="${q.get('topic')}" topic-label="Energiewende" action="${TEST_MOUNT}${q.get('id')}"
  ${email ? `email="${email}"` : ''} max-retries="5"></gz-subscribe-button>`);
  }
  const file = resolve(cdn, `.${url.pathname}`);
  if (!file.startsWith(cdn) || !existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

/** @param {string} id @param {object} setup */
const setup = (id, setup) =>
  fetch(`${origin}${TEST_MOUNT}${id}/_setup`, { method: 'POST', body: JSON.stringify(setup) });
/** @param {string} id @returns {Promise<any[]>} */
const log = async (id) => (await fetch(`${origin}${TEST_MOUNT}${id}/_log`)).json();
/** @param {string} id @returns {Promise<any[]>} */
const records = async (id) => (await fetch(`${origin}${TEST_MOUNT}${id}/_records`)).json();
/** Polls (real time) until `check` holds, at most `ms`. @param {() => Promise<boolean>} check */
async function until(check, ms = 15_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    // eslint-disable-next-line no-restricted-syntax -- the poll interval of a wait bounded by `ms`
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the condition never held');
}
/** @param {import('playwright-core').Page} page */
const status = (page) => page.evaluate(() => document.querySelector('gz-subscribe-button')?.status);
/** @param {import('playwright-core').Page} page */
const clickToggle = (page) => page.locator('gz-subscribe-button').locator('[part~="button"]').click();

const suite = results('subscribe-durability');
const email = 'leser@example.de';
const fresh = () => crypto.randomUUID().slice(0, 8);
/** @type {string[]} */
const counts = [];

const browser = await launch();
try {
  await suite.check(
    'tab closed during a back-off: sent on pagehide, resumed by the next page; one record',
    async () => {
      const id = fresh();
      const topic = `t-${id}`;
      await setup(id, { script: [{ status: 503, headers: { 'retry-after': '1' } }] });
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origin}/page.html?id=${id}&topic=${topic}&email=${email}`);
      const retrying = page.evaluate(
        () =>
          new Promise((resolve) =>
            document
              .querySelector('gz-subscribe-button')
              ?.addEventListener('gz-subscribe-retry', () => resolve(true), { once: true }),
          ),
      );
      await clickToggle(page);
      await until(async () => (await log(id)).length === 1);
      // In the back-off: the 503 arrived and the element scheduled its retry (a second later).
      await retrying;
      await closeTab(page);
      await until(async () => (await records(id)).length === 1);
      const next = await context.newPage();
      await next.goto(`${origin}/page.html?id=${id}&topic=${topic}&email=${email}`);
      await until(async () => (await status(next)) === 'subscribed');
      const requests = (await log(id)).length;
      counts.push(`back-off, tab closed: ${requests} requests, ${(await records(id)).length} record`);
      if ((await records(id)).length !== 1) throw new Error('expected one record');
      if (new Set((await log(id)).map((r) => r.headers['idempotency-key'])).size !== 1) throw new Error('keys differ');
      await context.close();
    },
  );

  await suite.check('tab closed while offline: kept, resumed by the next page online; one record', async () => {
    const id = fresh();
    const topic = `t-${id}`;
    await setup(id, {});
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/page.html?id=${id}&topic=${topic}&email=${email}`);
    await page.locator('gz-subscribe-button').hover(); // the interaction chunk loads
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.includes('flow-')));
    await context.setOffline(true);
    await clickToggle(page);
    await until(
      async () =>
        (await page.evaluate(() => document.querySelector('gz-subscribe-button')?.matches(':state(offline)'))) === true,
    );
    await closeTab(page);
    const before = (await log(id)).length;
    await context.setOffline(false);
    const next = await context.newPage();
    await next.goto(`${origin}/page.html?id=${id}&topic=${topic}&email=${email}`);
    await until(async () => (await status(next)) === 'subscribed');
    counts.push(
      `offline, tab closed: ${before} requests while closed, ${(await log(id)).length} in all, ${(await records(id)).length} record`,
    );
    if ((await records(id)).length !== 1) throw new Error('expected one record');
    await context.close();
  });

  await suite.check('browser closed during a back-off (no pagehide): the next launch resumes; one record', async () => {
    const id = fresh();
    const topic = `t-${id}`;
    await setup(id, { script: [{ status: 503, headers: { 'retry-after': '5' } }] });
    const profile = mkdtempSync(join(tmpdir(), 'gz-durability-'));
    try {
      const options = { executablePath, args: chromiumArgs, headless: true };
      let context = await chromium.launchPersistentContext(profile, options);
      const page = await context.newPage();
      await page.goto(`${origin}/page.html?id=${id}&topic=${topic}&email=${email}`);
      await clickToggle(page);
      await until(async () => (await log(id)).length === 1);
      await context.close();
      context = await chromium.launchPersistentContext(profile, options);
      const next = await context.newPage();
      await next.goto(`${origin}/page.html?id=${id}&topic=${topic}&email=${email}`);
      await until(async () => (await status(next)) === 'subscribed');
      counts.push(`back-off, browser closed: ${(await log(id)).length} requests, ${(await records(id)).length} record`);
      if ((await records(id)).length !== 1) throw new Error('expected one record');
      await context.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });

  await suite.check('a click offline before the chunk loaded waits for the connection, then sends once', async () => {
    const id = fresh();
    const topic = `t-${id}`;
    await setup(id, {});
    const context = await browser.newContext();
    const page = await context.newPage();
    // The chunk cannot load (as offline) until the connection returns.
    await page.route('**/flow-*.js', (route) => route.abort('internetdisconnected'));
    await page.goto(`${origin}/page.html?id=${id}&topic=${topic}&email=${email}`);
    await context.setOffline(true);
    await clickToggle(page);
    await page.waitForFunction(() =>
      /offline/i.test(
        document.querySelector('gz-subscribe-button')?.shadowRoot?.querySelector('[part~="status"]')?.textContent ?? '',
      ),
    );
    await page.unroute('**/flow-*.js');
    await context.setOffline(false);
    await until(async () => (await status(page)) === 'subscribed');
    counts.push(`offline before the chunk: ${(await log(id)).length} request, ${(await records(id)).length} record`);
    if ((await log(id)).length !== 1 || (await records(id)).length !== 1)
      throw new Error('expected one request, one record');
    await context.close();
  });
} finally {
  await browser.close();
  server.close();
}
for (const line of counts) console.log(`  ${line}`);
process.exit(suite.finish());
