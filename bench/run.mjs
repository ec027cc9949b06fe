// @ts-check
/**
 * `npm run bench`: builds the benchmark pages, runs them side by side in Debian's Chromium with
 * tachometer (each sample a fresh page load, the implementations interleaved), measures the idle
 * CPU of 100 off-screen headers with playwright-core, and writes `bench/results.md`: medians, the
 * ratio to the baseline with its 95% interval (bootstrap), the machine and the browser.
 *
 *   npm run bench -- [--samples 20] [--idle-seconds 20] [--idle-samples 3]
 *
 * tachometer's chromedriver is Debian's `/usr/bin/chromedriver`: the `chromedriver` devDependency is a
 * stand-in that downloads nothing (bench/chromedriver/). This script puts `/usr/bin` first on
 * tachometer's PATH, and `SE_OFFLINE=true` keeps Selenium from downloading anything.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../scripts/lib/browser.mjs';
import { serveStatic } from '../scripts/lib/static-server.mjs';
import { bootstrapRatio, median, medianInterval } from './stats.mjs';

const here = import.meta.dirname;
const root = resolve(here, '..');
const { values: options } = parseArgs({
  options: {
    samples: { type: 'string', default: '20' },
    'idle-seconds': { type: 'string', default: '20' },
    'idle-samples': { type: 'string', default: '3' },
  },
});
const env = { ...process.env, PATH: `/usr/bin:${process.env.PATH}`, SE_OFFLINE: 'true' };

/**
 * Groups of benchmarks; the first of each group is its baseline.
 * @type {{ title: string, unit: string, note?: string, entries: { label: string, page: string }[] }[]}
 */
const GROUPS = [
  {
    title: '1. First render of the reference article page (navigation start to rendered and laid out)',
    unit: 'ms',
    note:
      'Gazette renders the 8 related teasers with <gz-teaser-list>; the baselines with their own markup. ' +
      "The Gazette page links gazette/preload.css as the README advises (tokens and the body's typesetting); " +
      'the "typesetting from the script" page links only tokens.css, so the body\'s typesetting is fetched by the script. ' +
      'The server-rendered first render is timed as the static DOM is, by an inline script after the markup ' +
      '(declarative shadow roots attached, before any module runs); "hydrated" is navigation start to every ' +
      'element defined and hydrated and the page laid out again.',
    entries: [
      { label: 'static DOM', page: 'article-static.html' },
      { label: 'Gazette', page: 'article-gazette.html' },
      { label: 'Gazette, typesetting from the script (links tokens.css only)', page: 'article-gazette-tokens.html' },
      { label: 'Gazette, server-rendered (gazette/ssr): first render', page: 'article-ssr.html' },
      { label: 'Gazette, server-rendered: hydrated', page: 'article-ssr.html?measure=hydrated' },
      { label: 'React 19', page: 'article-react.html' },
    ],
  },
  {
    title: '2a. 1,000 teasers: render and lay out',
    unit: 'ms',
    entries: [
      { label: 'DOM loop', page: 'teasers-dom.html?op=render' },
      { label: 'Gazette', page: 'teasers-gazette.html?op=render' },
      { label: 'React 19', page: 'teasers-react.html?op=render' },
    ],
  },
  {
    title: '2b. 1,000 teasers: update one item and lay out',
    unit: 'ms',
    entries: [
      { label: 'DOM loop', page: 'teasers-dom.html?op=update' },
      { label: 'Gazette', page: 'teasers-gazette.html?op=update' },
      { label: 'React 19', page: 'teasers-react.html?op=update' },
    ],
  },
  {
    title: '3a. Reading time: recount a 10,000-word body after one edit',
    unit: 'ms',
    entries: [
      { label: 'reading-time (npm)', page: 'reading-time-package.html?op=recount' },
      { label: 'Gazette', page: 'reading-time-gazette.html?op=recount' },
    ],
  },
  {
    title: '3b. Reading time: count a 1 MB text',
    unit: 'ms',
    entries: [
      { label: 'reading-time (npm)', page: 'reading-time-package.html?op=count1mb' },
      { label: 'Gazette', page: 'reading-time-gazette.html?op=count1mb' },
    ],
  },
  {
    title: '4a. 100 article headers with relative times: first render',
    unit: 'ms',
    entries: [
      { label: 'static DOM', page: 'headers-static.html' },
      { label: 'Gazette', page: 'headers-gazette.html' },
    ],
  },
];

console.log('▶ building bench/dist');
const built = spawnSync('npx', ['vite', 'build', '--config', 'bench/vite.config.ts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
  env,
});
if (built.status !== 0) process.exit(built.status ?? 1);

// tachometer: one config for every page, fresh page per sample, interleaved.
const dist = resolve(here, 'dist');
const config = {
  $schema: 'https://raw.githubusercontent.com/google/tachometer/main/config.schema.json',
  root: '.',
  sampleSize: Number(options.samples),
  timeout: 0,
  benchmarks: GROUPS.flatMap((group, g) =>
    group.entries.map((entry) => ({
      name: `${g}|${entry.label}`,
      url: `pages/${entry.page}`,
      measurement: [{ mode: 'expression', expression: 'window.tachometerResult' }],
      browser: {
        name: 'chrome',
        headless: true,
        binary: executablePath,
        addArguments: chromiumArgs.filter((a) => a !== '--headless'),
      },
    })),
  ),
};
writeFileSync(resolve(dist, 'tachometer.json'), JSON.stringify(config, null, 2));
console.log(`▶ tachometer: ${config.benchmarks.length} benchmarks × ${config.sampleSize} samples`);
// Started with node, not npx: npx would put node_modules/.bin first on PATH again.
const tach = spawnSync(
  process.execPath,
  [
    resolve(root, 'node_modules/tachometer/bin/tach.js'),
    '--config',
    resolve(dist, 'tachometer.json'),
    '--json-file',
    resolve(dist, 'tachometer-results.json'),
  ],
  { cwd: dist, stdio: 'inherit', env },
);
if (tach.status !== 0) process.exit(tach.status ?? 1);
const tachResults = JSON.parse(readFileSync(resolve(dist, 'tachometer-results.json'), 'utf8'));
/** @type {Map<string, number[]>} */
const samples = new Map(
  tachResults.benchmarks.map((/** @type {{ name: string, samples: number[] }} */ b) => [b.name, b.samples]),
);

// playwright-core: the minutes each counter reports, and the idle CPU of 100 off-screen headers.
const server = await serveStatic(dist);
const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
/** @type {Record<string, unknown>} */
const minutes = {};
/** @type {{ label: string, cpu: number[], wakes: number[] }[]} */
const idle = [];
/** @type {string} */
let browserVersion;
try {
  browserVersion = browser.version();
  const page = await browser.newPage();
  for (const impl of ['package', 'gazette']) {
    for (const op of ['recount', 'count1mb']) {
      await page.goto(`${server.origin}/pages/reading-time-${impl}.html?op=${op}`);
      await page.waitForFunction(() => 'gzBenchInfo' in window);
      minutes[`${impl}|${op}`] = await page.evaluate(() => /** @type {any} */ (window).gzBenchInfo.minutes);
    }
  }
  await page.close();

  const idleSeconds = Number(options['idle-seconds']);
  for (const [label, name] of [
    ['static DOM (no timers)', 'headers-static'],
    ['setInterval per header (10 s)', 'headers-interval'],
    ['Gazette', 'headers-gazette'],
  ]) {
    const row = { label, cpu: /** @type {number[]} */ ([]), wakes: /** @type {number[]} */ ([]) };
    for (let s = 0; s < Number(options['idle-samples']); s++) {
      const p = await browser.newPage();
      // Counts timer callbacks that run, so a wake-up shows even when it costs little.
      await p.addInitScript(() => {
        const w = /** @type {any} */ (window);
        w.gzTimerRuns = 0;
        for (const name of /** @type {const} */ (['setTimeout', 'setInterval'])) {
          const original = window[name];
          /** @type {any} */ (window)[name] = (/** @type {any} */ fn, /** @type {any[]} */ ...rest) =>
            original(
              (/** @type {any[]} */ ...args) => {
                w.gzTimerRuns++;
                return typeof fn === 'function' ? fn(...args) : undefined;
              },
              ...rest,
            );
        }
      });
      await p.goto(`${server.origin}/pages/${name}.html?offscreen`);
      await p.waitForFunction(() => 'gzBenchInfo' in window);
      await p.waitForTimeout(2000);
      const cdp = await p.context().newCDPSession(p);
      await cdp.send('Performance.enable');
      const metric = async () => {
        const { metrics } = /** @type {{ metrics: { name: string, value: number }[] }} */ (
          await cdp.send('Performance.getMetrics')
        );
        return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
      };
      const runs0 = await p.evaluate(() => /** @type {any} */ (window).gzTimerRuns);
      const cpu0 = await metric();
      await p.waitForTimeout(idleSeconds * 1000);
      const cpu1 = await metric();
      const runs1 = await p.evaluate(() => /** @type {any} */ (window).gzTimerRuns);
      // ms of main-thread work per minute of idle
      row.cpu.push(((cpu1 - cpu0) * 1000 * 60) / idleSeconds);
      row.wakes.push(((runs1 - runs0) * 60) / idleSeconds);
      await p.close();
    }
    idle.push(row);
  }
} finally {
  await browser.close();
  await server.close();
}

// results.md
const fmt = (/** @type {number} */ x) =>
  Number.isFinite(x) ? (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2)) : '–';
const lines = [
  '# Benchmark results',
  '',
  `Run: ${new Date().toISOString()} with \`npm run bench -- --samples ${options.samples} --idle-seconds ${options['idle-seconds']} --idle-samples ${options['idle-samples']}\``,
  '',
  `- Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM; load average at the end ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}`,
  `- Browser: Chromium ${browserVersion} (${executablePath}), headless; tachometer ${JSON.parse(readFileSync(resolve(root, 'node_modules/tachometer/package.json'), 'utf8')).version} with Debian's chromedriver`,
  `- Node ${process.version}`,
  '',
  'Each sample is a fresh page load; implementations are interleaved. Median of the samples; its 95% interval',
  '(order statistics); the ratio of medians to the baseline (the first row of each table) with a 95% bootstrap',
  'interval. A ratio above 1 means slower than the baseline.',
  '',
];
const rows = [];
GROUPS.forEach((group, g) => {
  const base = samples.get(`${g}|${group.entries[0].label}`) ?? [];
  lines.push(`## ${group.title}`, '');
  if (group.note) lines.push(group.note, '');
  lines.push(
    `| implementation | median (${group.unit}) | 95% interval | ratio to ${group.entries[0].label} | 95% interval |`,
  );
  lines.push('|---|---:|---:|---:|---:|');
  for (const entry of group.entries) {
    const s = samples.get(`${g}|${entry.label}`) ?? [];
    const [low, high] = medianInterval(s);
    const [ratio, rLow, rHigh] = bootstrapRatio(s, base);
    lines.push(
      `| ${entry.label} | ${fmt(median(s))} | ${fmt(low)}–${fmt(high)} | ${fmt(ratio)} | ${fmt(rLow)}–${fmt(rHigh)} |`,
    );
    rows.push(`${group.title.split(':')[0]} ${entry.label}: ${fmt(median(s))} ms, ×${fmt(ratio)}`);
  }
  if (g === 3 || g === 4) {
    const op = g === 3 ? 'recount' : 'count1mb';
    lines.push(
      '',
      `Minutes reported: reading-time (npm) ${minutes[`package|${op}`]}, Gazette ${minutes[`gazette|${op}`]}.`,
    );
  }
  lines.push('');
});
lines.push(
  '## 4b. 100 article headers with relative times: main-thread CPU per minute while idle, none visible',
  '',
  `Each page idles ${options['idle-seconds']} s after load with the headers scrolled out of view (${options['idle-samples']} samples);`,
  'CPU is Chromium’s TaskDuration (all main-thread work); timer runs count setTimeout/setInterval callbacks.',
  '',
  '| page | median CPU (ms per minute) | range | timer runs per minute | ratio to static |',
  '|---|---:|---:|---:|---:|',
);
const idleBase = median(idle[0]?.cpu ?? []);
for (const row of idle) {
  lines.push(
    `| ${row.label} | ${fmt(median(row.cpu))} | ${fmt(Math.min(...row.cpu))}–${fmt(Math.max(...row.cpu))} | ${fmt(median(row.wakes))} | ${fmt(median(row.cpu) / idleBase)} |`,
  );
  rows.push(`idle ${row.label}: ${fmt(median(row.cpu))} ms CPU/min, ${fmt(median(row.wakes))} timer runs/min`);
}
lines.push('');
const caveat = readFileSync(resolve(here, 'caveat.md'), 'utf8').trim();
if (caveat) lines.push(caveat, '');
mkdirSync(here, { recursive: true });
// Formatted as `npm run lint` (prettier --check) expects it.
const prettier = await import('prettier');
const markdown = await prettier.format(lines.join('\n'), { parser: 'markdown', filepath: resolve(here, 'results.md') });
// The file's first part is this run; everything from the first "## Issue" heading on is history
// (before/after tables of past redesigns) that a new run must not erase.
const resultsPath = resolve(here, 'results.md');
const previous = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '';
const history = previous.search(/^## Issue /m);
writeFileSync(resultsPath, history === -1 ? markdown : `${markdown}\n${previous.slice(history)}`);
console.log(`\n${lines.join('\n')}\n\nwritten to bench/results.md`);
