// @ts-check
/**
 * Memory check (run after `npm run build`; a step of `npm test`): in Chromium started with
 * `--js-flags=--expose-gc`, each element goes through 1,000 connect/disconnect cycles (a new
 * instance each cycle, created, connected, rendered, removed and dropped). After a warm-up of
 * 1,000 cycles (V8 compiles and optimizes during the first ones: that growth is not a leak) and
 * after the 1,000 measured, the page collects garbage and reads its JS heap; the check fails
 * when it grew by more than 10% (issue #10), or when more than 1% of the removed instances
 * are still alive after GC (watched through WeakRefs: a listener, timer or observer that keeps a
 * disconnected element alive shows up here even when each leaked instance is small).
 *
 * The page loads the CDN module `dist/cdn/gazette.js` (every element registered), so the check
 * covers what publishers ship. Elements without a fixture below are still cycled, empty.
 *
 *   node scripts/memory-check.mjs [--cycles 1000] [--only article-header]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from './lib/browser.mjs';
import { results } from './lib/results.mjs';

const root = resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: { cycles: { type: 'string', default: '1000' }, only: { type: 'string' } },
});
const CYCLES = Number(options.cycles);
const WARM_UP = 1000;
const MAX_GROWTH = 0.1;
const MAX_SURVIVORS = Math.ceil(CYCLES * 0.01);

const mb = (/** @type {number} */ bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
const percent = (/** @type {number} */ x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
const now = new Date();
const minutesAgo = (m) => new Date(now.getTime() - m * 60_000).toISOString();
const body = Array.from(
  { length: 12 },
  (_, i) =>
    `<p>Absatz ${i + 1}: Der Netzausbau in Schleswig-Holstein kommt voran, sagt die Landesregierung; 13.000 Kilometer Leitungen fehlen noch, und 80 Prozent der Projekte sind im Verzug.</p>` +
    (i % 3 === 2 ? `<h2>Zwischenüberschrift ${i}: „Können wir das schaffen?“</h2>` : ''),
).join('');

/**
 * The markup of one cycle per element, as a CMS renders it: the element is the first child of
 * the fragment. Each exercises the element's timers, observers and listeners.
 * @type {Record<string, string>}
 */
const FIXTURES = {
  'reading-time': `<gz-reading-time for="mem-body"></gz-reading-time><div id="mem-body">${body}</div>`,
  'article-header': `<gz-article-header section="Politik" published="${minutesAgo(5)}" updated="${minutesAgo(1)}"
      time-zone="Europe/Berlin" relative reading-time-for="mem-body-h" kicker="analysis">
      <h1>Energiewende im Norden: Können die Netze mithalten?</h1>
      <p slot="standfirst">Zwei Sätze zum Einstieg. Und noch einer.</p></gz-article-header>
      <div id="mem-body-h">${body}</div>`,
  'article-body': `<gz-article-body anchors toc progress>${body}</gz-article-body>`,
  'author-card': `<gz-author-card name="Virgil Zólyom" job-title="Landeskorrespondent in Kiel"
      image="/missing-photo.png" image-alt="avtor1"
      links="mailto:virgil.zolyom@gazette.example https://gazette.example/autoren/zolyom">
      <p>Virgil Zólyom, geboren 1978 in Flensburg, lebt heute in Kiel.</p></gz-author-card>`,
  'author-list': `<gz-author-list>
      <gz-author-card name="Virgil Zólyom"></gz-author-card><gz-author-card name="Anna Beispiel"></gz-author-card>
      </gz-author-list>`,
  'subscribe-button': `<gz-subscribe-button topic="energiewende" topic-label="Energiewende" compact no-remember
      action="/api/subscriptions" email="leserin@example.org"></gz-subscribe-button>`,
  teaser: `<gz-teaser href="/finanzen/a" section="Finanzen" brand="DWN" date="${minutesAgo(30)}" relative
      image="/missing-teaser.png" image-alt=""><span slot="title">Bayer-Aktie: Was Anleger jetzt wissen müssen</span>
      Ein Auszug, der an einer Wortgrenze endet.</gz-teaser>`,
  'teaser-list': `<gz-teaser-list layout="rail" items='${JSON.stringify(
    Array.from({ length: 8 }, (_, i) => ({
      href: `/artikel/${i}`,
      title: `Artikel ${i}`,
      section: 'Politik',
      date: '2026-02-17',
    })),
  )}'></gz-teaser-list>`,
};

const names = readdirSync(resolve(root, 'src/components'))
  .filter((name) => !options.only || name === options.only)
  .sort();
const suite = results('memory');
console.log(`memory (${CYCLES} connect/disconnect cycles per element, after ${WARM_UP} warm-up cycles)`);

if (!existsSync(resolve(root, 'dist/cdn/gazette.js'))) {
  await suite.check('the CDN bundle was built', () => {
    throw new Error('dist/cdn/gazette.js missing: run `npm run build` first');
  });
  process.exit(suite.finish());
}

const browser = await chromium.launch({
  executablePath,
  args: [...chromiumArgs, '--js-flags=--expose-gc --no-flush-bytecode'],
  headless: true,
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // A fixed origin served from the working tree: the page and the built bundle, nothing else.
  await page.route('http://gazette.test/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') {
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>memory</title>
          <script type="module" src="/dist/cdn/gazette.js"></script></head><body><main id="stage"></main></body></html>`,
      });
    }
    const file = resolve(root, `.${path}`);
    if (!file.startsWith(root) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
    const type = extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream';
    return route.fulfill({ contentType: type, body: readFileSync(file) });
  });
  // The console keeps what is logged while an inspector is attached (as here): an element passed
  // to console.warn (warnOnce does) would stay alive because of the console, not of Gazette, and
  // 1,000 stored messages grow the heap. The page counts its warnings instead of logging them.
  await page.addInitScript(() => {
    /** @type {any} */ (window).gzConsoleCalls = 0;
    for (const level of /** @type {const} */ (['log', 'info', 'warn', 'error', 'debug'])) {
      console[level] = () => {
        /** @type {any} */ (window).gzConsoleCalls++;
      };
    }
  });
  const cdp = await page.context().newCDPSession(page);

  /**
   * Garbage-collects (the page's gc() and the inspector's) and returns the used JS heap (V8) and,
   * apart, Blink's DOM heap (Oilpan). The criterion is the JS heap: Oilpan's figure moves in steps
   * of about 200 kB between identical runs (its caches), which would drown a 10% check on a 2 MB
   * page; a leaked element keeps its JS wrapper and Lit state alive, so it shows in the JS heap,
   * and the WeakRef count below sees it directly.
   */
  const heap = async () => {
    for (let i = 0; i < 3; i++) {
      await page.evaluate(async () => {
        // eslint-disable-next-line no-restricted-syntax -- one task boundary (0 ms) before gc, not a wait
        await new Promise((r) => setTimeout(r, 0));
        /** @type {any} */ (window).gc();
      });
      await cdp.send('HeapProfiler.collectGarbage');
    }
    const usage = /** @type {{ usedSize: number, embedderHeapUsedSize?: number }} */ (
      await cdp.send('Runtime.getHeapUsage')
    );
    return { js: usage.usedSize, dom: usage.embedderHeapUsedSize ?? 0 };
  };

  for (const name of names) {
    // A fresh page per element: one element's leak does not hide in the next one's baseline.
    await page.goto('http://gazette.test/');
    await page.waitForFunction(() => customElements.get('gz-reading-time') !== undefined);
    const markup = FIXTURES[name] ?? `<gz-${name}></gz-${name}>`;
    /** Runs n cycles in the page; keeps a WeakRef to each removed instance in `window.gzRefs`. */
    const cycle = (/** @type {number} */ n) =>
      page.evaluate(
        async ({ markup, n }) => {
          const stage = /** @type {HTMLElement} */ (document.getElementById('stage'));
          const template = document.createElement('template');
          template.innerHTML = markup;
          const refs = /** @type {WeakRef<HTMLElement>[]} */ (/** @type {any} */ (window).gzRefs = []);
          // A task boundary without timer clamping (nested setTimeout waits at least 4 ms).
          const channel = new MessageChannel();
          const yieldTask = () =>
            new Promise((resolve) => {
              channel.port1.onmessage = resolve;
              channel.port2.postMessage(null);
            });
          for (let i = 0; i < n; i++) {
            const fragment = /** @type {DocumentFragment} */ (template.content.cloneNode(true));
            const element = /** @type {HTMLElement & { updateComplete?: Promise<unknown> }} */ (
              fragment.firstElementChild
            );
            stage.append(fragment);
            // Every Gazette element in the fragment renders, nested ones included.
            for (const el of /** @type {any[]} */ ([...stage.querySelectorAll('*')])) {
              if (el.localName.startsWith('gz-')) await el.updateComplete;
              for (const inner of el.shadowRoot?.querySelectorAll('*') ?? []) await inner.updateComplete;
            }
            await yieldTask();
            stage.replaceChildren();
            refs.push(new WeakRef(element));
          }
        },
        { markup, n },
      );

    /** How many removed instances are alive after GC; then drops the WeakRefs themselves. */
    const survivors = async () => {
      await heap();
      return page.evaluate(() => {
        const alive = /** @type {WeakRef<object>[]} */ (/** @type {any} */ (window).gzRefs).filter((r) => r.deref());
        /** @type {any} */ (window).gzRefs = [];
        return alive.length;
      });
    };

    await cycle(WARM_UP);
    await survivors();
    const before = await heap();
    const started = Date.now();
    await cycle(CYCLES);
    const alive = await survivors();
    const after = await heap();
    const growth = (after.js - before.js) / before.js;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `  <gz-${name}>: JS heap after GC ${mb(before.js)} → ${mb(after.js)} (${percent(growth)}); ` +
        `DOM heap ${mb(before.dom)} → ${mb(after.dom)}; ${alive} of ${CYCLES} removed instances alive; ${seconds} s`,
    );
    await suite.check(`<gz-${name}>: JS heap growth after ${CYCLES} cycles ≤ ${MAX_GROWTH * 100}%`, () => {
      if (growth > MAX_GROWTH) throw new Error(`heap grew by ${(growth * 100).toFixed(1)}%`);
    });
    await suite.check(`<gz-${name}>: removed instances are collected (≤ ${MAX_SURVIVORS} alive)`, () => {
      if (alive > MAX_SURVIVORS) throw new Error(`${alive} of ${CYCLES} removed instances are still alive`);
    });
  }
  await suite.check('no uncaught error in the page', () => {
    if (errors.length) throw new Error(errors.join('; '));
  });
} finally {
  await browser.close();
}
process.exit(suite.finish());
