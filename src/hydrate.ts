/**
 * `gazette/hydrate.js`: the browser side of `gazette/ssr`. Installs Lit's hydrate support, then
 * defines every element, so server-rendered elements take over their declarative shadow DOM
 * instead of rendering it a second time.
 *
 * The order matters and a bundler can break it: Lit patches `LitElement` for hydration only if the
 * support module ran before `lit-element` was evaluated (lit/lit#1638). A static
 * `import 'gazette/all.js'` next to the support import does not guarantee that: once the bundle
 * has lazy chunks, `lit-element` moves into a shared chunk that runs before the entry's own code.
 * The elements are therefore imported dynamically, after the support has run, and only once the
 * page's first render is done (hydration is deferred off it).
 *
 * ```ts
 * import { ready } from 'gazette/hydrate.js';
 * await ready; // every element is defined
 * ```
 *
 * @module
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';

/**
 * Resolves after the page's first render: at the first idle time after its first frame (at most
 * a second later). The server's HTML is already the rendered page, so evaluating the elements,
 * upgrading them and hydrating wait until it is painted: the first render costs what the HTML
 * costs (the bench's server-rendered article: module evaluation, upgrade and hydration were about
 * half of its main-thread time). Hydrating changes no pixel (same DOM, CLS 0.000); until then
 * links, the subscribe form and text work as plain HTML.
 */
function afterFirstRender(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(() => resolve(), { timeout: 1_000 })
        : setTimeout(resolve, 0),
    ),
  );
}

/**
 * Resolves once every element is defined (their server-rendered shadow roots then hydrate), which
 * is after the page's first render.
 */
export const ready: Promise<void> = afterFirstRender()
  .then(() => import('./all.js'))
  .then(() => undefined);
