// @ts-check
/**
 * Quick interleaved A/B of bench pages between builds, for one change's effect (not a replacement
 * for `npm run bench`): every build folder is served side by side, and each round loads every
 * (build, page) pair once in a fresh browser context, in shuffled order. Prints per build the
 * median of each page and its ratio to the first page given (with a 95% bootstrap interval).
 *
 *   node bench/ab.mjs --rounds 15 --pages article-static,article-gazette,article-ssr before=/tmp/before after=bench/dist
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../scripts/lib/browser.mjs';
import { serveStatic } from '../scripts/lib/static-server.mjs';
import { bootstrapRatio, median } from './stats.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '15' }, pages: { type: 'string' } },
});
const pages = (values.pages ?? 'article-static,article-gazette').split(',');
const builds = positionals.map((p) => {
  const [name, dir] = p.includes('=') ? p.split('=') : [p, p];
  return { name, dir: resolve(dir) };
});
const servers = await Promise.all(builds.map((b) => serveStatic(b.dir)));
const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
/** @type {Record<string, number[]>} */
const samples = {};
const pairs = builds.flatMap((b, i) => pages.map((p) => ({ b: b.name, i, p })));
for (let round = 0; round < Number(values.rounds); round++) {
  const order = [...pairs].sort(() => Math.random() - 0.5);
  for (const { b, i, p } of order) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const [path, query] = p.split('?');
    await page.goto(`${servers[i].origin}/pages/${path}.html${query ? `?${query}` : ''}`);
    await page.waitForFunction(() => 'tachometerResult' in window, null, { timeout: 60_000 });
    const [result, info] = await page.evaluate(() => [
      /** @type {any} */ (window).tachometerResult,
      /** @type {any} */ (window).gzBenchInfo,
    ]);
    if (errors.length) console.error(b, p, errors);
    (samples[`${b} ${p}`] ??= []).push(result);
    // A page's second measure (article-ssr: `hydrated`), reported as a page of its own.
    if (info?.hydrated !== undefined) (samples[`${b} ${p}#hydrated`] ??= []).push(info.hydrated);
    await context.close();
  }
  process.stderr.write(`round ${round + 1} `);
}
console.error('');
await browser.close();
await Promise.all(servers.map((s) => s.close()));
const base = pages[0];
const shown = pages.flatMap((p) =>
  builds.some((b) => samples[`${b.name} ${p}#hydrated`]) ? [p, `${p}#hydrated`] : [p],
);
const fmt = (/** @type {number[]} */ [r, lo, hi]) => `${r.toFixed(2)} (${lo.toFixed(2)}–${hi.toFixed(2)})`;
for (const { name } of builds) {
  for (const p of shown) {
    const xs = samples[`${name} ${p}`];
    if (!xs) continue;
    const r = bootstrapRatio(xs, samples[`${name} ${base}`]);
    console.log(
      `${name.padEnd(10)} ${p.padEnd(26)} median ${median(xs).toFixed(1).padStart(7)} ms  / ${base}: ${fmt(r)}`,
    );
  }
}
// Cross-build ratios of the same page: after / before.
if (builds.length > 1)
  for (const p of shown) {
    const a = samples[`${builds[0].name} ${p}`];
    for (const { name } of builds.slice(1))
      if (samples[`${name} ${p}`])
        console.log(`${p.padEnd(26)} ${name}/${builds[0].name}: ${fmt(bootstrapRatio(samples[`${name} ${p}`], a))}`);
  }
