import '../author-card/author-card.js';
import { GzAuthorList } from './author-list.component.js';

export { GzAuthorList };

GzAuthorList.define('gz-author-list');

declare global {
  interface HTMLElementTagNameMap {
    'gz-author-list': GzAuthorList;
  }
}
