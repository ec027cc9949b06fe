// @ts-check
/**
 * The mail flow end to end, in a browser (issue 16): the demo page on the Vite dev server (`npm
 * start`'s config: gazette/server on SQLite, double opt-in, per-session CSRF tokens) sends its mails
 * to a real SMTP sink on loopback. A reader follows a topic in Chromium, the confirmation mail
 * arrives, its link opens a page whose button confirms, and the RFC 8058 one-click POST from the
 * mail's `List-Unsubscribe` header unsubscribes. `node --test test/server/mail-flow.test.mjs`
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { createServer } from 'vite';
import { openStore } from '../../server/index.mjs';
import { launch } from '../../scripts/lib/browser.mjs';
import { linkIn, smtpSink } from './harness.mjs';

const root = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'gz-mail-flow-'));
const file = join(tmp, 'subscriptions.db');

/** A port the system reports free on 127.0.0.1 (the dev server's links must name it up front). */
function freePort() {
  return /** @type {Promise<number>} */ (
    new Promise((done, fail) => {
      const probe = createNetServer();
      probe.once('error', fail);
      probe.listen(0, '127.0.0.1', () => {
        const address = /** @type {import('node:net').AddressInfo} */ (probe.address());
        probe.close(() => done(address.port));
      });
    })
  );
}

/** Rows of the demo's database, read as another process would. */
async function rows(/** @type {string} */ sql) {
  const store = await openStore(`sqlite:${file}`);
  try {
    return await store.tx((q) => q.all(sql));
  } finally {
    await store.close();
  }
}

/** @type {Awaited<ReturnType<typeof smtpSink>>} */
let smtp;
/** @type {import('vite').ViteDevServer} */
let vite;
/** @type {import('playwright-core').Browser} */
let browser;
let origin = '';

before(async () => {
  smtp = await smtpSink();
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  process.env['GZ_SMTP'] = smtp.url;
  process.env['GZ_PUBLIC_ORIGIN'] = origin;
  process.env['GZ_SUBSCRIPTIONS_DB'] = file;
  vite = await createServer({
    configFile: join(root, 'vite.config.ts'),
    server: { port, strictPort: true, host: '127.0.0.1' },
    logLevel: 'error',
  });
  await vite.listen();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await vite?.close();
  await smtp?.close();
  rmSync(tmp, { recursive: true, force: true });
});

test('follow on the demo page → confirmation mail → its page confirms → one-click POST unsubscribes', async () => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  // What the page reports, with the address it concerns (a browser asks every page for its
  // favicon, which the demo has none of; the invalid link's page is a 404 on purpose).
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico'))
      errors.push(`${m.text()} ${m.location().url}`);
  });
  await page.goto(`${origin}/`);
  const button = page.locator('gz-subscribe-button[topic="energiewende"]');
  await page.waitForFunction(() => customElements.get('gz-subscribe-button'), null, { timeout: 60_000 });
  // The page carries the reader's own session token, not the demo's placeholder.
  const token = await button.getAttribute('csrf-token');
  assert.match(token ?? '', /^[\w-]{43}$/);
  assert.equal(await page.locator('input[name="csrf_token"]').first().getAttribute('value'), token);

  // Follow: the compact toggle opens the form; the reader types an address and sends it.
  await button.locator('[part~="button"]').click();
  await button.locator('[part~="email"]').fill('Leserin@Example.DE');
  await button.locator('[part~="submit"]').click();
  await page.waitForFunction(
    () =>
      /** @type {any} */ (document.querySelector('gz-subscribe-button[topic="energiewende"]'))?.status === 'confirming',
    null,
    { timeout: 30_000 },
  );
  assert.match((await button.locator('[part~="status"]').textContent()) ?? '', /Bitte bestätigen Sie/);
  assert.deepEqual(await rows('SELECT topic, address, status FROM gz_subscriptions'), [
    { topic: 'energiewende', address: 'leserin@example.de', status: 'pending' },
  ]);

  // The mail, as the SMTP server received it: to the reader, links to the public origin only.
  const [mail] = await smtp.arrived(1);
  assert.ok(mail);
  assert.equal(mail.to, 'leserin@example.de');
  const headers = (mail.raw.split(/\r?\n\r?\n/)[0] ?? '').replace(/\r?\n[ \t]+/g, ' ');
  const unsubscribe = /^List-Unsubscribe: <([^>]+)>/im.exec(headers)?.[1] ?? '';
  assert.ok(unsubscribe.startsWith(`${origin}/api/subscriptions/unsubscribe?token=`), headers);
  assert.match(headers, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/im);
  const confirm = linkIn(mail, '/confirm');
  assert.ok(confirm.startsWith(`${origin}/api/subscriptions/confirm?token=`), confirm);

  // The link opens a page (a mail scanner's GET changes nothing); its button confirms.
  await page.goto(confirm);
  assert.equal(await page.locator('h1').textContent(), 'Abonnement bestätigen');
  assert.equal((await rows('SELECT status FROM gz_subscriptions'))[0]?.status, 'pending');
  await Promise.all([page.waitForURL(confirm), page.locator('form button').click()]);
  await page.locator('h1', { hasText: 'Bestätigt' }).waitFor();
  assert.equal((await rows('SELECT status FROM gz_subscriptions'))[0]?.status, 'subscribed');
  assert.deepEqual(errors, []);
  // Used once: the same link again is refused.
  await page.goto(confirm);
  await Promise.all([page.waitForURL(confirm), page.locator('form button').click()]);
  await page.locator('h1', { hasText: 'Link ungültig' }).waitFor();

  // RFC 8058: the mail client POSTs `List-Unsubscribe=One-Click` to the header's URL, no cookie,
  // no CSRF token, no page.
  const oneClick = await fetch(unsubscribe, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  assert.equal(oneClick.status, 200);
  assert.deepEqual(await rows('SELECT address FROM gz_subscriptions'), []);
  assert.equal((await rows('SELECT COUNT(*) AS n FROM gz_suppressed'))[0]?.n, 1);
  await context.close();
});
