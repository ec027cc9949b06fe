// @ts-check
/**
 * `gazette/ssr` (run after `npm run build`): renders the demo article page in Node with the built
 * package, as a server would: the demo page's content (`vite build --mode demo` fills it from
 * test/fixtures/article-de.ts), with its feed's articles as the teaser list's `items`. Serves it on
 * 127.0.0.1 and opens it in Chromium with every script held back. Before any script runs, each
 * element must show its server-rendered shadow DOM (declarative shadow DOM), in German. Then the
 * scripts (`gazette/hydrate.js`: Lit's hydrate support, then every element) are let through: the elements must take
 * over that DOM without rendering it again, answer clicks with their events, log no error, and
 * shift nothing (CLS 0.000).
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
import { allWarnings } from './lib/warnings.mjs';

const root = resolve(import.meta.dirname, '..');
const suite = results('ssr');

const escapeAttr = (/** @type {string} */ value) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** The code of the author card's "image-alt looks like a file name" warning (README, Warnings). */
const PLACEHOLDER_ALT = `<gz-author-card>: ${
  allWarnings(root).find((w) => w.text.startsWith('image-alt="…" looks like a file name'))?.code ?? '(none)'
} `;

// A consumer project, as in check-react: node_modules/gazette links to this package.
const consumer = resolve(root, 'node_modules/.cache/gz-ssr');
const out = resolve(consumer, 'out');
rmSync(consumer, { recursive: true, force: true });
mkdirSync(resolve(consumer, 'node_modules'), { recursive: true });
symlinkSync(root, resolve(consumer, 'node_modules/gazette'), 'dir');

// The demo page with its content filled in, as the demo build writes it.
await build({
  configFile: resolve(root, 'vite.config.ts'),
  mode: 'demo',
  logLevel: 'silent',
  build: { outDir: resolve(consumer, 'demo'), emptyOutDir: true },
});
const built = readFileSync(resolve(consumer, 'demo/index.html'), 'utf8');
const lang = /<html lang="([^"]+)"/.exec(built)?.[1];
const title = /<title>[^<]*<\/title>/.exec(built)?.[0] ?? '';
const body = /<body>([\s\S]*)<\/body>/.exec(built)?.[1];
assert(lang === 'de' && body?.includes('<gz-article-header'), 'the demo build has no German article page');

// The browser side, as the README says: gazette/hydrate.js (hydrate support, then every element).
writeFileSync(resolve(consumer, 'client.js'), "import 'gazette/hydrate.js';\n");
await build({
  configFile: false,
  root: consumer,
  logLevel: 'silent',
  build: {
    outDir: out,
    minify: true,
    target: 'es2022',
    lib: { entry: resolve(consumer, 'client.js'), formats: ['es'], fileName: 'client' },
  },
});
cpSync(resolve(root, 'dist/ssr.css'), resolve(out, 'ssr.css'));
cpSync(resolve(root, 'demo/demo.css'), resolve(out, 'demo.css'));
cpSync(resolve(root, 'demo/authors'), resolve(out, 'authors'), { recursive: true });
// The feed reader of <gz-teaser-list> (feed.js and the modules it imports), for reading the demo
// feed the way it would.
for (const file of readdirSync(resolve(root, 'dist/components/teaser-list')).filter((f) => /^feed.*\.js$/.test(f)))
  cpSync(resolve(root, 'dist/components/teaser-list', file), resolve(out, file));

const server = await serveStatic(out);
const browser = await launch();
console.log('ssr');
try {
  // The demo feed's articles, read by the element's own parser (it needs a browser's DOMParser); a
  // CMS would have them in its database.
  const reader = await browser.newPage();
  await reader.goto(`${server.origin}/ssr.css`);
  const feed = readFileSync(resolve(root, 'demo/feeds/latest.xml'), 'utf8');
  const items = await reader.evaluate(async (xml) => (await import('/feed.js')).parseXmlFeed(xml), feed);
  await reader.close();
  assert(items.length >= 8, `the demo feed has ${items.length} items`);

  const { countText, readingMinutes } = await import('gazette');
  const text = /<gz-article-body[^>]*>([\s\S]*?)<\/gz-article-body>/.exec(body)?.[1]?.replace(/<[^>]+>/g, ' ') ?? '';
  const minutes = readingMinutes({ ...countText(text, lang), images: 0 });
  assert(minutes === 3, `the article reads in ${minutes} min`);

  const page = body
    .replace(
      /<gz-teaser-list([^>]*?)\ssrc="[^"]*"/,
      (_m, attrs) => `<gz-teaser-list${attrs} items="${escapeAttr(JSON.stringify(items))}"`,
    )
    // The header shows the reading time the CMS counted (the server sees no body to count).
    .replace('reading-time-for="article-body"', `reading-time-for="article-body" reading-minutes="${minutes}"`);
  assert(page.includes('items="'), 'the teaser list keeps its src');

  const { html, unsafeStatic } = await import('lit/static-html.js');
  const { renderToString } = await import('gazette/ssr');
  const rendered = await renderToString(html`${unsafeStatic(page)}`, { lang });
  writeFileSync(
    resolve(out, 'index.html'),
    `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    ${title}
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="./ssr.css" />
    <link rel="stylesheet" href="./demo.css" />
    <script type="module" src="./client.js"></script>
  </head>
  <body>${rendered}</body>
</html>
`,
  );

  await suite.check('the server output has a declarative shadow root for every element, in German', () => {
    const markup = rendered.replace(/<!--[\s\S]*?-->/g, '');
    const tags = [...markup.matchAll(/<(gz-[a-z-]+)[\s>]/g)].map((m) => m[1]);
    const roots = markup.match(/<template shadowroot="open" shadowrootmode="open">/g)?.length ?? 0;
    // 7 elements: the teaser list renders its 8 items itself.
    assert(tags.length >= 7 && roots === tags.length, `${tags.length} elements, ${roots} shadow roots`);
    assert(!/\blang="en"/.test(markup) && markup.includes('lang="de"'), 'an element speaks English');
  });

  await suite.check(
    "an element's own lang wins over the page's, and elements in its shadow root follow it",
    async () => {
      const { html: lit } = await import('lit');
      const one = JSON.stringify([{ title: 'T', url: 'https://x.example/a', date: '2024-11-17' }]);
      const markup = await renderToString(
        lit`<gz-reading-time minutes="3"></gz-reading-time><gz-teaser-list lang="en" items=${one}></gz-teaser-list>`,
        { lang: 'de' },
      );
      assert(markup.includes('Lesezeit: 3 min'), 'the page language (de) is not used');
      assert(
        markup.includes('More on this topic') && markup.includes('17 Nov 2024'),
        'the list or its teaser is not English',
      );
      assert(!markup.includes('17.11.2024'), 'the teaser inside the English list speaks German');
    },
  );

  await suite.check(
    'a teaser list given items as a property carries them to the browser as the attribute',
    async () => {
      const { html: lit } = await import('lit');
      const items = [{ title: 'Als Eigenschaft', href: 'https://x.example/a' }];
      const markup = (
        await renderToString(lit`<gz-teaser-list .items=${items}></gz-teaser-list>`, { lang: 'de' })
      ).replace(/<!--[\s\S]*?-->/g, '');
      const attr = /<gz-teaser-list[^>]*\sitems="([^"]*)"/.exec(markup)?.[1] ?? '';
      assert(
        attr.includes('Als Eigenschaft') && markup.includes('Als Eigenschaft</a>'),
        'no items attribute to hydrate from',
      );
    },
  );

  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    const tab = await browser.newPage({ viewport: { width, height } });
    const { errors, warnings } = collectConsole(tab);
    await recordLayoutShifts(tab);
    await tab.addInitScript(() => {
      const w = /** @type {any} */ (window);
      w.__events = [];
      for (const type of ['gz-subscribe', 'gz-teaser-select'])
        document.addEventListener(type, (/** @type {any} */ e) => {
          w.__events.push({ type, detail: e.detail });
          // The page handles the subscription itself (no request leaves the test).
          if (type === 'gz-subscribe') e.preventDefault();
        });
      // A teaser click must not leave the page.
      document.addEventListener('click', (e) => {
        const teaser = (/** @type {any} */ n) => n.localName === 'gz-teaser' || n.part?.contains?.('item');
        if (e.composedPath().some(teaser)) e.preventDefault();
      });
    });
    /** @type {() => void} */
    let release = () => {};
    const released = new Promise((r) => (release = () => r(undefined)));
    await tab.route('**/*.js', async (route) => {
      await released;
      await route.continue();
    });
    await tab.goto(server.origin, { waitUntil: 'commit' });
    // The server's HTML parsed, styled and painted; the scripts wait until the checks below let them.
    await paintedBeforeScripts(tab, 'gz-teaser-list');

    /** Every gz-* element, in shadow roots too, with its shadow root's text and shape. */
    const inspect = () =>
      tab.evaluate(() => {
        /** @type {Element[]} */ const all = [];
        const walk = (/** @type {ParentNode} */ node) => {
          for (const el of node.querySelectorAll('*')) {
            if (el.localName.startsWith('gz-')) all.push(el);
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(document);
        const text = (/** @type {Node} */ node) => {
          let s = '';
          for (const child of node.childNodes) {
            if (child.nodeType === Node.TEXT_NODE) s += child.textContent;
            else if (child instanceof Element && child.localName !== 'style' && child.localName !== 'template')
              s += ' ' + text(child);
          }
          return s.replace(/\s+/g, ' ').trim();
        };
        return all.map((el) => ({
          tag: el.localName,
          defined: !!customElements.get(el.localName),
          shadow: !!el.shadowRoot,
          text: el.shadowRoot ? text(el.shadowRoot) : '',
          labels: [...(el.shadowRoot?.querySelectorAll('[aria-label]') ?? [])].map((e) => e.getAttribute('aria-label')),
          elements: el.shadowRoot?.querySelectorAll('*').length ?? 0,
          bases: el.shadowRoot?.querySelectorAll('[part~="base"]').length ?? 0,
          items: el.shadowRoot?.querySelectorAll('[part~="item"]').length ?? 0,
        }));
      });

    const before = await inspect();
    const find = (/** @type {typeof before} */ list, /** @type {string} */ tag, i = 0) =>
      list.filter((e) => e.tag === tag)[i];

    if (width === 1280) {
      await suite.check('before any script: every element shows its server-rendered shadow DOM', () => {
        assert(before.length >= 7, `${before.length} elements`);
        const defined = before.filter((e) => e.defined).map((e) => e.tag);
        assert(defined.length === 0, `defined before the scripts ran: ${defined}`);
        const missing = before.filter((e) => !e.shadow || e.bases !== 1).map((e) => e.tag);
        assert(missing.length === 0, `without a shadow root and its base: ${missing}`);
      });

      await suite.check('before any script: dateline, reading time, byline, buttons and teasers in German', () => {
        const header = find(before, 'gz-article-header')?.text ?? '';
        assert(header.includes('Politik') && header.includes('17.11.2024, 16:03'), `header: ${header}`);
        const readingTime = find(before, 'gz-reading-time')?.text ?? '';
        assert(readingTime.startsWith('Lesezeit: 3 min'), `reading time: ${readingTime}`);
        const card = find(before, 'gz-author-card')?.text ?? '';
        assert(card.includes('Virgil Zólyom') && card.includes('Landeskorrespondent in Kiel'), `card: ${card}`);
        assert(card.includes('E-Mail'), `card links: ${card}`);
        const button = find(before, 'gz-subscribe-button')?.text ?? '';
        // The toggle's name is its aria-label (issue 20: one name, no stray space).
        const named = find(before, 'gz-subscribe-button')?.labels.includes('Thema folgen: Energiewende');
        assert(button.includes('Energiewende') && named, `button: ${button}`);
        const list = find(before, 'gz-teaser-list')?.text ?? '';
        assert(list.startsWith('Neueste Artikel'), `teaser list: ${list}`);
        // The list renders its data items itself, in its own shadow root.
        const teasers = find(before, 'gz-teaser-list')?.items ?? 0;
        assert(teasers === 8, `${teasers} teasers`);
        assert(list.includes('Neueste Artikel DWN'), `teaser: ${list}`);
      });

      // Mark every node of every shadow root: hydration must keep them, not render new ones.
      await tab.evaluate(() => {
        const walk = (/** @type {ParentNode} */ node) => {
          for (const el of node.querySelectorAll('*')) {
            if (el.shadowRoot) {
              for (const inner of el.shadowRoot.querySelectorAll('*')) /** @type {any} */ (inner).__server = true;
              walk(el.shadowRoot);
            }
          }
        };
        walk(document);
      });
    }

    release();
    await tab.waitForFunction(
      () =>
        [...document.querySelectorAll('*')].every(
          (el) => !el.localName.startsWith('gz-') || customElements.get(el.localName),
        ),
      undefined,
      { timeout: 20_000 },
    );
    await settled(tab);
    const after = await inspect();

    // Measured before the clicks below move anything.
    await suite.check(
      `server-rendered demo page at ${width}×${height}, scripts held until painted: CLS 0.000`,
      async () => {
        const cls = await cumulativeLayoutShift(tab);
        assert(cls.toFixed(3) === '0.000', `CLS ${cls.toFixed(3)}`);
      },
    );

    if (width === 1280) {
      await suite.check('after hydration: the same shadow DOM, not a second copy', async () => {
        assert(after.length === before.length, `${before.length} elements before, ${after.length} after`);
        const changed = after
          .map((e, i) => ({ e, b: before[i] }))
          .filter(({ e, b }) => !e.defined || e.bases !== 1 || e.elements !== b?.elements || e.text !== b?.text)
          .map(({ e, b }) => `${e.tag}: ${b?.elements}→${e.elements} elements, "${b?.text}" → "${e.text}"`);
        assert(changed.length === 0, changed.join('\n'));
        const fresh = await tab.evaluate(() => {
          /** @type {string[]} */ const list = [];
          const walk = (/** @type {ParentNode} */ node) => {
            for (const el of node.querySelectorAll('*')) {
              if (el.shadowRoot) {
                for (const inner of el.shadowRoot.querySelectorAll('*'))
                  if (!(/** @type {any} */ (inner).__server)) list.push(`${el.localName} > ${inner.localName}`);
                walk(el.shadowRoot);
              }
            }
          };
          walk(document);
          return list;
        });
        assert(fresh.length === 0, `rendered anew: ${fresh.join(', ')}`);
      });

      await suite.check('after hydration: the author photo loads once in view, the bio shows', async () => {
        await tab.locator('gz-author-card').scrollIntoViewIfNeeded();
        await tab.waitForFunction(() => document.querySelector('gz-author-card')?.matches(':state(photo)'));
        const bio = await tab.evaluate(
          () => !document.querySelector('gz-author-card')?.shadowRoot?.querySelector('.bio')?.hasAttribute('hidden'),
        );
        assert(bio, 'the bio is hidden');
      });

      await suite.check(
        'after hydration: the subscribe button opens its form and dispatches gz-subscribe',
        async () => {
          const button = tab.locator('gz-subscribe-button').first();
          await button.locator('button.toggle').click();
          const input = button.locator('input[part="email"]');
          await input.waitFor();
          const label = await button.locator('label[part="email-label"]').textContent();
          assert(label?.includes('E-Mail'), `form label: ${label}`);
          await input.fill('leserin@example.org');
          await button.locator('button.submit').click();
          await tab.waitForFunction(() => /** @type {any} */ (window).__events.some((e) => e.type === 'gz-subscribe'));
          const event = await tab.evaluate(() =>
            /** @type {any} */ (window).__events.find((e) => e.type === 'gz-subscribe'),
          );
          assert(
            event.detail.topic === 'energiewende' &&
              event.detail.email === 'leserin@example.org' &&
              event.detail.locale === 'de',
            JSON.stringify(event.detail),
          );
          const forms = await tab.evaluate(
            () => document.querySelector('gz-subscribe-button')?.shadowRoot?.querySelectorAll('form').length,
          );
          assert(forms === 1, `${forms} forms`);
        },
      );

      await suite.check('after hydration: a teaser click dispatches gz-teaser-select', async () => {
        await tab.locator('gz-teaser-list [part~="teaser-link"]').nth(1).click();
        await tab.waitForFunction(() =>
          /** @type {any} */ (window).__events.some((e) => e.type === 'gz-teaser-select'),
        );
        const event = await tab.evaluate(() =>
          /** @type {any} */ (window).__events.find((e) => e.type === 'gz-teaser-select'),
        );
        assert(event.detail.position === 2 && event.detail.href === items[1].url, JSON.stringify(event.detail));
      });
    }

    // The demo's author photo has the CMS's file name as alt text on purpose: that one warning is expected.
    await suite.check(`no errors, no unexpected warnings in the console (${width}×${height})`, () => {
      // The production build (gazette/hydrate.js) prints that warning as its code.
      const unexpected = warnings.filter((w) => !w.includes('image-alt="avtor1"') && !w.includes(PLACEHOLDER_ALT));
      assert(errors.length === 0 && unexpected.length === 0, [...errors, ...unexpected].join('\n'));
    });
    await tab.close();
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(suite.finish());
