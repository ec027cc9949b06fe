/**
 * The on-demand chunk of page-wide sheets (see `tokens.ts`): loaded only on a page that does not
 * link `gazette/preload.css`, `gazette/ssr.css` or `themes/tokens.css`.
 *
 * @module
 */
export { default as tokens } from '../styles/tokens.css?inline';
export { contentStyles } from '../components/article-body/content.styles.js';
