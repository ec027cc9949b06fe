/** What analytics learn about a teaser: which article, where it links, where it stands. */
export interface TeaserDetail {
  /** The teaser's `article-id`, else its link. */
  id: string;
  /** The link, as resolved by the browser. */
  href: string;
  /** 1-based position in its list (1 for a teaser on its own). */
  position: number;
}

/**
 * A reader clicked a teaser (`gz-teaser-select`). For analytics, and cancelable: a single-page
 * app's router that calls `preventDefault()` takes the click over (the browser does not navigate).
 */
export class GzTeaserSelectEvent extends Event {
  constructor(readonly detail: TeaserDetail) {
    super('gz-teaser-select', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gz-teaser-select': GzTeaserSelectEvent;
  }
}
