// @ts-check
/**
 * The two CDN entries side by side (run after `npm run build`): `dist/cdn/gazette.js` (every element
 * in one file) and `dist/cdn/gazette-autoloader.js` (the tags a page has, each its own chunk, one
 * core chunk), the latter also as `preloaded`: the page's head lists the chunks its tags need as
 * `<link rel="modulepreload">` (their stable names, README "Embed"); on three plain pages that link
 * `preload.css` as the README recommends:
 * - `one`: an article text and `<gz-reading-time>` only;
 * - `header`: `<gz-article-header>` only (with its dateline);
 * - `article`: the reference article (bench/pages/article-gazette.html's markup, filled as the
 *   bench build fills it).
 *
 * For each (page, entry) pair, in shuffled order per round and a fresh browser context per load:
 * - the JavaScript it downloads: requests and gzip bytes (the server sends every file gzip -9);
 * - `network`: with DevTools throttling (150 ms round trip, 1.6 Mbit/s down: the "Slow 4G" preset),
 *   the time until every element has rendered, and until the last script arrived: a waterfall of
 *   requests shows as one round trip more per level;
 * - `cpu`: unthrottled, the main thread's CPU time (the trace's thread time of its tasks) from
 *   navigation to every element rendered.
 * Prints the medians and the autoloader's ratio to gazette.js (95 % bootstrap interval).
 *
 *   node bench/cdn.mjs [--rounds 10] [--pages one,header,article] [--entry name=file-in-dist-cdn.js]
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createServer as createViteServer } from 'vite';
import { chromiumArgs, executablePath } from '../scripts/lib/browser.mjs';
import { autoloaderBuild } from '../scripts/size-budget.mjs';
import { bootstrapRatio, median } from './stats.mjs';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '10' },
    pages: { type: 'string', default: 'one,header,article' },
    // name=file in dist/cdn/, for a variant built beside the two
    entry: { type: 'string', multiple: true, default: [] },
  },
});
const rounds = Number(values.rounds);

// The reference article's <main>, filled by the bench build's own plugin.
const vite = await createViteServer({
  configFile: resolve(root, 'bench/vite.config.ts'),
  logLevel: 'silent',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false },
});
const filled = await vite.transformIndexHtml(
  '/pages/article-gazette.html',
  readFileSync(resolve(root, 'bench/pages/article-gazette.html'), 'utf8'),
);
await vite.close();
const article = /<main>[\s\S]*<\/main>/.exec(filled)?.[0];
if (!article || article.includes('<!--bench:')) throw new Error('the article markup was not filled');

/** @type {Record<string, string>} */
const bodies = {
  one: `<main><div id="t"><p>${'Wort '.repeat(766)}</p></div><gz-reading-time for="t"></gz-reading-time></main>`,
  header: `<main><gz-article-header section="Politik" published="2024-11-17T16:03:00+01:00" time-zone="Europe/Berlin"><h1>Netzausbau im Norden stockt</h1></gz-article-header></main>`,
  article,
};
/** @type {Record<string, string>} */
const entries = {
  gazette: 'gazette.js',
  autoloader: 'gazette-autoloader.js',
  // The autoloader on a page whose head lists, as `<link rel="modulepreload">`, the chunks of the
  // tags it has (their stable names, README "Embed"): fetched with the entry, not after it.
  preloaded: 'gazette-autoloader.js',
  ...Object.fromEntries(/** @type {string[]} */ (values.entry).map((x) => x.split('='))),
};

/** Done when every gz-* element, in shadow roots too, is defined and has rendered (bench/data.ts). */
const done = `<script type="module">
for (let pass = 0; pass < 3; pass++) {
  const pending = [];
  const visit = (node) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.localName.startsWith('gz-'))
        pending.push(customElements.whenDefined(el.localName).then(() => el.updateComplete));
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  await Promise.all(pending);
}
void document.body.offsetHeight;
performance.mark('gz-bench-done');
window.tachometerResult = performance.now();
</script>`;
const graph = autoloaderBuild(readFileSync(resolve(root, 'dist/cdn/gazette-autoloader.js'), 'utf8'))?.graph ?? {};
/** The `preloaded` entry's links: each chunk file the body's tags need, once. @param {string} body */
const preloads = (body) =>
  [...new Set([...body.matchAll(/<(gz-[\w-]+)/g)].flatMap(([, tag]) => graph[tag] ?? []))]
    .map((file) => `<link rel="modulepreload" href="/cdn/${file}">`)
    .join('');
const page = (/** @type {string} */ body, /** @type {string} */ name) => `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/preload.css"><link rel="stylesheet" href="/bench.css">
<script type="module" src="/cdn/${entries[name]}"></script>${name === 'preloaded' ? preloads(body) : ''}${done}</head><body>${body}</body></html>`;

// Files: dist/cdn/, preload.css, bench.css, and the pages; each sent gzip -9, as a CDN would.
/** @type {Map<string, Buffer>} */
const cache = new Map();
const types = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const match = /^\/(\w+)-(\w+)\.html$/.exec(path);
  let text;
  try {
    if (match && bodies[match[1]] && match[2] in entries) text = page(bodies[match[1]], match[2]);
    else if (path === '/preload.css') text = readFileSync(resolve(root, 'dist/preload.css'));
    else if (path === '/bench.css') text = readFileSync(resolve(root, 'bench/bench.css'));
    else if (path.startsWith('/cdn/')) text = readFileSync(normalize(join(root, 'dist', path)));
  } catch {
    text = undefined;
  }
  if (text === undefined) return void res.writeHead(404).end();
  let body = cache.get(path);
  if (!body) cache.set(path, (body = gzipSync(text, { level: 9 })));
  res.writeHead(200, {
    'content-type': types[/** @type {keyof typeof types} */ (extname(path))] ?? 'application/octet-stream',
    'content-encoding': 'gzip',
    'content-length': body.length,
  });
  res.end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

/**
 * Main-thread CPU (ms of thread time) of the renderer's top-level tasks from navigation start to the
 * done mark, and of it style and layout; a task straddling the end counts in proportion.
 * @param {any[]} events
 * @returns {{ all: number, styleLayout: number }}
 */
function cpuTime(events) {
  const mark = events.find((e) => e.name === 'gz-bench-done');
  const start = events.find((e) => e.name === 'navigationStart' && e.pid === mark?.pid);
  if (!mark || !start) return { all: Number.NaN, styleLayout: Number.NaN };
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === mark.pid,
  );
  const sums = { all: 0, styleLayout: 0 };
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== mark.pid || e.tid !== main?.tid || !e.dur) continue;
    const kind =
      e.name === 'ThreadControllerImpl::RunTask'
        ? 'all'
        : e.name === 'UpdateLayoutTree' || e.name === 'Layout'
          ? 'styleLayout'
          : undefined;
    if (!kind) continue;
    const overlap = Math.min(e.ts + e.dur, mark.ts) - Math.max(e.ts, start.ts);
    if (overlap > 0) sums[kind] += ((e.tdur ?? e.dur) * overlap) / e.dur / 1000;
  }
  return sums;
}

const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
/** @type {Record<string, number[]>} */
const samples = {};
const add = (/** @type {string} */ key, /** @type {number} */ x) => (samples[key] ??= []).push(x);
const pages = /** @type {string} */ (values.pages).split(',');
const pairs = pages.flatMap((p) => Object.keys(entries).map((e) => ({ p, e })));
const shuffle = (/** @type {any[]} */ xs) => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
};
const loads = [];
try {
  for (let round = 0; round < rounds; round++) {
    loads.push(loadavg()[0]);
    for (const { p, e } of shuffle([...pairs])) {
      for (const mode of ['network', 'cpu']) {
        const context = await browser.newContext();
        const tab = await context.newPage();
        /** @type {string[]} */
        const errors = [];
        tab.on('pageerror', (error) => errors.push(error.message));
        /** @type {{ url: string, bytes: number, end: number }[]} */
        const scripts = [];
        let navigation = Number.NaN;
        const cdp = await context.newCDPSession(tab);
        await cdp.send('Network.enable');
        /** @type {Map<string, string>} */
        const urls = new Map();
        cdp.on('Network.requestWillBeSent', (r) => {
          urls.set(r.requestId, r.request.url);
          if (r.type === 'Document') navigation = r.timestamp;
        });
        cdp.on('Network.loadingFinished', (r) => {
          const url = urls.get(r.requestId) ?? '';
          if (url.endsWith('.js')) scripts.push({ url, bytes: r.encodedDataLength, end: r.timestamp });
        });
        if (mode === 'network')
          await cdp.send('Network.emulateNetworkConditions', {
            offline: false,
            latency: 150,
            downloadThroughput: 1.6e6 / 8,
            uploadThroughput: 0.75e6 / 8,
          });
        else await browser.startTracing(tab, { categories: ['toplevel', 'devtools.timeline', 'blink.user_timing'] });
        const pending = new Set();
        tab.on('request', (r) => pending.add(r.url()));
        tab.on('requestfinished', (r) => pending.delete(r.url()));
        tab.on('requestfailed', (r) => pending.delete(r.url()));
        await tab.goto(`${origin}/${p}-${e}.html`).catch((error) => {
          // Two runs of the `preloaded` entry at load 12 never reached "load": say what was pending.
          console.error(`${p} ${e} ${mode}: still loading ${[...pending].join(' ')}`);
          throw error;
        });
        await tab.waitForFunction(() => 'tachometerResult' in window, null, { timeout: 120_000 });
        const rendered = await tab.evaluate(() => /** @type {any} */ (window).tachometerResult);
        if (mode === 'network') {
          add(`${p} ${e} rendered`, rendered);
          add(`${p} ${e} scripts`, scripts.length);
          add(
            `${p} ${e} bytes`,
            scripts.reduce((sum, x) => sum + x.bytes, 0),
          );
          // CDP timestamps: seconds on one monotonic clock, from the document's request.
          add(`${p} ${e} last script`, (Math.max(...scripts.map((x) => x.end)) - navigation) * 1000);
        } else {
          const cpu = cpuTime(JSON.parse((await browser.stopTracing()).toString()).traceEvents);
          add(`${p} ${e} cpu`, cpu.all);
          add(`${p} ${e} style+layout`, cpu.styleLayout);
        }
        await context.close();
        if (errors.length) console.error(p, e, mode, errors);
      }
    }
    process.stderr.write(`round ${round + 1} `);
  }
} finally {
  console.error('');
  await browser.close();
  server.close();
}

const fmt = (/** @type {number[]} */ [r, lo, hi]) => `${r.toFixed(2)} (${lo.toFixed(2)}–${hi.toFixed(2)})`;
const load = `load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
console.log(`\n${rounds} rounds, ${load}; network: 150 ms round trip, 1.6 Mbit/s; cpu: unthrottled\n`);
console.log(
  '| page | entry | JS requests | JS gzip kB | last script ms (network) | rendered ms (network) | main-thread CPU ms | of it style + layout |',
);
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const p of pages) {
  for (const e of Object.keys(entries)) {
    const m = (/** @type {string} */ k) => median(samples[`${p} ${e} ${k}`] ?? []);
    console.log(
      `| ${p} | ${e === 'preloaded' ? 'autoloader + modulepreload' : entries[e]} | ${m('scripts')} | ${(m('bytes') / 1000).toFixed(1)} | ${m('last script').toFixed(0)} | ${m('rendered').toFixed(0)} | ${m('cpu').toFixed(1)} | ${m('style+layout').toFixed(1)} |`,
    );
  }
}
console.log('\n| page | entry / gazette.js | last script | rendered (network) | CPU | style + layout |');
console.log('|---|---|---|---|---|---|');
for (const p of pages) {
  for (const e of Object.keys(entries).filter((x) => x !== 'gazette')) {
    const r = (/** @type {string} */ k) =>
      fmt(bootstrapRatio(samples[`${p} ${e} ${k}`] ?? [], samples[`${p} gazette ${k}`] ?? []));
    console.log(`| ${p} | ${e} | ${r('last script')} | ${r('rendered')} | ${r('cpu')} | ${r('style+layout')} |`);
  }
}
