// @ts-check
/**
 * The server half of the test suite's `fixture` in its server-rendered group: a @web/test-runner
 * plugin that answers the `gz-ssr-render` command by rendering the template with `gazette/ssr`'s
 * own `render` (src/ssr.ts: every registration, the page-language context) in Node.
 *
 * src/ssr.ts is bundled once per run with esbuild (TypeScript, decorators, `?inline` CSS as the
 * browser tests serve them; Lit and @lit-labs/ssr stay external, so Node loads their server
 * builds), and runs in a worker thread: Lit's server DOM shim and the server's element registry stay
 * out of the runner's own process.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '../..');

/** @type {import('esbuild').Plugin} */
const inlineCss = {
  name: 'gz-inline-css',
  setup(b) {
    b.onResolve({ filter: /\?inline$/ }, (args) => ({
      path: resolve(args.resolveDir, args.path.replace(/\?inline$/, '')),
      namespace: 'gz-inline-css',
    }));
    b.onLoad({ filter: /.*/, namespace: 'gz-inline-css' }, (args) => ({
      contents: readFileSync(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

/** Bundles src/ssr.ts for Node; resolves with the bundle's path. */
async function bundleSsr() {
  const dir = resolve(root, 'node_modules/.cache/gz-test-ssr');
  mkdirSync(dir, { recursive: true });
  const outfile = resolve(dir, 'ssr.mjs');
  await build({
    entryPoints: [resolve(root, 'src/ssr.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    tsconfig: resolve(root, 'tsconfig.json'),
    plugins: [inlineCss],
    logLevel: 'error',
  });
  return outfile;
}

export function ssrRenderPlugin() {
  /** @type {Promise<Worker> | undefined} */
  let worker;
  let next = 0;
  /** @type {Map<number, { resolve: (html: string) => void, reject: (e: Error) => void }>} */
  const pending = new Map();

  const start = () =>
    (worker ??= bundleSsr().then((bundle) => {
      const w = new Worker(new URL('./ssr-worker.mjs', import.meta.url), { workerData: { bundle } });
      w.on('message', (/** @type {{ id: number, html?: string, error?: string }} */ m) => {
        const call = pending.get(m.id);
        pending.delete(m.id);
        if (m.error !== undefined) call?.reject(new Error(m.error));
        else call?.resolve(m.html ?? '');
      });
      w.on('error', (error) => {
        for (const call of pending.values()) call.reject(error);
        pending.clear();
        worker = undefined;
      });
      w.unref();
      return w;
    }));

  return {
    name: 'gz-ssr-render',
    // Bundled and loaded while the browser starts, not in the first test's time.
    serverStart() {
      void start();
    },
    async serverStop() {
      if (worker) await (await worker).terminate();
    },
    async executeCommand(/** @type {{ command: string, payload: any }} */ { command, payload }) {
      if (command !== 'gz-ssr-render') return undefined;
      const w = await start();
      const id = next++;
      const html = new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
      w.postMessage({ id, ...payload });
      try {
        return { html: await html };
      } catch (error) {
        // The browser side throws this message: a template the server cannot render fails its test.
        return { error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
