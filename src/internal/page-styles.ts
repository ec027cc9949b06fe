/**
 * The on-demand chunk of page-wide sheets (see `tokens.ts`): loaded only on a page that does not
 * link `gazette/preload.css`, `gazette/ssr.css` or `themes/tokens.css`.
 *
 * @module
 */
import tokensCss from '../styles/tokens.css?inline';
import { contentCss } from '../components/article-body/content.styles.js';

const sheets = new Map<string, CSSStyleSheet>();

/** `text` as one constructed sheet, built on first use and shared by the document and shadow roots. */
function sheetOf(text: string): CSSStyleSheet {
  let sheet = sheets.get(text);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    sheets.set(text, sheet);
  }
  return sheet;
}

/** The design tokens (`styles/tokens.css`). */
export const tokensSheet = (): CSSStyleSheet => sheetOf(tokensCss);

/** `<gz-article-body>`'s content typesetting (`content.styles.ts`). */
export const contentSheet = (): CSSStyleSheet => sheetOf(contentCss);
