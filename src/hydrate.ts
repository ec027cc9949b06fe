/**
 * `gazette/hydrate.js`: the browser side of `gazette/ssr`. Installs Lit's hydrate support, then
 * defines every element, so server-rendered elements take over their declarative shadow DOM
 * instead of rendering it a second time.
 *
 * The order matters and a bundler can break it: Lit patches `LitElement` for hydration only if the
 * support module ran before `lit-element` was evaluated (lit/lit#1638). A static
 * `import 'gazette/all.js'` next to the support import does not guarantee that: once the bundle
 * has lazy chunks, `lit-element` moves into a shared chunk that runs before the entry's own code.
 * The elements are therefore imported dynamically, after the support has run.
 *
 * ```ts
 * import { ready } from 'gazette/hydrate.js';
 * await ready; // every element is defined
 * ```
 *
 * @module
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';

/** Resolves once every element is defined (their server-rendered shadow roots then hydrate). */
export const ready: Promise<void> = import('./all.js').then(() => undefined);
