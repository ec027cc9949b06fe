/**
 * The CDN autoloader (`dist/cdn/gazette-autoloader.js`): a page loads only the elements it uses.
 *
 * It looks for `gz-*` tags that are not defined yet in the document, and in whatever is added to it
 * later (one `MutationObserver`), and imports each one's chunk from `autoloader/` next to it. What
 * the elements share (Lit, `GzElement`, both languages, the Intl wrappers, the host styles) is one
 * core chunk. The build (vite.config.ts, mode `cdn-autoloader`) writes into this file which chunks
 * each element's chunk imports (the core, a chunk it shares with another element), and they are
 * requested together with it, instead of one after the other as the browser would discover them.
 *
 * Shadow roots: an element's chunk registers the elements its own shadow root renders (the header
 * registers `<gz-reading-time>`), so the observer watches the document only. A page that puts
 * `gz-*` tags in a shadow root of its own calls `discover(root)`.
 *
 * This file imports nothing statically: every module is behind an `import()`, so the core chunk
 * never imports from this file, and the file can be loaded with a query (`?v=3`) without a second
 * copy of anything.
 *
 * @module
 */

/**
 * The chunks each element's chunk (and `page-styles`) imports statically, transitively, as paths
 * relative to this file: replaced by the build (`autoloaderGraph` in vite.config.ts). From the
 * sources (tests, Storybook) it stays a string, and nothing is requested ahead.
 */
const graph = '__GZ_AUTOLOADER_GRAPH__' as unknown as Record<string, string[] | undefined>;

/** Chunk files requested ahead, by path. */
const requested = new Set<string>();

/** Requests the chunks `key`'s chunk imports, all at once, then `load()` itself. */
function withImports<T>(key: string, load: () => Promise<T>): Promise<T> {
  for (const file of graph[key] ?? []) {
    if (requested.has(file)) continue;
    requested.add(file);
    // A failure shows in `load()`, which imports the same file.
    import(/* @vite-ignore */ new URL(file, import.meta.url).href).catch(() => undefined);
  }
  return load();
}

const loaders: Record<string, () => Promise<unknown>> = {
  'gz-article-body': () => import('./components/article-body/article-body.js'),
  'gz-article-header': () => import('./components/article-header/article-header.js'),
  'gz-author-card': () => import('./components/author-card/author-card.js'),
  'gz-author-list': () => import('./components/author-list/author-list.js'),
  'gz-reading-time': () => import('./components/reading-time/reading-time.js'),
  'gz-subscribe-button': () => import('./components/subscribe-button/subscribe-button.js'),
  'gz-teaser': () => import('./components/teaser/teaser.js'),
  'gz-teaser-list': () => import('./components/teaser-list/teaser-list.js'),
};

/** Tags asked for already (known or not): each is imported, or warned about, once. */
const seen = new Set<string>();

/**
 * The page-wide sheets (tokens, the body's typesetting) on a page that links neither `preload.css`,
 * `ssr.css` nor `themes/tokens.css`: the elements hold their first render for this chunk, so it is
 * requested with the first element chunk rather than after it has run (see `src/internal/tokens.ts`).
 */
let sheetsChecked = false;
function preloadPageStyles(): void {
  if (sheetsChecked) return;
  sheetsChecked = true;
  const root = getComputedStyle(document.documentElement);
  if (root.getPropertyValue('--gz-sheet-tokens') && root.getPropertyValue('--gz-sheet-typesetting')) return;
  withImports('page-styles', () => import('./internal/page-styles.js')).catch(() => undefined);
}

function load(tag: string): void {
  if (seen.has(tag)) return;
  seen.add(tag);
  if (customElements.get(tag)) return;
  const loader = loaders[tag];
  if (!loader) {
    console.warn(`Gazette autoloader: <${tag}> is not a Gazette element; nothing was loaded for it.`);
    return;
  }
  preloadPageStyles();
  withImports(tag, loader).catch((error: unknown) => {
    // A failed request (offline) is asked for again when the next such tag appears.
    seen.delete(tag);
    console.warn(`Gazette autoloader: the chunk of <${tag}> did not load.`, error);
  });
}

/**
 * Imports the chunks of the undefined `gz-*` elements in `root` (and `root` itself). The document is
 * discovered, and watched, on its own; call this for a shadow root of your own.
 */
export function discover(root: Document | ShadowRoot | Element): void {
  if (root instanceof Element && root.localName.startsWith('gz-')) load(root.localName);
  for (const element of root.querySelectorAll(':not(:defined)')) {
    if (element.localName.startsWith('gz-')) load(element.localName);
  }
}

if (typeof document !== 'undefined') {
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) discover(node);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  discover(document);
}
