// @ts-check
/**
 * `gazette/server` against real services: SQLite files, a throwaway PostgreSQL cluster, an SMTP
 * sink on loopback. Every fault test counts records. `node --test test/server/service.test.mjs`
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../server/index.mjs';
import { burst, linkIn, send, serve, smtpSink, spawnService } from './harness.mjs';
import { startPostgres } from './postgres.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'gz-server-'));
/** @type {Awaited<ReturnType<typeof startPostgres>>} */
let pg;
/** @type {Awaited<ReturnType<typeof smtpSink>>} */
let smtp;
let n = 0;
before(async () => {
  pg = await startPostgres();
  smtp = await smtpSink();
});
after(async () => {
  pg?.stop();
  await smtp?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** A new empty database of `dialect`. */
const database = async (/** @type {string} */ dialect) =>
  dialect === 'sqlite' ? `sqlite:${join(tmp, `db-${++n}.sqlite`)}` : pg.database();

/** Rows in a table, read through a store of its own (as another process would). */
async function count(/** @type {string} */ url, table = 'gz_subscriptions', where = '') {
  const store = await openStore(url);
  try {
    return Number((await store.tx((q) => q.get(`SELECT COUNT(*) AS n FROM ${table} ${where}`))).n);
  } finally {
    await store.close();
  }
}
const distinct = async (/** @type {string} */ url) => {
  const store = await openStore(url);
  try {
    return Number(
      (
        await store.tx((q) =>
          q.get('SELECT COUNT(*) AS n FROM (SELECT DISTINCT topic, address FROM gz_subscriptions) d'),
        )
      ).n,
    );
  } finally {
    await store.close();
  }
};

for (const dialect of ['sqlite', 'postgres']) {
  describe(`storage: ${dialect}`, () => {
    test('single opt-in contract: 201, 409 for the same reader in another spelling, 200 unsubscribe', async () => {
      const db = await database(dialect);
      const s = await serve({ database: db, singleOptIn: true });
      try {
        assert.deepEqual((await send(s.url, { topic: 't', email: 'René@Bücher.de' })).status, 201);
        const again = await send(s.url, { topic: 't', email: ' rene\u0301@xn--bcher-kva.DE ' });
        assert.deepEqual([again.status, again.body], [409, { status: 'subscribed' }]);
        assert.equal(await count(db), 1);
        const gone = await send(s.url, { topic: 't', email: 'rené@bücher.de' }, {}, 'DELETE');
        assert.deepEqual([gone.status, gone.body], [200, { status: 'unsubscribed' }]);
        assert.equal(await count(db), 0);
        assert.equal(await count(db, 'gz_suppressed'), 1, 'a keyed hash stays for suppression');
      } finally {
        await s.close();
      }
    });

    test('idempotency: a replay is the stored answer, another body under the same key a 400', async () => {
      const db = await database(dialect);
      const s = await serve({ database: db, singleOptIn: true });
      try {
        const body = { topic: 't', email: 'a@example.de' };
        const first = await send(s.url, body, { 'idempotency-key': 'k' });
        const replay = await send(s.url, body, { 'idempotency-key': 'k' });
        assert.deepEqual([first.status, replay.status, replay.headers.get('idempotent-replayed')], [201, 201, 'true']);
        const other = await send(s.url, { topic: 't', email: 'b@example.de' }, { 'idempotency-key': 'k' });
        assert.equal(other.status, 400);
        assert.equal(await count(db), 1);
        const stored = await openStore(db);
        const row = await stored.tx((q) => q.get('SELECT request_hash, body FROM gz_idempotency'));
        await stored.close();
        assert.ok(!row.request_hash.includes('example'), 'the key holds a hash of the request, not its body');
      } finally {
        await s.close();
      }
    });

    test('2,000 requests at 50 in flight, each key sent twice: stored = intended, 0 duplicates', async () => {
      const db = await database(dialect);
      const s = await serve({ database: db, singleOptIn: true });
      try {
        const jobs = Array.from(
          { length: 2000 },
          (_, i) => () =>
            send(
              s.url,
              { topic: `t${(i >> 1) % 3}`, email: `r${i >> 1}@example.de` },
              { 'idempotency-key': `key-${i >> 1}` },
            ),
        );
        const started = Date.now();
        const answers = await burst(jobs, 50);
        const statuses = answers.map((a) => a.status);
        console.log(`# ${dialect} burst: 2000 requests in ${Date.now() - started} ms`);
        assert.deepEqual([...new Set(statuses)], [201], 'every request, first or replayed, answers 201');
        assert.equal(answers.filter((a) => a.headers.get('idempotent-replayed')).length, 1000);
        // i and i+1 send the same request under one key: the second is a replay, nothing is written twice.
        assert.equal(await count(db), 1000);
        assert.equal(await distinct(db), 1000);
        assert.equal(await count(db, 'gz_idempotency'), 1000);
      } finally {
        await s.close();
      }
    });

    test('two processes on one database: 0 lost, replays across processes', async () => {
      const db = await database(dialect);
      const a = await spawnService(['--db', db, '--single-opt-in']);
      const b = await spawnService(['--db', db, '--single-opt-in']);
      try {
        const jobs = Array.from(
          { length: 1200 },
          (_, i) => () =>
            send(
              i % 2 ? a.url : b.url,
              { topic: 'energie', email: `p${i >> 1}@example.de` },
              { 'idempotency-key': `two-${i >> 1}` },
            ),
        );
        const answers = await burst(jobs, 50);
        assert.deepEqual([...new Set(answers.map((x) => x.status))], [201]);
        assert.equal(answers.filter((x) => x.headers.get('idempotent-replayed')).length, 600);
        assert.equal(await count(db), 600);
      } finally {
        a.child.kill();
        b.child.kill();
      }
    });

    test('double opt-in by mail: one 202 for everyone, links from publicOrigin, one-click unsubscribe', async () => {
      const db = await database(dialect);
      const confirmed = [];
      const left = [];
      const s = await serve({
        database: db,
        publicOrigin: 'https://news.example',
        mailer: smtp.url,
        onConfirmed: (x) => void confirmed.push(x),
        onUnsubscribed: (x) => void left.push(x),
      });
      const before = smtp.mails.length;
      try {
        const address = `leser-${dialect}@example.de`;
        const first = await send(s.url, { topic: 'energie', email: address, locale: 'de' }, { host: 'evil.example' });
        assert.deepEqual([first.status, first.body], [202, { status: 'pending' }]);
        const [mail] = (await smtp.arrived(before + 1)).slice(before);
        const head = mail?.raw.replace(/\r\n[ \t]+/g, ' ') ?? '';
        assert.equal(mail?.to, address);
        assert.match(head, /^List-Unsubscribe: <https:\/\/news\.example\/api\/subscriptions\/unsubscribe\?token=/m);
        assert.match(head, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
        const confirm = linkIn(mail, '/confirm');
        assert.ok(confirm.startsWith('https://news.example/api/subscriptions/confirm?token='), confirm);
        const local = (/** @type {string} */ link) => link.replace('https://news.example/api/subscriptions', s.url);

        // The same address again, and a stranger: the same answer, no second mail within the hour.
        const again = await send(s.url, { topic: 'energie', email: address });
        const stranger = await send(s.url, { topic: 'energie', email: `neu-${dialect}@example.de` });
        assert.deepEqual(
          [again.status, again.body, stranger.status, stranger.body],
          [202, { status: 'pending' }, 202, { status: 'pending' }],
        );
        await smtp.arrived(before + 2);
        assert.equal(smtp.mails.filter((m) => m.to === address).length, 1);

        // A mail scanner's GET changes nothing: it is a page with a button.
        const scanned = await fetch(local(confirm));
        assert.match(await scanned.text(), /<form method="post">/);
        assert.equal(await count(db, 'gz_subscriptions', "WHERE status = 'subscribed'"), 0);
        const token = new URL(confirm).searchParams.get('token') ?? '';
        const press = () =>
          fetch(local(confirm), {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: `token=${token}`,
          });
        const done = await press();
        assert.equal(done.status, 200);
        assert.match(await done.text(), /Bestätigt/);
        assert.equal((await press()).status, 404, 'tokens are single-use');
        assert.equal(await count(db, 'gz_subscriptions', "WHERE status = 'subscribed'"), 1);
        assert.deepEqual(confirmed, [{ topic: 'energie', address, locale: 'de' }]);

        // Unsubscribing with only an address removes nobody; the RFC 8058 one-click POST does.
        const byAddress = await send(s.url, { topic: 'energie', email: address }, {}, 'DELETE');
        assert.equal(byAddress.status, 202);
        assert.equal(await count(db, 'gz_subscriptions', "WHERE status = 'subscribed'"), 1);
        const unsubscribe = /^List-Unsubscribe: <([^>]+)>/m.exec(head)?.[1] ?? '';
        const click = await fetch(local(unsubscribe), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        });
        assert.equal(click.status, 200);
        assert.deepEqual(await s.service.export(address), []);
        assert.deepEqual(left, [{ topic: 'energie', address }]);
        assert.equal(await count(db, 'gz_subscriptions', `WHERE address = '${address}'`), 0, 'the address is erased');
      } finally {
        await s.close();
      }
    });
  });
}

describe('sqlite checkpoints', () => {
  test('a busy store copies its WAL into the database file beside the requests, and keeps every commit', async () => {
    const file = join(tmp, `ckpt-${++n}.sqlite`);
    const store = await openStore(`sqlite:${file}`);
    const sizeAfterMigration = statSync(file).size;
    // 300 commits of one row each: far below the 1,000 WAL pages at which SQLite's own
    // checkpoint (now off on the request connection) would copy anything.
    for (let i = 0; i < 300; i++) {
      await store.tx((q) => q.run('INSERT INTO gz_limits (bucket, window_start, hits) VALUES (?, 0, 1)', [`c${i}`]));
    }
    const copied = await until(() => statSync(file).size > sizeAfterMigration, 10_000);
    assert.ok(copied, `the checkpoint worker copied the WAL into ${file}`);
    await store.close();
    assert.equal(await count(`sqlite:${file}`, 'gz_limits'), 300);
  });
});

/** Polls `predicate` every 20 ms until it holds (true) or `ms` pass (false). */
async function until(/** @type {() => boolean} */ predicate, /** @type {number} */ ms) {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}
