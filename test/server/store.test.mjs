// @ts-check
/**
 * Group commit in both stores, against real databases (SQLite files, a throwaway PostgreSQL
 * cluster): requests of one turn share a transaction, each in its savepoint; one failing request
 * fails alone; a failing COMMIT or a lost connection fails its group and keeps nothing of it.
 * `node --test test/server/store.test.mjs`
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openStore, StorageError } from '../../server/store.mjs';
import { startPostgres } from './postgres.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'gz-store-'));
/** @type {Awaited<ReturnType<typeof startPostgres>>} */
let pg;
let n = 0;
before(async () => {
  pg = await startPostgres();
});
after(() => {
  pg?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

/** A new empty database of `dialect`. */
const database = async (/** @type {string} */ dialect) =>
  dialect === 'sqlite' ? `sqlite:${join(tmp, `db-${++n}.sqlite`)}` : pg.database();

/** Inserts `name` into gz_limits (a table both schemas have) inside a transaction of the store. */
const insert = (/** @type {import('../../server/store.mjs').Store} */ store, /** @type {string} */ name) =>
  store.tx((q) => q.run('INSERT INTO gz_limits (bucket, window_start, hits) VALUES (?, 0, 1)', [name]));

const rows = async (/** @type {import('../../server/store.mjs').Store} */ store) =>
  (await store.tx((q) => q.all('SELECT bucket FROM gz_limits ORDER BY bucket'))).map((r) => r.bucket);

for (const dialect of ['sqlite', 'postgres']) {
  describe(`group commit: ${dialect}`, () => {
    test('a request that fails in a group fails alone: its writes are undone, the others kept', async () => {
      const store = await openStore(await database(dialect));
      try {
        // Sent in one turn of the event loop: one group.
        const results = await Promise.allSettled([
          insert(store, 'a'),
          store.tx(async (q) => {
            await q.run('INSERT INTO gz_limits (bucket, window_start, hits) VALUES (?, 0, 1)', ['half']);
            await q.run('INSERT INTO gz_no_such_table VALUES (1)');
          }),
          insert(store, 'b'),
          insert(store, 'a'), // a unique-key violation, after 'a' was written in the same transaction
          insert(store, 'c'),
        ]);
        assert.deepEqual(
          results.map((r) => r.status),
          ['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled'],
        );
        assert.deepEqual(await rows(store), ['a', 'b', 'c'], 'the failed request wrote nothing');
      } finally {
        await store.close();
      }
    });
  });
}

describe('group commit: postgres', () => {
  test('concurrent requests share transactions (one COMMIT per group, at most 32 requests each)', async () => {
    const store = await openStore(await pg.database());
    try {
      const ids = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          store.tx(async (q) => {
            await q.run('INSERT INTO gz_limits (bucket, window_start, hits) VALUES (?, 0, 1)', [`g${i}`]);
            return String((await q.get('SELECT txid_current() AS id')).id);
          }),
        ),
      );
      const groups = new Set(ids).size;
      assert.ok(groups >= 4 && groups < 20, `100 requests in ${groups} transactions`);
      assert.equal((await rows(store)).length, 100);
    } finally {
      await store.close();
    }
  });

  test('a COMMIT that fails fails every request of its group, and keeps none of them', async () => {
    const store = await openStore(await pg.database());
    try {
      // A deferred unique constraint is checked at COMMIT, not in the request's savepoint.
      await store.tx((q) => q.run('CREATE TABLE deferred (x INT UNIQUE DEFERRABLE INITIALLY DEFERRED)'));
      const results = await Promise.allSettled([
        insert(store, 'a'),
        store.tx((q) => q.run('INSERT INTO deferred VALUES (1)')),
        store.tx((q) => q.run('INSERT INTO deferred VALUES (1)')),
        insert(store, 'b'),
      ]);
      assert.deepEqual(new Set(results.map((r) => r.status)), new Set(['rejected']));
      assert.deepEqual(await rows(store), [], 'nothing of the group was kept');
      // The store goes on: the next group commits.
      await insert(store, 'c');
      assert.deepEqual(await rows(store), ['c']);
    } finally {
      await store.close();
    }
  });

  test('a lost connection: the group fails with a StorageError (503), requests not yet run go to the next group', async () => {
    const store = await openStore(await pg.database());
    try {
      const results = await Promise.allSettled([
        insert(store, 'before'),
        // The server ends this group's connection (57P01, as on a restart or failover).
        store.tx((q) => q.get('SELECT pg_terminate_backend(pg_backend_pid())')),
        insert(store, 'after'),
      ]);
      assert.deepEqual(
        results.map((r) => (r.status === 'rejected' ? r.reason instanceof StorageError : r.status)),
        [true, true, 'fulfilled'],
      );
      assert.deepEqual(await rows(store), ['after'], 'the request answered 503 was not kept');
    } finally {
      await store.close();
    }
  });
});
