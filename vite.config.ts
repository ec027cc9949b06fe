import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { litCss } from './scripts/lib/lit-css.mjs';
import { litStaticProperties } from './scripts/lib/static-properties.mjs';
import { warningCodes } from './scripts/lib/warnings.mjs';
import { contentCss } from './src/components/article-body/content.styles.js';
import * as article from './test/fixtures/article-de.js';
import { createSubscriptionService } from './server/index.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const root = (path: string) => resolve(import.meta.dirname, path);

/**
 * Where demo/index.html holds a CSRF token (the button's `csrf-token`, the no-JS form's
 * `csrf_token`): the dev server puts the reader's per-session token there.
 */
const DEMO_CSRF_PLACEHOLDER = 'gazette-demo-token';

/** Every element, by folder: `src/components/<name>/<name>.ts` registers it (`gazette/<name>.js`). */
const elements = readdirSync(root('src/components'));

/**
 * `gazette/preload.css`: the design tokens, a block box for every element until it is defined,
 * the hand-written `src/styles/preload.css`, and `<gz-article-body>`'s content typesetting (the
 * sheet the element adopts), so the page is laid out as it will be once the elements render.
 */
export function preloadCss(): string {
  const blocks = elements.map((name) => `gz-${name}:not(:defined)`).join(',\n  ');
  return [
    tokensCss(),
    `@layer gazette.preload {\n  ${blocks} {\n    display: block;\n  }\n}\n`,
    readFileSync(root('src/styles/preload.css'), 'utf8'),
    bodyTypesetting(),
  ].join('\n');
}

/** The design tokens, as `gazette/tokens.css` has them. */
const tokensCss = () => readFileSync(root('src/styles/tokens.css'), 'utf8');

/** The sheet `<gz-article-body>` adopts for its light-DOM content, for pages before (or without) its script. */
const bodyTypesetting = () => `/* <gz-article-body>'s content typesetting */\n${contentCss}\n`;

/**
 * Copies the demo's feed files into the demo build: `<gz-teaser-list src>` is not an attribute Vite
 * knows to follow, so the built page would otherwise ask for a feed that is not there.
 */
function demoFeeds(): Plugin {
  return {
    name: 'gz-demo-feeds',
    apply: 'build',
    generateBundle() {
      for (const file of readdirSync(root('demo/feeds'))) {
        this.emitFile({ type: 'asset', fileName: `feeds/${file}`, source: readFileSync(root(`demo/feeds/${file}`)) });
      }
    },
  };
}

/** Serves and emits `preload.css` for the demo page, linked first in its head. */
function demoPreload(): Plugin {
  return {
    name: 'gz-demo-preload',
    configureServer(server) {
      server.middlewares.use('/preload.css', (_req, res) => {
        res.setHeader('content-type', 'text/css');
        res.end(preloadCss());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'preload.css', source: preloadCss() });
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'link', attrs: { rel: 'stylesheet', href: '/preload.css' }, injectTo: 'head-prepend' }],
    },
  };
}

/** Copies the token and theme stylesheets to `dist/themes/`, the `gazette/themes/*.css` exports. */
function themes(): Plugin {
  // Every file in src/styles/themes/ ships: light, dark, auto and the sample brands.
  const files = {
    'themes/tokens.css': 'src/styles/tokens.css',
    ...Object.fromEntries(
      readdirSync(root('src/styles/themes'))
        .filter((name) => name.endsWith('.css'))
        .map((name) => [`themes/${name}`, `src/styles/themes/${name}`]),
    ),
  };
  return {
    name: 'gz-themes',
    apply: 'build',
    generateBundle() {
      for (const [fileName, source] of Object.entries(files)) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(root(source), 'utf8') });
      }
      this.emitFile({ type: 'asset', fileName: 'preload.css', source: preloadCss() });
      this.emitFile({ type: 'asset', fileName: 'ssr.css', source: ssrCss() });
    },
  };
}

/**
 * `gazette/ssr.css`, for pages rendered with `gazette/ssr`: the design tokens and
 * `<gz-article-body>`'s content typesetting, which the elements otherwise adopt when their script
 * runs. Not preload.css: its `:not(:defined)` stand-ins would show beside the server's shadow DOM.
 */
function ssrCss(): string {
  return [tokensCss(), bodyTypesetting()].join('\n');
}

/**
 * Fills the demo page's `<!--gz:name-->` placeholders with the German sample article, so the page
 * is served as a CMS would render it: the content in the HTML, not added by script.
 */
function demoContent(): Plugin {
  const content: Record<string, string> = {
    section: article.section,
    headline: article.headline,
    standfirst: article.standfirst,
    published: article.published,
    body: article.bodyHtml,
  };
  return {
    name: 'gz-demo-content',
    transformIndexHtml: (html) => html.replace(/<!--gz:(\w+)-->/g, (match, name: string) => content[name] ?? match),
  };
}

/**
 * The subscription service (`gazette/server`) on the dev server, as a publisher would run it:
 * SQLite, double opt-in, per-session CSRF tokens, links to GZ_PUBLIC_ORIGIN (default the dev
 * server's address), mails written to a folder instead of sent (or to GZ_SMTP, an SMTP URL).
 */
function subscriptionService(): Plugin {
  const mount = '/api/subscriptions';
  return {
    name: 'gz-subscription-service',
    async configureServer(server) {
      const handle = await createSubscriptionService({
        database: `sqlite:${process.env['GZ_SUBSCRIPTIONS_DB'] ?? root('node_modules/.cache/gazette/subscriptions.db')}`,
        publicOrigin: process.env['GZ_PUBLIC_ORIGIN'] ?? 'http://127.0.0.1:5173',
        allowedOrigins: ['http://localhost:5173'],
        mailer: process.env['GZ_SMTP'] ?? process.env['GZ_MAIL_DIR'] ?? root('node_modules/.cache/gazette/mails'),
        csrf: true,
        mount,
      });
      server.httpServer?.once('close', () => void handle.close());
      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        if (req.method === 'GET' && (path === '/' || path === '/index.html')) {
          // The demo page as a CMS would render it: with the reader's session token.
          const token = handle.csrfToken(req, res);
          server
            .transformIndexHtml(req.url ?? '/', readFileSync(root('demo/index.html'), 'utf8'), req.originalUrl)
            .then((html) => {
              res.setHeader('content-type', 'text/html; charset=utf-8');
              res.setHeader('cache-control', 'no-store');
              res.end(html.replaceAll(DEMO_CSRF_PLACEHOLDER, token));
            })
            .catch(next);
          return;
        }
        if (path !== mount && !path.startsWith(`${mount}/`)) return next();
        handle(req, res).catch(next);
      });
    },
  };
}

/**
 * What the autoloader's core chunk holds: what every element runs (Lit, GzElement, localize with
 * both languages, host styles, warnings, the page-wide sheets' check). Lit's directives, the date
 * code (header and teasers), focus keeping (body) and contexts (body and badge) go with the
 * elements that use them, so a page with one badge does not download the dateline's rules.
 */
const autoloaderCore = (id: string): boolean =>
  (/node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/.test(id) &&
    !/[\\/]directives[\\/](?!if-defined)/.test(id)) ||
  (/[\\/]src[\\/](internal|controllers|translations|styles)[\\/]/.test(id) &&
    !/[\\/](page-styles|datetime|relative-time|focus|contexts)\.ts$/.test(id));

/** The date code the header and the teasers share, in the autoloader build: one chunk, not two. */
const autoloaderDates = (id: string): boolean => /[\\/]src[\\/]\w+[\\/](datetime|relative-time)\.ts$/.test(id);

/**
 * Writes into `dist/cdn/gazette-autoloader.js` (`__GZ_AUTOLOADER_GRAPH__` in src/autoloader.ts), for
 * each element's chunk (and the page-styles chunk), that chunk and every chunk it imports
 * statically, transitively, so the autoloader fetches them together: one round trip instead of one
 * per level of the import graph; with each chunk's gzip size and gazette.js's (built before, in the
 * same folder), so a page that needs more than gazette.js gets gazette.js.
 */
function autoloaderGraph(): Plugin {
  return {
    name: 'gz-autoloader-graph',
    apply: 'build',
    // The folder holds this build's chunks only (gazette.js's build empties dist/cdn/ as a whole,
    // but this one may run alone, and stale hashed chunks would ship).
    buildStart() {
      rmSync(root('dist/cdn/autoloader'), { recursive: true, force: true });
    },
    generateBundle(options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const graph: Record<string, string[]> = {};
      for (const chunk of chunks) {
        const id = (chunk.facadeModuleId ?? '').replaceAll('\\', '/');
        const element = /\/src\/components\/([^/]+)\/\1\.ts$/.exec(id)?.[1];
        const key = element ? `gz-${element}` : id.endsWith('/src/internal/page-styles.ts') ? 'page-styles' : '';
        if (!key) continue;
        const files = new Set<string>([chunk.fileName]);
        const visit = (fileName: string) => {
          for (const imported of byFile.get(fileName)?.imports ?? []) {
            if (files.has(imported)) continue;
            files.add(imported);
            visit(imported);
          }
        };
        visit(chunk.fileName);
        graph[key] = [...files];
      }
      const all = resolve(options.dir ?? root('dist/cdn'), 'gazette.js');
      if (!existsSync(all)) this.warn(`${all} is missing (build --mode cdn first): the autoloader never loads it`);
      const allBytes = existsSync(all) ? gzipSync(readFileSync(all), { level: 9 }).length : 0;
      const entry = chunks.find((chunk) => chunk.isEntry);
      const placeholder = /(["'`])__GZ_AUTOLOADER_GRAPH__\1/;
      if (!entry || !placeholder.test(entry.code)) this.error('the autoloader has no __GZ_AUTOLOADER_GRAPH__ to fill');
      // Written compactly (the entry is 1.4 kB gzip): each file once, as its name in autoloader/.
      const files = [...new Set(Object.values(graph).flat())];
      const written = {
        files: files.map((file) => file.replace(/^autoloader\//, '')),
        bytes: files.map((file) => gzipSync((byFile.get(file) as { code: string }).code, { level: 9 }).length),
        graph: Object.fromEntries(Object.entries(graph).map(([key, list]) => [key, list.map((f) => files.indexOf(f))])),
        all: allBytes,
      };
      entry.code = entry.code.replace(placeholder, JSON.stringify(written));
    },
  };
}

/**
 * The builds from one config:
 * - `vite build` (npm): ES modules, one file per source module, Lit external; `tsc` adds `.d.ts`.
 * - `vite build --mode cdn`: one minified, self-contained ES module and one IIFE (`Gazette`) with
 *   Lit inlined and every element registered, in `dist/cdn/`.
 * - `vite build --mode cdn-autoloader`: `dist/cdn/gazette-autoloader.js`, which imports only the
 *   elements a page has from `dist/cdn/autoloader/` (one chunk each, one core chunk they share).
 * - `vite` (dev): the demo article page in `demo/`, with the development endpoints.
 * - `vite build --mode demo`: the demo page built for production into `bench/dist/demo/`, as a
 *   publisher would deploy it (`npm run lighthouse` and scripts/check-cls.mjs load it).
 */
export default defineConfig(({ command, mode }) => {
  // `__GZ_DEV__`: whether warnings are full sentences (src/internal/warn.ts). Development builds
  // (`npm start`, Storybook, the `cdn-dev` and `development` modes) keep them; the production builds
  // print a code per warning instead (scripts/lib/warnings.mjs replaces the sentences).
  const development = command === 'serve' || mode === 'cdn-dev' || mode === 'development';
  const define = { __GZ_VERSION__: JSON.stringify(pkg.version), __GZ_DEV__: String(development) };
  if (command === 'serve') {
    return {
      root: 'demo',
      define,
      plugins: [
        demoContent(),
        // <gz-subscribe-button>'s endpoint: gazette/server on SQLite with double opt-in; the
        // confirmation mails are written to node_modules/.cache/gazette/mails (README).
        subscriptionService(),
        demoPreload(),
      ],
      server: { host: '127.0.0.1', port: 5173, fs: { allow: [root('.')] } },
    };
  }
  if (mode === 'demo') {
    return {
      root: 'demo',
      base: './',
      define,
      plugins: [warningCodes(), litStaticProperties(), litCss(), demoContent(), demoPreload(), demoFeeds()],
      build: { outDir: root('bench/dist/demo'), emptyOutDir: true, target: 'es2022' },
    };
  }
  // No development variant: dist/cdn/dev/gazette.js defines the same tags with the warnings as
  // sentences, and a page being built loads that instead (README, "Embed").
  if (mode === 'cdn-autoloader') {
    return {
      define,
      plugins: [warningCodes(), litStaticProperties(), litCss(), autoloaderGraph()],
      build: {
        // Beside gazette.js, after its build has emptied the folder.
        outDir: 'dist/cdn',
        emptyOutDir: false,
        minify: true,
        sourcemap: true,
        target: 'es2022',
        lib: { entry: root('src/autoloader.ts'), formats: ['es'], fileName: () => 'gazette-autoloader.js' },
        rollupOptions: {
          checks: { emptyImportMeta: false },
          output: {
            // Stable names, no hash: a page can `<link rel="modulepreload">` the chunks it knows it
            // needs (`autoloader/core.js`, `autoloader/reading-time.js`) in its HTML, in parallel
            // with the entry (README, "Embed"); and the entry, which names every chunk, is 70 B
            // smaller. The entry and gazette.js have stable names too, so dist/cdn/ is served
            // under a versioned path, as a whole.
            chunkFileNames: 'autoloader/[name].js',
            minify: true,
            // One core chunk with what every element needs (see autoloaderCore); each element's
            // chunk holds its own folder, and what two elements share beyond the core is split by
            // the bundler.
            codeSplitting: {
              groups: [
                { name: 'core', test: autoloaderCore, priority: 2 },
                { name: 'dates', test: autoloaderDates, priority: 1 },
              ],
            },
          },
        },
      },
    };
  }
  if (mode === 'cdn' || mode === 'cdn-dev') {
    return {
      define,
      plugins: development ? [litStaticProperties(), litCss()] : [warningCodes(), litStaticProperties(), litCss()],
      build: {
        // `dist/cdn/dev/`: the same files with full warning sentences (README, "Warnings").
        outDir: development ? 'dist/cdn/dev' : 'dist/cdn',
        // The production build runs first and empties the folder, the development one writes beside it.
        emptyOutDir: !development,
        // The development files are unminified and readable as they are, so they ship no source maps
        // (with maps they were 18 of the tarball's 315 files and 1.9 of its 5.0 MB unpacked); the
        // minified production files keep theirs for stack traces from a live page.
        minify: !development,
        sourcemap: !development,
        target: 'es2022',
        lib: {
          entry: root('src/cdn.ts'),
          name: 'Gazette',
          formats: ['es', 'iife'],
          fileName: (format) => (format === 'es' ? 'gazette.js' : 'gazette.iife.js'),
        },
        // Vite keeps whitespace in ES library output for downstream tree-shaking; the CDN module is
        // a final artifact, so it is minified like the IIFE.
        // `allow-extension`: what the lazy chunks share with the entry stays in gazette.js (they import
        // it from there) instead of a third chunk every page would wait for; see src/cdn.ts.
        // The IIFE has no chunks and no `import.meta.url`: src/cdn.ts checks it only in the module.
        rollupOptions: {
          preserveEntrySignatures: 'allow-extension',
          checks: { emptyImportMeta: false },
          output: { minify: !development },
        },
      },
    };
  }
  return {
    define,
    // `--mode development`: the same modules with full warning sentences in `dist/development/`, the
    // package's `development` export condition (as Lit's); no themes, types come from `dist/`.
    plugins: development
      ? [litStaticProperties(), litCss()]
      : [warningCodes(), litStaticProperties(), litCss(), themes()],
    build: {
      outDir: development ? 'dist/development' : 'dist',
      // `npm run build` starts with this production build: it empties dist/ (files of an older
      // build, such as a dist/_virtual/ chunk, broke check-package), then the development build,
      // the type declarations and the CDN builds write beside it.
      emptyOutDir: !development,
      minify: false,
      // The npm modules are unminified, one per source file: readable as they are, so no source maps
      // (they were 76 of the tarball's 240 files, 1.6 of 2.6 MB). The minified CDN files keep theirs.
      sourcemap: false,
      target: 'es2022',
      lib: {
        entry: {
          index: root('src/index.ts'),
          all: root('src/all.ts'),
          'react/index': root('src/react/index.ts'),
          ssr: root('src/ssr.ts'),
          'ssr-entry': root('src/ssr-entry.ts'),
          hydrate: root('src/hydrate.ts'),
          ...Object.fromEntries(
            elements.map((name) => [`components/${name}/${name}`, root(`src/components/${name}/${name}.ts`)]),
          ),
        },
        formats: ['es'],
      },
      rollupOptions: {
        // dompurify is a dependency, loaded on demand by <gz-article-body>: consumers resolve it.
        // react is an optional peer dependency of `gazette/react`, @lit-labs/ssr of `gazette/ssr`.
        external: [/^lit(\/|$)/, /^@lit\//, /^@lit-labs\//, /^dompurify$/, /^react(-dom)?(\/|$)/],
        output: {
          preserveModules: true,
          preserveModulesRoot: 'src',
          entryFileNames: '[name].js',
        },
      },
    },
  };
});
