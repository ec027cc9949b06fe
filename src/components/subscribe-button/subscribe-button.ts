import { GzSubscribeButton } from './subscribe-button.component.js';

export { GzSubscribeButton };

GzSubscribeButton.define('gz-subscribe-button');

declare global {
  interface HTMLElementTagNameMap {
    'gz-subscribe-button': GzSubscribeButton;
  }
}
