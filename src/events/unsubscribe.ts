import type { SubscribeRequestDetail } from './subscribe.js';

/**
 * Fires before `<gz-subscribe-button>` sends an unfollow request. Cancel it to handle it yourself,
 * then report the outcome with the element's `complete()` method.
 */
export class GzUnsubscribeEvent extends Event {
  constructor(readonly detail: SubscribeRequestDetail) {
    super('gz-unsubscribe', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gz-unsubscribe': GzUnsubscribeEvent;
  }
}
