/** What a reader asked `<gz-subscribe-button>` to do. */
export interface SubscribeRequestDetail {
  /** The topic's id (the `topic` attribute), verbatim. */
  readonly topic: string;
  /** The reader's e-mail address: the `email` attribute or what the reader typed. */
  readonly email: string;
  /** The language the element speaks (`de`, `en-GB`), sent to the endpoint as `locale`. */
  readonly locale: string;
}

/**
 * Fires before `<gz-subscribe-button>` sends a follow request. Cancel it (`preventDefault()`) to
 * handle the subscription yourself (your own newsletter provider), then report the outcome with the
 * element's `complete()` method.
 */
export class GzSubscribeEvent extends Event {
  constructor(readonly detail: SubscribeRequestDetail) {
    super('gz-subscribe', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gz-subscribe': GzSubscribeEvent;
  }
}
