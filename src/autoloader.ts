/**
 * The CDN autoloader (`dist/cdn/gazette-autoloader.js`): a page loads only the elements it uses.
 *
 * It looks for `gz-*` tags that are not defined yet in the document, and in whatever is added to it
 * later (one `MutationObserver`), and imports each one's chunk from `autoloader/` next to it. What
 * the elements share (Lit, `GzElement`, both languages, the Intl wrappers, the host styles) is one
 * core chunk. The build (vite.config.ts, mode `cdn-autoloader`) writes into this file which chunks
 * each element needs (its own and what it imports) and their sizes:
 * - the tags of one discovery are fetched together (`<link rel="modulepreload">` for every file at
 *   once, not one level of imports after the other) and imported once all have arrived, so they
 *   define and render in one go, as from one file;
 * - when the first discovery needs more bytes than `gazette.js` (a page with most elements), it
 *   loads `gazette.js` instead: one file, which defines every element, so tags added later need
 *   nothing more.
 *
 * Shadow roots: an element's chunk registers the elements its own shadow root renders (the header
 * registers `<gz-reading-time>`), so the observer watches the document only. A page that puts
 * `gz-*` tags in a shadow root of its own calls `discover(root)`.
 *
 * This file imports nothing statically: every module is behind an `import()`, so no chunk imports
 * from this file, and it can be loaded with a query (`?v=3`) without a second copy of anything.
 *
 * @module
 */

interface Build {
  /** The chunk files, as names in `autoloader/` next to this file. */
  files: string[];
  /** Each file's gzip size. */
  bytes: number[];
  /** For each tag (and `page-styles`): its chunk and every chunk it imports, as indexes in `files`. */
  graph: Record<string, number[] | undefined>;
  /** `gazette.js`'s gzip size: a first discovery needing more loads it instead. */
  all: number;
}

/**
 * Replaced by the build (`autoloaderGraph` in vite.config.ts). From the sources (tests, Storybook)
 * it stays a string: nothing is preloaded and each tag's module is imported directly.
 */
const build = '__GZ_AUTOLOADER_GRAPH__' as unknown as Partial<Build>;

/** A chunk by its index in `files`, or a path next to this file, as a URL. */
const url = (file: number | string) =>
  new URL(typeof file === 'string' ? file : `./autoloader/${build.files?.[file]}`, import.meta.url).href;

const loaders: Record<string, () => Promise<unknown>> = {
  'gz-article-body': () => import('./components/article-body/article-body.js'),
  'gz-article-header': () => import('./components/article-header/article-header.js'),
  'gz-author-card': () => import('./components/author-card/author-card.js'),
  'gz-author-list': () => import('./components/author-list/author-list.js'),
  'gz-reading-time': () => import('./components/reading-time/reading-time.js'),
  'gz-subscribe-button': () => import('./components/subscribe-button/subscribe-button.js'),
  'gz-teaser': () => import('./components/teaser/teaser.js'),
  'gz-teaser-list': () => import('./components/teaser-list/teaser-list.js'),
  'page-styles': () => import('./internal/page-styles.js'),
};

/** Tags asked for already (known or not): each is imported, or warned about, once. */
const seen = new Set<string>();

/**
 * Each chunk file's `<link rel="modulepreload">`, settled when it has loaded or failed. A file that
 * failed is forgotten, so the next preload of it is a new request.
 */
const preloads = new Map<number, Promise<unknown>>();

function preload(file: number): Promise<unknown> {
  let settled = preloads.get(file);
  if (!settled) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = url(file);
    settled = new Promise((settle) => {
      link.onload = settle;
      link.onerror = () => settle(preloads.delete(file));
    });
    preloads.set(file, settled);
    document.head.append(link);
  }
  return settled;
}

/** One console warning; `error` (a failed import's, which names the URL) is printed with it. */
const warn = (message: string, error: unknown = '') => console.warn(`Gazette autoloader: ${message}`, error);

/** The keys (tags, `page-styles`) found since the last flush. */
let batch: string[] = [];
/** Whether a flush has run: only the first may choose `gazette.js`. */
let flushed = false;
/** While `gazette.js` (which defines every element) is on its way: the keys found, for a fallback. */
let waiting: string[] | undefined;

function enqueue(key: string): void {
  if (batch.push(key) === 1) queueMicrotask(flush);
}

/** The chunk files `keys` need, each once. */
const filesOf = (keys: string[]) => [...new Set(keys.flatMap((key) => build.graph?.[key] ?? []))];

function flush(): void {
  const keys = batch;
  batch = [];
  const first = !flushed;
  flushed = true;
  if (first && build.all && filesOf(keys).reduce((sum, file) => sum + (build.bytes?.[file] ?? 0), 0) > build.all) {
    waiting = keys;
    // A failed gazette.js is not asked for again: the elements found so far (and meanwhile) load
    // from their own chunks instead, with their own second try.
    import(/* @vite-ignore */ url('gazette.js')).then(
      () => (waiting = undefined),
      (error: unknown) => {
        warn('gazette.js did not load: loading the chunks instead.', error);
        load(waiting ?? [], true);
        waiting = undefined;
      },
    );
  } else load(keys, true);
}

/**
 * Fetches the files of `keys` together (one round trip), then imports each key's module. A key
 * whose module fails (a request answered 404 or 500, or cut off: the browser does not cache a
 * failed request) is asked for once more at once, and after a second failure when its tag is
 * next found (or on the next page load). Never rejects: each failure is one warning naming the tag
 * and, in the error printed with it, the URL.
 */
function load(keys: string[], retry?: boolean): void {
  void Promise.all(filesOf(keys).map(preload)).then(() => {
    for (const key of keys) {
      loaders[key]().catch((error: unknown) => {
        warn(`<${key}> did not load${retry ? ': trying once more' : ''}.`, error);
        if (retry) load([key]);
        else seen.delete(key);
      });
    }
  });
}

/**
 * The page-wide sheets (tokens, the body's typesetting) on a page that links neither `preload.css`,
 * `ssr.css` nor `themes/tokens.css`: the elements hold their first render for this chunk, so it is
 * fetched with the first elements rather than after they have run (see `src/internal/tokens.ts`).
 */
let sheetsChecked = false;
function pageStyles(): void {
  if (sheetsChecked) return;
  sheetsChecked = true;
  const root = getComputedStyle(document.documentElement);
  if (root.getPropertyValue('--gz-sheet-tokens') && root.getPropertyValue('--gz-sheet-typesetting')) return;
  enqueue('page-styles');
}

function found(tag: string): void {
  if (seen.has(tag)) return;
  seen.add(tag);
  if (customElements.get(tag)) return;
  // (`page-styles` is a key of `loaders` too, but never a tag: tags start with `gz-`.)
  if (!Object.hasOwn(loaders, tag)) {
    warn(`<${tag}> is not a Gazette element; nothing was loaded for it.`);
    return;
  }
  if (waiting) waiting.push(tag);
  else {
    pageStyles();
    enqueue(tag);
  }
}

/**
 * Imports the chunks of the undefined `gz-*` elements in `root` (and `root` itself). The document is
 * discovered, and watched, on its own; call this for a shadow root of your own.
 */
export function discover(root: Document | ShadowRoot | Element): void {
  if (root instanceof Element && root.localName.startsWith('gz-')) found(root.localName);
  for (const element of root.querySelectorAll(':not(:defined)')) {
    if (element.localName.startsWith('gz-')) found(element.localName);
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
