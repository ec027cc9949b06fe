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
import { createComponent } from '@lit/react';
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

/**
 * Each element's events as React props. A new event: add `onGzName: 'gz-name' as EventName<GzNameEvent>`
 * (`import type { EventName } from '@lit/react'`) to its element's entry.
 */
const EVENTS = {
  'gz-article-body': {},
  'gz-article-header': {},
  'gz-author-card': {},
  'gz-author-list': {},
  'gz-reading-time': {},
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

/** The tags with a React component and the event props of each (for the package check). */
export const REACT_EVENTS: Readonly<Record<string, Readonly<Record<string, string>>>> = EVENTS;
