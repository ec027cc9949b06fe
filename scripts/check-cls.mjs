// @ts-check
/**
 * No layout shift before upgrade: builds the demo page (`vite build --mode demo`), opens it in
 * Chromium with every script held back until the page is parsed, styled and painted (the elements
 * are undefined meanwhile, styled by `gazette/preload.css` alone), and sums the layout shifts until
 * the elements have rendered. It waits on those conditions, never on a fixed time: a 2 s delay
 * once failed under load.
 * Fails unless the cumulative layout shift is 0.000. Prints the number and the shifted nodes.
 * The same page runs twice: as built (every element in the app's bundle), and with the CDN
 * autoloader (`dist/cdn/gazette-autoloader.js`, from `npm run build:cdn`) in place of the bundle,
 * where each element is defined when its own chunk arrives.
 *
 * `--no-preload` measures the page without the stylesheet (for comparison; not part of the suite).
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import {
  collectConsole,
  cumulativeLayoutShift,
  launch,
  paintedBeforeScripts,
  recordLayoutShifts,
  settled,
} from './lib/browser.mjs';
import { assert, results } from './lib/results.mjs';
import { serveStatic } from './lib/static-server.mjs';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'bench/dist/demo');
const withoutPreload = process.argv.includes('--no-preload');
const suite = results(withoutPreload ? 'cls-no-preload' : 'cls');

await build({ configFile: resolve(root, 'vite.config.ts'), mode: 'demo', logLevel: 'silent' });
cpSync(resolve(root, 'demo/authors'), resolve(out, 'authors'), { recursive: true });
if (withoutPreload) {
  const index = resolve(out, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace(/<link rel="stylesheet"[^>]*preload[^>]*>/, ''));
}
// The autoloader page: the demo's markup and stylesheets, the CDN autoloader instead of its bundle.
const cdn = resolve(root, 'dist/cdn');
if (!existsSync(resolve(cdn, 'gazette-autoloader.js'))) throw new Error('run `npm run build:cdn` first');
cpSync(cdn, resolve(out, 'cdn'), { recursive: true, filter: (path) => !path.endsWith('.map') });
const index = readFileSync(resolve(out, 'index.html'), 'utf8');
const bundle = /<script type="module"[^>]*><\/script>/;
assert(bundle.test(index), 'the built demo page has no module script');
writeFileSync(
  resolve(out, 'autoloader.html'),
  index.replace(bundle, '<script type="module" src="./cdn/gazette-autoloader.js"></script>'),
);

const server = await serveStatic(out);
const browser = await launch();
const tags = JSON.parse(readFileSync(resolve(root, 'custom-elements.json'), 'utf8'))
  .modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName))
  .filter(Boolean);

console.log('cls');
try {
  for (const [width, height, path] of [
    [1280, 800, '/'],
    [390, 844, '/'],
    [1280, 800, '/autoloader.html'],
    [390, 844, '/autoloader.html'],
  ]) {
    const name = path === '/' ? 'demo page' : 'demo page with the CDN autoloader';
    await suite.check(`${name} at ${width}×${height}, scripts held until painted: CLS 0.000`, async () => {
      const page = await browser.newPage({ viewport: { width, height } });
      // The built page as deployed: a missing asset (a feed Vite did not copy) is an error too.
      const { errors } = collectConsole(page);
      await recordLayoutShifts(page);
      /** @type {() => void} */
      let release = () => {};
      const released = new Promise((r) => (release = () => r(undefined)));
      await page.route('**/*.js', async (route) => {
        await released;
        await route.continue();
      });
      // Module scripts hold back DOMContentLoaded: wait for the parsed, painted markup instead.
      await page.goto(`${server.origin}${path}`, { waitUntil: 'commit' });
      await paintedBeforeScripts(page, 'gz-teaser-list');
      const before = await page.evaluate((tags) => tags.filter((t) => customElements.get(t)), tags);
      assert(before.length === 0, `defined before the scripts ran: ${before}`);
      release();
      await page.waitForFunction(
        (tags) => tags.every((t) => customElements.get(t) || !document.querySelector(t)),
        tags,
        { timeout: 20_000 },
      );
      await settled(page);
      const cls = await cumulativeLayoutShift(page);
      assert(withoutPreload || cls.toFixed(3) === '0.000', `CLS ${cls.toFixed(3)}`);
      assert(errors.length === 0, errors.join('\n'));
      await page.close();
    });
  }
} finally {
  await browser.close();
  await server.close();
}

process.exit(suite.finish());
