// @ts-check
/**
 * What a page's first view leaves unexecuted in the CDN main chunk, by source file: the map for
 * issue 15's "code that a page's default first render does not execute may move to an on-demand
 * chunk". Loads `page` in Debian's Chromium with the page's own scripts replaced by
 * `dist/cdn/gazette.js`, records V8's block coverage until every Gazette element has rendered and
 * the page has been idle a moment (idle checks count as run), and prints per source file its
 * minified bytes, the bytes never run, and the gzip size of those (each file alone, so the
 * column does not add up to the chunk's gzip saving).
 *
 *   npm run build:cdn
 *   node bench/ab.mjs --rounds 1 --pages article-static,article-gazette   # builds /tmp/gz-ab/work
 *   node bench/coverage.mjs /tmp/gz-ab/work/pages/article-gazette.html [--lang en] [--show <source>]
 *
 * `--lang` sets `<html lang>` (the bench pages are German); `--show` prints a file's unrun code.
 */
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../scripts/lib/browser.mjs';
import { serveStatic } from '../scripts/lib/static-server.mjs';
import { piecesBySource } from '../scripts/size-budget.mjs';

const root = resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { lang: { type: 'string' }, show: { type: 'string', multiple: true, default: [] } },
});
if (positionals.length !== 1) throw new Error('usage: node bench/coverage.mjs <built page.html> [--lang en]');

const file = resolve(root, 'dist/cdn/gazette.js');
const code = readFileSync(file, 'utf8');
const pieces = piecesBySource(code, JSON.parse(readFileSync(`${file}.map`, 'utf8')));

// The page's markup with the CDN module as its only script (its styles and module scripts dropped).
const html = readFileSync(positionals[0], 'utf8');
const body = html.slice(html.indexOf('<body'));
const lang = values.lang ?? /<html[^>]*\slang="([^"]*)"/.exec(html)?.[1] ?? 'en';
const dir = mkdtempSync(join(tmpdir(), 'gz-coverage-'));
symlinkSync(resolve(root, 'dist/cdn'), join(dir, 'cdn'));
writeFileSync(
  join(dir, 'page.html'),
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8" />` +
    `<script type="module" src="/cdn/gazette.js"></script></head>${body.replace(/<script[\s\S]*?<\/script>/g, '')}`,
);

const server = await serveStatic(dir);
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
let ranges;
try {
  const page = await browser.newPage();
  await page.coverage.startJSCoverage({ resetOnNavigation: false });
  await page.goto(`${server.origin}/page.html`);
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('*')]
        .filter((e) => e.localName.startsWith('gz-'))
        .every((e) => customElements.get(e.localName) && /** @type {any} */ (e).hasUpdated),
    null,
    { timeout: 30_000 },
  );
  // The idle checks (Intl on idle, the zone check) run within a second of the first render.
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(undefined), { timeout: 2_000 })));
  const entry = (await page.coverage.stopJSCoverage()).find((c) => c.url.endsWith('/cdn/gazette.js'));
  if (!entry) throw new Error('gazette.js was not loaded');
  ranges = entry.functions.flatMap((f) => f.ranges);
} finally {
  await browser.close();
  await server.close();
}

// V8's ranges nest: an inner range's count overrides its enclosing one, so apply outer first.
const run = new Uint8Array(code.length);
ranges.sort((a, b) => b.endOffset - b.startOffset - (a.endOffset - a.startOffset));
for (const r of ranges) run.fill(r.count > 0 ? 1 : 0, r.startOffset, r.endOffset);

/** @type {Map<string, { bytes: number, unrun: string }>} */
const bySource = new Map();
let at = 0;
for (const { source, text } of pieces) {
  const name = source.replace(/.*node_modules\//, '').replace(/^(\.\.\/)+/, '');
  const row = bySource.get(name) ?? { bytes: 0, unrun: '' };
  row.bytes += text.length;
  for (let i = 0; i < text.length; i++) if (!run[at + i]) row.unrun += text[i];
  bySource.set(name, row);
  at += text.length;
}
const rows = [...bySource].sort((a, b) => b[1].unrun.length - a[1].unrun.length);
const total = rows.reduce((n, [, r]) => n + r.unrun.length, 0);
console.log(
  `dist/cdn/gazette.js on ${positionals[0]} (lang=${lang}): ${total} of ${code.length} minified bytes not run`,
);
console.log('| source | minified | not run | not run, gzip alone |\n|---|---:|---:|---:|');
for (const [name, r] of rows)
  if (r.unrun.length >= 100)
    console.log(`| ${name} | ${r.bytes} | ${r.unrun.length} | ${gzipSync(r.unrun, { level: 9 }).length} |`);
for (const name of values.show ?? []) console.log(`\n${name}:\n${bySource.get(name)?.unrun.replace(/\s+/g, ' ')}`);
