import '../reading-time/reading-time.js';
import { GzArticleHeader } from './article-header.component.js';

export { GzArticleHeader };

GzArticleHeader.define('gz-article-header');

declare global {
  interface HTMLElementTagNameMap {
    'gz-article-header': GzArticleHeader;
  }
}
