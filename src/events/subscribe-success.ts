/** The outcome of one intent. No e-mail address: these events are for analytics. */
export interface SubscribeSuccessDetail {
  readonly topic: string;
  readonly intent: 'subscribe' | 'unsubscribe';
  /** `pending`: double opt-in, the reader still has to confirm by e-mail. */
  readonly status: 'subscribed' | 'pending' | 'unsubscribed';
}

/**
 * Fires when `<gz-subscribe-button>` followed or unfollowed a topic (for analytics): one outcome
 * stream for both, told apart by `detail.intent` (`subscribe` or `unsubscribe`).
 */
export class GzSubscribeSuccessEvent extends Event {
  constructor(readonly detail: SubscribeSuccessDetail) {
    super('gz-subscribe-success', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gz-subscribe-success': GzSubscribeSuccessEvent;
  }
}
