// @ts-check
/**
 * `npm run bench:server`: subscribes per second and p50/p99 latency of gazette/server at 50
 * concurrent connections (autocannon, loopback), on SQLite and PostgreSQL, with 1,000 and
 * 1,000,000 subscriptions already stored. Writes bench/server-results.md. Speeds on a shared
 * machine are noisy: compare the ratios within one run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openStore } from '../server/index.mjs';
import { spawnService } from '../test/server/harness.mjs';
import { startPostgres } from '../test/server/postgres.mjs';
import { median } from './stats.mjs';

const { values: opts } = parseArgs({
  options: {
    // seconds measured per run (after a 2 s warm-up)
    seconds: { type: 'string', default: process.env['BENCH_SECONDS'] ?? '10' },
    // runs per row: the table shows their medians
    runs: { type: 'string', default: '3' },
    only: { type: 'string' }, // sqlite or postgres
    sizes: { type: 'string', default: '1000,1000000' },
    // the service on CPU 0 and autocannon on CPU 1 (taskset), so the client does not take the
    // service's core; without it both float over the two cores, as in session 4's figures
    pin: { type: 'boolean', default: false },
    // bench/server-probe.mjs in the service: event-loop delay, GC, COMMIT and group times
    probe: { type: 'boolean', default: false },
    // more Node flags for the service, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
    'node-flags': { type: 'string', default: '' },
    // A/B: also run the service of another checkout's server/bin.mjs, interleaved run by run
    // (e.g. bench/.before/server/bin.mjs from `git archive <commit> server | tar -x -C bench/.before`)
    before: { type: 'string' },
    // SQLite's synchronous setting for the service (README "Durability")
    synchronous: { type: 'string', default: 'full' },
    // print the table only; without it, it is written to bench/server-results.md
    dry: { type: 'boolean', default: false },
  },
});
const duration = Number(opts.seconds);
const runs = Number(opts.runs);
const sizes = String(opts.sizes).split(',').map(Number);
const dialects = opts.only ? [opts.only] : ['sqlite', 'postgres'];
if (opts.pin) execFileSync('taskset', ['-pc', '1', String(process.pid)]);
const tmp = mkdtempSync(join(tmpdir(), 'gz-bench-'));
/** The machine's 1-minute load average at the start, for the results' reader. */
const loadBefore = loadavg()[0] ?? 0;
let n = 0;
const pg = dialects.includes('postgres') ? await startPostgres({ fsync: true }) : undefined;

/**
 * CPU time a process has used, in ms (Linux: /proc/<pid>/stat, user + system clock ticks of
 * 10 ms). Unlike latency, the service's CPU per request hardly depends on what else the machine runs.
 * @param {number | undefined} pid
 */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Stores `count` confirmed subscriptions the fast way (one statement or one transaction). */
async function seed(/** @type {string} */ url, /** @type {number} */ count) {
  const store = await openStore(url);
  await store.tx(async (q) => {
    if (store.dialect === 'postgres') {
      await q.run(
        `INSERT INTO gz_subscriptions (topic, address, locale, status, unsubscribe_key, created, confirmed)
         SELECT 'topic-' || (i % 50), 'seed' || i || '@example.de', 'de', 'subscribed', 'u' || i, 0, 0
         FROM generate_series(1, ?::int) AS i`,
        [count],
      );
    } else {
      for (let i = 1; i <= count; i++) {
        await q.run(
          "INSERT INTO gz_subscriptions (topic, address, locale, status, unsubscribe_key, created, confirmed) VALUES (?, ?, 'de', 'subscribed', ?, 0, 0)",
          [`topic-${i % 50}`, `seed${i}@example.de`, `u${i}`],
        );
      }
    }
  });
  await store.close();
}

/** @typedef {{ perSecond: number, p50: number, p99: number, cpu: number, non2xx: number, errors: number, load: number, probe?: any }} Run */
/** @type {{ dialect: string, size: number, runs: Run[] }[]} */
const rows = [];
try {
  for (const dialect of dialects) {
    for (const size of sizes) {
      const url = dialect === 'sqlite' ? `sqlite:${join(tmp, `bench-${size}.db`)}` : await pg?.database();
      if (!url) throw new Error('no PostgreSQL');
      const seeded = Date.now();
      await seed(url, size);
      console.log(`${dialect}: ${size} seeded in ${Date.now() - seeded} ms`);
      /** @type {Run[]} */
      const done = [];
      /** @type {Run[]} */
      const before = [];
      for (let r = 0; r < runs; r++) {
        if (opts.before) before.push(await measure(url, `${dialect}-${size}-${r}-before`, opts.before));
        done.push(await measure(url, `${dialect}-${size}-${r}`));
      }
      if (opts.before) rows.push({ dialect: `${dialect}, before`, size, runs: before });
      rows.push({ dialect, size, runs: done });
    }
  }
} finally {
  pg?.stop();
  rmSync(tmp, { recursive: true, force: true });
}

/**
 * One run: a fresh service process on the database (the bin, as deployed), a 2 s warm-up, then
 * `duration` seconds measured. Each run keeps writing to the same database, so later runs see
 * a few ten thousand more records than the row's size.
 * @param {string} url @param {string} name @param {string} [bin] @returns {Promise<Run>}
 */
async function measure(url, name, bin) {
  const probeOut = join(tmp, `probe-${name}.json`);
  // The session-4 bin knows no --synchronous (it ran NORMAL).
  const args = ['--db', url, '--single-opt-in', ...(bin ? [] : ['--synchronous', String(opts.synchronous)])];
  const s = await spawnService(args, {
    ...(bin ? { bin } : {}),
    node: [
      ...(opts.probe ? ['--import', new URL('./server-probe.mjs', import.meta.url).href] : []),
      ...String(opts['node-flags']).split(' ').filter(Boolean),
    ],
    ...(opts.pin ? { cpus: '0' } : {}),
    env: { ...process.env, GZ_PROBE_OUT: probeOut },
  });
  const load = loadavg()[0] ?? 0;
  const run = (/** @type {number} */ seconds) =>
    autocannon({
      url: s.url,
      connections: 50,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            n++;
            return {
              ...req,
              headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${n}` },
              body: JSON.stringify({ topic: `topic-${n % 50}`, email: `bench${n}@example.de`, locale: 'de' }),
            };
          },
        },
      ],
    });
  await run(2); // warm-up: connections, prepared statements, the JIT
  if (opts.probe) s.child.kill('SIGUSR2'); // the probe's figures start here
  const cpuBefore = cpuMs(s.child.pid);
  const result = await run(duration);
  const cpu = (cpuMs(s.child.pid) - cpuBefore) / Math.max(1, result.requests.total);
  const exited = new Promise((resolve) => s.child.once('exit', resolve));
  s.child.kill();
  await exited;
  const probe = opts.probe && existsSync(probeOut) ? JSON.parse(readFileSync(probeOut, 'utf8')) : undefined;
  /** @type {Run} */
  const one = {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpu,
    non2xx: result.non2xx,
    errors: result.errors,
    load,
    probe,
  };
  console.log(name, JSON.stringify({ ...one, probe: undefined }));
  if (probe) console.log(JSON.stringify(probe));
  if (opts.probe && existsSync(`${probeOut}.worker`))
    console.log(readFileSync(`${probeOut}.worker`, 'utf8').replace(/\s+/g, ' '));
  return one;
}

const med = (/** @type {Run[]} */ rs, /** @type {keyof Run} */ k) => median(rs.map((r) => Number(r[k])));
const table = [
  `| database | stored | subscribes/s | p50 ms | p99 ms | p99 of each run | service CPU ms/request | cost vs ${sizes[0]?.toLocaleString('en')} | load average | non-2xx | errors |`,
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => {
    const base = rows.find((b) => b.dialect === r.dialect && b.size === sizes[0]);
    const ratio = base ? (med(r.runs, 'cpu') / med(base.runs, 'cpu')).toFixed(2) : '';
    const sum = (/** @type {'non2xx' | 'errors'} */ k) => r.runs.reduce((a, x) => a + x[k], 0);
    return (
      `| ${r.dialect} | ${r.size.toLocaleString('en')} | ${med(r.runs, 'perSecond').toFixed(0)} | ${med(r.runs, 'p50')} | ` +
      `${med(r.runs, 'p99')} | ${r.runs.map((x) => x.p99).join(', ')} | ${med(r.runs, 'cpu').toFixed(2)} | ${ratio}x | ` +
      `${r.runs.map((x) => x.load.toFixed(1)).join(', ')} | ${sum('non2xx')} | ${sum('errors')} |`
    );
  }),
];
const head = [
  '# gazette/server bench',
  '',
  `\`npm run bench:server${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\`: autocannon, 50 connections, ` +
    `${runs} run(s) of ${duration} s per row (each after a 2 s warm-up, on a fresh service process), loopback, single opt-in`,
  '(per request: idempotency key, two rate-limit counters, the subscription, in a savepoint of a',
  'transaction shared by the requests waiting at that moment: group commit on SQLite).',
  `SQLite \`synchronous=${opts.synchronous}\`. ` +
    (opts.pin
      ? 'Pinned: the service on CPU 0, autocannon on CPU 1 (`taskset`); PostgreSQL floats.'
      : 'Not pinned: the service and autocannon share both cores.'),
  `Run ${new Date().toISOString().slice(0, 16)} UTC on ${process.platform}, Node ${process.version}, 2 cores; ` +
    `load average ${loadBefore.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end, and at the start of each run in the table.`,
  'Medians of the runs; "cost" is the service CPU per request against the smallest size.',
  '',
  ...table,
  '',
];
console.log(head.join('\n'));
const file = new URL('./server-results.md', import.meta.url);
if (!opts.dry) {
  // Everything from the first "## " heading on is the hand-written history: kept.
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = old.indexOf('\n## ');
  // formatted as the project's lint checks it
  const prettier = await import('prettier');
  const config = { ...(await prettier.resolveConfig(file)), parser: 'markdown' };
  writeFileSync(file, await prettier.format(head.join('\n') + (at >= 0 ? old.slice(at) : ''), config));
}
