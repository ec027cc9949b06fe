// @ts-check
/**
 * `gazette/react` (run after `npm run build`): bundles `test/react/app.ts` with Vite against the
 * built package (resolved as a consumer would, through `node_modules/gazette`) and React 19,
 * renders it in Chromium, and checks every element rendered with its props, a re-render updates a
 * property, and every `@event` of `custom-elements.json` has its `on…` prop.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { collectConsole, launch } from './lib/browser.mjs';
import { assert, results } from './lib/results.mjs';
import { serveStatic } from './lib/static-server.mjs';

const root = resolve(import.meta.dirname, '..');
const suite = results('react');
const manifest = JSON.parse(readFileSync(resolve(root, 'custom-elements.json'), 'utf8'));
const declarations = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

const consumer = resolve(root, 'node_modules/.cache/gz-react');
rmSync(consumer, { recursive: true, force: true });
mkdirSync(resolve(consumer, 'node_modules'), { recursive: true });
symlinkSync(root, resolve(consumer, 'node_modules/gazette'), 'dir');
await build({
  configFile: false,
  root: consumer,
  logLevel: 'silent',
  // The app imports the source for type-checking; the bundle takes the built package instead.
  resolve: { alias: [{ find: /^.*\/src\/react\/index\.js$/, replacement: 'gazette/react' }] },
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    outDir: resolve(consumer, 'out'),
    minify: false,
    lib: { entry: resolve(root, 'test/react/app.ts'), formats: ['es'], fileName: 'app' },
  },
});
writeFileSync(
  resolve(consumer, 'out/index.html'),
  '<!doctype html><html lang="de"><body><div id="root"></div><script type="module" src="./app.js"></script></body></html>',
);

const server = await serveStatic(resolve(consumer, 'out'));
const browser = await launch();
console.log('react');
try {
  const page = await browser.newPage();
  const { errors } = collectConsole(page);
  await page.goto(server.origin);
  await page.waitForFunction(() => document.querySelector('#body h2') && document.querySelector('#rt')?.shadowRoot);
  const text = (sel) =>
    page.evaluate((sel) => document.querySelector(sel)?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim(), sel);

  await suite.check('React 19 renders every element with its props', async () => {
    const upgraded = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((el) => el.localName.startsWith('gz-'))
        .map((el) => `${el.localName}:${el.constructor === customElements.get(el.localName)}`),
    );
    assert(upgraded.length === 6 && upgraded.every((u) => u.endsWith(':true')), `upgraded: ${upgraded}`);
    assert((await text('#rt'))?.includes('Lesezeit: 4 min'), `reading time: ${await text('#rt')}`);
    const header = await text('gz-article-header');
    assert(header?.includes('Politik') && header.includes('17.11.2024'), `header: ${header}`);
    const body = await page.evaluate(() => document.querySelector('#body')?.innerHTML ?? '');
    assert(body.includes('Aus React') && !/onerror/.test(body), `body: ${body}`);
    const byline = await text('gz-author-list');
    assert(byline?.includes('Virgil Zólyom und Anna Berg'), `byline: ${byline}`);
    const layout = await page.evaluate(() => document.querySelectorAll('gz-author-card')[1]?.getAttribute('layout'));
    assert(layout === 'compact', `layout: ${layout}`);
    assert(!(await page.evaluate(() => /** @type {any} */ (window).__pwned)), 'script ran');
  });

  await suite.check('a React state change updates the element property', async () => {
    await page.click('#more');
    await page.waitForFunction(() => document.querySelector('#rt')?.shadowRoot?.textContent?.includes('5 min'));
  });

  await suite.check('every element has a React component with an on… prop for each @event', async () => {
    const events = await page.evaluate(() => /** @type {any} */ (window).__reactEvents);
    for (const d of declarations) {
      const mapped = events[d.tagName];
      assert(mapped, `gazette/react lacks <${d.tagName}>`);
      for (const e of d.events ?? []) {
        const prop = `on${e.name.replace(/(^|-)([a-z])/g, (_m, _d, c) => c.toUpperCase())}`;
        assert(mapped[prop] === e.name, `<${d.tagName}>: ${prop} → '${e.name}' missing`);
      }
    }
  });

  await suite.check('no errors in the console', () => assert(errors.length === 0, errors.join('\n')));
  await page.close();
} finally {
  await browser.close();
  await server.close();
}
process.exit(suite.finish());
