// @ts-check
/**
 * `npm run bench:server`: subscribes per second and p50/p99 latency of gazette/server at 50
 * concurrent connections (autocannon, loopback), on SQLite and PostgreSQL, with 1,000 and
 * 1,000,000 subscriptions already stored. Writes bench/server-results.md. Speeds on a shared
 * machine are noisy: compare the ratios within one run.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openStore } from '../server/index.mjs';
import { spawnService } from '../test/server/harness.mjs';
import { startPostgres } from '../test/server/postgres.mjs';

const duration = Number(process.env['BENCH_SECONDS'] ?? 10);
const sizes = [1_000, 1_000_000];
const tmp = mkdtempSync(join(tmpdir(), 'gz-bench-'));
/** The machine's 1-minute load average at the start, for the results' reader. */
const loadBefore = loadavg()[0] ?? 0;
const pg = await startPostgres();

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

const rows = [];
try {
  for (const dialect of ['sqlite', 'postgres']) {
    for (const size of sizes) {
      const url = dialect === 'sqlite' ? `sqlite:${join(tmp, `bench-${size}.db`)}` : await pg.database();
      const seeded = Date.now();
      await seed(url, size);
      console.log(`${dialect}: ${size} seeded in ${Date.now() - seeded} ms`);
      // The service runs in a process of its own (the bin), as deployed; autocannon here.
      const s = await spawnService(['--db', url, '--single-opt-in']);
      let n = 0;
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
      const cpuBefore = cpuMs(s.child.pid);
      const result = await run(duration);
      const cpu = (cpuMs(s.child.pid) - cpuBefore) / Math.max(1, result.requests.total);
      s.child.kill();
      const row = {
        dialect,
        size,
        perSecond: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        cpu,
        non2xx: result.non2xx,
        errors: result.errors,
      };
      console.log(row);
      rows.push(row);
    }
  }
} finally {
  pg.stop();
  rmSync(tmp, { recursive: true, force: true });
}

const lines = [
  '# gazette/server bench',
  '',
  `\`npm run bench:server\`: autocannon, 50 connections, ${duration} s per row, loopback, single opt-in`,
  '(per request: idempotency key, two rate-limit counters, the subscription, in a savepoint of a',
  'transaction shared by the requests waiting at that moment: group commit on SQLite).',
  `Run ${new Date().toISOString().slice(0, 16)} UTC on ${process.platform}, Node ${process.version}, ` +
    `load average ${loadBefore.toFixed(1)} at the start and ${(loadavg()[0] ?? 0).toFixed(1)} at the end (2 cores).`,
  '',
  '| database | stored | subscribes/s | p50 ms | p99 ms | service CPU ms/request | non-2xx | errors | cost vs 1,000 |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => {
    const base = rows.find((b) => b.dialect === r.dialect && b.size === sizes[0]);
    const ratio = base ? (base.perSecond / r.perSecond).toFixed(2) : '';
    return `| ${r.dialect} | ${r.size.toLocaleString('en')} | ${r.perSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.cpu.toFixed(2)} | ${r.non2xx} | ${r.errors} | ${ratio}x |`;
  }),
  '',
];
writeFileSync(new URL('./server-results.md', import.meta.url), lines.join('\n'));
console.log(lines.join('\n'));
