import type { SubscribeErrorReason } from './subscribe-error.js';

export interface SubscribeRetryDetail {
  readonly topic: string;
  readonly intent: 'subscribe' | 'unsubscribe';
  /** The attempt that failed, from 1. */
  readonly attempt: number;
  /** Milliseconds until the next attempt (from `Retry-After` when the server sent one). */
  readonly delay: number;
  readonly reason: Exclude<SubscribeErrorReason, 'invalid-email' | 'rejected'>;
  readonly status?: number;
}

/** Fires when an attempt failed and `<gz-subscribe-button>` will try again after `delay` ms. */
export class GzSubscribeRetryEvent extends Event {
  constructor(readonly detail: SubscribeRetryDetail) {
    super('gz-subscribe-retry', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gz-subscribe-retry': GzSubscribeRetryEvent;
  }
}
