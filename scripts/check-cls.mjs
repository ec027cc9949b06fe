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
 * which loads gazette.js for a page with most elements, and on the article alone (header, body,
 * author card), where it loads the elements' chunks.
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
const autoloaded = index.replace(bundle, '<script type="module" src="./cdn/gazette-autoloader.js"></script>');
writeFileSync(resolve(out, 'autoloader.html'), autoloaded);
// The article alone (no subscribe buttons, no teaser list): fewer bytes than gazette.js, so the
// autoloader loads element chunks, where the whole demo page gets gazette.js from it.
const article = autoloaded.replace(/<gz-(subscribe-button|teaser-list)\s[\s\S]*?<\/gz-\1>/g, '');
assert(!/<gz-(subscribe-button|teaser-list)\s/.test(article), 'the article page still has a button or list');
writeFileSync(resolve(out, 'autoloader-article.html'), article);

const server = await serveStatic(out);
const browser = await launch();
const tags = JSON.parse(readFileSync(resolve(root, 'custom-elements.json'), 'utf8'))
  .modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName))
  .filter(Boolean);

console.log('cls');
try {
  for (const [width, height, path] of /** @type {const} */ ([
    [1280, 800, '/'],
    [390, 844, '/'],
    [1280, 800, '/autoloader.html'],
    [390, 844, '/autoloader.html'],
    [1280, 800, '/autoloader-article.html'],
    [390, 844, '/autoloader-article.html'],
  ])) {
    const name = {
      '/': 'demo page',
      '/autoloader.html': 'demo page with the CDN autoloader (which loads gazette.js for it)',
      '/autoloader-article.html': 'its article alone with the CDN autoloader (element chunks)',
    }[path];
    await suite.check(`${name} at ${width}×${height}, scripts held until painted: CLS 0.000`, async () => {
      const page = await browser.newPage({ viewport: { width, height } });
      // The built page as deployed: a missing asset (a feed Vite did not copy) is an error too.
      const { errors } = collectConsole(page);
      await recordLayoutShifts(page);
      /** @type {() => void} */
      let release = () => {};
      const released = new Promise((r) => (release = () => r(undefined)));
      /** @type {string[]} */
      const scripts = [];
      await page.route('**/*.js', async (route) => {
        scripts.push(new URL(route.request().url()).pathname);
        await released;
        await route.continue();
      });
      // Module scripts hold back DOMContentLoaded: wait for the parsed, painted markup instead.
      await page.goto(`${server.origin}${path}`, { waitUntil: 'commit' });
      await paintedBeforeScripts(page, path === '/autoloader-article.html' ? 'gz-author-card' : 'gz-teaser-list');
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
      // Which path the autoloader took: gazette.js for the whole page, element chunks for the article.
      const all = scripts.includes('/cdn/gazette.js');
      const chunks = scripts.some((p) => p.startsWith('/cdn/autoloader/'));
      if (path === '/autoloader.html') assert(all && !chunks, `scripts: ${scripts.join(' ')}`);
      if (path === '/autoloader-article.html') assert(!all && chunks, `scripts: ${scripts.join(' ')}`);
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
