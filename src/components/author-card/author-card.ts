import { GzAuthorCard } from './author-card.component.js';

export { GzAuthorCard };

GzAuthorCard.define('gz-author-card');

declare global {
  interface HTMLElementTagNameMap {
    'gz-author-card': GzAuthorCard;
  }
}
