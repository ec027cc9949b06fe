// @ts-check
/**
 * Faults, each counting records: kill -9 mid-burst, a full and a read-only disk, a damaged
 * database file, hostile requests. `node --test test/server/faults.test.mjs` (as root: the disk
 * tests mount a small tmpfs).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openStore } from '../../server/index.mjs';
import { burst, runBin, send, serve, spawnService } from './harness.mjs';
import { startPostgres } from './postgres.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'gz-faults-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const file = () => join(tmp, `f-${++n}.sqlite`);

/** The addresses stored in a database (a SQLite file's path or a URL), read as another process would. */
async function addresses(/** @type {string} */ path) {
  const store = await openStore(/^postgres:/.test(path) ? path : `sqlite:${path}`);
  try {
    return new Set((await store.tx((q) => q.all('SELECT address FROM gz_subscriptions'))).map((r) => r.address));
  } finally {
    await store.close();
  }
}

/** A tmpfs of `size` at a new folder (the tests run as root on CI); unmounted by the caller. */
function tmpfs(/** @type {string} */ size) {
  const dir = join(tmp, `mnt-${++n}`);
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(
      `the disk fault tests mount a tmpfs and need root (or CAP_SYS_ADMIN): ${/** @type {Error} */ (error).message}`,
      { cause: error },
    );
  }
  return { dir, unmount: () => execFileSync('umount', ['-l', dir]) };
}

/** Fills the file system holding `dir` until a write fails. */
function fill(/** @type {string} */ dir) {
  const fd = openSync(join(dir, 'filler'), 'w');
  const block = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch {
    // ENOSPC: full
  } finally {
    closeSync(fd);
  }
}

describe('faults', () => {
  for (const dialect of ['sqlite', 'postgres']) {
    test(`kill -9 mid-burst, restart, resend: 0 acknowledged writes lost (${dialect})`, async () => {
      // PostgreSQL: the service is killed, not the database (whose durability is its own setting).
      const pg = dialect === 'postgres' ? await startPostgres() : undefined;
      const db = pg ? await pg.database() : file();
      const url = pg ? db : `sqlite:${db}`;
      try {
        const service = await spawnService(['--db', url, '--single-opt-in']);
        let acknowledged = 0;
        const jobs = Array.from({ length: 1000 }, (_, i) => async () => {
          const answer = await send(
            service.url,
            { topic: 'k', email: `k${i}@example.de` },
            { 'idempotency-key': `kill-${i}` },
          );
          if (answer.status === 201 && ++acknowledged === 300) service.child.kill('SIGKILL');
          return answer;
        });
        const answers = await burst(jobs, 50);
        const acked = answers.flatMap((a, i) => (a.status === 201 ? [`k${i}@example.de`] : []));
        const stored = await addresses(db);
        const lost = acked.filter((a) => !stored.has(a));
        console.log(
          `# kill -9 (${dialect}): ${acked.length} acknowledged before the kill, ${stored.size} stored, ${lost.length} lost`,
        );
        assert.ok(acked.length >= 300 && acked.length < 1000, `killed mid-burst (${acked.length} acknowledged)`);
        assert.deepEqual(lost, []);
        // Restart and resend everything with the same keys: every request ends as one subscription.
        const again = await spawnService(['--db', url, '--single-opt-in']);
        try {
          const resent = await burst(
            Array.from(
              { length: 1000 },
              (_, i) => () =>
                send(again.url, { topic: 'k', email: `k${i}@example.de` }, { 'idempotency-key': `kill-${i}` }),
            ),
            50,
          );
          assert.deepEqual([...new Set(resent.map((a) => a.status))], [201]);
          assert.ok(resent.filter((a) => a.headers.get('idempotent-replayed')).length >= acked.length);
          assert.equal((await addresses(db)).size, 1000);
        } finally {
          again.child.kill();
        }
      } finally {
        pg?.stop();
      }
    });
  }

  for (const fault of ['full', 'read-only']) {
    test(`a ${fault} disk: ${fault === 'full' ? '503, no 2xx replay' : 'no start, a message'}, nothing claimed that is not stored`, async () => {
      const disk = tmpfs('4m');
      const db = join(disk.dir, 'subs.sqlite');
      let s;
      try {
        s = await serve({ database: `sqlite:${db}`, singleOptIn: true });
        const request = (/** @type {number} */ i) =>
          send(
            /** @type {any} */ (s).url,
            { topic: 'd', email: `d${i}@example.de` },
            { 'idempotency-key': `disk-${i}` },
          );
        const before = await burst(
          Array.from({ length: 20 }, (_, i) => () => request(i)),
          10,
        );
        assert.deepEqual([...new Set(before.map((a) => a.status))], [201]);
        if (fault === 'full') fill(disk.dir);
        else {
          // Linux refuses to remount a file system read-only while a file on it is open for
          // writing: a disk turns read-only under a service as it restarts (or the kernel remounts
          // it after errors). The service then refuses to start and says what to check.
          await s.close();
          s = undefined;
          execFileSync('mount', ['-o', 'remount,ro', disk.dir]);
          await assert.rejects(serve({ database: `sqlite:${db}`, singleOptIn: true }), /cannot open .*writable/s);
          execFileSync('mount', ['-o', 'remount,rw', disk.dir]);
          assert.equal((await addresses(db)).size, 20);
          console.log('# read-only disk: 20 acknowledged before, the service refused to start, 20 stored after');
          return;
        }
        const during = await burst(
          Array.from({ length: 200 }, (_, i) => () => request(20 + i)),
          20,
        );
        const refused = during.flatMap((a, i) => (a.status === 503 ? [20 + i] : []));
        const claimed = [...Array(20).keys(), ...during.flatMap((a, i) => (a.status === 201 ? [20 + i] : []))];
        // Each refused request, resent with its key: refused again, never a remembered 201.
        const resent = await burst(
          refused.map((i) => () => request(i)),
          20,
        );
        console.log(
          `# ${fault} disk: ${claimed.length} acknowledged, ${refused.length} answered 503, resent: ${resent.filter((a) => a.status === 503).length} 503`,
        );
        assert.ok(refused.length > 0, 'the fault was felt');
        assert.deepEqual(
          during.filter((a) => a.status !== 201 && a.status !== 503),
          [],
        );
        assert.deepEqual([...new Set(resent.map((a) => a.status))], [503]);
        await s.close();
        s = undefined;
        if (fault === 'full') rmSync(join(disk.dir, 'filler'));
        else execFileSync('mount', ['-o', 'remount,rw', disk.dir]);
        const stored = await addresses(db);
        assert.deepEqual(
          claimed.filter((i) => !stored.has(`d${i}@example.de`)),
          [],
          'every acknowledged write is stored',
        );
        assert.equal(stored.size, claimed.length, 'nothing stored that was answered 503');
      } finally {
        await s?.close().catch(() => {});
        disk.unmount();
      }
    });
  }

  test('a damaged database file: the service refuses to start, says why, and leaves the file alone', async () => {
    const source = file();
    const s = await serve({ database: `sqlite:${source}`, singleOptIn: true });
    for (let i = 0; i < 100; i++) await send(s.url, { topic: 'x', email: `x${i}@example.de` });
    await s.close();
    const good = readFileSync(source);
    const damages = {
      'a cut byte at the end': good.subarray(0, good.length - 1),
      'a UTF-8 BOM in front': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), good]),
      'a zeroed page': Buffer.concat([good.subarray(0, 4096), Buffer.alloc(4096), good.subarray(8192)]),
      'a damaged header': Buffer.concat([Buffer.from('SQLite format 2\0'), good.subarray(16)]),
    };
    for (const [name, bytes] of Object.entries(damages)) {
      const damaged = file();
      writeFileSync(damaged, bytes);
      const hash = createHash('sha256').update(bytes).digest('hex');
      const run = await runBin(['--db', `sqlite:${damaged}`, '--single-opt-in', '--port', '0']);
      assert.equal(run.code, 1, `${name}: ${run.output}`);
      assert.match(run.output, /cannot open the subscriptions database .*restore it\s+from a backup/s, name);
      assert.equal(
        createHash('sha256').update(readFileSync(damaged)).digest('hex'),
        hash,
        `${name}: the file is untouched`,
      );
    }
  });
});

describe('hostile requests', () => {
  test('cross-site posts, big and slow bodies, duplicate keys, hostile addresses: refused, 0 records', async () => {
    const lines = [];
    const mails = join(tmp, 'mails');
    const s = await serve({
      database: `sqlite:${file()}`,
      publicOrigin: 'https://news.example',
      mailer: mails,
      bodyTimeout: 500,
      log: (line) => void lines.push(line),
    });
    try {
      const ok = { topic: 't', email: 'leser@example.de' };
      assert.equal((await send(s.url, ok, { origin: 'https://evil.example' })).status, 403);
      assert.equal(
        (
          await send(s.url, 'topic=t&email=leser%40example.de', {
            'content-type': 'application/x-www-form-urlencoded',
            'sec-fetch-site': 'cross-site',
          })
        ).status,
        403,
      );
      assert.equal((await send(s.url, '{"topic":"t","email":"a@example.de","email":"b@example.de"}')).status, 400);
      for (const email of [
        'a\u0000b@example.de',
        'a\u001bb@example.de',
        'a\u202eb@example.de',
        'a\u200bb@example.de',
        'a\ud800@example.de',
        `${'a'.repeat(65)}@example.de`,
        `a@${'b'.repeat(250)}.de`,
      ]) {
        assert.equal((await send(s.url, { topic: 't', email })).status, 422, JSON.stringify(email));
      }
      // 10 MB announced: 413 at once and the connection closed, the body never read.
      const big = await raw(
        s.port,
        `POST /api/subscriptions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10485760\r\n\r\n{"topic":"`,
        10 * 1024 * 1024,
      );
      assert.match(big.text, /^HTTP\/1.1 413/);
      // (loopback buffers take a few MB before the close is seen; the rest is never sent)
      assert.ok(big.closed && big.sent < 10 * 1024 * 1024, `closed after ${big.sent} bytes`);
      // A slow body: 408 after the body timeout, closed.
      const slow = await raw(
        s.port,
        `POST /api/subscriptions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"to`,
        0,
      );
      assert.match(slow.text, /^HTTP\/1.1 408/);
      assert.ok(slow.closed);
      assert.equal(await stored(s), 0);

      // Mail-bombing one address: five requests, one mail; the honeypot stores nothing.
      for (let i = 0; i < 5; i++) assert.equal((await send(s.url, ok, { host: 'evil.example' })).status, 202);
      assert.equal(readdirSync(mails).length, 1);
      assert.ok(!readFileSync(join(mails, readdirSync(mails)[0] ?? ''), 'utf8').includes('evil.example'));
      const bot = await send(s.url, 'topic=t&email=bot%40example.de&website=x', {
        'content-type': 'application/x-www-form-urlencoded',
      });
      assert.equal(bot.status, 200);
      assert.equal(await stored(s), 1);
      // Logs never hold a whole address.
      assert.ok(lines.length > 0 && lines.every((l) => !l.includes('leser@example.de')), lines.join('\n'));
    } finally {
      await s.close();
    }
  });

  test('rate limits per client and per address hold across processes (kept in the database)', async () => {
    const db = `sqlite:${file()}`;
    const a = await serve({ database: db, singleOptIn: true, limits: { perIpPerMinute: 6, perAddressPerHour: 1e9 } });
    const b = await serve({ database: db, singleOptIn: true, limits: { perIpPerMinute: 6, perAddressPerHour: 1e9 } });
    try {
      const answers = [];
      for (let i = 0; i < 10; i++)
        answers.push((await send(i % 2 ? a.url : b.url, { topic: 'r', email: `r${i}@example.de` })).status);
      assert.deepEqual(answers, [201, 201, 201, 201, 201, 201, 429, 429, 429, 429]);
      assert.equal(await stored(a), 6);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

/** @param {{ service: { store: import('../../server/store.mjs').Store } }} s */
async function stored(s) {
  return Number((await s.service.store.tx((q) => q.get('SELECT COUNT(*) AS n FROM gz_subscriptions'))).n);
}

/**
 * Writes `head`, then up to `body` bytes of padding while the server reads; resolves with the
 * answer, whether the server closed the connection, and how many body bytes it took.
 * @param {number} port @param {string} head @param {number} body
 */
function raw(port, head, body) {
  return /** @type {Promise<{ text: string, closed: boolean, sent: number }>} */ (
    new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let text = '';
      let sent = 0;
      socket.on('data', (d) => (text += d));
      socket.on('error', () => {});
      socket.on('close', () => resolve({ text, closed: true, sent }));
      socket.write(head);
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (sent < body && !socket.destroyed) {
          sent += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
      };
      pump();
    })
  );
}
