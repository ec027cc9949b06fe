// @ts-check
/**
 * `npm run profile`: where first-render time and bytes go.
 *
 * 1. Builds the benchmark pages with source maps (`bench/dist-profile/`) and loads the article
 *    page (bench's, with its static DOM and React 19 twins) 1,000 teasers (with the DOM loop) and 100 headers (with their static DOM)
 *    in Debian's Chromium through playwright-core, recording each load with CDP's Profiler (a
 *    sampled CPU profile, 100 µs) and Tracing (devtools.timeline) at once, `--runs` times
 *    interleaved. It prints main-thread time from navigation start to the page's
 *    `gz-bench-done` mark by category and the time of each Gazette function (medians of the runs):
 *    - the trace gives HTML parse, parse/compile, style recalc, layout, paint and GC (self time of
 *      the timeline events) and the total time running script;
 *    - script time is split by the CPU profile's samples, each mapped through the source maps to
 *      its original file and function: Intl (any sample under an Intl constructor or format call),
 *      custom-element upgrade (under a constructor or `connectedCallback`), Lit template work
 *      (innermost mapped frame in lit-html / @lit/reactive-element / lit-element), module evaluation
 *      (innermost mapped frame a module's top level), Gazette code (the rest of src/) and other
 *      script (the page harness, React, the browser's own).
 * 2. Attributes every chunk of the CDN build (`dist/cdn/*.js`, built first) by source file through
 *    its source map: minified bytes and the gzip bytes the chunk loses without that file.
 *
 *   npm run profile -- [--runs 5] [--no-build] [--only article|teasers|headers] [--json bench/dist-profile/profile.json]
 *
 * The CPU profiler slows script down a little; compare shares and ratios within one run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from './lib/browser.mjs';
import { serveStatic } from './lib/static-server.mjs';
import { groupOf, piecesBySource } from './size-budget.mjs';
import { decodeSegment } from './lib/vlq.mjs';

const root = resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'no-build': { type: 'boolean', default: false },
    json: { type: 'string', default: 'bench/dist-profile/profile.json' },
    only: { type: 'string' },
  },
});
const RUNS = Number(options.runs);
const out = resolve(root, 'bench/dist-profile');

/** The profiled pages; the first of each group is its baseline. */
const PAGES = [
  { group: 'article', label: 'static DOM', page: 'article-static.html' },
  { group: 'article', label: 'Gazette', page: 'article-gazette.html' },
  { group: 'article', label: 'Gazette, typesetting from the script', page: 'article-gazette-tokens.html' },
  { group: 'article', label: 'Gazette, server-rendered', page: 'article-ssr.html' },
  { group: 'article', label: 'React 19', page: 'article-react.html' },
  { group: 'teasers', label: 'DOM loop', page: 'teasers-dom.html?op=render' },
  { group: 'teasers', label: 'Gazette', page: 'teasers-gazette.html?op=render' },
  { group: 'headers', label: 'static DOM', page: 'headers-static.html' },
  { group: 'headers', label: 'Gazette', page: 'headers-gazette.html' },
].filter(
  (p) => existsSync(resolve(root, 'bench/pages', p.page.split('?')[0])) && (!options.only || p.group === options.only),
);

// ── builds ───────────────────────────────────────────────────────────────────────────────────
if (!options['no-build']) {
  console.log('▶ building the CDN bundle (dist/cdn) and the bench pages with source maps (bench/dist-profile)');
  for (const args of [
    ['vite', 'build', '--mode', 'cdn', '--logLevel', 'warn'],
    ['vite', 'build', '--config', 'bench/vite.config.ts', '--logLevel', 'warn', '--sourcemap', '--outDir', out],
  ]) {
    const r = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

// ── source maps ──────────────────────────────────────────────────────────────────────────────
/**
 * Decodes a source map into, per generated line, sorted [column, source, line, column] tuples.
 * @param {{ sources: string[], sourcesContent?: string[], mappings: string }} map
 */
function decode(map) {
  /** @type {number[][][]} */
  const lines = [];
  let source = 0;
  let origLine = 0;
  let origCol = 0;
  for (const lineText of map.mappings.split(';')) {
    /** @type {number[][]} */
    const segs = [];
    let col = 0;
    for (const segment of lineText.split(',')) {
      if (!segment) continue;
      const fields = decodeSegment(segment);
      col += fields[0];
      if (fields.length >= 4) {
        source += fields[1];
        origLine += fields[2];
        origCol += fields[3];
        segs.push([col, source, origLine, origCol]);
      }
    }
    lines.push(segs);
  }
  return lines;
}

/** @type {Map<string, { lines: number[][][], sources: string[], content: string[][] } | null>} */
const maps = new Map();
/** The original file and function name of a generated position in a bench asset. */
function original(/** @type {string} */ url, /** @type {number} */ line, /** @type {number} */ column) {
  const path = url.replace(/^https?:\/\/[^/]+\//, '').split('?')[0];
  if (!path.endsWith('.js')) return undefined;
  if (!maps.has(path)) {
    const file = resolve(out, `${path}.map`);
    if (!existsSync(file)) maps.set(path, null);
    else {
      const map = JSON.parse(readFileSync(file, 'utf8'));
      maps.set(path, {
        lines: decode(map),
        sources: map.sources.map((/** @type {string} */ s) => s.replace(/^(\.\.\/)+/, '')),
        content: (map.sourcesContent ?? []).map((/** @type {string} */ c) => (c ?? '').split('\n')),
      });
    }
  }
  const m = maps.get(path);
  if (!m) return undefined;
  const segs = m.lines[line] ?? [];
  let hit;
  for (const s of segs) {
    if (s[0] <= column) hit = s;
    else break;
  }
  if (!hit) return undefined;
  const source = m.sources[hit[1]];
  const text = (m.content[hit[1]]?.[hit[2]] ?? '').slice(hit[3]);
  const name =
    text.match(
      /^(?:export\s+)?(?:(?:async|static|override|protected|private|public|readonly)\s+)*(?:function\s*\*?\s*)?(?:get\s+|set\s+)?(#?[\w$]+)\s*[(=<]/,
    )?.[1] ?? text.match(/^(?:class\s+)([\w$]+)/)?.[1];
  return { source, name: name ?? `${hit[2] + 1}: ${text.trim().slice(0, 32)}`, isClass: /^class\b/.test(text) };
}

// ── categories ───────────────────────────────────────────────────────────────────────────────
const INTL =
  /^(DateTimeFormat|NumberFormat|Segmenter|PluralRules|ListFormat|RelativeTimeFormat|Collator|DisplayNames|getCanonicalLocales|supportedLocalesOf|toLocaleString|toLocaleDateString|toLocaleTimeString|localeCompare)$/;
const INTL_METHOD = /^(format|formatToParts|segment|select|resolvedOptions|formatRange|containing|next)$/;
/**
 * Gazette functions whose own time (not their callees') is Intl: V8 runs Intl constructors and
 * formatting as native code that the CPU profile charges to the calling JavaScript function.
 */
const INTL_WRAPPERS =
  /^(internal\/datetime\.ts (formatter|formatAbsolute|formatFull|formatRelative|dayIn|isValidTimeZone)|controllers\/localize\.ts (canonicalLocale|cached|number|unit|list|plural|date|relativeTime)|components\/reading-time\/count\.ts countText|components\/teaser\/truncate\.ts (segmenter|graphemeLength|truncate)|components\/author-card\/initials\.ts .*|components\/article-header\/json-ld\.ts .*)$/;
const LIT = /node_modules\/(lit-html|lit-element|@lit\/reactive-element|lit)\//;
const TRACE_CATEGORIES = /** @type {const} */ ([
  ['HTML parse', /^ParseHTML$/],
  [
    'parse/compile',
    /^(v8\.compile|v8\.compileModule|V8\.CompileCode|V8\.CompileLazy|v8\.parseOnBackground|V8\.ParseFunction|v8\.produceCache|v8\.produceModuleCache|v8\.deserializeOnBackground)$/,
  ],
  ['style recalc', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation)$/],
  ['layout', /^(Layout|UpdateLayout|LayoutShift|IntersectionObserverController::computeIntersections)$/],
  ['paint', /^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers|PaintImage|Commit|RasterTask)$/],
  ['GC', /(GC|Sweep|Mark|Scavenge|BlinkGC|CppGC)/],
  [
    'script',
    /^(EvaluateScript|v8\.evaluateModule|FunctionCall|v8\.callFunction|v8\.run|V8\.Execute|RunMicrotasks|TimerFire|EventDispatch|FireAnimationFrame|v8\.callModuleMethod|RunTask|V8\.RunMicrotasks|HandlePostMessage|XHRReadyStateChange|FireIdleCallback)$/,
  ],
]);
const SCRIPT_CATEGORIES = [
  'Intl (construction, ICU start-up, formatting)',
  'custom-element upgrade (constructor, connectedCallback)',
  'Lit template work',
  'module evaluation (top level, class definitions)',
  'Gazette code (render, willUpdate, helpers)',
  'other script (page, React, browser)',
];

/**
 * Splits a CPU profile's samples up to `endUs` into script categories and Gazette functions.
 * @param {any} profile
 * @param {number} endUs
 */
function splitProfile(profile, endUs) {
  /** @type {Map<number, any>} */
  const nodes = new Map(profile.nodes.map((/** @type {any} */ n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** @type {Map<number, any>} */
  const frameInfo = new Map();
  const info = (/** @type {any} */ node) => {
    let f = frameInfo.get(node.id);
    if (f) return f;
    const cf = node.callFrame;
    const mapped = cf.url ? original(cf.url, cf.lineNumber, cf.columnNumber) : undefined;
    f = {
      name: cf.functionName,
      builtin: !cf.url,
      topLevel: !!cf.url && cf.functionName === '' && cf.lineNumber === 0 && cf.columnNumber === 0,
      source: mapped?.source,
      isClass: mapped?.isClass,
      fn: mapped ? `${mapped.source.replace(/^.*?\bsrc\//, '')} ${mapped.name}` : undefined,
    };
    frameInfo.set(node.id, f);
    return f;
  };
  /** @type {Record<string, number>} */
  const categories = Object.fromEntries(SCRIPT_CATEGORIES.map((c) => [c, 0]));
  /** @type {Map<string, { self: number, total: number }>} */
  const functions = new Map();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t > endUs) break;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    let node = nodes.get(profile.samples[i]);
    const leafName = node.callFrame.functionName;
    if (/^\((garbage collector|program|idle|root)\)$/.test(leafName)) continue;
    /** @type {any[]} */
    const stack = [];
    for (let id = node.id; id !== undefined; id = parent.get(id)) stack.push(info(nodes.get(id)));
    // stack[0] is the leaf
    const intl =
      stack.some((f) => f.builtin && (INTL.test(f.name) || (INTL_METHOD.test(f.name) && f === stack[0]))) ||
      INTL_WRAPPERS.test(stack.find((f) => f.source)?.fn ?? '');
    const innermost = stack.find((f) => f.source || f.topLevel);
    // customElements.define upgrades the elements already parsed: define() in a stack is an upgrade.
    const upgrade = stack.some(
      (f) => f.source && (/ (connectedCallback|constructor|define)$/.test(f.fn ?? '') || f.isClass),
    );
    const gazette = (/** @type {any} */ f) =>
      f.source && /(^|\/)src\//.test(f.source) && !/node_modules/.test(f.source);
    let category;
    if (intl) category = SCRIPT_CATEGORIES[0];
    else if (upgrade) category = SCRIPT_CATEGORIES[1];
    else if (innermost?.source && LIT.test(innermost.source)) category = SCRIPT_CATEGORIES[2];
    else if (innermost?.topLevel) category = SCRIPT_CATEGORIES[3];
    else if (innermost && gazette(innermost)) category = SCRIPT_CATEGORIES[4];
    else category = SCRIPT_CATEGORIES[5];
    categories[category] += dt;
    const seen = new Set();
    const selfFn = stack.find((f) => gazette(f));
    for (const f of stack) {
      if (!gazette(f) || seen.has(f.fn)) continue;
      seen.add(f.fn);
      const row = functions.get(f.fn) ?? { self: 0, total: 0 };
      row.total += dt;
      if (f === selfFn && stack.indexOf(f) <= stack.findIndex((g) => g.source)) row.self += dt;
      functions.set(f.fn, row);
    }
  }
  return { categories, functions };
}

/**
 * Main-thread self time of the trace's timeline events by category, between navigation start
 * and the page's `gz-bench-done` mark.
 * @param {any[]} events
 */
function splitTrace(events) {
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mark = events.find((e) => e.name === 'gz-bench-done');
  const main = names.find((n) => mark && n.pid === mark.pid) ?? names[0];
  const nav =
    events.find((e) => e.name === 'navigationStart' && e.pid === main.pid) ??
    events.find((e) => e.name === 'navigationStart');
  const start = nav?.ts ?? 0;
  const end = mark?.ts ?? Infinity;
  const xs = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= start && e.ts <= end && e.dur)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  /** @type {Record<string, number>} */
  const categories = Object.fromEntries([...TRACE_CATEGORIES.map(([c]) => c), 'other'].map((c) => [c, 0]));
  /** @type {{ end: number, category: string | undefined, self: number }[]} */
  const stack = [];
  const close = (/** @type {number} */ ts) => {
    while (stack.length && stack[stack.length - 1].end <= ts) {
      const top = /** @type {any} */ (stack.pop());
      categories[top.category ?? 'other'] += top.self / 1000;
    }
  };
  for (const e of xs) {
    close(e.ts);
    const category = TRACE_CATEGORIES.find(([, re]) => re.test(e.name))?.[0];
    const parentFrame = stack[stack.length - 1];
    if (parentFrame) parentFrame.self -= Math.min(e.dur, parentFrame.end - e.ts);
    // An event with no category of its own counts as its parent's (a task inside script is script).
    stack.push({ end: e.ts + e.dur, category: category ?? parentFrame?.category, self: e.dur });
  }
  close(Infinity);
  const wall = (end === Infinity ? 0 : end - start) / 1000;
  return { categories, end, wall };
}

// ── the runs ─────────────────────────────────────────────────────────────────────────────────
const median = (/** @type {number[]} */ xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length ? (s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) : NaN;
};
const fmt = (/** @type {number} */ x) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1));

/** @type {Map<string, { trace: Record<string, number>[], script: Record<string, number>[], functions: Map<string, { self: number, total: number }>[], wall: number[] }>} */
const results = new Map(PAGES.map((p) => [p.page, { trace: [], script: [], functions: [], wall: [] }]));
const server = await serveStatic(out);
const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
try {
  for (let run = 0; run < RUNS; run++) {
    for (const { page: name } of PAGES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      /** @type {any[]} */
      const events = [];
      cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
      const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Tracing.start', {
        categories:
          'devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.execute,blink.user_timing,loading,__metadata',
      });
      await cdp.send('Profiler.start');
      await page.goto(`${server.origin}/pages/${name}`);
      await page.waitForFunction(() => 'tachometerResult' in window, null, { timeout: 60_000 });
      const { profile } = /** @type {any} */ (await cdp.send('Profiler.stop'));
      await cdp.send('Tracing.end');
      await complete;
      const trace = splitTrace(events);
      const script = splitProfile(profile, trace.end);
      const row = /** @type {any} */ (results.get(name));
      row.trace.push(trace.categories);
      row.script.push(script.categories);
      row.functions.push(script.functions);
      row.wall.push(trace.wall);
      await context.close();
    }
    process.stdout.write(`  run ${run + 1}/${RUNS}\r`);
  }
} finally {
  await browser.close();
  await server.close();
}

// ── time tables ──────────────────────────────────────────────────────────────────────────────
const lines = [];
for (const group of [...new Set(PAGES.map((p) => p.group))]) {
  const pages = PAGES.filter((p) => p.group === group);
  const title =
    group === 'article'
      ? 'the reference article page (bench/pages/article-*.html)'
      : group === 'headers'
        ? '100 article headers (bench/pages/headers-*.html)'
        : '1,000 teasers, first render (bench/pages/teasers-*.html?op=render)';
  lines.push(`### Main-thread time by category: ${title}`, '');
  lines.push(
    `Median of ${RUNS} loads each (ms), navigation start to the page's done mark; script split by the CPU profile's samples.`,
    '',
  );
  lines.push(`| category | ${pages.map((p) => p.label).join(' | ')} |`, `|---|${pages.map(() => '---:').join('|')}|`);
  /** @type {[string, (r: any, i: number) => number][]} */
  const rows = [];
  for (const [c] of TRACE_CATEGORIES) {
    if (c === 'script') continue;
    rows.push([c, (r, i) => r.trace[i][c]]);
  }
  rows.push(['script, total', (r, i) => r.trace[i].script]);
  // Each script category: its share of the profile's samples times the trace's script time.
  for (const c of SCRIPT_CATEGORIES) {
    rows.push([
      `  ${c}`,
      (r, i) => {
        const sum = Object.values(/** @type {Record<string, number>} */ (r.script[i])).reduce((a, b) => a + b, 0);
        return sum ? (r.trace[i].script * r.script[i][c]) / sum : 0;
      },
    ]);
  }
  rows.push(['other main-thread work', (r, i) => r.trace[i].other]);
  rows.push([
    '**all main-thread work**',
    (r, i) => Object.values(/** @type {Record<string, number>} */ (r.trace[i])).reduce((a, b) => a + b, 0),
  ]);
  rows.push(['wall time to done mark', (r, i) => r.wall[i]]);
  for (const [label, get] of rows) {
    const cells = pages.map((p) => {
      const r = results.get(p.page);
      return fmt(median(r.trace.map((/** @type {any} */ _, /** @type {number} */ i) => get(r, i))));
    });
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  lines.push('');
  for (const p of pages.filter((q) => q.label.startsWith('Gazette'))) {
    const r = /** @type {any} */ (results.get(p.page));
    /** @type {Map<string, { self: number[], total: number[] }>} */
    const all = new Map();
    r.functions.forEach((/** @type {Map<string, any>} */ fns) => {
      for (const [fn, v] of fns) {
        const row = all.get(fn) ?? { self: [], total: [] };
        row.self.push(v.self);
        row.total.push(v.total);
        all.set(fn, row);
      }
    });
    const mean = (/** @type {number[]} */ xs) => xs.reduce((a, b) => a + b, 0) / RUNS;
    const top = [...all].sort((a, b) => mean(b[1].total) - mean(a[1].total)).slice(0, 20);
    lines.push(`#### Gazette functions, ${p.label} (${p.page}): mean sampled ms per load, top 20 by total`, '');
    lines.push('| function (src/…) | self | total |', '|---|---:|---:|');
    for (const [fn, v] of top) lines.push(`| \`${fn}\` | ${fmt(mean(v.self))} | ${fmt(mean(v.total))} |`);
    lines.push('');
  }
}

// ── size attribution ─────────────────────────────────────────────────────────────────────────
const cdnDir = resolve(root, 'dist/cdn');
if (existsSync(cdnDir)) {
  lines.push('### CDN chunks by source file (dist/cdn/*.js, by source map)', '');
  lines.push(
    'gzip -9 of each chunk; per file its minified bytes and the gzip bytes the chunk loses without them (shares overlap, so they do not add up to the total).',
    '',
  );
  for (const file of readdirSync(cdnDir).filter((f) => f.endsWith('.js') && !f.includes('.iife.'))) {
    const code = readFileSync(resolve(cdnDir, file), 'utf8');
    const mapFile = resolve(cdnDir, `${file}.map`);
    if (!existsSync(mapFile)) continue;
    const pieces = piecesBySource(code, JSON.parse(readFileSync(mapFile, 'utf8')));
    const gzip = gzipSync(code, { level: 9 }).length;
    /** @type {Map<string, number>} */
    const bySource = new Map();
    for (const p of pieces) {
      const s = p.source.replace(/^(\.\.\/)+/, '');
      bySource.set(s, (bySource.get(s) ?? 0) + p.text.length);
    }
    lines.push(`#### ${file}: ${(code.length / 1000).toFixed(1)} kB minified, ${(gzip / 1000).toFixed(2)} kB gzip`, '');
    lines.push('| source file | group | minified B | gzip B without it |', '|---|---|---:|---:|');
    const rows = [...bySource].sort((a, b) => b[1] - a[1]);
    for (const [source, bytes] of rows) {
      const saved =
        rows.length > 1
          ? gzip -
            gzipSync(
              pieces
                .filter((p) => p.source.replace(/^(\.\.\/)+/, '') !== source)
                .map((p) => p.text)
                .join(''),
              { level: 9 },
            ).length
          : gzip;
      lines.push(`| \`${source}\` | ${groupOf(source)} | ${bytes} | ${saved} |`);
    }
    lines.push('');
  }
}

const text = lines.join('\n');
console.log(`\n${text}`);
if (options.json) {
  writeFileSync(
    resolve(root, options.json),
    JSON.stringify(
      Object.fromEntries(
        [...results].map(([k, v]) => [k, { ...v, functions: v.functions.map((m) => Object.fromEntries(m)) }]),
      ),
      null,
      1,
    ),
  );
}
writeFileSync(resolve(out, 'profile.md'), `${text}\n`);
console.log(`\nwritten to bench/dist-profile/profile.md`);
