import '../teaser/teaser.js';
import { GzTeaserList } from './teaser-list.component.js';

export { GzTeaserList };

GzTeaserList.define('gz-teaser-list');

declare global {
  interface HTMLElementTagNameMap {
    'gz-teaser-list': GzTeaserList;
  }
}
