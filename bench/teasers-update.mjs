// @ts-check
/**
 * The update of one of 1,000 teasers on its own, interleaved between builds:
 *
 *   node bench/teasers-update.mjs [--rounds 10] before=<dir> after=<dir>
 *
 * (`<dir>`: a bench build, e.g. the ones `node bench/ab.mjs ... before=@<ref> after=@work` leaves in
 * /tmp/gz-ab/<name>.) Each round loads teasers-gazette.html once per build, in shuffled order, lets
 * the first render settle (two frames and an idle callback: its first paint, impressions and
 * content-visibility work are then done), and times 20 updates of one item (a new array with item
 * 501's title changed, `updateComplete`, a forced layout, then a frame): the load's median. Prints
 * each build's median and each build against the first (95% bootstrap interval).
 *
 * Why not `ab.mjs --pages teasers-gazette?op=update`: that page updates right after the first
 * render's forced layout, so its CPU window (to the next frame) also holds the page's first paint
 * and the first render's observer callbacks, and its wall time under load measures the load.
 */
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../scripts/lib/browser.mjs';
import { serveStatic } from '../scripts/lib/static-server.mjs';
import { bootstrapRatio, median } from './stats.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '10' } },
});
const builds = positionals.map((spec) => {
  const [name, dir] = spec.split('=');
  return { name: /** @type {string} */ (name), dir: /** @type {string} */ (dir) };
});
const servers = await Promise.all(builds.map((b) => serveStatic(b.dir)));
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
/** @type {Record<string, number[]>} */
const updates = Object.fromEntries(builds.map((b) => [b.name, []]));
try {
  for (let round = 0; round < Number(values.rounds); round++) {
    const order = builds.map((_, i) => i).sort(() => Math.random() - 0.5);
    for (const i of order) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${servers[i]?.origin}/pages/teasers-gazette.html?op=render`);
      await page.waitForFunction(() => Number.isFinite(/** @type {any} */ (window).tachometerResult), null, {
        timeout: 120_000,
      });
      const times = await page.evaluate(async () => {
        await new Promise((r) =>
          requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(r, { timeout: 2000 }))),
        );
        const list = /** @type {any} */ (document.querySelector('gz-teaser-list'));
        const items = list.items;
        const out = [];
        for (let n = 0; n < 20; n++) {
          const start = performance.now();
          list.items = items.map((/** @type {any} */ item, /** @type {number} */ i) =>
            i === 500 ? { ...item, title: `Aktualisiert: Überschrift ${n}` } : item,
          );
          await list.updateComplete;
          void document.body.offsetHeight;
          out.push(performance.now() - start);
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
        }
        return out;
      });
      updates[/** @type {string} */ (builds[i]?.name)]?.push(median(times));
      await context.close();
    }
    process.stderr.write(`round ${round + 1} `);
  }
} finally {
  console.error('');
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
const fmt = (/** @type {number[]} */ [r, lo, hi]) => `${r?.toFixed(2)} (${lo?.toFixed(2)}–${hi?.toFixed(2)})`;
const first = /** @type {number[]} */ (updates[/** @type {string} */ (builds[0]?.name)]);
for (const { name } of builds) {
  const xs = /** @type {number[]} */ (updates[name]);
  console.log(
    `${name}: update one of 1,000, median ${median(xs).toFixed(2)} ms; / ${builds[0]?.name}: ${fmt(bootstrapRatio(xs, first))}`,
  );
}
