import { GzTeaser } from './teaser.component.js';

export { GzTeaser };

GzTeaser.define('gz-teaser');

declare global {
  interface HTMLElementTagNameMap {
    'gz-teaser': GzTeaser;
  }
}
