// @ts-check
/**
 * Test-server endpoints for `<gz-teaser-list>`: the responses a real feed server can give that
 * static files cannot (slow, huge, mislabelled, failing). Mounted under `/api/test-feeds/` by
 * web-test-runner.config.mjs. The 50 MB response is generated while it is read, never stored.
 */
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';

const PREFIX = '/api/test-feeds/';
const MB = 1024 * 1024;

/** An RSS item for generated feeds. */
const item = (/** @type {number} */ i) =>
  `<item><title>Generierter Artikel Nummer ${i}: Ein Titel mit genug Zeichen für einen echten Teaser in der Liste</title>` +
  `<link>https://dwn.example/artikel/${i}</link><guid>gen-${i}</guid><category>Wirtschaft</category>` +
  `<pubDate>Tue, 17 Feb 2026 09:30:00 +0100</pubDate><description>Kurzer Anrisstext für Artikel ${i}.</description></item>`;

/** What the last huge response sent before its client went away: proof that reading stopped. */
const huge = { sent: 0, closed: false };

/** A stream of `total` bytes of a valid-looking RSS document, produced chunk by chunk. */
function hugeRss(/** @type {number} */ total) {
  const head = '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Riesig</title>';
  let sent = 0;
  let i = 0;
  return new Readable({
    read() {
      if (sent >= total) {
        this.push('</channel></rss>');
        this.push(null);
        return;
      }
      let chunk = sent === 0 ? head : '';
      while (chunk.length < 64 * 1024) chunk += item(i++);
      sent += Buffer.byteLength(chunk);
      huge.sent = sent;
      this.push(chunk);
    },
  });
}

/**
 * Answers one request under PREFIX; returns false for paths it does not know.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
async function answer(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const name = url.pathname.slice(PREFIX.length);
  const send = (/** @type {number} */ status, /** @type {string} */ type, /** @type {string} */ body) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };
  if (name.startsWith('corpus/')) {
    // A feed of test/corpus/feeds/ with the content type (none when `type` is empty) and, with
    // `bom`, the byte order mark a real server sent: what object stores and CMSs answer.
    const file = name.slice('corpus/'.length);
    if (!/^[\w.-]+$/u.test(file)) return false;
    let bytes;
    try {
      bytes = await readFile(new URL(`../corpus/feeds/${file}`, import.meta.url));
    } catch {
      return false;
    }
    const type = url.searchParams.get('type');
    const headers = /** @type {Record<string, string>} */ ({ 'cache-control': 'no-store' });
    if (type) headers['content-type'] = type;
    res.writeHead(200, headers);
    res.end(url.searchParams.has('bom') ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes);
    return true;
  }
  switch (name) {
    case 'slow': {
      // Answers after `ms` (default 60 s), or never if the client gives up first.
      const ms = Number(url.searchParams.get('ms') ?? 60_000);
      const done = await new Promise((resolve) => {
        const timer = setTimeout(() => resolve(true), ms);
        res.once('close', () => {
          clearTimeout(timer);
          resolve(false);
        });
      });
      if (done)
        send(200, 'application/rss+xml', `<?xml version="1.0"?><rss version="2.0"><channel>${item(1)}</channel></rss>`);
      return true;
    }
    case 'huge':
    case 'huge-declared': {
      // 50 MB, generated while it is read. Without a Content-Length only reading the stream can
      // tell it is too big; with one, the client can refuse before reading.
      const headers = /** @type {Record<string, string | number>} */ ({ 'content-type': 'application/rss+xml' });
      if (name === 'huge-declared') headers['content-length'] = 50 * MB;
      res.writeHead(200, headers);
      const stream = hugeRss(50 * MB);
      huge.sent = 0;
      huge.closed = false;
      res.once('close', () => {
        huge.closed = true;
        stream.destroy();
      });
      stream.pipe(res);
      return true;
    }
    case 'many': {
      const n = Number(url.searchParams.get('n') ?? 1000);
      const items = Array.from({ length: n }, (_, i) => item(i + 1)).join('');
      send(
        200,
        'application/rss+xml',
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Viele</title>${items}</channel></rss>`,
      );
      return true;
    }
    case 'latin1.xml': {
      // The dev server re-encodes static text files as UTF-8; this one is sent byte for byte, its
      // encoding named only in its XML declaration, and its relative links resolve against here.
      const bytes = await readFile(new URL('../fixtures/teaser/latin1.xml', import.meta.url));
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(bytes);
      return true;
    }
    case 'huge-stats':
      send(200, 'application/json', JSON.stringify(huge));
      return true;
    case 'wrong-type':
      send(200, 'text/plain', `<?xml version="1.0"?><rss version="2.0"><channel>${item(1)}</channel></rss>`);
      return true;
    case 'html':
      send(
        200,
        'text/html',
        '<!doctype html><html><body><h1>Fehler</h1><img src=x onerror="window.__gzPwned = true"></body></html>',
      );
      return true;
    case 'html-as-xml':
      // An HTML error page a misconfigured server labels as XML.
      send(
        200,
        'application/xml',
        '<html><body><p>Wartung</p><img src="x" onerror="window.__gzPwned = true"/></body></html>',
      );
      return true;
    case 'broken-json':
      send(200, 'application/feed+json', '{"version": "https://jsonfeed.org/version/1.1", "items": [');
      return true;
    case 'error':
      send(500, 'text/plain', 'Interner Fehler');
      return true;
    default:
      return false;
  }
}

/**
 * A web-test-runner plugin. The server's own middleware is composed before plugins start, so
 * this answers its paths in front of it, on the HTTP server's `request` event, and passes every
 * other request on untouched. Raw Node responses keep the 50 MB body a real stream (the dev
 * server's middleware would buffer it).
 * @returns {import('@web/dev-server-core').Plugin}
 */
export function testFeeds() {
  return {
    name: 'gz-test-feeds',
    serverStart({ server }) {
      if (!server) return;
      const others = server.listeners('request');
      server.removeAllListeners('request');
      server.on('request', (req, res) => {
        if (req.url?.startsWith(PREFIX)) {
          void answer(req, res).then((handled) => {
            if (!handled) send404(res);
          });
          return;
        }
        for (const listener of others) listener.call(server, req, res);
      });
    },
  };
}

function send404(/** @type {import('node:http').ServerResponse} */ res) {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('Not found');
}
