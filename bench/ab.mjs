// @ts-check
/**
 * The interleaved A/B runner for one change's effect on the bench pages (not a replacement for
 * `npm run bench`): every build is served side by side, and each round loads every (build, page)
 * pair once in a fresh browser context, in shuffled order. Other work on the machine slows every
 * page of a round alike: read the ratios, not the times.
 *
 *   node bench/ab.mjs [--rounds 15] [--pages article-static,article-gazette] [--cpu] <build>...
 *
 * A build is `name=<dir>` (a bench build made with `npx vite build --config bench/vite.config.ts
 * --outDir <dir>`), `name=@work` (the working tree, built now) or `name=@<git ref>` (that commit,
 * built now from `git archive`). Builds made here contain only the pages asked for, in
 * `--out` (/tmp/gz-ab). With no build given: `work=@work`.
 *
 * Pages are bench/pages names with an optional query (`teasers-gazette?op=update`); the first of
 * each group (`article-`, `headers-`, `teasers-` with the same query) is the baseline of the ratios
 * of that group's pages (`article-static`, `headers-static`, `teasers-dom?op=render`).
 * Each sample records the page's own result (`tachometerResult`), and where the page reports
 * them, `hydrated` (article-ssr: every element hydrated) and `painted` (teasers: to the end of the
 * next frame). With `--cpu` each load is traced and the main thread's CPU time (the trace's thread
 * time, robust when other work shares the cores) from the sample's start (its `gz-bench-done` mark
 * less its result: navigation start for the article pages, the loop's start for headers and
 * teasers) to `gz-bench-painted` if the page sets it, else to `gz-bench-done`, is reported, split
 * into style, layout, paint and the rest (script and DOM calls).
 *
 * Prints, per page and build, the median and its ratio to the baseline page (95% bootstrap
 * interval, bench/stats.mjs), then each build against the first, page by page, and for the teaser
 * pages the update's share of the first render. `--samples <file>` also writes every sample as JSON
 * (`{ "<build> <page> <measure>": [ms, ...] }`, CPU measures as `cpu all`, `cpu style`, ...), for
 * ratios between any two pages of a run (`bootstrapRatio` in bench/stats.mjs).
 *
 *   node bench/ab.mjs --rounds 15 --cpu --pages article-static,article-gazette,article-react before=@HEAD after=@work
 *   node bench/ab.mjs --rounds 10 --cpu --pages headers-static,headers-gazette before=/tmp/before after=@work
 *   node bench/ab.mjs --rounds 8 --cpu --pages teasers-dom?op=render,teasers-gazette?op=render,teasers-react?op=render,teasers-dom?op=update,teasers-gazette?op=update base=@main work=@work
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../scripts/lib/browser.mjs';
import { serveStatic } from '../scripts/lib/static-server.mjs';
import { bootstrapRatio, median } from './stats.mjs';

const root = resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '15' },
    pages: { type: 'string', default: 'article-static,article-gazette' },
    cpu: { type: 'boolean', default: false },
    out: { type: 'string', default: '/tmp/gz-ab' },
    samples: { type: 'string' },
  },
});
const pages = /** @type {string} */ (values.pages).split(',');
const files = [...new Set(pages.map((p) => p.split('?')[0]))];
const out = resolve(/** @type {string} */ (values.out));

/** Builds the asked pages of the tree at `tree` into `dir` with the bench's own Vite config. */
function build(/** @type {string} */ tree, /** @type {string} */ dir) {
  const script = `
    import { build, loadConfigFromFile, mergeConfig } from 'vite';
    const { config } = await loadConfigFromFile({ command: 'build', mode: 'production' }, 'bench/vite.config.ts');
    const input = Object.fromEntries(${JSON.stringify(files)}.map((f) => [f, './bench/pages/' + f + '.html']));
    await build(mergeConfig(config, { logLevel: 'warn', configFile: false, build: { outDir: ${JSON.stringify(dir)}, rollupOptions: { input } } }, false));
  `;
  const r = spawnSync('node', ['--input-type=module', '-e', script], { cwd: tree, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const builds = (positionals.length ? positionals : ['work=@work']).map((spec) => {
  const [name, where] = spec.includes('=') ? spec.split('=') : [spec, spec];
  if (!where.startsWith('@')) return { name, dir: resolve(where) };
  const ref = where.slice(1);
  const dir = resolve(out, name);
  let tree = root;
  if (ref !== 'work') {
    tree = resolve(out, `tree-${name}`);
    rmSync(tree, { recursive: true, force: true });
    mkdirSync(tree, { recursive: true });
    const archive = spawnSync('sh', ['-c', `git archive ${ref} | tar -x -C ${tree}`], { cwd: root, stdio: 'inherit' });
    if (archive.status !== 0) process.exit(1);
    symlinkSync(resolve(root, 'node_modules'), resolve(tree, 'node_modules'));
  }
  console.error(`▶ building ${name} (${ref === 'work' ? 'the working tree' : ref}) into ${dir}`);
  build(tree, dir);
  return { name, dir };
});
for (const b of builds)
  for (const f of files) if (!existsSync(resolve(b.dir, `pages/${f}.html`))) throw new Error(`no ${f} in ${b.dir}`);

/**
 * Main-thread CPU time (ms, the trace's thread time) from the sample's start (its done mark less
 * its result) to the `gz-bench-painted` mark, or the done mark: in all, and in style, layout and
 * paint events. A task that straddles an end counts in proportion to its overlap.
 * @param {any[]} events
 * @param {number} result
 */
function cpuTime(events, result) {
  const done = events.find((e) => e.name === 'gz-bench-done');
  if (!done) return {};
  const end = events.find((e) => e.name === 'gz-bench-painted') ?? done;
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === done.pid,
  );
  const from = done.ts - result * 1000;
  const to = end.ts;
  /** @type {Record<string, string>} */
  const kinds = { UpdateLayoutTree: 'style', Layout: 'layout', Paint: 'paint', PrePaint: 'paint', Layerize: 'paint' };
  const sums = { all: 0, style: 0, layout: 0, paint: 0 };
  // 'all' counts the outermost task events. A microtask checkpoint that follows a task (a promise
  // resolved by a module load: every header's first update) runs after its
  // `ThreadControllerImpl::RunTask`: counting only the latter missed it (negative "script" time).
  let taskEnd = -Infinity;
  const mainEvents = events
    .filter((e) => e.ph === 'X' && e.pid === done.pid && (!main || e.tid === main.tid) && e.dur)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  for (const e of mainEvents) {
    const task = e.name === 'ThreadControllerImpl::RunTask' || e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint';
    if (task && e.ts < taskEnd) continue;
    if (task) taskEnd = e.ts + e.dur;
    const kind = task ? 'all' : kinds[e.name];
    if (!kind) continue;
    const overlap = Math.min(e.ts + e.dur, to) - Math.max(e.ts, from);
    if (overlap <= 0) continue;
    sums[/** @type {keyof typeof sums} */ (kind)] += ((e.tdur ?? e.dur) * overlap) / e.dur / 1000;
  }
  return { ...sums, other: sums.all - sums.style - sums.layout - sums.paint };
}

const servers = await Promise.all(builds.map((b) => serveStatic(b.dir)));
const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
/** Samples per `${build} ${page} ${metric}`. @type {Record<string, number[]>} */
const samples = {};
const shuffle = (/** @type {any[]} */ xs) => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
};
const pairs = builds.flatMap((b, i) => pages.map((p) => ({ b: b.name, i, p })));
try {
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const { b, i, p } of shuffle([...pairs])) {
      const context = await browser.newContext();
      const page = await context.newPage();
      /** @type {string[]} */
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      if (values.cpu)
        await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'blink.user_timing'] });
      const [path, query] = p.split('?');
      await page.goto(`${servers[i].origin}/pages/${path}.html${query ? `?${query}` : ''}`);
      // The teaser pages report `painted` one frame after their result.
      await page.waitForFunction(
        () => 'tachometerResult' in window && (!location.pathname.includes('/teasers-') || 'gzBenchPainted' in window),
        null,
        { timeout: 120_000 },
      );
      const info = await page.evaluate(() => ({
        .../** @type {any} */ (window).gzBenchInfo,
        result: /** @type {any} */ (window).tachometerResult,
        painted: /** @type {any} */ (window).gzBenchPainted,
      }));
      const cpu = values.cpu
        ? cpuTime(JSON.parse((await browser.stopTracing()).toString()).traceEvents, info.result)
        : {};
      await context.close();
      if (errors.length) console.error(b, p, errors);
      if (!Number.isFinite(info.result)) throw new Error(`${b} ${p}: no result`);
      const add = (/** @type {string} */ metric, /** @type {number | undefined} */ x) => {
        if (typeof x === 'number') (samples[`${b} ${p} ${metric}`] ??= []).push(x);
      };
      add('result', info.result);
      add('hydrated', info.hydrated);
      add('painted', info.painted);
      for (const [k, x] of Object.entries(cpu)) add(`cpu ${k}`, x);
    }
    process.stderr.write(`round ${round + 1} `);
  }
} finally {
  console.error('');
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}

if (values.samples) writeFileSync(resolve(values.samples), JSON.stringify(samples));

const f = (/** @type {number} */ x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const fmt = (/** @type {number[]} */ [r, lo, hi]) => `${r.toFixed(2)} (${lo.toFixed(2)}–${hi.toFixed(2)})`;
const get = (/** @type {string} */ b, /** @type {string} */ p, /** @type {string} */ m) => samples[`${b} ${p} ${m}`];
/** The page's measures: its result, then `hydrated`/`painted` if reported, then CPU if traced. */
const metrics = (/** @type {string} */ p) =>
  ['result', 'hydrated', 'painted', 'cpu all'].filter((m) => builds.some((b) => get(b.name, p, m)));
// A page's baseline: the first page asked of its group (`article-`, `headers-`, `teasers-`) with
// the same query (`teasers-dom?op=update` for `teasers-gazette?op=update`).
const group = (/** @type {string} */ p) => `${p.split('-')[0]}?${p.split('?')[1] ?? ''}`;
const baseOf = (/** @type {string} */ p) => /** @type {string} */ (pages.find((q) => group(q) === group(p)));
console.log(
  `\n${Number(values.rounds)} rounds, interleaved; ratios to the baseline page of the same build (95% interval)\n`,
);
console.log('| page | build | measure | median (ms) | ratio to baseline | style | layout | paint | script and DOM |');
console.log('|---|---|---|---:|---:|---:|---:|---:|---:|');
for (const p of pages)
  for (const { name } of builds)
    for (const m of metrics(p)) {
      const xs = get(name, p, m);
      if (!xs) continue;
      const against = get(name, baseOf(p), m);
      const split =
        m === 'cpu all'
          ? ['style', 'layout', 'paint', 'other'].map((k) => f(median(get(name, p, `cpu ${k}`) ?? [])))
          : ['', '', '', ''];
      console.log(
        `| ${p} | ${name} | ${m === 'cpu all' ? 'CPU' : m} | ${f(median(xs))} | ${against && p !== baseOf(p) ? fmt(bootstrapRatio(xs, against)) : ''} | ${split.join(' | ')} |`,
      );
    }
if (builds.length > 1) {
  console.log(
    `\n| page | measure | ${builds
      .slice(1)
      .map((b) => `${b.name} / ${builds[0].name}`)
      .join(' | ')} |`,
  );
  console.log(
    `|---|---|${builds
      .slice(1)
      .map(() => '---:|')
      .join('')}`,
  );
  for (const p of pages)
    for (const m of metrics(p)) {
      const a = get(builds[0].name, p, m);
      const cells = builds.slice(1).map(({ name }) => {
        const xs = get(name, p, m);
        return xs && a ? fmt(bootstrapRatio(xs, a)) : '';
      });
      console.log(`| ${p} | ${m === 'cpu all' ? 'CPU' : m} | ${cells.join(' | ')} |`);
    }
}
// Updating one of 1,000 teasers, as a share of the same build's first render.
if (pages.includes('teasers-gazette?op=update') && pages.includes('teasers-gazette?op=render')) {
  console.log('');
  for (const { name } of builds)
    for (const m of metrics('teasers-gazette?op=update')) {
      const update = get(name, 'teasers-gazette?op=update', m);
      const render = get(name, 'teasers-gazette?op=render', m);
      if (update && render)
        console.log(`update / first render, ${name}, ${m}: ${((100 * median(update)) / median(render)).toFixed(1)}%`);
    }
}
