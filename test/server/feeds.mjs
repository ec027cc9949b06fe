// @ts-check
/**
 * Test-server endpoints for `<gz-teaser-list>`: the responses a real feed server can give that
 * static files cannot (slow, huge, mislabelled, failing). Mounted under `/api/test-feeds/` by
 * web-test-runner.config.mjs. The 50 MB response is generated while it is read, never stored.
 */
import { Readable } from 'node:stream';

const PREFIX = '/api/test-feeds/';
const MB = 1024 * 1024;

/** An RSS item for generated feeds. */
const item = (/** @type {number} */ i) =>
  `<item><title>Generierter Artikel Nummer ${i}: Ein Titel mit genug Zeichen für einen echten Teaser in der Liste</title>` +
  `<link>https://dwn.example/artikel/${i}</link><guid>gen-${i}</guid><category>Wirtschaft</category>` +
  `<pubDate>Tue, 17 Feb 2026 09:30:00 +0100</pubDate><description>Kurzer Anrisstext für Artikel ${i}.</description></item>`;

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
      this.push(chunk);
    },
  });
}

/** @returns {import('@web/dev-server-core').Plugin} */
export function testFeeds() {
  return {
    name: 'gz-test-feeds',
    serverStart({ app }) {
      app.use(async (ctx, next) => {
        if (!ctx.path.startsWith(PREFIX)) return next();
        const name = ctx.path.slice(PREFIX.length);
        const n = Number(ctx.query['n'] ?? 0);
        switch (name) {
          case 'slow': {
            // Answers after `ms` (default 60 s), or never if the client gives up first.
            const ms = Number(ctx.query['ms'] ?? 60_000);
            await new Promise((resolve) => {
              const timer = setTimeout(resolve, ms);
              ctx.req.once('close', () => {
                clearTimeout(timer);
                resolve(undefined);
              });
            });
            if (ctx.req.destroyed) return;
            ctx.type = 'application/rss+xml';
            ctx.body = `<?xml version="1.0"?><rss version="2.0"><channel>${item(1)}</channel></rss>`;
            return;
          }
          case 'huge':
            // 50 MB without a Content-Length: only reading the stream can tell it is too big.
            ctx.type = 'application/rss+xml';
            ctx.body = hugeRss(50 * MB);
            return;
          case 'huge-declared':
            ctx.type = 'application/rss+xml';
            ctx.length = 50 * MB;
            ctx.body = hugeRss(50 * MB);
            return;
          case 'many':
            ctx.type = 'application/rss+xml';
            ctx.body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Viele</title>${Array.from(
              { length: n || 1000 },
              (_, i) => item(i + 1),
            ).join('')}</channel></rss>`;
            return;
          case 'wrong-type':
            ctx.type = 'text/plain';
            ctx.body = `<?xml version="1.0"?><rss version="2.0"><channel>${item(1)}</channel></rss>`;
            return;
          case 'html':
            ctx.type = 'text/html';
            ctx.body = '<!doctype html><html><body><h1>Fehler</h1><img src=x onerror="window.__gzPwned = true"></body></html>';
            return;
          case 'html-as-xml':
            // An HTML error page a misconfigured server labels as XML.
            ctx.type = 'application/xml';
            ctx.body = '<html><body><p>Wartung<br></p><img src=x onerror="window.__gzPwned = true"></body></html>';
            return;
          case 'broken-json':
            ctx.type = 'application/feed+json';
            ctx.body = '{"version": "https://jsonfeed.org/version/1.1", "items": [';
            return;
          case 'error':
            ctx.status = 500;
            ctx.type = 'text/plain';
            ctx.body = 'Interner Fehler';
            return;
          default:
            return next();
        }
      });
    },
  };
}
