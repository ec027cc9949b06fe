// @ts-check
/**
 * A quick interleaved A/B of the 1,000-teasers benchmark pages only (bench/pages/teasers-*.html),
 * for work on `<gz-teaser-list>`: `npm run bench` takes every page and many minutes; this builds
 * the teaser pages of the working tree (and, with `--base`, of a git commit beside it), then loads
 * the DOM loop, each Gazette build (and React with `--react`) in Debian's Chromium, a fresh page
 * per sample, in a shuffled order each round, and prints medians and ratios to the DOM loop with
 * 95% bootstrap intervals (bench/stats.mjs), and the ratio of the working tree to the base.
 * Other work on the machine slows every page of a round alike: read the ratios, not the times.
 *
 * Each sample is also timed to the end of the next frame (`painted`): the bench's number ends at
 * a forced layout, and work the browser leaves to the frame (items with `content-visibility: auto`
 * that turn out to be near the viewport, paint) counts only there. With `--cpu` each load is
 * traced and the main thread's CPU time (trace thread time, not wall time: robust when other
 * work shares the cores) from `start` to the end of that frame is reported, split into style,
 * layout, paint and the rest (script and DOM calls).
 *
 *   node scripts/bench-teasers.mjs [--base <git ref>] [--samples 15] [--ops render,update] [--react] [--cpu] [--no-build]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { bootstrapRatio, median, medianInterval } from '../bench/stats.mjs';
import { chromiumArgs, executablePath } from './lib/browser.mjs';
import { serveStatic } from './lib/static-server.mjs';

const root = resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: {
    base: { type: 'string' },
    samples: { type: 'string', default: '15' },
    ops: { type: 'string', default: 'render,update' },
    react: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    cpu: { type: 'boolean', default: false },
    out: { type: 'string', default: '/tmp/gz-bench-teasers' },
  },
});
const SAMPLES = Number(options.samples);
const OPS = /** @type {string} */ (options.ops).split(',');
const out = resolve(/** @type {string} */ (options.out));

/** Builds the teaser pages of the tree at `tree` into `dir` with the bench's own Vite config. */
function build(tree, dir) {
  const pages = readdirSync(resolve(tree, 'bench/pages')).filter((f) => /^teasers-.*\.html$/.test(f));
  // The bench config builds every page (the article page renders through the SSR module first):
  // the same config with the teaser pages as its only inputs.
  const script = `
    import { build, loadConfigFromFile, mergeConfig } from 'vite';
    const { config } = await loadConfigFromFile({ command: 'build', mode: 'production' }, 'bench/vite.config.ts');
    const input = Object.fromEntries(${JSON.stringify(pages)}.map((f) => [f.replace('.html', ''), './bench/pages/' + f]));
    await build(mergeConfig(config, { logLevel: 'warn', configFile: false, build: { outDir: ${JSON.stringify(dir)}, rollupOptions: { input } } }, false));
  `;
  const r = spawnSync('node', ['--input-type=module', '-e', script], { cwd: tree, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/**
 * Main-thread CPU time (ms, the trace's thread time) from the sample's `start` (its done mark less
 * its result) to the `gz-bench-painted` mark: in all, and in style, layout and paint events.
 * A task that straddles an end counts in proportion to its overlap.
 * @param {any[]} events
 * @param {number} result
 */
function cpuTime(events, result) {
  const done = events.find((e) => e.name === 'gz-bench-done');
  const painted = events.find((e) => e.name === 'gz-bench-painted');
  if (!done || !painted) return {};
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === done.pid,
  );
  const from = done.ts - result * 1000;
  const to = painted.ts;
  /** @type {Record<string, string>} */
  const kinds = { UpdateLayoutTree: 'style', Layout: 'layout', Paint: 'paint', PrePaint: 'paint', Layerize: 'paint' };
  const sums = { all: 0, style: 0, layout: 0, paint: 0 };
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== done.pid || (main && e.tid !== main.tid) || !e.dur) continue;
    const kind = e.name === 'ThreadControllerImpl::RunTask' ? 'all' : kinds[e.name];
    if (!kind) continue;
    const overlap = Math.min(e.ts + e.dur, to) - Math.max(e.ts, from);
    if (overlap <= 0) continue;
    sums[/** @type {keyof typeof sums} */ (kind)] += ((e.tdur ?? e.dur) * overlap) / e.dur / 1000;
  }
  return { ...sums, other: sums.all - sums.style - sums.layout - sums.paint };
}

/** @type {{ label: string, dir: string }[]} */
const builds = [{ label: 'work', dir: resolve(out, 'work') }];
if (options.base) {
  const ref = /** @type {string} */ (options.base);
  const tree = resolve(out, `tree-${ref.replace(/\W/g, '_')}`);
  builds.unshift({ label: `base ${ref}`, dir: resolve(out, `base-${ref.replace(/\W/g, '_')}`) });
  if (!options['no-build']) {
    rmSync(tree, { recursive: true, force: true });
    mkdirSync(tree, { recursive: true });
    const archive = spawnSync('sh', ['-c', `git archive ${ref} | tar -x -C ${tree}`], { cwd: root, stdio: 'inherit' });
    if (archive.status !== 0) process.exit(1);
    symlinkSync(resolve(root, 'node_modules'), resolve(tree, 'node_modules'));
    console.log(`▶ building ${ref}'s teaser pages`);
    build(tree, builds[0].dir);
  }
}
if (!options['no-build']) {
  console.log('▶ building the working tree’s teaser pages');
  build(root, builds.at(-1).dir);
}
for (const b of builds)
  if (!existsSync(resolve(b.dir, 'pages/teasers-gazette.html'))) throw new Error(`no build in ${b.dir}`);

const servers = await Promise.all(builds.map((b) => serveStatic(b.dir)));
/** @type {{ label: string, origin: string, page: string }[]} */
const variants = [{ label: 'DOM loop', origin: servers[0].origin, page: 'teasers-dom.html' }];
builds.forEach((b, i) =>
  variants.push({ label: `Gazette (${b.label})`, origin: servers[i].origin, page: 'teasers-gazette.html' }),
);
if (options.react) variants.push({ label: 'React 19', origin: servers[0].origin, page: 'teasers-react.html' });

const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
/** @type {Map<string, number[]>} */
const samples = new Map();
const key = (/** @type {string} */ op, /** @type {string} */ label) => `${op} ${label}`;
const shuffle = (/** @type {any[]} */ xs) => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
};
try {
  for (let round = 0; round < SAMPLES; round++) {
    for (const { op, v } of shuffle(OPS.flatMap((op) => variants.map((v) => ({ op, v }))))) {
      const context = await browser.newContext();
      const page = await context.newPage();
      if (options.cpu)
        await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'blink.user_timing'] });
      await page.goto(`${v.origin}/pages/${v.page}?op=${op}`);
      await page.waitForFunction(() => /** @type {any} */ (window).gzBenchPainted, undefined, { timeout: 120_000 });
      const info = /** @type {{ result: number, script?: number, painted: number }} */ (
        await page.evaluate(() => ({
          .../** @type {any} */ (window).gzBenchInfo,
          painted: /** @type {any} */ (window).gzBenchPainted,
        }))
      );
      const cpu = options.cpu
        ? cpuTime(JSON.parse((await browser.stopTracing()).toString()).traceEvents, info.result)
        : {};
      await context.close();
      if (!Number.isFinite(info.result)) throw new Error(`${v.label} ${op}: no result (did it render 1,000 items?)`);
      for (const [name, ms] of [
        ['', info.result],
        ['script ', info.script ?? Number.NaN],
        ['painted ', info.painted],
        ...Object.entries(cpu).map(([k, x]) => [`cpu ${k} `, x]),
      ]) {
        const list = samples.get(key(op, name + v.label)) ?? [];
        list.push(/** @type {number} */ (ms));
        samples.set(key(op, name + v.label), list);
      }
    }
    process.stdout.write(`\r  round ${round + 1}/${SAMPLES}`);
  }
} finally {
  process.stdout.write('\n');
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}

const f = (/** @type {number} */ x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
for (const op of OPS) {
  const dom = samples.get(key(op, 'DOM loop')) ?? [];
  console.log(`\n#### 1,000 teasers, op=${op} (${SAMPLES} samples each, interleaved)\n`);
  console.log(
    '| implementation | median (ms) | 95% interval | ratio to DOM loop | 95% interval | of which script (ms) | style and layout (ms) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const v of variants) {
    const xs = samples.get(key(op, v.label)) ?? [];
    const script = samples.get(key(op, `script ${v.label}`)) ?? [];
    const [lo, hi] = medianInterval(xs);
    const [r, rlo, rhi] = bootstrapRatio(xs, dom);
    console.log(
      `| ${v.label} | ${f(median(xs))} | ${f(lo)}–${f(hi)} | ${r.toFixed(2)} | ${rlo.toFixed(2)}–${rhi.toFixed(2)} | ${f(median(script))} | ${f(median(xs.map((x, i) => x - script[i])))} |`,
    );
  }
  console.log(
    '\n| implementation | to the end of the next frame (ms) | ratio to DOM loop | 95% interval |' +
      (options.cpu ? ' CPU (ms) | ratio to DOM loop | 95% interval | style | layout | paint | script and DOM |' : ''),
  );
  console.log('|---|---:|---:|---:|' + (options.cpu ? '---:|---:|---:|---:|---:|---:|---:|' : ''));
  for (const v of variants) {
    const painted = samples.get(key(op, `painted ${v.label}`)) ?? [];
    const [r, lo, hi] = bootstrapRatio(painted, samples.get(key(op, 'painted DOM loop')) ?? []);
    let row = `| ${v.label} | ${f(median(painted))} | ${r.toFixed(2)} | ${lo.toFixed(2)}–${hi.toFixed(2)} |`;
    if (options.cpu) {
      const cpu = (/** @type {string} */ k) => samples.get(key(op, `cpu ${k} ${v.label}`)) ?? [];
      const [c, clo, chi] = bootstrapRatio(cpu('all'), samples.get(key(op, 'cpu all DOM loop')) ?? []);
      row += ` ${f(median(cpu('all')))} | ${c.toFixed(2)} | ${clo.toFixed(2)}–${chi.toFixed(2)} | ${['style', 'layout', 'paint', 'other'].map((k) => f(median(cpu(k)))).join(' | ')} |`;
    }
    console.log(row);
  }
  if (builds.length > 1) {
    console.log('');
    for (const [metric, name] of [
      ['', 'bench number'],
      ['painted ', 'to the next frame'],
      ['cpu all ', 'CPU'],
    ]) {
      if (metric.startsWith('cpu') && !options.cpu) continue;
      const [r, lo, hi] = bootstrapRatio(
        samples.get(key(op, `${metric}Gazette (${builds[1].label})`)) ?? [],
        samples.get(key(op, `${metric}Gazette (${builds[0].label})`)) ?? [],
      );
      console.log(
        `work / ${builds[0].label}, ${name}: ${r.toFixed(2)} (95% interval ${lo.toFixed(2)}–${hi.toFixed(2)})`,
      );
    }
  }
  if (op === 'update') {
    for (const b of builds) {
      const update = median(samples.get(key('update', `Gazette (${b.label})`)) ?? []);
      const render = median(samples.get(key('render', `Gazette (${b.label})`)) ?? []);
      if (Number.isFinite(render))
        console.log(`update / first render, ${b.label}: ${((100 * update) / render).toFixed(1)}%`);
    }
  }
}
