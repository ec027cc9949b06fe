// @ts-check
/**
 * Test scaffolding for `<gz-subscribe-button>`'s tests: the real service (`gazette/server`, one
 * SQLite file per endpoint in a temporary folder) behind a thin wrapper that scripts faults and
 * records what arrived. Nothing here answers the contract itself: when a test's script is used up
 * (or it has none), the service answers.
 *
 * Below `/api/test-subscriptions/<id>`:
 * - `<id>`, `<id>/confirm`, `<id>/unsubscribe`: the service (mounted there), after the script;
 * - `POST <id>/_setup` `{script?: ScriptStep[], doubleOptIn?, csrfToken?}`: a new service for `id`
 *   (single opt-in unless `doubleOptIn`, so a test that needs an immediate 201 gets one);
 * - `GET <id>/_log`: the requests it received (method, path, headers, body), in order;
 * - `GET <id>/_records`: its stored subscriptions (`topic`, `email`, `locale`, `status`);
 * - `GET <id>/_mails`: the mails the service sent (to, subject, text, headers).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { createSubscriptionService, openStore } from '../../server/index.mjs';

/** The tests send from one address far faster than a reader: the service's rate limits are lifted. */
const NO_LIMITS = { perIpPerMinute: 1e9, perAddressPerHour: 1e9 };
/** Services kept open at once; older ones (earlier tests') are closed and their files removed. */
const OPEN_AT_MOST = 48;

/**
 * One scripted answer. The first entries of a test's script answer its first requests; when the
 * script is used up, the real service answers.
 * @typedef {object} ScriptStep
 * @property {number} [status]  answer with this status…
 * @property {Record<string, string>} [headers]  …these headers (e.g. `retry-after`)…
 * @property {string} [body]  …and this body (default `{}` as JSON)
 * @property {string} [type]  content type of `body` (default JSON)
 * @property {number} [bytes]  send a JSON-looking body of this many bytes (a huge response)
 * @property {boolean} [commit]  let the service handle the request first (the subscription is
 *   stored), then answer with `status` anyway: a server that fails after committing
 * @property {boolean} [stall]  never answer (until the client gives up)
 * @property {boolean} [destroy]  drop the connection without an answer (a network error)
 * @property {number} [delay]  real milliseconds to wait before answering
 * @property {boolean} [hold]  answer only once the test posts `<id>/_release` (a slow server whose
 *   answer the test lets through when it has seen the state in between)
 * @typedef {{ script?: ScriptStep[], doubleOptIn?: boolean, csrfToken?: string }} Setup
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 * @typedef {import('../../server/index.d.mts').MailMessage} MailMessage
 * @typedef {{ service: Promise<import('../../server/index.d.mts').SubscriptionService>, file: string,
 *   script: ScriptStep[], release: Set<() => void>, log: object[], mails: MailMessage[] }} Entry
 */

export const TEST_MOUNT = '/api/test-subscriptions/';

/** Reads a whole request body (the tests' bodies are small; 1 MB at most is kept). */
async function readAll(/** @type {Req} */ req) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size <= 1024 * 1024) chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** @param {Res} res @param {number} status @param {unknown} body */
function sendJson(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** The fault-scripting wrapper: one service per test id, created on `_setup` or first use. */
export function createTestHarness() {
  const dir = mkdtempSync(join(tmpdir(), 'gz-test-subscriptions-'));
  /** @type {Map<string, Entry>} */
  const endpoints = new Map();
  let files = 0;
  // A migrated, empty database each endpoint starts from as a copy: creating and migrating a file
  // per test took about 100 ms on this machine under load, a copy a fraction of that.
  const template = join(dir, 'template.db');
  const made = openStore(`sqlite:${template}`).then((store) => store.close());

  /** @param {Entry} entry */
  const retire = (entry) =>
    entry.service
      .then((s) => s.close())
      .catch(() => {})
      .finally(() => {
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${entry.file}${suffix}`, { force: true });
      });

  /**
   * A new service for `id`. Links in its mails go to `origin` (the test server the request came
   * to): in a test, that is the public origin.
   * @param {string} id @param {string} origin @param {Setup} [setup]
   */
  function reset(id, origin, setup = {}) {
    const previous = endpoints.get(id);
    if (previous) {
      endpoints.delete(id);
      void retire(previous);
    }
    /** @type {MailMessage[]} */
    const mails = [];
    const file = join(dir, `${++files}.db`);
    /** @type {Entry} */
    const entry = {
      service: made
        .then(() => (copyFileSync(template, file), undefined))
        .then(() =>
          createSubscriptionService({
            database: `sqlite:${file}`,
            // A throwaway file per test: no sync per commit (the fault tests run the default).
            synchronous: 'normal',
            mount: `${TEST_MOUNT}${id}`,
            publicOrigin: origin,
            singleOptIn: !setup.doubleOptIn,
            mailer: { send: async (message) => void mails.push(message) },
            ...(setup.csrfToken ? { csrfToken: setup.csrfToken } : {}),
            limits: NO_LIMITS,
            log: () => {},
          }),
        ),
      file,
      script: [...(setup.script ?? [])],
      release: new Set(),
      log: [],
      mails,
    };
    endpoints.set(id, entry);
    for (const [old, e] of endpoints) {
      if (endpoints.size <= OPEN_AT_MOST) break;
      endpoints.delete(old);
      void retire(e);
    }
    return entry;
  }

  /** @param {Req} req @param {Res} res @returns {Promise<boolean>} whether it handled the request */
  async function handle(req, res) {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!path.startsWith(TEST_MOUNT)) return false;
    const [id = '', ...rest] = path.slice(TEST_MOUNT.length).split('/');
    const sub = rest.length ? `/${rest.join('/')}` : '';
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    if (sub === '/_setup' && req.method === 'POST') {
      await reset(id, origin, JSON.parse((await readAll(req)) || '{}')).service;
      sendJson(res, 200, { ok: true });
      return true;
    }
    const entry = endpoints.get(id) ?? reset(id, origin);
    const service = await entry.service;
    if (sub === '/_release' && req.method === 'POST') {
      for (const release of entry.release) release();
      entry.release.clear();
      return (sendJson(res, 200, { ok: true }), true);
    }
    if (sub === '/_log') return (sendJson(res, 200, entry.log), true);
    if (sub === '/_mails') return (sendJson(res, 200, entry.mails), true);
    if (sub === '/_records') {
      const records = await service.store.tx((q) =>
        q.all('SELECT topic, address AS email, locale, status FROM gz_subscriptions ORDER BY created, address'),
      );
      return (sendJson(res, 200, records), true);
    }

    // Record the request as it arrived, body included, then answer it (the service reads the body
    // again from a copy).
    const raw = await readAll(req);
    entry.log.push({ method: req.method, path: sub, headers: { ...req.headers }, body: raw });
    const replay = () =>
      /** @type {Req} */ (
        Object.assign(Readable.from([Buffer.from(raw)]), {
          headers: req.headers,
          method: req.method,
          url: req.url,
          socket: req.socket,
        })
      );
    const step = entry.script.shift();
    if (!step) {
      await service(replay(), res);
      return true;
    }
    if (step.delay) await new Promise((r) => setTimeout(r, step.delay));
    if (step.hold) await new Promise((release) => entry.release.add(() => release(undefined)));
    if (step.stall) {
      // Hold the request until the client gives up (or 30 s pass, then answer 504).
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 30_000);
        res.on('close', () => (clearTimeout(timer), resolve(undefined)));
      });
      if (!res.writableEnded && !res.destroyed) sendJson(res, 504, { error: { code: 'stalled' } });
      return true;
    }
    if (step.destroy) {
      req.socket.destroy();
      return true;
    }
    if (step.commit) {
      // The service handles it against a throw-away response; then the scripted fault answers.
      const sink = /** @type {any} */ (new PassThrough());
      sink.writeHead = () => sink;
      sink.setHeader = () => {};
      sink.resume();
      await service(replay(), sink);
    }
    const headers = { 'cache-control': 'no-store', ...(step.headers ?? {}) };
    if (step.bytes) {
      res.writeHead(step.status ?? 200, { 'content-type': 'application/json', ...headers });
      res.write('{"status":"subscribed","padding":"');
      const chunk = 'x'.repeat(64 * 1024);
      for (let sent = 0; sent < step.bytes; sent += chunk.length) {
        if (res.destroyed) break;
        if (!res.write(chunk)) {
          await new Promise((resolve) => {
            const done = () => (res.off('drain', done), res.off('close', done), resolve(undefined));
            res.on('drain', done);
            res.on('close', done);
          });
        }
      }
      if (!res.destroyed) res.end('"}');
      return true;
    }
    res.writeHead(step.status ?? 200, {
      'content-type': step.type ?? 'application/json; charset=utf-8',
      ...headers,
    });
    res.end(step.body ?? '{}');
    return true;
  }

  /** Closes every service and removes the folder. */
  async function close() {
    await Promise.all([...endpoints.values()].map(retire));
    endpoints.clear();
    rmSync(dir, { recursive: true, force: true });
  }
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

  return { handle, reset, close };
}

/**
 * A `@web/test-runner` / `@web/dev-server` plugin mounting the harness on the test server.
 */
export function subscriptionsTestPlugin() {
  /** @type {ReturnType<typeof createTestHarness> | undefined} */
  let harness;
  return {
    name: 'gz-test-subscriptions',
    /**
     * Plugins' `serve` hooks run before the file-serving middlewares. The harness writes the raw
     * response itself and tells Koa not to respond; `undefined` lets the chain end untouched.
     * @param {any} context  Koa's context
     */
    async serve(context) {
      if (!context.path.startsWith(TEST_MOUNT)) return undefined;
      context.respond = false;
      // Koa's default status is 404, which the test runner would report as a missing file; the
      // harness's own writeHead sets the real one.
      context.status = 200;
      harness ??= createTestHarness();
      await harness.handle(context.req, context.res);
      return undefined;
    },
    async serverStop() {
      await harness?.close();
    },
  };
}
