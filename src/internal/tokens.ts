import { isServer } from 'lit';
import tokens from '../styles/tokens.css?inline';

const ADOPTED = Symbol.for('gazette.tokens-adopted');

/**
 * Adopts the global design tokens (`styles/tokens.css`) into the document once, so a page that
 * embeds Gazette with one script tag gets its defaults without a stylesheet. The sheet puts them in
 * the `gazette.tokens` cascade layer on `:where(:root)`: any publisher declaration, and the shipped
 * theme files (layer `gazette.theme`), win over them.
 */
export function adoptTokens(doc: Document | undefined = globalThis.document): void {
  // Server rendering (Lit's DOM shim has a document without adoptedStyleSheets): the page links
  // gazette/preload.css or themes/tokens.css instead.
  if (isServer || !doc || typeof CSSStyleSheet === 'undefined') return;
  const marked = doc as Document & { [ADOPTED]?: boolean };
  if (marked[ADOPTED]) return;
  marked[ADOPTED] = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(tokens);
  doc.adoptedStyleSheets = [sheet, ...doc.adoptedStyleSheets];
}
