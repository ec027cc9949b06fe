// @ts-check
/**
 * Where the service's latency goes, measured inside the bench's service process
 * (`node --import ./bench/server-probe.mjs server/bin.mjs …`, which `npm run bench:server -- --probe`
 * does): event-loop delay, GC pauses (perf_hooks), the time each request spends inside the
 * service (node:http's diagnostics channels, headers parsed → answer finished), and SQLite's
 * BEGIN / COMMIT / checkpoint times with the size of each commit group (better-sqlite3's `exec`
 * and `pragma`, wrapped). SIGUSR2 clears the figures (the end of the warm-up); on exit they are
 * written as JSON to GZ_PROBE_OUT (the checkpoint worker's to GZ_PROBE_OUT.worker). Nothing here is loaded by the service itself.
 */
import { subscribe } from 'node:diagnostics_channel';
import fs, { writeFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { createHistogram, monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');

/** @type {Record<string, import('node:perf_hooks').RecordableHistogram>} */
let h = {};
/** @type {Record<string, number>} */
let sums = {};
let loop = monitorEventLoopDelay({ resolution: 1 });
let since = performance.now();
function reset() {
  h = {};
  sums = {};
  loop.disable();
  loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  since = performance.now();
}
reset();
if (isMainThread) process.on('SIGUSR2', reset);

/** Records `ms` under `name` (histograms hold integers: microseconds). */
function record(/** @type {string} */ name, /** @type {number} */ ms) {
  (h[name] ??= createHistogram()).record(Math.max(1, Math.round(ms * 1000)));
  sums[name] = (sums[name] ?? 0) + ms;
}

new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = /** @type {any} */ (e).detail?.kind;
    record(`gc ${{ 1: 'scavenge', 2: 'mark-compact', 4: 'incremental', 8: 'weak' }[kind] ?? kind}`, e.duration);
  }
}).observe({ entryTypes: ['gc'] });

/** @type {WeakMap<object, number>} */
const started = new WeakMap();
subscribe('http.server.request.start', (m) => started.set(/** @type {any} */ (m).response, performance.now()));
subscribe('http.server.response.finish', (m) => {
  const t = started.get(/** @type {any} */ (m).response);
  if (t !== undefined) record('request in service', performance.now() - t);
});

let group = 0;
let groupStart = 0;
const exec = Database.prototype.exec;
const pragma = Database.prototype.pragma;
/** An experiment: GZ_PROBE_AUTOCHECKPOINT=0 turns SQLite's own checkpoint in COMMIT off. */
const autocheckpoint = process.env['GZ_PROBE_AUTOCHECKPOINT'];
const seen = new WeakSet();
Database.prototype.exec = function (/** @type {string} */ sql) {
  if (autocheckpoint !== undefined && !seen.has(this)) {
    seen.add(this);
    pragma.call(this, `wal_autocheckpoint = ${Number(autocheckpoint)}`);
  }
  const t = performance.now();
  try {
    return exec.call(this, sql);
  } finally {
    const end = performance.now();
    if (sql === 'BEGIN IMMEDIATE') {
      record('BEGIN', end - t);
      group = 0;
      groupStart = t;
    } else if (sql === 'COMMIT') {
      record('COMMIT', end - t);
      record('group (BEGIN to COMMIT end)', end - groupStart);
      record('group size (requests, not ms)', group / 1000);
    }
  }
};
// The savepoints are prepared statements: count a group's requests by them.
const Statement = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1'));
const run = Statement.run;
Statement.run = function (/** @type {unknown[]} */ ...params) {
  if (this.source === 'SAVEPOINT gz_request') group++;
  return run.apply(this, params);
};
Database.prototype.pragma = function (/** @type {string} */ sql, /** @type {any} */ options) {
  const t = performance.now();
  const result = pragma.call(this, sql, options);
  if (/checkpoint\(/.test(sql)) {
    record(`pragma ${sql}`, performance.now() - t);
    // the WAL's length in pages when the checkpoint ended (histogram in pages, not ms)
    record('WAL pages at a checkpoint', (result[0]?.log ?? 0) / 1000);
  }
  return result;
};

// gazette/server syncs the WAL with fs.fdatasync after each group commit (synchronous=full).
const fdatasync = fs.fdatasync;
fs.fdatasync = (/** @type {number} */ fd, /** @type {(e: Error | null) => void} */ callback) => {
  const t = performance.now();
  fdatasync(fd, (error) => {
    record('WAL fdatasync (thread pool)', performance.now() - t);
    callback(error);
  });
};
syncBuiltinESMExports();

process.on('exit', () => {
  // The checkpoint worker (server/checkpoint.mjs) loads this too: its figures go beside.
  const out = process.env['GZ_PROBE_OUT'] && `${process.env['GZ_PROBE_OUT']}${isMainThread ? '' : '.worker'}`;
  if (!out) return;
  /** @type {Record<string, unknown>} */
  const report = {
    seconds: (performance.now() - since) / 1000,
    'event-loop delay': summary(loop, 1e6),
  };
  for (const [name, hist] of Object.entries(h)) report[name] = { ...summary(hist, 1e3), sum: sums[name] };
  writeFileSync(out, JSON.stringify(report, null, 2));
});

/** count, p50, p99, max (ms) of a histogram recorded in 1/`unit` ms. */
function summary(
  /** @type {import('node:perf_hooks').IntervalHistogram | import('node:perf_hooks').RecordableHistogram} */ x,
  /** @type {number} */ unit,
) {
  const ms = (/** @type {number} */ v) => Math.round((v / unit) * 100) / 100;
  return {
    count: x.count,
    p50: ms(x.percentile(50)),
    p90: ms(x.percentile(90)),
    p99: ms(x.percentile(99)),
    max: ms(x.max),
    mean: ms(x.mean),
  };
}
