// Interleaved page loads (as tachometer does): each sample a fresh page; median and ratio.
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from './lib/browser.mjs';
import { serveStatic } from './lib/static-server.mjs';
import { median, bootstrapRatio } from '../bench/stats.mjs';
const N = Number(process.argv[2] ?? 12);
const pages = [
  ['static DOM', 'after/pages/article-static.html'],
  ['Gazette before (3d4a858)', 'before/pages/article-gazette.html'],
  ['Gazette after', 'after/pages/article-gazette.html'],
  ['Gazette after, server-rendered + hydrated', 'after/pages/article-ssr.html'],
  ['React 19', 'after/pages/article-react.html'],
  ['headers: static DOM', 'after/pages/headers-static.html'],
  ['headers: Gazette before', 'before/pages/headers-gazette.html'],
  ['headers: Gazette after', 'after/pages/headers-gazette.html'],
];
const server = await serveStatic('/tmp/pc/cmp2');
const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
const samples = new Map(pages.map(([l]) => [l, []]));
for (let i = 0; i < N; i++) for (const [label, url] of pages) {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  await p.goto(`${server.origin}/${url}`);
  await p.waitForFunction(() => 'tachometerResult' in window, null, { timeout: 60000 });
  samples.get(label).push(await p.evaluate(() => window.tachometerResult));
  await ctx.close();
}
await browser.close(); await server.close();
const base = (l) => samples.get(l.startsWith('headers') ? 'headers: static DOM' : 'static DOM');
for (const [label] of pages) {
  const s = samples.get(label);
  const [r, lo, hi] = bootstrapRatio(s, base(label));
  const react = label.startsWith('headers') ? '' : (() => { const [q, ql, qh] = bootstrapRatio(s, samples.get('React 19')); return ` | ${q.toFixed(2)} (${ql.toFixed(2)}–${qh.toFixed(2)})`; })();
  console.log(`| ${label} | ${median(s).toFixed(1)} | ${r.toFixed(2)} (${lo.toFixed(2)}–${hi.toFixed(2)})${react} |`);
}
