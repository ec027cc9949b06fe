// @ts-check
/**
 * What JavaScript the reference article page downloads with the CDN module: the bench page's
 * markup (`bench/dist/pages/article-gazette.html`, built by `npx vite build --config
 * bench/vite.config.ts`) served with `dist/cdn/gazette.js` (`npx vite build --mode cdn`), with and
 * without `preload.css` linked (`npx vite build` writes `dist/preload.css`). Lists every script the
 * page requested until the elements rendered and the page was idle 2 s later (the subscribe
 * button's idle prefetch included), with the gzip -9 size of each file.
 *
 *   node bench/page-js.mjs
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from '../scripts/lib/browser.mjs';
import { serveStatic } from '../scripts/lib/static-server.mjs';

const root = resolve(import.meta.dirname, '..');
const dir = resolve(root, 'node_modules/.cache/gazette/page-js');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
cpSync(resolve(root, 'dist/cdn'), resolve(dir, 'cdn'), { recursive: true });
cpSync(resolve(root, 'dist/preload.css'), resolve(dir, 'preload.css'));
const bench = readFileSync(resolve(root, 'bench/dist/pages/article-gazette.html'), 'utf8');
const main = /<main>[\s\S]*<\/main>/.exec(bench)?.[0] ?? '';
const page = (/** @type {boolean} */ preload) =>
  `<!doctype html><html lang="de"><head><meta charset="utf-8">${preload ? '<link rel="stylesheet" href="preload.css">' : ''}` +
  `<script type="module" src="cdn/gazette.js"></script></head><body>${main}</body></html>`;
writeFileSync(resolve(dir, 'with-preload.html'), page(true));
writeFileSync(resolve(dir, 'without-preload.html'), page(false));

const server = await serveStatic(dir);
const browser = await launch();
for (const name of ['with-preload', 'without-preload']) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  /** @type {string[]} */
  const scripts = [];
  tab.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await tab.goto(`${server.origin}/${name}.html`);
  await tab.waitForFunction(() =>
    [...document.querySelectorAll('*')]
      .filter((e) => e.localName.startsWith('gz-'))
      .every((e) => customElements.get(e.localName) && /** @type {any} */ (e).hasUpdated),
  );
  await tab.waitForTimeout(2_000); // the idle prefetches (subscribe form), not a synchronisation
  let total = 0;
  console.log(`${name}:`);
  for (const path of [...new Set(scripts)]) {
    const bytes = gzipSync(readFileSync(resolve(dir, `.${path}`)), { level: 9 }).length;
    total += bytes;
    console.log(`  ${path.padEnd(36)} ${(bytes / 1000).toFixed(2)} kB`);
  }
  console.log(`  total JS ${(total / 1000).toFixed(2)} kB gzip, ${scripts.length} requests`);
  await context.close();
}
await browser.close();
await server.close();
