// @ts-check
/**
 * `gazette/server`: the subscribe endpoint behind `<gz-subscribe-button>`, as a plain
 * `(req, res)` handler for `node:http` (and so for Express, Fastify or Hono). See the README,
 * "Subscribe endpoint contract" and "Deploying the subscription service".
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { escapeLog, maskAddress, normalizeAddress, normalizeTopic } from './address.mjs';
import { folderMailer, mailTexts, smtpMailer } from './mail.mjs';
import { openStore, StorageError } from './store.mjs';

export { normalizeAddress } from './address.mjs';
export { folderMailer, smtpMailer } from './mail.mjs';
export { openStore, SCHEMA_VERSION } from './store.mjs';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
/** Timeouts a `node:http` server of this service should use (the bin sets them). */
export const SERVER_TIMEOUTS = { headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000 };

/**
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 * @typedef {import('./mail.mjs').Mailer} Mailer
 * @typedef {{ topic: string, address: string, locale: string }} Subscription
 * @typedef {object} ServiceOptions
 * @property {string} [database]  `sqlite:file.db` (default `gazette-subscriptions.db`) or `postgres://…`
 * @property {'full' | 'normal'} [synchronous]  SQLite: `full` (default) syncs every commit; `normal`
 *   survives kill -9 but can lose the last second of commits to a power loss (README "Durability")
 * @property {string} [publicOrigin]  where readers reach the service (`https://news.example`):
 *   confirmation and unsubscribe links are built from it, never from `Host`. Required for double opt-in.
 * @property {string} [mount]  the path of the endpoint (default `/api/subscriptions`)
 * @property {string[]} [allowedOrigins]  origins whose pages may post (default: publicOrigin only)
 * @property {boolean} [singleOptIn]  subscribe without a confirmation mail (not recommended)
 * @property {Mailer | string} [mailer]  a Mailer, an `smtp(s)://` URL or a folder for development mails
 * @property {string} [mailFrom]  the From of every mail
 * @property {boolean} [csrf]  per-session CSRF tokens (signed double-submit cookie): every subscribe and
 *   unsubscribe request must send the token of its session in `X-CSRF-Token` (forms: `csrf_token`);
 *   pages get it from `service.csrfToken(req, res)` or from `GET {mount}/csrf`
 * @property {string} [csrfToken]  a fixed token instead (one for every reader: prefer `csrf`)
 * @property {(req: Req, body: Record<string, unknown>) => boolean | Promise<boolean>} [verify]  a CAPTCHA check
 * @property {(s: Subscription) => unknown} [onConfirmed]  after a subscription is confirmed
 * @property {(s: { topic: string, address: string }) => unknown} [onUnsubscribed]  after one is removed
 * @property {{ perIpPerMinute?: number, perAddressPerHour?: number }} [limits]
 * @property {boolean} [trustProxy]  take the client address from `X-Forwarded-For` (behind a proxy)
 * @property {number} [maxBodyBytes]  default 8 KB
 * @property {number} [bodyTimeout]  ms, default 10 s
 * @property {(line: string) => void} [log]
 */

/** An answer decided inside a transaction. */
class Answer {
  /** @param {number} status @param {Record<string, unknown>} body */
  constructor(status, body) {
    this.status = status;
    this.body = body;
  }
}

/**
 * Opens the store (failing loudly when it cannot) and returns the request handler, which also
 * carries the data-subject and operator functions.
 * @param {ServiceOptions} [options]
 */
export async function createSubscriptionService(options = {}) {
  const mount = (options.mount ?? '/api/subscriptions').replace(/\/$/, '');
  const doubleOptIn = !options.singleOptIn;
  const origin = options.publicOrigin ? new URL(options.publicOrigin).origin : undefined;
  if (doubleOptIn && !origin) {
    throw new Error('gazette/server: double opt-in needs publicOrigin (where readers open confirmation links)');
  }
  const allowed = new Set([...(origin ? [origin] : []), ...(options.allowedOrigins ?? [])]);
  const log = (/** @type {string} */ line) => (options.log ?? console.log)(escapeLog(line));
  const limits = { perIpPerMinute: 30, perAddressPerHour: 10, ...options.limits };
  const maxBody = options.maxBodyBytes ?? 8 * 1024;
  const bodyTimeout = options.bodyTimeout ?? 10_000;
  const from = options.mailFrom ?? `Gazette <no-reply@${origin ? new URL(origin).hostname : 'localhost'}>`;
  /** @type {Mailer | undefined} */
  const mailer =
    typeof options.mailer === 'string'
      ? /^smtps?:/.test(options.mailer)
        ? await smtpMailer(options.mailer)
        : folderMailer(options.mailer, log)
      : options.mailer;
  if (doubleOptIn && !mailer) throw new Error('gazette/server: double opt-in needs a mailer (an SMTP URL or a folder)');
  const store = await openStore(options.database ?? 'sqlite:gazette-subscriptions.db', {
    synchronous: options.synchronous ?? 'full',
  });
  const keyed = (/** @type {string[]} */ ...parts) =>
    createHmac('sha256', store.secret).update(parts.join('\0')).digest('base64url');
  const sha = (/** @type {string} */ text) => createHash('sha256').update(text).digest('base64url');
  let purged = 0;
  // The CSRF session cookie: `__Host-` (Secure, whole host, no Domain) on an https origin.
  const csrfCookie = origin?.startsWith('https:') ? '__Host-gz-csrf' : 'gz-csrf';

  /** The request's CSRF session (the cookie's random value), when it sent a well-formed one. */
  function csrfSession(/** @type {Req} */ req) {
    for (const part of String(req.headers.cookie ?? '').split(';')) {
      const [name, value] = part.trim().split('=');
      if (name === csrfCookie && value && /^[A-Za-z0-9_-]{43}$/.test(value)) return value;
    }
    return undefined;
  }

  /**
   * The CSRF token of the request's session, for the page's `<meta name="csrf-token">` and the
   * no-JS form's `csrf_token` field. Without a session cookie, a new session starts and its cookie
   * is set on `res` (call it before the page's headers are sent).
   * @param {Req} req @param {Res} res
   */
  function csrfToken(req, res) {
    let session = csrfSession(req);
    if (!session) {
      session = randomBytes(32).toString('base64url');
      const cookie = `${csrfCookie}=${session}; Path=/; HttpOnly; SameSite=Lax${origin?.startsWith('https:') ? '; Secure' : ''}`;
      const set = res.getHeader('set-cookie');
      res.setHeader('set-cookie', [...(Array.isArray(set) ? set : set ? [String(set)] : []), cookie]);
    }
    return keyed('csrf', session);
  }

  /** Whether a subscribe or unsubscribe request carries the CSRF token it needs (if any). */
  function csrfValid(/** @type {Req} */ req, /** @type {unknown} */ sent) {
    if (options.csrfToken && sent !== options.csrfToken) return false;
    if (!options.csrf) return true;
    const session = csrfSession(req);
    if (!session || typeof sent !== 'string') return false;
    const expected = Buffer.from(keyed('csrf', session));
    const given = Buffer.from(sent);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** @param {Req} req */
  const clientIp = (req) =>
    (options.trustProxy &&
      String(req.headers['x-forwarded-for'] ?? '')
        .split(',')
        .pop()
        ?.trim()) ||
    req.socket?.remoteAddress ||
    'unknown';

  /**
   * One fixed-window counter in the database (so it holds across processes); true when over `max`.
   * @param {import('./store.mjs').Query} q @param {string} bucket @param {number} window @param {number} max
   */
  async function over(q, bucket, window, max) {
    const now = Date.now();
    const row = await q.get(
      `INSERT INTO gz_limits (bucket, window_start, hits) VALUES (?, ?, 1) ON CONFLICT (bucket) DO UPDATE SET
        hits = CASE WHEN gz_limits.window_start = excluded.window_start THEN gz_limits.hits + 1 ELSE 1 END,
        window_start = excluded.window_start RETURNING hits`,
      [bucket, now - (now % window)],
    );
    return Number(row.hits) > max;
  }

  /** @param {string} path @param {Record<string, string>} params */
  const link = (path, params) => `${origin}${mount}${path}?${new URLSearchParams(params)}`;

  /** @param {Subscription} s @param {'confirm' | 'leave'} kind @param {string} token */
  async function mail(s, kind, token) {
    if (!mailer) return;
    const t = mailTexts(s.locale);
    const unsubscribe = link('/unsubscribe', { token: keyed('unsubscribe', s.topic, s.address) });
    const target = kind === 'confirm' ? link('/confirm', { token }) : unsubscribe;
    try {
      await mailer.send({
        to: s.address,
        from,
        subject: kind === 'confirm' ? t.confirmSubject(s.topic) : t.leaveSubject(s.topic),
        text: kind === 'confirm' ? t.confirmBody(s.topic, target) : t.leaveBody(s.topic, target),
        headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      });
    } catch (error) {
      log(`gazette: mail to ${maskAddress(s.address)} failed: ${/** @type {Error} */ (error).message}`);
    }
  }

  /** @param {() => unknown} hook */
  const runHook = async (hook) => {
    try {
      await hook();
    } catch (error) {
      log(`gazette: hook failed: ${/** @type {Error} */ (error).message}`);
    }
  };

  /**
   * Subscribe or unsubscribe: one transaction, the idempotent answer stored in it.
   * @param {Req} req @param {Record<string, unknown>} body @param {boolean} leave @param {string | undefined} key
   * @param {string} requestHash
   */
  async function change(req, body, leave, key, requestHash) {
    const topic = normalizeTopic(body['topic']);
    if (!topic) return { answer: new Answer(422, { error: { field: 'topic', code: 'invalid' } }) };
    const address = normalizeAddress(body['email']);
    if (!address) return { answer: new Answer(422, { error: { field: 'email', code: 'invalid' } }) };
    const locale =
      typeof body['locale'] === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(body['locale'])
        ? body['locale'].slice(0, 35)
        : 'de';
    if (!leave && options.verify && !(await options.verify(req, body))) {
      return { answer: new Answer(403, { error: { code: 'verification-failed' } }) };
    }
    const s = { topic, address, locale };
    /** @type {(() => Promise<unknown>)[]} */
    const after = [];
    const answer = await store.tx(async (q) => {
      const now = Date.now();
      if (key) {
        const claimed = await q.get(
          `INSERT INTO gz_idempotency (key, request_hash, expires) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE
            SET request_hash = excluded.request_hash, status = NULL, body = NULL, expires = excluded.expires
            WHERE gz_idempotency.expires < ? RETURNING key`,
          [key, requestHash, now + DAY, now],
        );
        if (!claimed) {
          const stored = await q.get('SELECT request_hash, status, body FROM gz_idempotency WHERE key = ?', [key]);
          if (stored.request_hash !== requestHash)
            return new Answer(400, { error: { code: 'idempotency-key-reused' } });
          return Object.assign(new Answer(Number(stored.status), JSON.parse(stored.body)), { replayed: true });
        }
      }
      const ip = clientIp(req);
      const limited =
        (await over(q, `ip:${ip}`, 60_000, limits.perIpPerMinute)) ||
        (await over(q, `address:${keyed('address', address)}`, HOUR, limits.perAddressPerHour));
      if (limited) {
        if (key) await q.run('DELETE FROM gz_idempotency WHERE key = ?', [key]);
        return Object.assign(new Answer(429, { error: { code: 'rate-limited' } }), { retryAfter: 60 });
      }
      const answer = await (leave ? unsubscribe(q, s, after) : subscribe(q, s, after));
      if (key) {
        await q.run('UPDATE gz_idempotency SET status = ?, body = ? WHERE key = ?', [
          answer.status,
          JSON.stringify(answer.body),
          key,
        ]);
      }
      return answer;
    });
    return { answer, after };
  }

  /**
   * @param {import('./store.mjs').Query} q @param {Subscription} s @param {(() => Promise<unknown>)[]} after
   */
  async function subscribe(q, s, after) {
    const now = Date.now();
    const inserted = await q.get(
      `INSERT INTO gz_subscriptions (topic, address, locale, status, unsubscribe_key, created, confirmed)
        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (topic, address) DO NOTHING RETURNING status`,
      [
        s.topic,
        s.address,
        s.locale,
        doubleOptIn ? 'pending' : 'subscribed',
        keyed('unsubscribe', s.topic, s.address),
        now,
        doubleOptIn ? null : now,
      ],
    );
    if (!doubleOptIn) {
      if (inserted) {
        await q.run('DELETE FROM gz_suppressed WHERE topic = ? AND address_hash = ?', [
          s.topic,
          keyed('address', s.address),
        ]);
        after.push(async () => options.onConfirmed?.(s));
        return new Answer(201, { status: 'subscribed' });
      }
      const row = await q.get('SELECT status FROM gz_subscriptions WHERE topic = ? AND address = ?', [
        s.topic,
        s.address,
      ]);
      return row.status === 'pending'
        ? new Answer(200, { status: 'pending' })
        : new Answer(409, { status: 'subscribed' });
    }
    // Double opt-in: the same 202 for a new, a waiting and a confirmed address; at most one
    // confirmation mail per address and hour, and none to a confirmed one.
    const existing =
      inserted ??
      (await q.get('SELECT status FROM gz_subscriptions WHERE topic = ? AND address = ?', [s.topic, s.address]));
    if (existing.status === 'pending' && !(await over(q, `mail:${keyed('address', s.address)}`, HOUR, 1))) {
      const token = randomBytes(32).toString('base64url');
      await q.run('INSERT INTO gz_tokens (hash, topic, address, expires) VALUES (?, ?, ?, ?)', [
        sha(token),
        s.topic,
        s.address,
        now + 2 * DAY,
      ]);
      after.push(() => mail(s, 'confirm', token));
    }
    return new Answer(202, { status: 'pending' });
  }

  /**
   * @param {import('./store.mjs').Query} q @param {Subscription} s @param {(() => Promise<unknown>)[]} after
   */
  async function unsubscribe(q, s, after) {
    if (!doubleOptIn) {
      await remove(q, s.topic, s.address, after);
      return new Answer(200, { status: 'unsubscribed' });
    }
    // Only an address: the owner confirms by mail, nobody removes a stranger.
    const row = await q.get('SELECT status FROM gz_subscriptions WHERE topic = ? AND address = ?', [
      s.topic,
      s.address,
    ]);
    if (row && !(await over(q, `mail:${keyed('address', s.address)}`, HOUR, 1))) after.push(() => mail(s, 'leave', ''));
    return new Answer(202, { status: 'pending' });
  }

  /** Erases the address of one subscription; a keyed hash stays for suppression. */
  async function remove(
    /** @type {import('./store.mjs').Query} */ q,
    /** @type {string} */ topic,
    /** @type {string} */ address,
    /** @type {(() => Promise<unknown>)[]} */ after,
  ) {
    const { changes } = await q.run('DELETE FROM gz_subscriptions WHERE topic = ? AND address = ?', [topic, address]);
    await q.run('DELETE FROM gz_tokens WHERE topic = ? AND address = ?', [topic, address]);
    await q.run('INSERT INTO gz_suppressed (topic, address_hash, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [
      topic,
      keyed('address', address),
      Date.now(),
    ]);
    if (changes) after.push(async () => options.onUnsubscribed?.({ topic, address }));
  }

  /** Confirmation (`/confirm`) and one-click unsubscribe (`/unsubscribe`) links. */
  async function linkRequest(
    /** @type {Req} */ req,
    /** @type {Res} */ res,
    /** @type {string} */ sub,
    /** @type {URL} */ url,
  ) {
    const de = !/^en/i.test(String(req.headers['accept-language'] ?? ''));
    let token = url.searchParams.get('token') ?? '';
    if (req.method === 'POST') {
      const raw = await readBody(req, res, 2048, bodyTimeout);
      if (raw === undefined) return;
      token = new URLSearchParams(raw).get('token') ?? token;
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      // Mail scanners fetch GET links: a page with a button, nothing changes yet.
      const title =
        sub === '/confirm'
          ? de
            ? 'Abonnement bestätigen'
            : 'Confirm your subscription'
          : de
            ? 'Abbestellen'
            : 'Unsubscribe';
      const form = `<form method="post"><input type="hidden" name="token" value="${html(token)}"><button>${html(title)}</button></form>`;
      return page(res, 200, title, '', form);
    } else return json(res, 405, { error: { code: 'method-not-allowed' } });
    /** @type {(() => Promise<unknown>)[]} */
    const after = [];
    const done = await store.tx(async (q) => {
      if (sub === '/confirm') {
        const row = await q.get('SELECT topic, address FROM gz_tokens WHERE hash = ? AND expires > ?', [
          sha(token),
          Date.now(),
        ]);
        if (!row) return false;
        await q.run('DELETE FROM gz_tokens WHERE hash = ?', [sha(token)]);
        const s = await q.get(
          "UPDATE gz_subscriptions SET status = 'subscribed', confirmed = ? WHERE topic = ? AND address = ? RETURNING topic, address, locale",
          [Date.now(), row.topic, row.address],
        );
        if (!s) return false;
        await q.run('DELETE FROM gz_suppressed WHERE topic = ? AND address_hash = ?', [
          s.topic,
          keyed('address', s.address),
        ]);
        after.push(async () => options.onConfirmed?.({ topic: s.topic, address: s.address, locale: s.locale }));
        return true;
      }
      const row = await q.get('SELECT topic, address FROM gz_subscriptions WHERE unsubscribe_key = ?', [token]);
      if (row) await remove(q, row.topic, row.address, after);
      return true;
    });
    for (const fn of after) await runHook(fn);
    if (sub === '/confirm') {
      return done
        ? page(
            res,
            200,
            de ? 'Bestätigt' : 'Confirmed',
            de ? 'Sie folgen jetzt diesem Thema.' : 'You now follow this topic.',
          )
        : page(
            res,
            404,
            de ? 'Link ungültig' : 'Invalid link',
            de ? 'Dieser Link ist unbekannt oder abgelaufen.' : 'This link is unknown or has expired.',
          );
    }
    return page(
      res,
      200,
      de ? 'Abbestellt' : 'Unsubscribed',
      de ? 'Sie erhalten zu diesem Thema keine E-Mails mehr.' : 'You will get no more mail about this topic.',
    );
  }

  /** @param {Req} req @param {Res} res */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.startsWith(mount) ? url.pathname.slice(mount.length) : undefined;
    if (
      path === undefined ||
      (path !== '' && path !== '/' && path !== '/confirm' && path !== '/unsubscribe' && path !== '/csrf')
    ) {
      return json(res, 404, { error: { code: 'not-found' } });
    }
    // Expired rows go at most every 5 minutes: their DELETEs scan whole tables, so not per request count.
    if (Date.now() - purged > 5 * 60_000) void purge();
    const method = req.method ?? 'GET';
    // Links from mails carry their own secret, single-use token, and are posted from a page that
    // sends no Referer (so Chromium sends `Origin: null`) or by a mail provider (RFC 8058): no
    // origin check for them.
    if (path === '/confirm' || path === '/unsubscribe') return linkRequest(req, res, path, url);
    if ((method === 'POST' || method === 'DELETE') && !sameSite(req)) {
      drain(req);
      return json(res, 403, { error: { code: 'cross-site' } });
    }
    if (path === '/csrf') {
      // A static page's script asks for its session's token (a cross-site page cannot read it).
      if (method !== 'GET') return json(res, 405, { error: { code: 'method-not-allowed' } }, { allow: 'GET' });
      return json(res, 200, { token: csrfToken(req, res) });
    }
    if (method === 'OPTIONS') {
      res.writeHead(204, { allow: 'POST, DELETE, OPTIONS' });
      return res.end();
    }
    if (method !== 'POST' && method !== 'DELETE') {
      return json(res, 405, { error: { code: 'method-not-allowed' } }, { allow: 'POST, DELETE, OPTIONS' });
    }
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase();
    const isForm = type === 'application/x-www-form-urlencoded';
    if (type !== 'application/json' && !isForm) {
      drain(req);
      return json(res, 415, { error: { code: 'unsupported-media-type' } });
    }
    const raw = await readBody(req, res, maxBody, bodyTimeout);
    if (raw === undefined) return;
    const body = isForm ? Object.fromEntries(new URLSearchParams(raw)) : parseObject(raw);
    if (!body) return json(res, 400, { error: { code: 'bad-json' } });
    if (!csrfValid(req, isForm ? body['csrf_token'] : req.headers['x-csrf-token'])) {
      return json(res, 403, { error: { code: 'csrf' } });
    }
    const leave = method === 'DELETE' || body['intent'] === 'unsubscribe';
    // A filled honeypot is a bot: it is told what a reader would be told, and nothing is stored.
    if (isForm && body['website']) return formPage(req, res, leave, new Answer(202, { status: 'pending' }));
    const key =
      typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'].slice(0, 200) : undefined;
    let result;
    try {
      result = await change(req, body, leave, key || undefined, sha(`${method}\n${raw}`));
    } catch (error) {
      // Rolled back: nothing stored, no answer remembered for the key. A storage fault is a 503
      // the element retries; anything else a 500.
      const status = error instanceof StorageError ? 503 : 500;
      log(`gazette: request failed, answered ${status}: ${/** @type {Error} */ (error).message}`);
      return json(
        res,
        status,
        { error: { code: status === 503 ? 'unavailable' : 'internal' } },
        status === 503 ? { 'retry-after': '5' } : {},
      );
    }
    const { answer, after = [] } = result;
    for (const fn of after) await runHook(fn);
    if (isForm) return formPage(req, res, leave, answer);
    /** @type {Record<string, string>} */
    const headers = {};
    if (/** @type {any} */ (answer).replayed) headers['idempotent-replayed'] = 'true';
    if (/** @type {any} */ (answer).retryAfter) headers['retry-after'] = String(/** @type {any} */ (answer).retryAfter);
    return json(res, answer.status, answer.body, headers);
  }

  /** Cross-site posts are refused: `Sec-Fetch-Site` when the browser sends it, else `Origin`. */
  function sameSite(/** @type {Req} */ req) {
    const site = req.headers['sec-fetch-site'];
    const from = req.headers['origin'];
    if (typeof from === 'string' && from !== 'null') return allowed.has(from) || (!origin && site === 'same-origin');
    if (site === 'cross-site' || site === 'same-site' || from === 'null') return false;
    return true; // no browser: curl, a server, the tests
  }

  /** @param {Req} req @param {Res} res @param {boolean} leave @param {Answer} answer */
  function formPage(req, res, leave, answer) {
    const de = !/^en/i.test(String(req.headers['accept-language'] ?? ''));
    const ok = answer.status < 300 || answer.status === 409;
    const title = !ok
      ? de
        ? 'Das hat nicht geklappt'
        : 'That did not work'
      : leave
        ? de
          ? 'Abbestellt'
          : 'Unsubscribed'
        : de
          ? 'Danke'
          : 'Thank you';
    const text = !ok
      ? de
        ? 'Bitte prüfen Sie die E-Mail-Adresse und versuchen Sie es erneut.'
        : 'Please check the address and try again.'
      : answer.body['status'] === 'pending'
        ? de
          ? 'Bitte sehen Sie in Ihr Postfach: wir haben Ihnen einen Link zum Bestätigen geschickt.'
          : 'Please check your inbox: we sent you a link to confirm.'
        : de
          ? 'Erledigt.'
          : 'Done.';
    return page(res, ok ? 200 : answer.status, title, text);
  }

  /** Expired idempotency keys, tokens and rate-limit windows go. */
  async function purge() {
    purged = Date.now();
    try {
      await store.tx(async (q) => {
        const now = Date.now();
        await q.run('DELETE FROM gz_idempotency WHERE expires < ?', [now]);
        await q.run('DELETE FROM gz_tokens WHERE expires < ?', [now]);
        await q.run('DELETE FROM gz_limits WHERE window_start < ?', [now - 2 * HOUR]);
      });
    } catch (error) {
      log(`gazette: purge failed: ${/** @type {Error} */ (error).message}`);
    }
  }

  return Object.assign(handle, {
    store,
    csrfToken,
    /** Everything stored about an address (a data-subject request). */
    async export(/** @type {string} */ input) {
      const address = normalizeAddress(input);
      if (!address) return [];
      return store.tx((q) =>
        q.all(
          'SELECT topic, address, locale, status, created, confirmed FROM gz_subscriptions WHERE address = ? ORDER BY topic',
          [address],
        ),
      );
    },
    /** Erases an address from every topic (a data-subject request); returns how many were removed. */
    async erase(/** @type {string} */ input) {
      const address = normalizeAddress(input);
      if (!address) return 0;
      /** @type {(() => Promise<unknown>)[]} */
      const after = [];
      const rows = await store.tx(async (q) => {
        const topics = await q.all('SELECT topic FROM gz_subscriptions WHERE address = ?', [address]);
        for (const { topic } of topics) await remove(q, topic, address, after);
        await q.run('DELETE FROM gz_tokens WHERE address = ?', [address]);
        return topics.length;
      });
      for (const fn of after) await runHook(fn);
      return rows;
    },
    /** Confirmed subscribers of a topic, with their one-click unsubscribe link, for the mailing job. */
    async subscribers(/** @type {string} */ topic) {
      const rows = await store.tx((q) =>
        q.all(
          "SELECT address, locale, unsubscribe_key FROM gz_subscriptions WHERE topic = ? AND status = 'subscribed' ORDER BY address",
          [topic],
        ),
      );
      return rows.map((r) => ({
        address: r.address,
        locale: r.locale,
        unsubscribe: origin ? link('/unsubscribe', { token: r.unsubscribe_key }) : undefined,
      }));
    },
    purge,
    close: () => store.close(),
  });
}

/** Thrown away unread: the connection closes after the answer. */
function drain(/** @type {Req} */ req) {
  req.resume();
}

/**
 * Reads at most `limit` bytes within `timeout` ms. Over the limit: 413 and the connection closed
 * (the rest is never read); too slow: 408, closed. Resolves undefined when it answered.
 * @param {Req} req @param {Res} res @param {number} limit @param {number} timeout
 * @returns {Promise<string | undefined>}
 */
function readBody(req, res, limit, timeout) {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    refuse(req, res, 413, 'too-large');
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    const timer = setTimeout(() => finish(() => refuse(req, res, 408, 'body-timeout')), timeout);
    const finish = (/** @type {() => void} */ then, /** @type {string | undefined} */ value = undefined) => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      then();
      resolve(value);
    };
    const onData = (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size > limit) return finish(() => refuse(req, res, 413, 'too-large'));
      chunks.push(chunk);
    };
    const onEnd = () => finish(() => {}, Buffer.concat(chunks).toString('utf8'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', () => finish(() => {}));
  });
}

/** Answers and closes the connection without reading what is left of the body. */
function refuse(
  /** @type {Req} */ req,
  /** @type {Res} */ res,
  /** @type {number} */ status,
  /** @type {string} */ code,
) {
  req.pause();
  const text = JSON.stringify({ error: { code } });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'close',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text, () => req.socket?.destroy());
}

/** A flat JSON object whose keys appear once; undefined otherwise. */
function parseObject(/** @type {string} */ raw) {
  try {
    const value = JSON.parse(raw);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const keys = [...raw.matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)].map((m) => JSON.parse(`"${m[1]}"`));
    if (new Set(keys).size !== keys.length) return undefined;
    return /** @type {Record<string, unknown>} */ (value);
  } catch {
    return undefined;
  }
}

/** @param {Res} res @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
function json(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

const html = (/** @type {string} */ s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** @param {Res} res @param {number} status @param {string} title @param {string} text @param {string} [extra] */
function page(res, status, title, text, extra = '') {
  const body = `<!doctype html><html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="robots" content="noindex"><title>${html(title)}</title><body><h1>${html(title)}</h1>${text ? `<p>${html(text)}</p>` : ''}${extra}</body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  });
  res.end(body);
}
