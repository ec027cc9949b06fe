/**
 * The on-demand chunk of page-wide sheets (see `tokens.ts`): loaded only on a page that does not
 * link `gazette/preload.css`, `gazette/ssr.css` or `themes/tokens.css`.
 *
 * @module
 */
export { default as tokens } from '../styles/tokens.css?inline';
import { contentCss } from '../components/article-body/content.styles.js';

export { contentCss };

let sheet: CSSStyleSheet | undefined;

/** The content typesetting as one constructed sheet, shared by the document and shadow roots. */
export function contentSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(contentCss);
  }
  return sheet;
}
