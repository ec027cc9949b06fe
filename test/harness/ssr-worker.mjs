// @ts-check
/**
 * Renders templates sent by the browser half of `fixture` (test/harness/fixture.ts) with
 * `gazette/ssr`'s `render`. A template arrives serialised (see `serialize` there) and is rebuilt
 * as a Lit TemplateResult with the same strings, so the client's hydration finds the same digest.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { noChange, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

const { render } = await import(workerData.bundle);

// The elements warn about bad input on the server too; the browser half asserts those warnings
// (once per element, after hydration), and tests print nothing.
console.warn = () => {};

/** @param {any} value */
function revive(value) {
  if (Array.isArray(value)) return value.map(revive);
  if (value === null || typeof value !== 'object') return value;
  switch (value.$) {
    case 'template': {
      const strings = /** @type {any} */ ([...value.strings]);
      strings.raw = [...value.strings];
      return { ['_$litType$']: value.type, strings, values: value.values.map(revive) };
    }
    case 'nothing':
      return nothing;
    case 'noChange':
      return noChange;
    case 'undefined':
    case 'function':
      return undefined;
    case 'date':
      return new Date(value.value);
    case 'unsafeHTML':
      return unsafeHTML(value.value);
    case 'json':
      return value.value;
    default:
      throw new Error(`cannot revive ${JSON.stringify(value).slice(0, 80)}`);
  }
}

parentPort?.on('message', async ({ id, template, lang, dir }) => {
  try {
    const value = revive(template);
    const once = (/** @type {string} */ l, /** @type {string | undefined} */ d) =>
      collectResult(render(value, { lang: l, dir: d, renderInfo: { deferHydration: true } }));
    let html = await once(lang, dir);
    // A template whose first element sets lang/dir (`<div lang="de">…`) is, for the server, a page
    // in that language: the server sees no ancestors of an element but its hosts.
    const first = html.replace(/<!--[^]*?-->/g, '').match(/^\s*<[a-z][^>]*>/)?.[0] ?? '';
    const own = { lang: /\slang="([^"]*)"/.exec(first)?.[1], dir: /\sdir="([^"]*)"/.exec(first)?.[1] };
    if ((own.lang && own.lang !== lang) || own.dir) html = await once(own.lang || lang, own.dir);
    parentPort?.postMessage({ id, html });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
