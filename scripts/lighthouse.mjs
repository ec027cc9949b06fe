// @ts-check
/**
 * `npm run lighthouse`: Lighthouse 12.2.3 (pinned: 13 needs Node 22) on the built demo article
 * page, mobile settings (Lighthouse's defaults: Moto G Power viewport, simulated slow 4G and 4×
 * CPU slowdown), in Debian's Chromium (`CHROME_PATH`, default /usr/bin/chromium). Prints the four
 * category scores, LCP, TBT and CLS, and fails below the thresholds: 100 in
 * Accessibility, Best Practices and SEO, 95 in Performance, CLS above 0. Not part of `npm test`
 * (a Lighthouse run takes about a minute and its performance score moves with the machine's load).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { executablePath } from './lib/browser.mjs';

/**
 * Serves the built page gzip-compressed, as any CDN or web server would: Lighthouse counts the
 * bytes on the wire, and an uncompressed test server would measure a setup nobody deploys.
 * @param {string} folder
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
function serveCompressed(folder) {
  const types = /** @type {Record<string, string>} */ ({
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
  });
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(folder, path === '/' ? 'index.html' : path));
    if (!file.startsWith(folder) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const body = readFileSync(file);
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(gzip ? gzipSync(body) : body);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      done({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((closed) => server.close(() => closed())) });
    });
  });
}

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'bench/dist/demo');

/** The thresholds (#10): minimum scores (0–100) and the largest CLS. */
export const THRESHOLDS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100, cls: 0 };

console.log('▶ building the demo page into bench/dist/demo');
const built = spawnSync('npx', ['vite', 'build', '--mode', 'demo', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);
cpSync(resolve(root, 'demo/authors'), resolve(out, 'authors'), { recursive: true });

const server = await serveCompressed(out);
const chrome = await chromeLauncher.launch({
  chromePath: executablePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
let failed = false;
try {
  const result = await lighthouse(`${server.origin}/index.html`, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  });
  if (!result) throw new Error('Lighthouse returned no result');
  const { categories, audits } = result.lhr;
  console.log(
    `Lighthouse ${result.lhr.lighthouseVersion}, ${result.lhr.configSettings.formFactor}, ${result.lhr.environment.hostUserAgent}`,
  );
  for (const id of ['performance', 'accessibility', 'best-practices', 'seo']) {
    const score = Math.round((categories[id].score ?? 0) * 100);
    const ok = score >= THRESHOLDS[/** @type {'seo'} */ (id)];
    if (!ok) failed = true;
    console.log(`  ${ok ? '✓' : '✗'} ${categories[id].title}: ${score} (≥ ${THRESHOLDS[/** @type {'seo'} */ (id)]})`);
    if (!ok) {
      for (const ref of categories[id].auditRefs) {
        const audit = audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1)
          console.log(`      - ${audit.title} (${audit.displayValue ?? audit.score})`);
      }
    }
  }
  const cls = audits['cumulative-layout-shift'].numericValue ?? 0;
  if (cls > THRESHOLDS.cls) failed = true;
  console.log(
    `  LCP ${audits['largest-contentful-paint'].displayValue}, TBT ${audits['total-blocking-time'].displayValue}`,
  );
  console.log(`  ${cls > THRESHOLDS.cls ? '✗' : '✓'} CLS ${cls.toFixed(3)} (≤ ${THRESHOLDS.cls})`);
  if (cls > THRESHOLDS.cls) {
    const shifts =
      /** @type {{ items?: { node?: { snippet?: string, selector?: string }, score?: number }[] } | undefined} */ (
        audits['layout-shifts']?.details
      );
    for (const item of shifts?.items ?? []) {
      console.log(
        `      - ${item.score?.toFixed(3)}: ${item.node?.selector ?? ''} ${item.node?.snippet?.slice(0, 90) ?? ''}`,
      );
    }
  }
} finally {
  chrome.kill();
  await server.close();
}
console.log(failed ? 'lighthouse: below the thresholds' : 'lighthouse: every threshold met');
process.exit(failed ? 1 : 0);
