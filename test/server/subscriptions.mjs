// @ts-check
/**
 * The reference subscribe endpoint of `<gz-subscribe-button>`: Node's `http` types only, no
 * framework, so the same handler runs in Vite's dev server (`npm start`), in the test runner's
 * server (scripted faults for the element's tests) and behind any `http.createServer`.
 *
 * Contract (see README "Subscribe endpoint contract"):
 * - `POST {mount}` JSON `{ topic, email, locale }` → 201 `{status: "subscribed" | "pending"}` (new),
 *   200 `{status: "pending"}` (already waiting for confirmation), 409 `{status: "subscribed"}`
 *   (already subscribed), 422 `{error: {field: "email", code}}` (invalid e-mail or topic), 400 (bad
 *   JSON), 403 (CSRF token missing or wrong when one is configured), 415 (other content types).
 * - `DELETE {mount}` with the same body, or `POST` with `"intent": "unsubscribe"` → 200
 *   `{status: "unsubscribed"}`, also when there was nothing to remove.
 * - `Idempotency-Key` header: the first response to a key is stored and replayed for every repeat
 *   of the same request (`Idempotent-Replayed: true`); the same key with another body is a 400.
 *   Subscriptions are also unique by (topic, e-mail), e-mail compared case-insensitively.
 * - Double opt-in: new subscriptions are `pending` and a confirmation link is logged;
 *   `GET {mount}/confirm?token=…` confirms.
 * - A form post (`application/x-www-form-urlencoded`, the element's no-JavaScript fallback) is
 *   handled the same way and answered with a small HTML page.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Requests larger than this are refused (413). */
const MAX_REQUEST_BYTES = 16 * 1024;
/** A pragmatic e-mail check: something@something.tld, no spaces or brackets, at most 254 characters. */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/u;
const MAX_TOPIC = 200;

/**
 * @typedef {{ topic: string, email: string, locale: string, status: 'subscribed' | 'pending',
 *   token: string, created: string }} Subscription
 * @typedef {{ fingerprint: string, status: number, body: unknown }} StoredResponse
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 */

/** Subscriptions and idempotency records, in memory or backed by a JSON file that survives restarts. */
export class SubscriptionStore {
  /** @param {{ file?: string }} [options] */
  constructor({ file } = {}) {
    this.file = file;
    /** @type {Map<string, Subscription>} */
    this.subscriptions = new Map();
    /** @type {Map<string, StoredResponse>} */
    this.responses = new Map();
    if (file) {
      try {
        const data = JSON.parse(readFileSync(file, 'utf8'));
        for (const s of data.subscriptions ?? []) this.subscriptions.set(SubscriptionStore.key(s.topic, s.email), s);
        for (const [k, v] of Object.entries(data.responses ?? {})) this.responses.set(k, /** @type {any} */ (v));
      } catch {
        // No file yet (or an unreadable one): start empty; the next write creates it.
      }
    }
  }

  /** @param {string} topic @param {string} email */
  static key(topic, email) {
    return JSON.stringify([topic, email.toLowerCase()]);
  }

  /** @returns {Subscription[]} */
  list() {
    return [...this.subscriptions.values()];
  }

  /** Writes the file atomically (temporary file, then rename), so a crash never leaves half a file. */
  save() {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    const data = { subscriptions: this.list(), responses: Object.fromEntries(this.responses) };
    writeFileSync(temporary, JSON.stringify(data, null, 2));
    renameSync(temporary, this.file);
  }
}

/** Reads a request body up to `limit` bytes; resolves `undefined` when it is larger. */
function readBody(/** @type {Req} */ req, limit = MAX_REQUEST_BYTES) {
  return /** @type {Promise<string | undefined>} */ (
    new Promise((resolve, reject) => {
      /** @type {Buffer[]} */
      const chunks = [];
      let size = 0;
      let done = false;
      req.on('data', (/** @type {Buffer} */ chunk) => {
        if (done) return;
        size += chunk.length;
        if (size > limit) {
          done = true;
          resolve(undefined);
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', () => !done && resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    })
  );
}

/** @param {Res} res @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

const escapeHtml = (/** @type {string} */ s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A small page for form posts and confirmation links, with a link back to `back` when given.
 * @param {Res} res @param {number} status @param {string} title @param {string} text @param {string} [back]
 */
function sendHtml(res, status, title, text, back) {
  // Always a way back: the article when the browser said where the form was (Referer), else the
  // site's front page (a no-referrer policy or a privacy setting drops the Referer).
  const link = back
    ? `<p><a href="${escapeHtml(back)}">Zurück zum Artikel</a></p>`
    : '<p><a href="/">Zur Startseite</a></p>';
  const page = `<!doctype html><html lang="de"><meta charset="utf-8"><title>${escapeHtml(title)}</title><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${link}</body></html>`;
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(page);
}

/** The page a form was posted from, when it is an http(s) page of this host; else undefined. */
function backLink(/** @type {Req} */ req) {
  try {
    const referer = new URL(String(req.headers.referer ?? ''));
    if ((referer.protocol === 'http:' || referer.protocol === 'https:') && referer.host === req.headers.host) {
      return referer.href;
    }
  } catch {
    // no or an unparsable Referer: no link
  }
  return undefined;
}

/**
 * @typedef {object} HandlerOptions
 * @property {SubscriptionStore} [store]  where subscriptions live (default: a new in-memory store)
 * @property {boolean} [doubleOptIn]  new subscriptions wait for a confirmation link
 * @property {string} [csrfToken]  when set, JSON requests must send it in `X-CSRF-Token`
 *   (form posts in a `csrf_token` field)
 * @property {(message: string) => void} [log]  where confirmation links are printed
 */

/**
 * Creates the endpoint. The returned function handles one request whose path below the mount
 * point is `subpath` (`''` for the mount itself, `/confirm` for confirmation links).
 * @param {HandlerOptions} [options]
 */
export function createSubscriptionHandler(options = {}) {
  const store = options.store ?? new SubscriptionStore();
  const log = options.log ?? (() => {});

  /**
   * @param {Req} req
   * @param {Res} res
   * @param {string} subpath
   */
  async function handle(req, res, subpath) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';

    if (subpath === '/confirm' && method === 'GET') {
      const token = url.searchParams.get('token');
      const found = store.list().find((s) => s.token === token);
      if (!found) return sendHtml(res, 404, 'Link ungültig', 'Dieser Bestätigungslink ist unbekannt oder abgelaufen.');
      found.status = 'subscribed';
      store.save();
      return sendHtml(res, 200, 'Bestätigt', `Sie folgen jetzt dem Thema „${found.topic}“.`);
    }
    if (subpath !== '' && subpath !== '/') return sendJson(res, 404, { error: { code: 'not-found' } });
    if (method === 'OPTIONS') {
      res.writeHead(204, { allow: 'POST, DELETE, OPTIONS' });
      return res.end();
    }
    if (method !== 'POST' && method !== 'DELETE') {
      return sendJson(res, 405, { error: { code: 'method-not-allowed' } }, { allow: 'POST, DELETE, OPTIONS' });
    }

    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    const isForm = type === 'application/x-www-form-urlencoded';
    if (type !== 'application/json' && !isForm) {
      return sendJson(res, 415, { error: { code: 'unsupported-media-type' } });
    }
    const raw = await readBody(req);
    if (raw === undefined) return sendJson(res, 413, { error: { code: 'too-large' } });

    /** @type {Record<string, unknown>} */
    let body;
    try {
      body = isForm ? Object.fromEntries(new URLSearchParams(raw)) : JSON.parse(raw);
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('not an object');
    } catch {
      return sendJson(res, 400, { error: { code: 'bad-json' } });
    }

    if (options.csrfToken) {
      const sent = isForm ? body['csrf_token'] : req.headers['x-csrf-token'];
      if (sent !== options.csrfToken) return sendJson(res, 403, { error: { code: 'csrf' } });
    }

    const unsubscribe = method === 'DELETE' || body['intent'] === 'unsubscribe';
    const key = req.headers['idempotency-key'];
    const fingerprint = JSON.stringify([method, raw]);
    if (typeof key === 'string' && key) {
      const stored = store.responses.get(key);
      if (stored) {
        if (stored.fingerprint !== fingerprint) {
          return sendJson(res, 400, { error: { code: 'idempotency-key-reused' } });
        }
        return sendJson(res, stored.status, stored.body, { 'idempotent-replayed': 'true' });
      }
    }

    const [status, answer] = apply(body, unsubscribe, req);
    if (typeof key === 'string' && key) {
      store.responses.set(key, { fingerprint, status, body: answer });
    }
    store.save();
    if (isForm) {
      const ok = status < 300 || status === 409;
      const title = !ok ? 'Das hat nicht geklappt' : unsubscribe ? 'Abbestellt' : 'Danke';
      const text = !ok
        ? 'Bitte prüfen Sie die E-Mail-Adresse und versuchen Sie es erneut.'
        : unsubscribe
          ? 'Sie erhalten zu diesem Thema keine E-Mails mehr.'
          : /** @type {any} */ (answer).status === 'pending'
            ? 'Bitte bestätigen Sie das Abonnement über den Link in der E-Mail, die wir Ihnen geschickt haben.'
            : 'Sie erhalten eine E-Mail, sobald wir einen neuen Artikel zu diesem Thema veröffentlichen.';
      return sendHtml(res, ok ? 200 : status, title, text, backLink(req));
    }
    return sendJson(res, status, answer);
  }

  /**
   * Validates and applies one request to the store.
   * @param {Record<string, unknown>} body
   * @param {boolean} unsubscribe
   * @param {Req} req
   * @returns {[number, unknown]}
   */
  function apply(body, unsubscribe, req) {
    const { topic, email, locale } = body;
    if (typeof topic !== 'string' || !topic.trim() || topic.length > MAX_TOPIC) {
      return [422, { error: { field: 'topic', code: 'invalid' } }];
    }
    if (typeof email !== 'string' || email.length > 254 || !EMAIL.test(email.trim())) {
      return [422, { error: { field: 'email', code: 'invalid' } }];
    }
    const k = SubscriptionStore.key(topic, email.trim());
    const existing = store.subscriptions.get(k);
    if (unsubscribe) {
      // Nothing to remove is what the reader wanted: 200 as well (the element also takes 404/410).
      if (!existing) return [200, { status: 'unsubscribed' }];
      store.subscriptions.delete(k);
      return [200, { status: 'unsubscribed' }];
    }
    if (existing) return existing.status === 'pending' ? [200, { status: 'pending' }] : [409, { status: 'subscribed' }];
    /** @type {Subscription} */
    const record = {
      topic,
      email: email.trim(),
      locale: typeof locale === 'string' ? locale.slice(0, 35) : '',
      status: options.doubleOptIn ? 'pending' : 'subscribed',
      token: randomUUID(),
      created: new Date().toISOString(),
    };
    store.subscriptions.set(k, record);
    if (options.doubleOptIn) {
      const host = req.headers.host ?? 'localhost';
      const base = (req.headers['x-gz-mount'] ?? '').toString();
      log(
        `gazette: confirm ${JSON.stringify(topic)} for ${record.email}: http://${host}${base}/confirm?token=${record.token}`,
      );
    }
    return [201, { status: record.status }];
  }

  return { handle, store };
}

/**
 * A Vite plugin serving the endpoint at `mount` on the dev server (`npm start`): the demo page's
 * subscribe buttons work against it. Subscriptions are kept in `file` (JSON) across restarts.
 * @param {HandlerOptions & { mount?: string, file?: string }} [options]
 */
export function subscriptionsVitePlugin(options = {}) {
  const mount = options.mount ?? '/api/subscriptions';
  return {
    name: 'gz-subscriptions',
    /** @param {{ middlewares: { use: (fn: (req: Req, res: Res, next: (e?: unknown) => void) => void) => void } }} server */
    configureServer(server) {
      const store = options.store ?? new SubscriptionStore(options.file ? { file: options.file } : {});
      const { handle } = createSubscriptionHandler({ ...options, store, log: options.log ?? console.log });
      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        if (path !== mount && !path.startsWith(`${mount}/`)) return next();
        req.headers['x-gz-mount'] = mount;
        handle(req, res, path.slice(mount.length)).catch(next);
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The test harness: one endpoint per test id, with scripted faults and a record of every request.
// ---------------------------------------------------------------------------------------------

/**
 * One scripted answer. The first entries of a test's script answer its first requests; when the
 * script is used up, the real endpoint answers.
 * @typedef {object} ScriptStep
 * @property {number} [status]  answer with this status…
 * @property {Record<string, string>} [headers]  …these headers (e.g. `retry-after`)…
 * @property {string} [body]  …and this body (default `{}` as JSON)
 * @property {string} [type]  content type of `body` (default JSON)
 * @property {number} [bytes]  send a JSON-looking body of this many bytes (a huge response)
 * @property {boolean} [commit]  run the real endpoint first (the subscription is stored), then
 *   answer with `status` anyway: a server that fails after committing
 * @property {boolean} [stall]  never answer (until the client gives up)
 * @property {boolean} [destroy]  drop the connection without an answer (a network error)
 * @property {number} [delay]  real milliseconds to wait before answering
 */

export const TEST_MOUNT = '/api/test-subscriptions/';

/**
 * The test server's endpoints, below `/api/test-subscriptions/<id>`:
 * - `<id>`, `<id>/confirm`: the endpoint, answering from the script first;
 * - `POST <id>/_setup` `{script?: ScriptStep[], doubleOptIn?, csrfToken?}`: resets that endpoint;
 * - `GET <id>/_log`: the requests it received (method, headers, body), in order;
 * - `GET <id>/_records`: its stored subscriptions.
 */
export function createTestHarness() {
  /** @type {Map<string, { handler: ReturnType<typeof createSubscriptionHandler>, script: ScriptStep[], log: object[] }>} */
  const endpoints = new Map();

  /** @param {string} id @param {{ script?: ScriptStep[], doubleOptIn?: boolean, csrfToken?: string }} [setup] */
  function reset(id, setup = {}) {
    const entry = {
      handler: createSubscriptionHandler({
        doubleOptIn: !!setup.doubleOptIn,
        ...(setup.csrfToken ? { csrfToken: setup.csrfToken } : {}),
      }),
      script: [...(setup.script ?? [])],
      log: [],
    };
    endpoints.set(id, entry);
    return entry;
  }

  /** @param {Req} req @param {Res} res @returns {Promise<boolean>} whether it handled the request */
  async function handle(req, res) {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!path.startsWith(TEST_MOUNT)) return false;
    const [id = '', ...rest] = path.slice(TEST_MOUNT.length).split('/');
    const sub = rest.length ? `/${rest.join('/')}` : '';
    if (sub === '/_setup' && req.method === 'POST') {
      const raw = (await readBody(req, 1024 * 1024)) ?? '{}';
      reset(id, JSON.parse(raw));
      sendJson(res, 200, { ok: true });
      return true;
    }
    const entry = endpoints.get(id) ?? reset(id);
    if (sub === '/_log') return (sendJson(res, 200, entry.log), true);
    if (sub === '/_records') return (sendJson(res, 200, entry.handler.store.list()), true);

    // Record the request as it arrived, body included, then answer it.
    const raw = (await readBody(req, 1024 * 1024)) ?? '';
    entry.log.push({ method: req.method, path: sub, headers: { ...req.headers }, body: raw });
    const { Readable } = await import('node:stream');
    const replay = /** @type {Req} */ (
      Object.assign(Readable.from([Buffer.from(raw)]), {
        headers: req.headers,
        method: req.method,
        url: req.url,
      })
    );
    const step = entry.script.shift();
    if (!step) {
      await entry.handler.handle(replay, res, sub);
      return true;
    }
    if (step.delay) await new Promise((r) => setTimeout(r, step.delay));
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
      // Run the real endpoint against a throw-away response, then answer with the scripted fault.
      const { PassThrough } = await import('node:stream');
      const sink = /** @type {any} */ (new PassThrough());
      sink.writeHead = () => sink;
      sink.setHeader = () => {};
      await entry.handler.handle(replay, sink, sub);
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

  return { handle, reset };
}

/**
 * A `@web/test-runner` / `@web/dev-server` plugin mounting the test harness on the test server.
 */
export function subscriptionsTestPlugin() {
  const harness = createTestHarness();
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
      await harness.handle(context.req, context.res);
      return undefined;
    },
  };
}

// `node test/server/subscriptions.mjs [port]`: the endpoint alone on Node's http server, at
// http://127.0.0.1:8787/api/subscriptions, for a publisher trying the contract with curl.
if (process.argv[1] && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href) {
  const { createServer } = await import('node:http');
  const port = Number(process.argv[2] ?? 8787);
  const mount = '/api/subscriptions';
  const file = process.env['GZ_SUBSCRIPTIONS_FILE'] ?? 'node_modules/.cache/gazette/subscriptions.json';
  const { handle } = createSubscriptionHandler({
    store: new SubscriptionStore({ file }),
    doubleOptIn: process.env['GZ_DOUBLE_OPT_IN'] === '1',
    log: console.log,
  });
  createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== mount && !path.startsWith(`${mount}/`)) return sendJson(res, 404, { error: { code: 'not-found' } });
    req.headers['x-gz-mount'] = mount;
    handle(req, res, path.slice(mount.length)).catch((error) => {
      console.error(error);
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'internal' } });
    });
  }).listen(port, '127.0.0.1', () =>
    console.log(`gazette: subscribe endpoint at http://127.0.0.1:${port}${mount} (${file})`),
  );
}
