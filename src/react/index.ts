/**
 * `gazette/react`: React components for every Gazette element, made with `@lit/react`. Importing
 * this module registers the elements. Properties are typed from the element classes; events are
 * `on<Event>` props (`'gz-subscribe'` → `onGzSubscribe`) listed in `EVENTS` below, which
 * `scripts/check-react.mjs` compares with the `@event` tags of `custom-elements.json`.
 *
 * ```tsx
 * import { GzArticleHeader, GzReadingTime } from 'gazette/react';
 * <GzArticleHeader section="Politik" published="2024-11-17T15:03:00Z"><h1>…</h1></GzArticleHeader>
 * ```
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { GzArticleBody as GzArticleBodyElement } from '../components/article-body/article-body.component.js';
import '../components/article-body/article-body.js';
import { GzArticleHeader as GzArticleHeaderElement } from '../components/article-header/article-header.component.js';
import '../components/article-header/article-header.js';
import { GzAuthorCard as GzAuthorCardElement } from '../components/author-card/author-card.component.js';
import '../components/author-card/author-card.js';
import { GzAuthorList as GzAuthorListElement } from '../components/author-list/author-list.component.js';
import '../components/author-list/author-list.js';
import { GzReadingTime as GzReadingTimeElement } from '../components/reading-time/reading-time.component.js';
import '../components/reading-time/reading-time.js';
import { GzSubscribeButton as GzSubscribeButtonElement } from '../components/subscribe-button/subscribe-button.component.js';
import '../components/subscribe-button/subscribe-button.js';
import { GzTeaser as GzTeaserElement } from '../components/teaser/teaser.component.js';
import '../components/teaser/teaser.js';
import { GzTeaserList as GzTeaserListElement } from '../components/teaser-list/teaser-list.component.js';
import '../components/teaser-list/teaser-list.js';
import type { GzSubscribeEvent } from '../events/subscribe.js';
import type { GzSubscribeErrorEvent } from '../events/subscribe-error.js';
import type { GzSubscribeRetryEvent } from '../events/subscribe-retry.js';
import type { GzSubscribeSuccessEvent } from '../events/subscribe-success.js';
import type { GzTeaserImpressionEvent } from '../events/teaser-impression.js';
import type { GzTeaserSelectEvent } from '../events/teaser-select.js';
import type { GzUnsubscribeEvent } from '../events/unsubscribe.js';

/**
 * An event prop's event: `currentTarget` is the element the prop sits on (`e.currentTarget.complete(…)`
 * type-checks), not the DOM's `EventTarget | null`.
 */
type On<E extends Event, El extends HTMLElement> = EventName<E & { readonly currentTarget: El }>;

/**
 * Each element's events as React props. A new event: add `onGzName: 'gz-name' as On<GzNameEvent, GzXElement>`
 * to its element's entry.
 */
const EVENTS = {
  'gz-article-body': {},
  'gz-article-header': {},
  'gz-author-card': {},
  'gz-author-list': {},
  'gz-reading-time': {},
  'gz-subscribe-button': {
    onGzSubscribe: 'gz-subscribe' as On<GzSubscribeEvent, GzSubscribeButtonElement>,
    onGzUnsubscribe: 'gz-unsubscribe' as On<GzUnsubscribeEvent, GzSubscribeButtonElement>,
    onGzSubscribeSuccess: 'gz-subscribe-success' as On<GzSubscribeSuccessEvent, GzSubscribeButtonElement>,
    onGzSubscribeError: 'gz-subscribe-error' as On<GzSubscribeErrorEvent, GzSubscribeButtonElement>,
    onGzSubscribeRetry: 'gz-subscribe-retry' as On<GzSubscribeRetryEvent, GzSubscribeButtonElement>,
  },
  'gz-teaser': {
    onGzTeaserSelect: 'gz-teaser-select' as On<GzTeaserSelectEvent, GzTeaserElement>,
    onGzTeaserImpression: 'gz-teaser-impression' as On<GzTeaserImpressionEvent, GzTeaserElement>,
  },
  'gz-teaser-list': {
    onGzTeaserSelect: 'gz-teaser-select' as On<GzTeaserSelectEvent, GzTeaserListElement>,
    onGzTeaserImpression: 'gz-teaser-impression' as On<GzTeaserImpressionEvent, GzTeaserListElement>,
  },
} as const;

export const GzArticleBody = createComponent({
  react: React,
  tagName: 'gz-article-body',
  elementClass: GzArticleBodyElement,
  events: EVENTS['gz-article-body'],
  displayName: 'GzArticleBody',
});

export const GzArticleHeader = createComponent({
  react: React,
  tagName: 'gz-article-header',
  elementClass: GzArticleHeaderElement,
  events: EVENTS['gz-article-header'],
  displayName: 'GzArticleHeader',
});

export const GzAuthorCard = createComponent({
  react: React,
  tagName: 'gz-author-card',
  elementClass: GzAuthorCardElement,
  events: EVENTS['gz-author-card'],
  displayName: 'GzAuthorCard',
});

export const GzAuthorList = createComponent({
  react: React,
  tagName: 'gz-author-list',
  elementClass: GzAuthorListElement,
  events: EVENTS['gz-author-list'],
  displayName: 'GzAuthorList',
});

export const GzReadingTime = createComponent({
  react: React,
  tagName: 'gz-reading-time',
  elementClass: GzReadingTimeElement,
  events: EVENTS['gz-reading-time'],
  displayName: 'GzReadingTime',
});

export const GzSubscribeButton = createComponent({
  react: React,
  tagName: 'gz-subscribe-button',
  elementClass: GzSubscribeButtonElement,
  events: EVENTS['gz-subscribe-button'],
  displayName: 'GzSubscribeButton',
});

export const GzTeaser = createComponent({
  react: React,
  tagName: 'gz-teaser',
  elementClass: GzTeaserElement,
  events: EVENTS['gz-teaser'],
  displayName: 'GzTeaser',
});

export const GzTeaserList = createComponent({
  react: React,
  tagName: 'gz-teaser-list',
  elementClass: GzTeaserListElement,
  events: EVENTS['gz-teaser-list'],
  displayName: 'GzTeaserList',
});

/** The tags with a React component and the event props of each (for the package check). */
export const REACT_EVENTS: Readonly<Record<string, Readonly<Record<string, string>>>> = EVENTS;
