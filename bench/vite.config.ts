import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import type { html, unsafeStatic } from 'lit/static-html.js';
import { createServer, defineConfig, type Plugin } from 'vite';
import type { contentCss } from '../src/components/article-body/content.styles.js';
import type { renderToString } from '../src/ssr.js';
import { litCss } from '../scripts/lib/lit-css.mjs';
import { litStaticProperties } from '../scripts/lib/static-properties.mjs';
import { warningCodes } from '../scripts/lib/warnings.mjs';
import { preloadCss } from '../vite.config.js';
import * as article from '../test/fixtures/article-de.js';
import { teaserDate, teaserItem, teasers } from './data.js';
import { BIO, PHOTO } from './shared.js';

/**
 * Builds the benchmark pages (`bench/pages/*.html`) into `bench/dist/`, minified like the CDN
 * bundle and with the same build transforms as every production build of the package (`production`
 * below: warning codes, decorators as static properties, css`` minified), for
 * tachometer to serve. The HTML pages get the reference article's content from the
 * test fixture through `<!--bench:name-->` placeholders, as a CMS would render it.
 */
const here = import.meta.dirname;

/** What vite.config.ts gives every production build: the bench measures what ships. */
const production = () => [warningCodes(), litStaticProperties(), litCss()];
const define = { __GZ_VERSION__: JSON.stringify('bench'), __GZ_DEV__: 'false' };
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function teaserListHtml(): string {
  const items = teasers(8).map(
    (
      t,
    ) => `<li class="teaser"><a href="${t.href}"><p class="teaser-meta"><span>${t.brand}</span> <span>${t.category}</span>
      <time datetime="${t.date}">${teaserDate(t.date)}</time></p><h3>${escape(t.title)}</h3><p>${escape(t.excerpt)}</p></a></li>`,
  );
  return `<ul class="teasers">${items.join('')}</ul>`;
}

/** The same 8 teasers as Gazette markup: a list of slotted `<gz-teaser>`s, as a CMS would render it. */
function gazetteTeasersHtml(): string {
  const items = teasers(8).map(
    (t) =>
      `<gz-teaser href="${t.href}" section="${t.category}" brand="${t.brand}" date="${t.date}"><span slot="title">${escape(t.title)}</span>${escape(t.excerpt)}</gz-teaser>`,
  );
  return `<gz-teaser-list heading="Neueste Artikel">${items.join('')}</gz-teaser-list>`;
}

/**
 * The same 8 teasers as data: the list's JSON `items` attribute, rendered in the list's own shadow
 * root (no `<gz-teaser>` elements). `max-chars` above the excerpt's 145 characters, so the list
 * shows the excerpt whole, as the slotted teasers do (its closing `...` drawn as one `…`).
 */
function gazetteTeasersDataHtml(): string {
  const items = JSON.stringify(teasers(8).map(teaserItem));
  return `<gz-teaser-list heading="Neueste Artikel" max-chars="200" items="${escape(items)}"></gz-teaser-list>`;
}

function content(): Plugin {
  const dateline = new Intl.DateTimeFormat('de-DE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Berlin',
  })
    .format(new Date(article.published))
    .replace(',', '');
  const values: Record<string, string> = {
    section: article.section,
    headline: article.headline,
    standfirst: article.standfirst,
    published: article.published,
    body: article.bodyHtml,
    dateline,
    minutes: '3',
    bio: BIO,
    photo: PHOTO,
    teasers: teaserListHtml(),
    gazetteTeasers: gazetteTeasersHtml(),
    gazetteTeasersData: gazetteTeasersDataHtml(),
  };
  // Variants of the Gazette article page take its <article> from article-gazette.html, the one copy.
  const gazetteArticle = /<article>[\s\S]*<\/article>/.exec(
    readFileSync(resolve(here, 'pages/article-gazette.html'), 'utf8'),
  )![0];
  const fill = (html: string) =>
    html
      .replace('<!--bench:gazetteArticle-->', () => gazetteArticle)
      .replace(/<!--bench:(\w+)-->/g, (match, name: string) => values[name] ?? match);
  let ssr: Promise<{ markup: string; css: string }> | undefined;
  return {
    name: 'gz-bench-content',
    transformIndexHtml: async (html) => {
      if (html.includes('<!--bench:ssr-->')) {
        const { markup, css } = await (ssr ??= serverRendered(fill));
        html = html.replace('<!--bench:ssr-->', () => markup).replace('<!--bench:ssrCss-->', () => css);
      }
      return fill(html);
    },
  };
}

/**
 * `gazette/preload.css` as the package's build writes it (vite.config.ts), for pages that import it
 * as the README advises a bundled page to: Vite links it from the page's `<head>`.
 */
function preload(): Plugin {
  const id = resolve(here, 'gazette-preload.css');
  return {
    name: 'gz-bench-preload',
    enforce: 'pre',
    resolveId: (source) => (source === 'gazette/preload.css' ? id : undefined),
    load: (file) => (file === id ? preloadCss() : undefined),
  };
}

/**
 * The Gazette article page (article-gazette.html's markup, with the reading time the CMS counted)
 * rendered once with `gazette/ssr` (src/ssr.ts, loaded through Vite in Node), for article-ssr.html;
 * and the stylesheet `gazette/ssr.css` gives such pages (tokens and the body's typesetting).
 */
async function serverRendered(fill: (html: string) => string): Promise<{ markup: string; css: string }> {
  const server = await createServer({
    configFile: false,
    root: resolve(here, '..'),
    logLevel: 'silent',
    appType: 'custom',
    define,
    // The build-time transforms run here too (they are `apply: 'build'`), so the server renders
    // what the npm package's modules would: minified `css` (the <style> in every shadow root).
    plugins: production().map((plugin) => ({ ...plugin, apply: undefined })),
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  try {
    const { renderToString: renderPage } = (await server.ssrLoadModule('/src/ssr.ts')) as {
      renderToString: typeof renderToString;
    };
    const { html: staticHtml, unsafeStatic: unsafe } = (await server.ssrLoadModule('lit/static-html.js')) as {
      html: typeof html;
      unsafeStatic: typeof unsafeStatic;
    };
    const { contentCss: typesetting } = (await server.ssrLoadModule(
      '/src/components/article-body/content.styles.ts',
    )) as { contentCss: typeof contentCss };
    const page = fill(readFileSync(resolve(here, 'pages/article-gazette.html'), 'utf8'));
    const main = /<main>[\s\S]*<\/main>/
      .exec(page)![0]
      .replace('reading-time-for="article-body"', 'reading-time-for="article-body" reading-minutes="3"');
    const markup = await renderPage(staticHtml`${unsafe(main)}`, { lang: 'de' });
    const tokens = readFileSync(resolve(here, '../src/styles/tokens.css'), 'utf8');
    return { markup, css: `<style>${tokens}\n${typesetting}</style>` };
  } finally {
    await server.close();
  }
}

export default defineConfig({
  root: here,
  base: './',
  define,
  plugins: [...production(), preload(), content()],
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    // Static imports preloaded flat (Vite's default for an app, as a publisher's build would do),
    // so the pages measure the code, not a waterfall of shared chunks.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: Object.fromEntries(
        readdirSync(resolve(here, 'pages'))
          .filter((f) => f.endsWith('.html'))
          .map((f) => [f.replace('.html', ''), resolve(here, 'pages', f)]),
      ),
    },
  },
});
