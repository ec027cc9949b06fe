// @ts-check
/**
 * Hostile host pages (run after `npm run build`): real HTML pages in `test/pages/` that load the
 * built CDN bundles the way a CMS page does, opened in Chromium.
 *
 * - aggressive global CSS: every computed style inside the elements' shadow roots matches the
 *   same article on a plain page;
 * - a strict CSP with Trusted Types, sent as an HTTP header: everything renders, both sanitizer
 *   paths of <gz-article-body> work, an RSS and an Atom list show their teasers, 0
 *   `securitypolicyviolation` events (also with the CDN autoloader, whose chunks load on demand
 *   under the same policy); and with `?corpus` the whole corpus of `test/corpus/` (article
 *   bodies on both paths, every feed in a list) gives its expected text and teasers;
 * - the classic IIFE next to another library with its own copy of Lit;
 * - a German page with an English box: each element speaks its own language;
 * - a scoped custom-element registry (native in Chromium 156).
 *
 * The pages' `<!--gz:article-->` holds `test/pages/article.fragment.html`; every tag of
 * `custom-elements.json` that the fragment lacks is appended bare, so a new element is covered by
 * every page (at least: it renders, under the CSP, without errors) without editing them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { collectConsole, launch } from './lib/browser.mjs';
import { assert, results } from './lib/results.mjs';
import { serveStatic } from './lib/static-server.mjs';

const root = resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(resolve(root, 'custom-elements.json'), 'utf8'));
/** @type {string[]} */
const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName)).filter(Boolean);
const suite = results('pages');

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html gazette dompurify";

const words = (word) => Array.from({ length: 766 }, () => word).join(' ');
const fragment = readFileSync(resolve(root, 'test/pages/article.fragment.html'), 'utf8');
const missing = tags.filter((tag) => !fragment.includes(`<${tag}`));
const article = fragment
  .replace('<!--gz:worte-->', words('Wort'))
  .replace('<!--gz:missing-->', missing.map((tag) => `<${tag}></${tag}>`).join('\n'));

/** The page as served: placeholders filled. */
function pageHtml(name) {
  return readFileSync(resolve(root, `test/pages/${name}`), 'utf8')
    .replace('<!--gz:article-->', article)
    .replace('<!--gz:words-->', words('word'));
}

// Another Lit-based library: one element, bundled with its own copy of Lit into a classic script.
const cache = resolve(root, 'node_modules/.cache/gz-pages');
mkdirSync(cache, { recursive: true });
writeFileSync(
  resolve(cache, 'neighbour.js'),
  `import { LitElement, html, css } from 'lit';
class OtherWidget extends LitElement {
  static styles = css\`:host { display: block; color: rgb(1, 2, 3); }\`;
  render() { return html\`<p part="text">other widget</p>\`; }
}
customElements.define('other-widget', OtherWidget);`,
);
await build({
  configFile: false,
  root,
  logLevel: 'silent',
  build: {
    outDir: cache,
    emptyOutDir: false,
    minify: true,
    lib: {
      entry: resolve(cache, 'neighbour.js'),
      name: 'Neighbour',
      formats: ['iife'],
      fileName: () => 'neighbour.iife.js',
    },
  },
});

const server = await serveStatic(root);
const browser = await launch();

/**
 * Opens a page of test/pages, with optional extra response headers, and waits for every element.
 * @param {string} name
 * @param {{ headers?: Record<string, string>, query?: string }} [options]
 */
async function open(name, { headers = {}, query = '', autoloader = false } = {}) {
  // `autoloader`: the CDN autoloader in place of gazette.js (each element's chunk on demand).
  const body = autoloader
    ? pageHtml(name).replace('/dist/cdn/gazette.js', '/dist/cdn/gazette-autoloader.js')
    : pageHtml(name);
  assert(!autoloader || body.includes('gazette-autoloader.js'), `${name} does not load /dist/cdn/gazette.js`);
  const page = await browser.newPage();
  const { errors, warnings } = collectConsole(page);
  await page.route(`**/test/pages/${name}*`, (route) =>
    route.fulfill({
      body,
      headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
    }),
  );
  await page.goto(`${server.origin}/test/pages/${name}${query}`);
  await page.waitForLoadState('load');
  await page.evaluate(async (tags) => {
    await Promise.all(tags.map((t) => customElements.whenDefined(t)));
    for (const el of document.querySelectorAll(tags.join(','))) await /** @type {any} */ (el).updateComplete;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }, tags);
  return { page, errors, warnings };
}

/**
 * Computed styles of every element inside every Gazette shadow root (slotted light DOM excluded:
 * that is the publisher's own content, styled by the publisher).
 * @param {import('playwright-core').Page} page
 */
function shadowStyles(page) {
  return page.evaluate((tags) => {
    const props = [
      'display',
      'position',
      'color',
      'background-color',
      'font-family',
      'font-size',
      'font-weight',
      'font-style',
      'line-height',
      'text-decoration-line',
      'margin-block-start',
      'margin-block-end',
      'padding-inline-start',
      'border-block-end-style',
      'visibility',
      'opacity',
    ];
    /** @type {Record<string, Record<string, string>>} */
    const out = {};
    const hosts = [...document.querySelectorAll(tags.join(','))];
    hosts.forEach((host, h) => {
      const walk = (node, path) => {
        [...node.children].forEach((child, i) => {
          if (child.localName === 'style' || child.localName === 'slot') return;
          const key = `${host.localName}#${h}/${path}${child.localName}[${i}]${child.getAttribute('part') ? `(${child.getAttribute('part')})` : ''}`;
          const cs = getComputedStyle(child);
          out[key] = Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
          // A photo's load state (initials or image) depends on timing, not on the page's CSS.
          if (child.classList.contains('avatar')) return;
          walk(child, `${key.split('/').slice(1).join('/')}/`);
          if (child.shadowRoot) walk(child.shadowRoot, `${key.split('/').slice(1).join('/')}>>`);
        });
      };
      if (host.shadowRoot) walk(host.shadowRoot, '');
    });
    return out;
  }, tags);
}

try {
  console.log('pages');

  await suite.check('aggressive global CSS: the shadow UI of every element is styled as on a plain page', async () => {
    const control = await open('control.html');
    const hostile = await open('hostile-css.html');
    const [a, b] = [await shadowStyles(control.page), await shadowStyles(hostile.page)];
    const hostileH1 = await hostile.page.evaluate(() => getComputedStyle(document.querySelector('h1')).fontSize);
    assert(hostileH1 === '80px', `the hostile stylesheet did not apply (h1 is ${hostileH1})`);
    assert(Object.keys(a).length > 20, `only ${Object.keys(a).length} shadow elements found`);
    for (const tag of tags)
      assert(
        Object.keys(a).some((k) => k.startsWith(`${tag}#`)),
        `${tag} has no shadow content`,
      );
    const diffs = [];
    for (const [key, style] of Object.entries(a)) {
      if (!b[key]) {
        diffs.push(`${key} missing`);
        continue;
      }
      for (const [prop, value] of Object.entries(style)) {
        if (b[key][prop] !== value) diffs.push(`${key} ${prop}: ${value} → ${b[key][prop]}`);
      }
    }
    assert(diffs.length === 0, `${diffs.length} differences:\n      ${diffs.slice(0, 25).join('\n      ')}`);
    assert(control.errors.length + hostile.errors.length === 0, [...control.errors, ...hostile.errors].join('\n'));
    await control.page.close();
    await hostile.page.close();
  });

  for (const [path, autoloader] of /** @type {const} */ ([
    ['native', false],
    ['dompurify', false],
    ['dompurify', true],
  ])) {
    await suite.check(
      `strict CSP + Trusted Types (HTTP header), ${path} sanitizer${autoloader ? ', CDN autoloader' : ''}: renders, 0 violations`,
      async () => {
        const { page, errors } = await open('csp.html', {
          headers: { 'content-security-policy': CSP },
          query: path === 'dompurify' ? '?dompurify' : '',
          autoloader,
        });
        await page.waitForFunction(() => document.querySelector('#from-cms')?.querySelector('h2'));
        // An RSS and an Atom list, read without DOMParser (a Trusted Types sink) and served as
        // application/octet-stream: both render their teasers, no attribute of theirs is reported.
        await page.waitForFunction(() =>
          ['#rss-list', '#atom-list'].every((id) =>
            document.querySelector(id)?.shadowRoot?.querySelector('[part~=item]'),
          ),
        );
        const feeds = await page.evaluate(() =>
          ['#rss-list', '#atom-list'].map((id) =>
            [...(document.querySelector(id)?.shadowRoot?.querySelectorAll('[part~=item]') ?? [])].map((t) =>
              t.querySelector('[part~=teaser-link]')?.textContent?.trim(),
            ),
          ),
        );
        assert(
          feeds[0].join('|') ===
            'Netzausbau: Der Norden zahlt weiter mehr|Bayer-Aktie: Was Anleger jetzt wissen müssen',
          `RSS list: ${feeds[0]}`,
        );
        assert(feeds[1].join('|') === 'Energiewende: Wer zahlt?|Haushalt 2027', `Atom list: ${feeds[1]}`);
        const state = await page.evaluate((tags) => {
          const cms = /** @type {HTMLElement} */ (document.querySelector('#from-cms'));
          return {
            violations: /** @type {any} */ (window).__violations,
            pwned: /** @type {any} */ (window).__pwned ?? false,
            setHTML: typeof (/** @type {any} */ (Element.prototype).setHTML),
            empty: tags.filter(
              (t) => ![...document.querySelectorAll(t)].every((el) => el.shadowRoot?.childElementCount),
            ),
            cms: cms.innerHTML,
            label: document.querySelector('gz-reading-time')?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim(),
            byline: document
              .querySelector('gz-author-list')
              ?.shadowRoot?.querySelector('[part~=byline]')
              ?.textContent?.replace(/\s+/g, ' ')
              .trim(),
            toc: document.querySelector('#body')?.shadowRoot?.querySelectorAll('[part~=toc] a').length ?? 0,
            jsonLd: JSON.parse(
              document.querySelector('gz-article-header > script[type="application/ld+json"]')?.textContent ?? 'null',
            ),
          };
        }, tags);
        assert(state.setHTML === (path === 'native' ? 'function' : 'undefined'), `setHTML is ${state.setHTML}`);
        assert(state.violations.length === 0, `violations:\n      ${state.violations.join('\n      ')}`);
        assert(state.empty.length === 0, `not rendered: ${state.empty}`);
        assert(
          state.cms.includes('Aus dem CMS') && state.cms.includes('https://example.org/'),
          `cms html: ${state.cms}`,
        );
        assert(!/onerror|javascript:/i.test(state.cms), `unsafe html kept: ${state.cms}`);
        assert(!state.pwned, 'script ran');
        assert(state.label?.includes('Lesezeit: 3 min'), `label: ${state.label}`);
        assert(state.byline?.includes('Virgil Zólyom und Anna Berg'), `byline: ${state.byline}`);
        assert(state.toc === 2, `toc links: ${state.toc}`);
        // JSON-LD is a script element: written through the `gazette` Trusted Types policy.
        assert(state.jsonLd?.headline === 'Netzausbau im Norden stockt', `json-ld: ${JSON.stringify(state.jsonLd)}`);
        assert(state.jsonLd.author?.length === 2 && state.jsonLd.publisher?.name === 'Gazette', 'json-ld authors');
        assert(errors.length === 0, errors.join('\n'));
        await page.close();
      },
    );
  }

  for (const path of ['native', 'dompurify']) {
    await suite.check(
      `the corpus (test/corpus) under strict CSP + Trusted Types, ${path} sanitizer: expected text and teasers`,
      async () => {
        const { page, errors } = await open('csp.html', {
          headers: { 'content-security-policy': CSP },
          query: path === 'dompurify' ? '?corpus&dompurify' : '?corpus',
        });
        await page.waitForFunction(() => /** @type {any} */ (window).__corpus, undefined, { timeout: 60_000 });
        const result = await page.evaluate(() => {
          const { bodies, feeds } = /** @type {any} */ (window).__corpus;
          const blocks = new Set(
            'address blockquote br caption dd details div dl dt figcaption figure h1 h2 h3 h4 h5 h6 hgroup hr li ol p section summary table td th tr ul center'.split(
              ' ',
            ),
          );
          /** @param {Node} root */
          const visible = (root) => {
            let out = '';
            /** @param {Node} node */
            const walk = (node) => {
              for (const child of node.childNodes) {
                if (child.nodeType === Node.TEXT_NODE) out += /** @type {Text} */ (child).data;
                else if (child.nodeType === Node.ELEMENT_NODE) {
                  const block = blocks.has(/** @type {Element} */ (child).localName);
                  if (block) out += ' ';
                  walk(child);
                  if (block) out += ' ';
                }
              }
            };
            walk(root);
            return out.replace(/\s+/gu, ' ').trim();
          };
          // Without spaces: the element's typesetting (spacing.ts) adds one where a CMS glued two
          // inline elements (`sollen</em>Blitzangriffe`); the text itself must be the corpus's.
          const wrongText = bodies
            .map((/** @type {any} */ c) => ({ c, got: visible(document.querySelector(`[data-case="${c.name}"]`)) }))
            .filter((/** @type {any} */ r) => r.got.replace(/\s/gu, '') !== r.c.text.replace(/\s/gu, ''))
            .map((/** @type {any} */ r) => `${r.c.name}: ${r.got}`);
          const wrongFeeds = Object.entries(feeds)
            .map(([file, feed]) => {
              const list = document.querySelector(`[data-feed="${file}"]`);
              const titles = [...(list?.shadowRoot?.querySelectorAll('[part~=item]') ?? [])].map(
                (t) => t.querySelector('[part~=teaser-link]')?.textContent,
              );
              const want = /** @type {any} */ (feed).items.map((/** @type {any} */ item) => item.title);
              const ok = /** @type {any} */ (feed).error
                ? list?.matches(':state(error)')
                : titles.join('\n') === want.join('\n');
              return ok ? '' : `${file}: ${titles.length} of ${want.length} teasers`;
            })
            .filter(Boolean);
          return {
            wrongText,
            wrongFeeds,
            teasers: document.querySelectorAll('#corpus gz-teaser-list').length,
            // Third-party images of the corpus are the CSP doing its job (img-src); any other report
            // (script-src-attr, Trusted Types) is Gazette's.
            violations: /** @type {any} */ (window).__violations.filter(
              (/** @type {string} */ v) => !v.startsWith('img-src'),
            ),
            pwned: /** @type {any} */ (window).__pwned ?? false,
          };
        });
        assert(result.teasers > 10, `only ${result.teasers} corpus lists`);
        assert(result.wrongText.length === 0, `bodies:\n      ${result.wrongText.join('\n      ')}`);
        assert(result.wrongFeeds.length === 0, `feeds:\n      ${result.wrongFeeds.join('\n      ')}`);
        assert(result.violations.length === 0, `violations:\n      ${result.violations.join('\n      ')}`);
        assert(!result.pwned, 'script ran');
        // The corpus links images of other origins (blocked by img-src) and of none (404): expected.
        const unexpected = errors.filter((e) => !/^Loading the image|^Failed to load resource/u.test(e));
        assert(unexpected.length === 0, unexpected.join('\n'));
        await page.close();
      },
    );
  }

  await suite.check('the IIFE next to another library with its own Lit: both render, no errors', async () => {
    const { page, errors } = await open('lit-neighbour.html');
    const state = await page.evaluate(
      (tags) => ({
        defined: tags.filter((t) => customElements.get(t)),
        others: [...document.querySelectorAll('other-widget')].map((el) => el.shadowRoot?.textContent?.trim()),
        gazette: typeof (/** @type {any} */ (window).Gazette?.GzArticleHeader),
        label: document.querySelector('gz-reading-time')?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim(),
      }),
      tags,
    );
    assert(state.defined.length === tags.length, `defined: ${state.defined}`);
    assert(state.others.join() === 'other widget,other widget', `other widgets: ${state.others}`);
    assert(state.gazette === 'function', 'window.Gazette missing');
    assert(state.label?.includes('Lesezeit: 3 min'), `label: ${state.label}`);
    assert(errors.length === 0, errors.join('\n'));
    await page.close();
  });

  await suite.check('lang="de" page with a lang="en" box: each element in its own language', async () => {
    const { page, errors } = await open('lang.html');
    const text = (sel) =>
      page.evaluate(
        (sel) => document.querySelector(sel)?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        sel,
      );
    const de = await text('article gz-article-header');
    const en = await text('#en-header');
    assert(/17\.11\.2024/.test(de) && /Veröffentlicht/.test(de), `German header: ${de}`);
    assert(/17 November 2024/.test(en) && /Published/.test(en) && !/Veröffentlicht/.test(en), `English header: ${en}`);
    const readingTime = (sel) =>
      page.evaluate(
        (sel) =>
          document
            .querySelector(sel)
            ?.shadowRoot?.querySelector('gz-reading-time')
            ?.shadowRoot?.textContent?.replace(/\s+/g, ' ')
            .trim() ?? '',
        sel,
      );
    assert((await readingTime('article gz-article-header')).includes('Lesezeit: 3 min'), 'German reading time');
    assert(
      (await readingTime('#en-header')).includes('3 min read'),
      `English reading time: ${await readingTime('#en-header')}`,
    );
    assert((await text('article gz-author-list')).includes('Von Virgil'), 'German byline');
    assert((await text('aside gz-author-list')).includes('By Jane Doe and John Roe'), 'English byline');
    assert(errors.length === 0, errors.join('\n'));
    await page.close();
  });

  await suite.check(
    'a scoped registry (new CustomElementRegistry) hosts the elements beside the global one',
    async () => {
      const { page, errors, warnings } = await open('control.html');
      const state = await page.evaluate(async () => {
        const { GzReadingTime } = /** @type {any} */ (await import('/dist/cdn/gazette.js'));
        const registry = new CustomElementRegistry();
        GzReadingTime.define('gz-reading-time', registry);
        GzReadingTime.define('gz-reading-time', registry); // the same class again: no warning
        const host = document.createElement('div');
        document.body.append(host);
        const root = host.attachShadow({ mode: 'open', customElementRegistry: registry });
        const target = document.createElement('p');
        target.id = 't';
        target.textContent = Array.from({ length: 400 }, () => 'Wort').join(' ');
        root.append(target);
        const el = document.createElement('gz-reading-time', { customElementRegistry: registry });
        el.setAttribute('minutes', '7');
        root.append(el);
        await /** @type {any} */ (el).updateComplete;
        return {
          scoped: registry.get('gz-reading-time') === GzReadingTime,
          upgraded: el instanceof GzReadingTime,
          text: el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim(),
        };
      });
      assert(state.scoped && state.upgraded, JSON.stringify(state));
      assert(state.text?.includes('Lesezeit: 7 min'), `text: ${state.text}`);
      assert(errors.length === 0 && warnings.length === 0, [...errors, ...warnings].join('\n'));
      await page.close();
    },
  );
} finally {
  await browser.close();
  await server.close();
}

process.exit(suite.finish());
