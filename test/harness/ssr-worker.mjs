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
    const html = await collectResult(render(revive(template), { lang, dir, renderInfo: { deferHydration: true } }));
    parentPort?.postMessage({ id, html });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
