// @ts-check
/**
 * Per-session CSRF tokens (`csrf: true`): a signed double-submit cookie. The token is an HMAC of
 * the session cookie's random value under the database's secret, so any process on the same
 * database checks it without a session table. `node --test test/server/csrf.test.mjs`
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../server/index.mjs';
import { send, serve } from './harness.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'gz-csrf-'));
const database = `sqlite:${join(tmp, 'csrf.db')}`;
/** @type {Awaited<ReturnType<typeof serve>>} */
let s;
/** @type {Awaited<ReturnType<typeof serve>>} */
let other;
before(async () => {
  s = await serve({ database, singleOptIn: true, csrf: true });
  // A second service (another process, in effect) on the same database.
  other = await serve({ database, singleOptIn: true, csrf: true });
});
after(async () => {
  await s?.close();
  await other?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** A new session from the token endpoint: its cookie (name=value) and token. */
async function session(/** @type {string} */ url) {
  const response = await fetch(`${url}/csrf`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const setCookie = response.headers.get('set-cookie') ?? '';
  assert.match(setCookie, /^gz-csrf=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
  const { token } = /** @type {{ token: string }} */ (await response.json());
  return { cookie: /** @type {string} */ (setCookie.split(';')[0]), token };
}

const stored = async () => {
  const store = await openStore(database);
  try {
    return Number((await store.tx((q) => q.get('SELECT COUNT(*) AS n FROM gz_subscriptions'))).n);
  } finally {
    await store.close();
  }
};

let n = 0;
const body = () => ({ topic: 'energiewende', email: `leser${++n}@example.de`, locale: 'de' });

test('the token of the session, with its cookie, is accepted (JSON and the no-JS form), by any process', async () => {
  const a = await session(s.url);
  const before = await stored();
  const json = await send(s.url, body(), { cookie: a.cookie, 'x-csrf-token': a.token });
  assert.equal(json.status, 201);
  // The same session on another service on the database: the token is derived, not remembered.
  const elsewhere = await send(other.url, body(), { cookie: a.cookie, 'x-csrf-token': a.token });
  assert.equal(elsewhere.status, 201);
  const form = await send(s.url, new URLSearchParams({ ...body(), csrf_token: a.token }).toString(), {
    cookie: a.cookie,
    'content-type': 'application/x-www-form-urlencoded',
    'accept-language': 'de',
  });
  assert.equal(form.status, 200);
  assert.match(String(form.body), /Erledigt/);
  assert.equal(await stored(), before + 3);
});

test('refused with 403 and nothing stored: no token, no cookie, another session, a forged or fixed token', async () => {
  const a = await session(s.url);
  const b = await session(s.url);
  assert.notEqual(a.token, b.token);
  const before = await stored();
  const attempts = [
    {}, // neither
    { cookie: a.cookie }, // the cookie alone (what a cross-site form post carries)
    { 'x-csrf-token': a.token }, // the token without its session
    { cookie: a.cookie, 'x-csrf-token': b.token }, // another reader's token
    { cookie: a.cookie, 'x-csrf-token': `${a.token[0] === 'A' ? 'B' : 'A'}${a.token.slice(1)}` }, // forged
    { cookie: 'gz-csrf=not-a-session', 'x-csrf-token': a.token },
    { cookie: a.cookie, 'x-csrf-token': 'gazette-demo-token' },
  ];
  for (const headers of attempts) {
    const r = await send(s.url, body(), headers);
    assert.equal(r.status, 403, JSON.stringify(headers));
    assert.deepEqual(r.body, { error: { code: 'csrf' } });
  }
  const form = await send(s.url, new URLSearchParams({ ...body(), csrf_token: b.token }).toString(), {
    cookie: a.cookie,
    'content-type': 'application/x-www-form-urlencoded',
  });
  assert.equal(form.status, 403);
  assert.equal(await stored(), before);
});

test('csrfToken(req, res) starts a session once and keeps it; an https origin sets a __Host- Secure cookie', async () => {
  const secure = await serve({
    database: `sqlite:${join(tmp, 'https.db')}`,
    singleOptIn: true,
    csrf: true,
    publicOrigin: 'https://news.example',
  });
  try {
    /** @param {string | undefined} cookie */
    const issue = (cookie) => {
      const headers = /** @type {Record<string, string | string[]>} */ ({});
      const res = /** @type {any} */ ({
        getHeader: (/** @type {string} */ k) => headers[k],
        setHeader: (/** @type {string} */ k, /** @type {string[]} */ v) => (headers[k] = v),
      });
      const token = secure.service.csrfToken(/** @type {any} */ ({ headers: cookie ? { cookie } : {} }), res);
      return { token, set: /** @type {string[] | undefined} */ (headers['set-cookie']) };
    };
    const first = issue(undefined);
    assert.equal(first.set?.length, 1);
    assert.match(first.set?.[0] ?? '', /^__Host-gz-csrf=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
    const cookie = (first.set?.[0] ?? '').split(';')[0];
    const again = issue(`theme=dark; ${cookie}`);
    assert.equal(again.set, undefined, 'a known session sets no new cookie');
    assert.equal(again.token, first.token);
    // The token endpoint is read-only: a POST to it is not a way in.
    const post = await send(`${secure.url}/csrf`, {}, {}, 'POST');
    assert.equal(post.status, 405);
  } finally {
    await secure.close();
  }
});
