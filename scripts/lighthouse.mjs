// @ts-check
/**
 * `npm run lighthouse`: Lighthouse 12.2.3 (pinned: 13 needs Node 22) on the built demo article
 * page, mobile settings (Lighthouse's defaults: Moto G Power viewport, simulated slow 4G and 4×
 * CPU slowdown), in Debian's Chromium (`CHROME_PATH`, default /usr/bin/chromium). Prints the four
 * category scores, each metric's value and score (FCP, SI, LCP, TBT, CLS), the critical request
 * chains and the render-blocking resources, and fails below the thresholds: 100 in
 * Accessibility, Best Practices and SEO, 95 in Performance, CLS above 0. `GZ_LIGHTHOUSE_JSON=file`
 * writes the whole report. Not part of `npm test` (its performance score moves with the load).
 *
 * Why Performance stays at 95 and not 100 (issue 15, session 8, bench/results.md): the score is
 * simulated (Lantern) from the observed load. At rest it reads 99: FCP 1.5 s (score 0.95) is the
 * one metric short, because the 40 kB module script has "High" priority and runs before the first
 * paint, so Lantern counts its download and evaluation into FCP. Taking it out (the CSS inlined, or
 * `fetchpriority="low"`) moves FCP to 0.7-1.2 s but moves the upgrade's long task (180 + 90 ms at
 * 4x) behind FCP, where TBT counts it; and TBT scales with the machine's load. Measured on the
 * shared 2-core machine: 80-100 for every variant. The LCP element audit fails on Chromium 156
 * ("RootCauses ... frame_sequence", a Lighthouse 12.2.3 gatherer error): it is the body's first
 * paragraph (a PerformanceObserver on the built page).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

/**
 * Each metric's score and value, the LCP element, the critical request chains and the
 * render-blocking resources: what Performance is made of.
 * @param {Record<string, any>} audits
 */
function printMetrics(audits) {
  const metrics = [
    'first-contentful-paint',
    'speed-index',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
  ];
  console.log(
    '  metrics: ' +
      metrics
        .map(
          (id) =>
            `${audits[id].title.replace(/[a-z ]/g, '') || id} ${audits[id].displayValue} (${audits[id].score?.toFixed(3)})`,
        )
        .join(', '),
  );
  const element = audits['largest-contentful-paint-element'];
  if (element?.errorMessage) console.log(`  LCP element: the audit failed (${element.errorMessage.slice(0, 100)})`);
  const lcp = element?.details?.items ?? [];
  for (const table of lcp) {
    for (const item of table.items ?? []) {
      if (item.node) console.log(`  LCP element: ${item.node.selector} ${String(item.node.snippet).slice(0, 100)}`);
      else if (item.phase) console.log(`    ${item.phase}: ${Math.round(item.timing)} ms`);
    }
  }
  const chains = audits['critical-request-chains']?.details?.chains ?? {};
  const walk = (/** @type {Record<string, any>} */ nodes, depth = 0) => {
    for (const node of Object.values(nodes)) {
      const r = node.request;
      console.log(
        `  ${'  '.repeat(depth + 1)}chain: ${r.url.replace(/^https?:\/\/[^/]+/, '')} ${Math.round((r.endTime - r.startTime) * 1000)} ms, ${r.transferSize} B`,
      );
      walk(node.children ?? {}, depth + 1);
    }
  };
  walk(chains);
  for (const item of audits['render-blocking-resources']?.details?.items ?? [])
    console.log(
      `  render-blocking: ${item.url.replace(/^https?:\/\/[^/]+/, '')} ${item.totalBytes} B, ${Math.round(item.wastedMs)} ms`,
    );
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
  if (process.env['GZ_LIGHTHOUSE_JSON']) writeFileSync(process.env['GZ_LIGHTHOUSE_JSON'], JSON.stringify(result.lhr));
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
  printMetrics(audits);
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
