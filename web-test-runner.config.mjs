// @ts-check
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { createServer } from 'node:net';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { countingReporter } from './scripts/wtr-counting-reporter.mjs';
import { stall } from './test/fixtures/author-card/stall.mjs';
import { failRequests } from './test/server/fail-requests.mjs';
import { ssrRenderPlugin } from './test/harness/ssr-plugin.mjs';
import { testFeeds } from './test/server/feeds.mjs';
import { subscriptionsTestPlugin } from './test/server/subscriptions.mjs';

/**
 * Debian's Chromium on CI and this machine; a publisher's laptop can point CHROME_PATH at its own
 * Chrome. Nothing here downloads a browser.
 */
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Serves `import css from './x.css?inline'` as Vite does: a module whose default export is the text. */
function inlineCss() {
  return {
    name: 'gz-inline-css',
    async serve(/** @type {any} */ context) {
      if (context.path.endsWith('.css') && context.URL.searchParams.has('inline')) {
        const file = fileURLToPath(new URL('.' + context.path, import.meta.url));
        const text = await readFile(file, 'utf8');
        return { body: `export default ${JSON.stringify(text)};`, type: 'js' };
      }
      return undefined;
    },
  };
}

/**
 * Serves `/__gazette/<subpath>` as `import 'gazette/<subpath>'` resolves in Node, through the
 * package's own `exports`: a test reads a build output (the hostile suite's custom-elements.json)
 * as a consumer would, so a wrong or missing export fails there. A file not built yet is a 404.
 */
function packageExports() {
  const prefix = '/__gazette/';
  return {
    name: 'gz-package-exports',
    async serve(/** @type {any} */ context) {
      if (!context.path.startsWith(prefix)) return undefined;
      try {
        const file = fileURLToPath(import.meta.resolve(`gazette/${context.path.slice(prefix.length)}`));
        return { body: await readFile(file, 'utf8'), type: file.slice(file.lastIndexOf('.') + 1) };
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * Image requests for files that do not exist get an empty 204 instead of a 404: the hostile suite
 * sets hundreds of nonsense image URLs, and the runner would list every 404 (and koa-send would log
 * a stack for each undecodable path). An empty body still fails to decode, so an element sees the
 * same error event as with a 404.
 * @param {any} ctx
 * @param {() => Promise<void>} next
 */
async function quietMissingImages(ctx, next) {
  if (ctx.get('sec-fetch-dest') === 'image') {
    let exists;
    try {
      exists = statSync(fileURLToPath(new URL('.' + decodeURIComponent(ctx.path), import.meta.url))).isFile();
    } catch {
      exists = false;
    }
    if (!exists) {
      ctx.status = 204;
      return;
    }
  }
  await next();
}

/**
 * Sums the counts each hostile test file (test/hostile-*.test.ts) sends at its end and keeps the
 * summary line for `npm test` to print.
 */
function hostileSummary() {
  const sum = { tried: 0, executed: 0, uncaught: 0, files: 0 };
  return {
    name: 'gz-hostile-summary',
    async executeCommand(/** @type {{ command: string, payload: any }} */ { command, payload }) {
      if (command !== 'gz-hostile-summary') return undefined;
      sum.tried += payload.tried;
      sum.executed += payload.executed;
      sum.uncaught += payload.uncaught;
      sum.files++;
      await mkdir('.test-results', { recursive: true });
      await writeFile(
        '.test-results/hostile-summary.txt',
        `hostile inputs: ${sum.tried} tried, ${sum.executed} executed, ${sum.uncaught} uncaught (${sum.files} files)\n`,
      );
      return true;
    },
  };
}

/**
 * The port the test server listens on: `WTR_PORT` when set, else one the system reports free on
 * 127.0.0.1. Never @web/test-runner's default 8000, which collides with whatever else runs there
 * (another suite, a dev server). The runner cannot take port 0 itself (Chromium refuses it).
 * @returns {Promise<number>}
 */
function freePort() {
  if (process.env.WTR_PORT) return Promise.resolve(Number(process.env.WTR_PORT));
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Mocha's limit per test and hook on a quiet machine: a hang fails within it. */
const TIMEOUT = 5_000;
/**
 * The limit for the test file whose page is being served: TIMEOUT, scaled by how oversubscribed the
 * CPUs are now (the 1-minute load average per core, halved: the suite alone keeps two runnable per
 * core; at least 1, at most 12 times). On this 2-core machine shared by other suites (load 20-45),
 * cold module loading and server round trips alone took over 5 s and failed tests (and hooks, taking
 * a file's later tests down with them) that were only slow: load 23 gives 29 s. On a quiet machine it
 * stays 5 s. The runner writes `testFramework.config` into each test page as it serves it, so a
 * getter gives every file the load at its start.
 */
function scaledTimeout() {
  const oversubscribed = loadavg()[0] / availableParallelism() / 2;
  return Math.round(TIMEOUT * Math.min(12, Math.max(1, oversubscribed)));
}

/**
 * Test files that render no element of ours from a template, or define test-only elements the
 * server does not know: they run client-rendered only. Every other file runs twice, in the default
 * group (client-rendered) and in the `ssr` group, where `fixture` from test/helpers.ts renders on
 * the server with `gazette/ssr` and hydrates (test/harness/fixture.ts). `--group default` or
 * `--group ssr` runs one of them.
 */
const CLIENT_ONLY = [
  'test/hostile*.test.ts', // drives elements through createElement and properties, not templates
  'test/harness/*.test.ts', // the harness's own tests (element assertions), no element
  'test/internal.test.ts', // pure functions (dates, URLs, warnings)
  'test/properties.test.ts', // property-based tests of pure functions
  'test/lit-css.test.ts', // CSS text of the styles modules
  'test/themes.test.ts', // contrast of the theme files' colours
  'test/gz-element.test.ts', // test-only GzElement subclasses and iframes of their own
  'test/author-card-initials.test.ts', // pure functions (initials, colours, links, alt text)
  'test/localize.test.ts', // test-only LitElements
  'test/embed.test.ts', // test-only LitElements
  'test/article-header-datetime.test.ts', // test-only LitElements
  'test/focus.test.ts', // test-only LitElements
  'test/feed-parse.test.ts', // parses feeds, renders no element
  'test/feed-corpus.test.ts', // creates its lists with createElement, not from templates
  'test/article-body-corpus.test.ts', // sanitizes strings, renders no element
];
const ALL = ['test/**/*.test.ts'];
/**
 * Test files that run alone, in a browser of their own, after the others (`GZ_WTR_ALONE=1`, a step of
 * scripts/test.mjs): they have the test server fail requests through a cookie, which every page of
 * the origin sends, so a file loading the same module beside them would fail too.
 */
const ALONE = ['test/autoloader-failure.test.ts'];
const alone = process.env.GZ_WTR_ALONE === '1';
/** Test files that run server-rendered only (they hydrate, which needs the ssr group's page). */
const SERVER_ONLY = ['test/ssr-*.test.ts'];

/**
 * Whether `file` matches `glob` (`*` within a name, `**` across folders).
 * @param {string} file
 * @param {string} glob
 */
const matchesGlob = (file, glob) =>
  new RegExp(
    `^${glob
      .replace(/^\.\//, '')
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*\//g, '(?:.*/)?')
      .replace(/\*/g, '[^/]*')}$`,
  ).test(file);

/**
 * The server-rendered group's files: those given on the command line (or all), less CLIENT_ONLY and ALONE.
 * @returns {string[]}
 */
function serverFiles() {
  const given = process.argv.slice(2).filter((a) => !a.startsWith('-') && /\.test\.ts$|\*/.test(a));
  const tests = [
    ...readdirSync('test', { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
      .map((e) => `${e.parentPath}/${e.name}`.replace(/^\.\//, '')),
  ];
  return tests.filter(
    (file) =>
      (given.length ? given : ALL).some((glob) => matchesGlob(file, glob)) &&
      ![...CLIENT_ONLY, ...ALONE].some((glob) => matchesGlob(file, glob)),
  );
}

/**
 * A test page. Element assertions report instead of hanging (test/harness/chai-elements.ts); the
 * server-rendered run loads Lit's hydrate support first (test/harness/server-page.ts).
 * @param {string} testFramework
 * @param {boolean} server
 */
const page = (testFramework, server) => `<!doctype html>
<html lang="en">
  <head>
    <script>
      // Lit's dev build announces itself once per page; tests must print nothing.
      (globalThis.litIssuedWarnings ??= new Set()).add('dev-mode');
    </script>
  </head>
  <body>
    ${server ? '<script type="module" src="/test/harness/server-page.ts"></script>' : ''}
    <script type="module" src="/test/harness/chai-elements.ts"></script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`;

const ssrFiles = serverFiles();

export default {
  files: alone ? ALONE : [...ALL, ...[...SERVER_ONLY, ...ALONE].map((glob) => `!${glob}`)],
  groups:
    !alone && ssrFiles.length
      ? [{ name: 'ssr', files: ssrFiles, testRunnerHtml: (/** @type {string} */ f) => page(f, true) }]
      : [],
  hostname: '127.0.0.1',
  port: await freePort(),
  nodeResolve: true,
  concurrency: alone ? 1 : 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180_000,
  browserStartTimeout: 60_000,
  middleware: [stall, failRequests, quietMissingImages],
  plugins: [
    inlineCss(),
    packageExports(),
    hostileSummary(),
    ssrRenderPlugin(),
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    testFeeds(),
    // <gz-subscribe-button>'s tests talk to a real endpoint with scripted faults.
    subscriptionsTestPlugin(),
  ],
  browsers: [
    chromeLauncher({
      // Each test file gets a window of its own: a second tab in one window is a background page,
      // and background pages get no animation frames.
      async createPage({ browser }) {
        const context = await browser.createBrowserContext();
        return context.newPage();
      },
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // Two test pages run at once; without these, the page in the background gets no
          // animation frames and the tests that wait for one time out.
          '--disable-renderer-backgrounding',
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  testRunnerHtml: (/** @type {string} */ testFramework) => page(testFramework, false),
  testFramework: {
    config: {
      get timeout() {
        return scaledTimeout();
      },
    },
  },
  reporters: [defaultReporter(), countingReporter(`.test-results/${alone ? 'unit-alone' : 'unit'}.json`)],
};
