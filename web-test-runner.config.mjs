// @ts-check
import { statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { countingReporter } from './scripts/wtr-counting-reporter.mjs';
import { stall } from './test/fixtures/author-card/stall.mjs';
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

/** Takes the hostile suite's summary line from the browser and keeps it for `npm test` to print. */
function hostileSummary() {
  return {
    name: 'gz-hostile-summary',
    async executeCommand(/** @type {{ command: string, payload: any }} */ { command, payload }) {
      if (command !== 'gz-hostile-summary') return undefined;
      await mkdir('.test-results', { recursive: true });
      await writeFile('.test-results/hostile-summary.txt', `${payload.line}\n`);
      return true;
    },
  };
}

/**
 * The test server's port: one the OS hands out on 127.0.0.1, never the runner's default 8000, which
 * another dev server (or another checkout's test run) may hold.
 * @returns {Promise<number>}
 */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export default {
  files: ['test/**/*.test.ts'],
  hostname: '127.0.0.1',
  port: await freePort(),
  nodeResolve: true,
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180_000,
  browserStartTimeout: 60_000,
  middleware: [stall, quietMissingImages],
  plugins: [
    inlineCss(),
    hostileSummary(),
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
  testRunnerHtml: (/** @type {string} */ testFramework) => `<!doctype html>
<html lang="en">
  <head>
    <script>
      // Lit's dev build announces itself once per page; tests must print nothing.
      (globalThis.litIssuedWarnings ??= new Set()).add('dev-mode');
    </script>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  testFramework: { config: { timeout: 5000 } },
  reporters: [defaultReporter(), countingReporter('.test-results/unit.json')],
};
