/**
 * Why an intent failed: `invalid-email` (400/422), `rejected` (401, 403, other 4xx), `server`
 * (5xx/408/429 after the last retry, or an unreadable answer), `timeout`, `network`.
 */
export const SUBSCRIBE_ERROR_REASONS = ['invalid-email', 'rejected', 'server', 'timeout', 'network'] as const;
export type SubscribeErrorReason = (typeof SUBSCRIBE_ERROR_REASONS)[number];

export interface SubscribeErrorDetail {
  readonly topic: string;
  readonly intent: 'subscribe' | 'unsubscribe';
  readonly reason: SubscribeErrorReason;
  /** The last HTTP status, when there was an answer. */
  readonly status?: number;
}

/** Fires when `<gz-subscribe-button>` gives up on an intent and shows an error (for analytics). */
export class GzSubscribeErrorEvent extends Event {
  constructor(readonly detail: SubscribeErrorDetail) {
    super('gz-subscribe-error', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gz-subscribe-error': GzSubscribeErrorEvent;
  }
}
