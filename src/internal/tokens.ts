import { isServer } from 'lit';
import { chunk } from './chunk.js';

/**
 * The page-wide sheets (the design tokens, `<gz-article-body>`'s content typesetting): an on-demand
 * chunk, loaded only when the page does not link them. `gazette/preload.css`, `gazette/ssr.css` and
 * `themes/tokens.css` carry them, so a page that links one (as the README recommends) downloads
 * each byte once.
 */
export const pageStyles = chunk(() => import('./page-styles.js'));

/** The marker each linked sheet sets on the root: `--gz-sheet-tokens`, `--gz-sheet-typesetting`. */
export type PageSheet = 'tokens' | 'typesetting';

/** Whether the document has a sheet carrying `name` (its marker custom property is set on the root). */
export const linked = (name: PageSheet, doc: Document = document): boolean =>
  getComputedStyle(doc.documentElement).getPropertyValue(`--gz-sheet-${name}`) !== '';

/** `null`: not checked yet; a promise: the chunk is on its way; `undefined`: nothing to wait for. */
let pending: Promise<unknown> | undefined | null = null;
/** Whether the chunk on its way brings the tokens (the page does not link them). */
let tokens = false;

/**
 * Adopts into the document, once, the page-wide sheets it does not link, in their cascade layers
 * (tokens first, so any publisher declaration and the theme files win). Returns the promise to wait
 * for before a first render that needs them, or `undefined` when there is none: the page links
 * them, the chunk has arrived, or this is a server render (the page links `gazette/ssr.css`
 * instead). A chunk that fails to load does not hold the elements back: they render with what the
 * page has. Only `<gz-article-body>` needs the typesetting: with the tokens linked (see
 * `tokensPending`), other elements render at once while the chunk loads beside them, unless the
 * page has an article body (then they render with it, in one pass: `GzElement.renderHold`).
 */
export function adoptPageStyles(doc: Document | undefined = globalThis.document): Promise<unknown> | undefined {
  if (pending === null) pending = start(doc);
  return pending;
}

/** Whether the chunk `adoptPageStyles` returns brings the design tokens, which every element waits for. */
export const tokensPending = (): boolean => tokens;

function start(doc: Document | undefined): Promise<unknown> | undefined {
  if (isServer || !doc?.documentElement || typeof CSSStyleSheet === 'undefined') return undefined;
  tokens = !linked('tokens', doc);
  const typesetting = !linked('typesetting', doc);
  if (!tokens && !typesetting) return undefined;
  return pageStyles().then(
    (module) => {
      doc.adoptedStyleSheets = [
        ...(tokens ? [module.tokensSheet()] : []),
        ...doc.adoptedStyleSheets,
        ...(typesetting ? [module.contentSheet()] : []),
      ];
      pending = undefined;
    },
    () => (pending = undefined),
  );
}
