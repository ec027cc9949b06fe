// @ts-check
/**
 * Quick interleaved A/B of bench pages between builds, for one change's effect (not a replacement
 * for `npm run bench`): every build folder is served side by side, and each round loads every
 * (build, page) pair once in a fresh browser context, in shuffled order. Prints per build the
 * median of each page and its ratio to the first page given (with a 95% bootstrap interval).
 *
 *   node bench/ab.mjs --rounds 15 --pages article-static,article-gazette,article-ssr before=/tmp/before after=bench/dist
 *
 * With `--cpu` each load is traced and the ratios are of main-thread CPU (the trace's thread time,
 * robust when other processes share the cores) from navigation start to the page's first
 * `gz-bench-done` mark (its first render), and for a page with a second measure to its last mark;
 * the median style, layout and HTML-parse CPU of each page are printed beside.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../scripts/lib/browser.mjs';
import { serveStatic } from '../scripts/lib/static-server.mjs';
import { bootstrapRatio, median } from './stats.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '15' },
    pages: { type: 'string' },
    cpu: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help || positionals.length === 0) {
  console.log('node bench/ab.mjs [--rounds 15] [--pages article-static,article-ssr] [--cpu] name=buildDir ...');
  process.exit(0);
}

/**
 * Main-thread CPU (ms of thread time) from navigation start to the first and the last
 * `gz-bench-done` mark, with the first window's HTML parse, style and layout self-time.
 * @param {any[]} events
 */
function cpuTime(events) {
  const marks = events.filter((e) => e.name === 'gz-bench-done').sort((a, b) => a.ts - b.ts);
  if (!marks.length) return undefined;
  const pid = marks[0].pid;
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === pid,
  );
  const nav = events.filter((e) => e.name === 'navigationStart' && e.pid === pid && e.ts <= marks[0].ts).at(-1);
  const from = nav?.ts ?? 0;
  /** @type {Record<string, string>} */
  const kinds = { ParseHTML: 'parse', UpdateLayoutTree: 'style', Layout: 'layout' };
  const sums = { first: 0, last: 0, parse: 0, style: 0, layout: 0 };
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== pid || (main && e.tid !== main.tid) || !e.dur) continue;
    const kind = e.name === 'ThreadControllerImpl::RunTask' ? 'task' : kinds[e.name];
    if (!kind) continue;
    const share = (/** @type {number} */ to) => {
      const overlap = Math.min(e.ts + e.dur, to) - Math.max(e.ts, from);
      return overlap > 0 ? ((e.tdur ?? e.dur) * overlap) / e.dur / 1000 : 0;
    };
    if (kind === 'task') {
      sums.first += share(marks[0].ts);
      sums.last += share(marks.at(-1).ts);
    } else sums[/** @type {'parse' | 'style' | 'layout'} */ (kind)] += share(marks[0].ts);
  }
  return { ...sums, twoMarks: marks.length > 1 };
}
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
    if (values.cpu)
      await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'blink.user_timing'] });
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
    const cpu = values.cpu ? cpuTime(JSON.parse((await browser.stopTracing()).toString()).traceEvents) : undefined;
    if (values.cpu && !cpu) throw new Error(`${b} ${p}: no gz-bench-done mark in the trace`);
    (samples[`${b} ${p}`] ??= []).push(cpu ? cpu.first : result);
    // A page's second measure (article-ssr: `hydrated`), reported as a page of its own.
    if (info?.hydrated !== undefined)
      (samples[`${b} ${p}#hydrated`] ??= []).push(cpu?.twoMarks ? cpu.last : info.hydrated);
    if (cpu) for (const k of ['parse', 'style', 'layout']) (samples[`${b} ${p} ${k}`] ??= []).push(cpu[k]);
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
const parts = (/** @type {string} */ k) =>
  values.cpu && samples[`${k} parse`]
    ? `  parse ${median(samples[`${k} parse`]).toFixed(1)} style ${median(samples[`${k} style`]).toFixed(1)} layout ${median(samples[`${k} layout`]).toFixed(1)}`
    : '';
console.log(
  `${values.cpu ? 'main-thread CPU' : 'wall time'}; load average at the end ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
for (const { name } of builds) {
  for (const p of shown) {
    const xs = samples[`${name} ${p}`];
    if (!xs) continue;
    const r = bootstrapRatio(xs, samples[`${name} ${base}`]);
    console.log(
      `${name.padEnd(10)} ${p.padEnd(26)} median ${median(xs).toFixed(1).padStart(7)} ms  / ${base}: ${fmt(r)}${parts(`${name} ${p}`)}`,
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
