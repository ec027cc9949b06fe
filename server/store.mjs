// @ts-check
/**
 * Storage behind one small interface, two real implementations chosen by URL:
 * - `sqlite:path/to/file.db` (or a plain path): better-sqlite3, WAL, a busy timeout, each request
 *   in a savepoint of a `BEGIN IMMEDIATE` transaction that the requests waiting at that moment share
 *   (group commit), so many processes on one file lose nothing and a burst costs few commits;
 * - `postgres://…`: pg, the same schema and semantics, and the same group commit (one group at a
 *   time per database).
 * Both drivers are optional peer dependencies, loaded only when their URL is used.
 *
 * `store.tx(fn)` runs `fn(q)` in one transaction (a savepoint of a group's) and answers only once
 * it is committed; `q.get`,
 * `q.all` and `q.run` take SQL with `?` placeholders in the dialect both databases share.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fdatasync, fstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

/** The schema, one entry per version; a database is migrated forward in one transaction. */
const MIGRATIONS = [
  [
    `CREATE TABLE gz_subscriptions (topic TEXT NOT NULL, address TEXT NOT NULL, locale TEXT NOT NULL,
      status TEXT NOT NULL, unsubscribe_key TEXT NOT NULL UNIQUE, created BIGINT NOT NULL, confirmed BIGINT,
      PRIMARY KEY (topic, address))`,
    'CREATE INDEX gz_subscriptions_address ON gz_subscriptions (address)',
    `CREATE TABLE gz_tokens (hash TEXT PRIMARY KEY, topic TEXT NOT NULL, address TEXT NOT NULL,
      expires BIGINT NOT NULL)`,
    `CREATE TABLE gz_idempotency (key TEXT PRIMARY KEY, request_hash TEXT NOT NULL, status INTEGER,
      body TEXT, expires BIGINT NOT NULL)`,
    `CREATE TABLE gz_suppressed (topic TEXT NOT NULL, address_hash TEXT NOT NULL, at BIGINT NOT NULL,
      PRIMARY KEY (topic, address_hash))`,
    'CREATE TABLE gz_limits (bucket TEXT PRIMARY KEY, window_start BIGINT NOT NULL, hits INTEGER NOT NULL)',
  ],
];
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * @typedef {{ get(sql: string, params?: unknown[]): Promise<any>, all(sql: string, params?: unknown[]): Promise<any[]>,
 *   run(sql: string, params?: unknown[]): Promise<{ changes: number }> }} Query
 * @typedef {{ dialect: 'sqlite' | 'postgres', secret: string, tx<T>(fn: (q: Query) => Promise<T>): Promise<T>,
 *   close(): Promise<void> }} Store
 */

/**
 * Requests per group commit. Measured (bench/server-results.md, session 6): 16 instead of 64
 * (at 50 in flight, groups were 20-50 requests) lets the event loop answer between groups.
 */
const GROUP = 16;
/** Requests per group on PostgreSQL: each savepoint that writes takes a subtransaction id, and a
 * transaction with more than 64 of them overflows PostgreSQL's per-backend cache (every snapshot
 * then looks them up on disk). */
const GROUP_POSTGRES = 32;

/** A storage error the service answers with 503 (full or read-only disk, lock timeout, lost server). */
export class StorageError extends Error {}

/** @param {string} name @param {string} hint */
async function load(name, hint) {
  try {
    return (await import(name)).default;
  } catch (error) {
    if (/** @type {any} */ (error)?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Error(`gazette/server: ${hint} needs the "${name}" package: npm install ${name}`, { cause: error });
  }
}

/**
 * Opens (and migrates) the store at `url`. Throws with a message saying what to do when the
 * database cannot be opened or read; it never starts empty on a damaged file.
 * `synchronous` (SQLite): `full` syncs the WAL in every (group) commit, so an acknowledged write
 * survives a power loss; `normal` syncs only at checkpoints: it survives a crash of the process,
 * not of the machine.
 * @param {string} url @param {{ synchronous?: 'full' | 'normal' }} [options]
 * @returns {Promise<Store>}
 */
export async function openStore(url, { synchronous = 'full' } = {}) {
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url);
  return openSqlite(url.replace(/^sqlite:(\/\/)?/, ''), synchronous === 'normal' ? 'NORMAL' : 'FULL');
}

/** @param {string} file @param {'FULL' | 'NORMAL'} synchronous */
async function openSqlite(file, synchronous) {
  const Database = await load('better-sqlite3', 'a SQLite database');
  const path = file === ':memory:' ? file : resolve(file);
  /** @type {import('better-sqlite3').Database} */
  let db;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const existed = path !== ':memory:' && existsSync(path);
    if (existed) checkHeader(path);
    db = new Database(path);
    db.pragma('busy_timeout = 10000');
    if (existed) {
      const check = db.pragma('quick_check(1)', { simple: true });
      if (check !== 'ok') throw new Error(`integrity check: ${check}`);
    }
    db.pragma('journal_mode = WAL');
    // `full` is kept by syncing the WAL after each group commit, off the event loop (syncWal
    // below); SQLite's own FULL would sync inside COMMIT and stop every other request meanwhile.
    db.pragma(path === ':memory:' ? `synchronous = ${synchronous}` : 'synchronous = NORMAL');
  } catch (error) {
    throw new Error(
      `gazette/server: cannot open the subscriptions database ${path}: ${/** @type {Error} */ (error).message}. ` +
        'The service does not start on a file it cannot read and write: check that the file and its ' +
        'folder are writable and the disk is not full or read-only; if the file is damaged, restore it ' +
        'from a backup (or move it away to start a new, empty one on purpose).',
      { cause: error },
    );
  }
  // One connection per process. Transactions of concurrent requests are committed in groups (group
  // commit): each runs in a savepoint of its own inside one BEGIN IMMEDIATE … COMMIT, and each is
  // answered only after that COMMIT. A failing transaction rolls back to its savepoint and fails
  // alone; a failing COMMIT fails every transaction of the group, and none of them is kept. One
  // commit per group instead of per request is what holds p99 down at 50 requests in flight.
  /** @type {{ fn: (q: Query) => Promise<unknown>, resolve: (v: unknown) => void, reject: (e: unknown) => void }[]} */
  const waiting = [];
  let draining = false;
  /** @type {Promise<void>} */
  let drained = Promise.resolve();
  /** @param {string} sql */
  const statement = (sql) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare(sql)));
    return s;
  };
  /** @type {Map<string, import('better-sqlite3').Statement>} */
  const cache = new Map();
  // Prepared once: `exec` would parse them again for every request of every group.
  const savepoint = db.prepare('SAVEPOINT gz_request');
  const release = db.prepare('RELEASE gz_request');
  const rollbackTo = db.prepare('ROLLBACK TO gz_request');
  let commits = 0;
  /** @type {number | undefined} */
  let walFd;
  /**
   * Groups committed but not yet on the disk. At most one fdatasync runs at a time; groups that
   * commit meanwhile wait here and share the next one (double-buffered: group N+1 is built and
   * committed while group N's sync runs, and one sync then covers every group since).
   * @type {{ job: { resolve: (v: unknown) => void, reject: (e: unknown) => void }, result: unknown }[]}
   */
  let unsynced = [];
  /** @type {Promise<void> | undefined} */
  let syncing;
  /**
   * fdatasync of the WAL on the libuv thread pool: durable as synchronous=FULL (a sync of any
   * descriptor writes the file's dirty pages, header and frames), without blocking the event
   * loop. Should the sync fail, its groups are answered 503: their rows may still reach the disk,
   * and a retry with the same key then replays their answer, which is the truth by then.
   */
  function syncWal() {
    if (syncing) return; // the groups wait for the sync after the running one
    const batch = unsynced;
    unsynced = [];
    const failed = (/** @type {Error} */ error) => {
      for (const { job } of batch) job.reject(new StorageError(`sync failed: ${error.message}`));
    };
    let fd;
    try {
      if (walFd !== undefined && fstatSync(walFd).nlink === 0) {
        closeSync(walFd); // the WAL was removed and made anew (another process closed last)
        walFd = undefined;
      }
      fd = walFd ??= openSync(`${path}-wal`, 'r+');
    } catch (error) {
      return failed(/** @type {Error} */ (error));
    }
    syncing = new Promise((resolve) =>
      fdatasync(fd, (error) => {
        if (error) failed(error);
        else for (const { job, result } of batch) job.resolve(result);
        syncing = undefined;
        if (unsynced.length) syncWal();
        resolve();
      }),
    );
  }
  /** @type {{ close(): Promise<void> } | undefined} */
  let checkpointer;
  /** @type {Query} */
  const q = {
    get: async (sql, params = []) => statement(sql).get(...params),
    all: async (sql, params = []) => statement(sql).all(...params),
    run: async (sql, params = []) => {
      const s = statement(sql);
      return s.reader ? { changes: s.all(...params).length } : { changes: s.run(...params).changes };
    },
  };
  /** @type {Store['tx']} */
  const tx = (fn) =>
    new Promise((resolve, reject) => {
      waiting.push({
        fn: /** @type {(q: Query) => Promise<unknown>} */ (fn),
        resolve: /** @type {any} */ (resolve),
        reject,
      });
      // Started after the requests whose bodies arrived in this turn of the event loop have queued
      // theirs: they share the commit.
      if (!draining) {
        draining = true;
        drained = new Promise((started) => setImmediate(started)).then(drain);
      }
    });

  /**
   * Runs the waiting transactions, up to GROUP per commit, until none is left. Between groups the
   * event loop turns: finished syncs answer their requests and new requests queue for the next
   * group, instead of all of them waiting behind one long group (better-sqlite3 is synchronous:
   * a group holds the loop from BEGIN to COMMIT).
   */
  async function drain() {
    try {
      while (waiting.length) {
        const group = waiting.splice(0, GROUP);
        try {
          db.exec('BEGIN IMMEDIATE');
        } catch (error) {
          for (const job of group) job.reject(new StorageError(/** @type {Error} */ (error).message));
          continue;
        }
        /** @type {[(typeof group)[number], unknown][]} */
        const done = [];
        for (let i = 0; i < group.length; i++) {
          const job = /** @type {(typeof group)[number]} */ (group[i]);
          savepoint.run();
          try {
            const result = await job.fn(q);
            release.run();
            done.push([job, result]);
          } catch (error) {
            job.reject(sqliteError(error));
            if (db.inTransaction) {
              rollbackTo.run();
              release.run();
            } else {
              // SQLite rolled the whole transaction back (a full disk, an I/O error): the group's
              // earlier transactions are gone too; the later ones go back to the queue.
              for (const [earlier] of done) earlier.reject(sqliteError(error));
              done.length = 0;
              waiting.unshift(...group.slice(i + 1));
              break;
            }
          }
        }
        if (!db.inTransaction) continue;
        try {
          db.exec('COMMIT');
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          for (const [job] of done) job.reject(sqliteError(error));
          continue;
        }
        if (synchronous === 'FULL' && path !== ':memory:') {
          // Answered once the WAL holding this commit is on the disk; meanwhile the next group runs.
          for (const [job, result] of done) unsynced.push({ job, result });
          syncWal();
        } else for (const [job, result] of done) job.resolve(result);
        // A busy store gets the checkpoint worker (a quiet one, a test's, never pays its start).
        if (++commits === 100 && path !== ':memory:') checkpointer = startCheckpointer(db, path);
        if (waiting.length) await new Promise((next) => setImmediate(next));
      }
    } finally {
      draining = false;
    }
  }
  const secret = await migrate(tx, 'sqlite');
  return {
    dialect: 'sqlite',
    secret,
    tx,
    close: async () => {
      await drained;
      while (syncing) await syncing;
      if (walFd !== undefined) closeSync(walFd);
      await checkpointer?.close();
      db.close();
    },
  };
}

/**
 * Moves the WAL checkpoint off the request path: SQLite's automatic one (inside the COMMIT that
 * crosses 1,000 WAL pages, with two fsyncs) is turned off on the request connection, and a worker
 * thread with its own connection checkpoints beside it (server/checkpoint.mjs). Should the worker
 * fail to start or die, the automatic checkpoint comes back on, so the WAL never grows unchecked.
 * @param {import('better-sqlite3').Database} db @param {string} path
 */
function startCheckpointer(db, path, interval = 1000) {
  db.pragma('wal_autocheckpoint = 0');
  // After a burst, a WAL that was started over is cut back to 64 MB on disk.
  db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  const worker = new Worker(new URL('./checkpoint.mjs', import.meta.url), {
    // RESTART holds the writers off while it copies and syncs (20-85 ms measured), and the request
    // thread's BEGIN waits for it synchronously: every RESTART stalls all requests in flight. Past
    // 32,768 pages (128 MB of WAL, reached only under a sustained burst; the journal_size_limit cuts
    // the file back to 64 MB once it starts over), half as often as at 16,384: p99 at 1,000 stored,
    // 50 connections, quiet machine, 54/67/65 ms -> 33/32/34 ms (bench/server-results.md).
    workerData: { path, interval, restartPages: 32_768 },
  });
  worker.unref();
  let open = true;
  const fallBack = () => {
    if (open) db.pragma('wal_autocheckpoint = 1000');
    open = false;
  };
  worker.on('error', fallBack);
  const exited = new Promise((resolve) => worker.once('exit', resolve)).then(fallBack);
  return {
    async close() {
      if (!open) return;
      open = false;
      worker.ref(); // the process waits for the worker's connection to close
      worker.postMessage('close');
      await exited;
    },
  };
}

/**
 * A database file is whole pages: a cut or padded file (SQLite's own check passes some of those)
 * is refused before SQLite opens it. An empty file is a new database.
 * @param {string} path
 */
function checkHeader(path) {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return;
    const header = Buffer.alloc(100);
    readSync(fd, header, 0, 100, 0);
    if (header.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0')
      throw new Error('file is not a SQLite database');
    const raw = header.readUInt16BE(16);
    const pageSize = raw === 1 ? 65536 : raw;
    if (size % pageSize !== 0)
      throw new Error(`the file is ${size} bytes, not whole ${pageSize}-byte pages: cut or padded`);
  } finally {
    closeSync(fd);
  }
}

/** SQLite's codes for a full, read-only or busy database become StorageErrors (503). */
function sqliteError(/** @type {any} */ error) {
  const code = String(error?.code ?? '');
  if (/^SQLITE_(FULL|READONLY|BUSY|LOCKED|IOERR|CANTOPEN|CORRUPT|NOTADB)/.test(code)) {
    return new StorageError(`${code}: ${error.message}`);
  }
  return error;
}

/**
 * Class 08 connection, 53 resources (disk full), 57 operator intervention, 58 system error,
 * 25006 read-only transaction; no SQLSTATE at all: the connection broke. Those are StorageErrors (503).
 * @param {unknown} error
 */
function postgresError(error) {
  const code = String(/** @type {any} */ (error)?.code ?? '');
  if (/^(08|53|57|58)/.test(code) || code === '25006' || (!code && !(error instanceof TypeError))) {
    return error instanceof StorageError ? error : new StorageError(/** @type {Error} */ (error).message);
  }
  return error;
}

/** The connection is gone or the server stops: the whole transaction is lost. */
const lostConnection = (/** @type {unknown} */ error) => {
  const code = String(/** @type {any} */ (error)?.code ?? '');
  return /^(08|57)/.test(code) || (!code && /** @type {any} */ (error)?.message?.includes('Connection terminated'));
};

/** @param {string} url */
async function openPostgres(url) {
  const pg = await load('pg', 'a PostgreSQL database');
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // BIGINT columns hold milliseconds: numbers, not strings.
    types: {
      getTypeParser: (/** @type {number} */ oid, /** @type {any} */ format) =>
        oid === 20 ? Number : pg.types.getTypeParser(oid, format),
    },
  });
  pool.on('error', () => {}); // an idle client lost its server: the next query reports it
  /** @param {string} sql */
  const numbered = (sql) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  /**
   * Group commit, as on SQLite: the transactions of concurrent requests run one after another on
   * one connection, each in a savepoint of a transaction they share, and each is answered after
   * that COMMIT. One commit (one WAL flush) per group instead of per request; and the rows every
   * request writes (the client address's rate-limit counter, in the bench every request's) are
   * held by one transaction at a time instead of passing from one request's COMMIT to the next.
   * While a group's COMMIT is flushed, the next group starts on a second connection and waits in
   * the server for the group lock (below), so it starts the moment that COMMIT is done. A failing
   * request rolls back to its savepoint and fails alone; a failing COMMIT or a lost connection
   * fails the group, and nothing of it is kept.
   * @type {{ fn: (q: Query) => Promise<unknown>, resolve: (v: unknown) => void, reject: (e: unknown) => void }[]}
   */
  const waiting = [];
  let draining = false;
  /** @type {Promise<void>} */
  let drained = Promise.resolve();
  /** Clients given a listener for 'error' (once each: the pool reuses them). */
  const quiet = new WeakSet();
  /** @type {Store['tx']} */
  const tx = (fn) =>
    new Promise((resolve, reject) => {
      waiting.push({ fn: /** @type {any} */ (fn), resolve: /** @type {any} */ (resolve), reject });
      schedule();
    });
  const schedule = () => {
    if (draining) return;
    draining = true;
    drained = new Promise((started) => setImmediate(started)).then(drain);
  };

  async function drain() {
    /** @type {Promise<void>} */
    let committing = Promise.resolve();
    try {
      while (waiting.length) {
        const group = waiting.splice(0, GROUP_POSTGRES);
        let client;
        try {
          client = await pool.connect();
        } catch (error) {
          for (const job of group) job.reject(new StorageError(/** @type {Error} */ (error).message));
          continue;
        }
        // A connection lost while checked out is reported by its query; without a listener its
        // 'error' event would end the process.
        if (!quiet.has(client)) quiet.add(client.on('error', () => {}));
        const built = await runGroup(client, group);
        // This group's COMMIT goes out; the next group is built beside it once the one before
        // this has committed (two connections at most).
        const commit = built ? commitGroup(client, built) : Promise.resolve();
        await committing;
        committing = commit;
      }
    } finally {
      await committing;
      draining = false;
      // Requests sent by the code a last COMMIT answered, while that COMMIT was awaited.
      if (waiting.length) schedule();
    }
  }

  /**
   * BEGIN, the group lock, then each request in its savepoint; returns what to commit, or
   * undefined when the transaction is lost (its requests are answered then, the client discarded).
   * @param {import('pg').PoolClient} client @param {typeof waiting} group
   */
  async function runGroup(client, group) {
    /** @type {Query} */
    const q = {
      get: async (sql, params = []) => (await client.query(numbered(sql), params)).rows[0],
      all: async (sql, params = []) => (await client.query(numbered(sql), params)).rows,
      run: async (sql, params = []) => ({ changes: (await client.query(numbered(sql), params)).rowCount ?? 0 }),
    };
    /** @type {[(typeof group)[number], unknown][]} */
    const done = [];
    let i = 0; // group[i] runs; the ones before it are settled or done
    try {
      // One group at a time per database, across processes and hosts: a group takes the rows of
      // many requests in their order, so two groups that each hold a row the other's later request
      // needs would deadlock (PostgreSQL would break it after deadlock_timeout, 1 s, failing one).
      await client.query('BEGIN; SELECT pg_advisory_xact_lock(7340417)');
      for (; i < group.length; i++) {
        const job = /** @type {(typeof group)[number]} */ (group[i]);
        await client.query('SAVEPOINT gz_request');
        let ok = false;
        let result;
        let failure;
        try {
          // Not released after it (a round trip less per request): PostgreSQL keeps savepoints of
          // one name as a stack, and ROLLBACK TO goes back to the newest, this request's.
          result = await job.fn(q);
          ok = true;
        } catch (error) {
          failure = error;
        }
        if (ok) {
          done.push([job, result]);
          continue;
        }
        if (lostConnection(failure)) throw failure;
        await client.query('ROLLBACK TO SAVEPOINT gz_request');
        job.reject(postgresError(failure));
      }
      return done;
    } catch (error) {
      // Nothing of the group is kept: the requests that ran fail (503); those not yet run go back
      // to the queue, for the next group on another connection.
      for (const [job] of done) job.reject(postgresError(error));
      group[i]?.reject(postgresError(error));
      waiting.unshift(...group.slice(i + 1));
      await client.query('ROLLBACK').catch(() => {});
      client.release(/** @type {Error} */ (error));
      return undefined;
    }
  }

  /**
   * @param {import('pg').PoolClient} client @param {[{ resolve: (v: unknown) => void, reject: (e: unknown) => void }, unknown][]} done
   */
  async function commitGroup(client, done) {
    try {
      await client.query('COMMIT');
      client.release();
      for (const [job, result] of done) job.resolve(result);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      client.release(/** @type {Error} */ (error));
      for (const [job] of done) job.reject(postgresError(error));
    }
  }

  let secret;
  try {
    secret = await migrate(tx, 'postgres');
  } catch (error) {
    await pool.end();
    throw new Error(
      `gazette/server: cannot open the subscriptions database ${url.replace(/\/\/[^@/]*@/, '//…@')}: ` +
        `${/** @type {Error} */ (error).message}. Check the URL, that the server runs and that the user may create tables.`,
      { cause: error },
    );
  }
  return {
    dialect: 'postgres',
    secret,
    tx,
    close: async () => {
      while (draining) await drained;
      await pool.end();
    },
  };
}

/**
 * Brings the schema to SCHEMA_VERSION and returns the store's secret (kept in the database, so
 * every process of one publisher derives the same unsubscribe keys and address hashes).
 * @param {Store['tx']} tx @param {'sqlite' | 'postgres'} dialect
 */
async function migrate(tx, dialect) {
  return tx(async (q) => {
    // Two processes starting on one PostgreSQL database migrate one after the other.
    if (dialect === 'postgres') await q.get('SELECT pg_advisory_xact_lock(7340416)');
    await q.run('CREATE TABLE IF NOT EXISTS gz_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    const row = await q.get("SELECT value FROM gz_meta WHERE key = 'schema_version'");
    const version = row ? Number(row.value) : 0;
    if (version > SCHEMA_VERSION) {
      throw new Error(`schema version ${version} was written by a newer gazette (this one knows ${SCHEMA_VERSION})`);
    }
    for (const step of MIGRATIONS.slice(version)) for (const sql of step) await q.run(sql);
    await q.run(
      "INSERT INTO gz_meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      [String(SCHEMA_VERSION)],
    );
    await q.run("INSERT INTO gz_meta (key, value) VALUES ('secret', ?) ON CONFLICT (key) DO NOTHING", [
      randomBytes(32).toString('base64url'),
    ]);
    return /** @type {string} */ ((await q.get("SELECT value FROM gz_meta WHERE key = 'secret'")).value);
  });
}
