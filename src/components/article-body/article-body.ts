import { GzArticleBody } from './article-body.component.js';

export { GzArticleBody };

GzArticleBody.define('gz-article-body');

declare global {
  interface HTMLElementTagNameMap {
    'gz-article-body': GzArticleBody;
  }
}
