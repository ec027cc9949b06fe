import type { TeaserDetail } from './teaser-select.js';

/** A teaser was at least half visible for the first time (`gz-teaser-impression`), once per teaser. */
export class GzTeaserImpressionEvent extends Event {
  constructor(readonly detail: TeaserDetail) {
    super('gz-teaser-impression', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gz-teaser-impression': GzTeaserImpressionEvent;
  }
}
