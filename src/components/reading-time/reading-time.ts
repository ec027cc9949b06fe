import { GzReadingTime } from './reading-time.component.js';

export { GzReadingTime };

GzReadingTime.define('gz-reading-time');

declare global {
  interface HTMLElementTagNameMap {
    'gz-reading-time': GzReadingTime;
  }
}
