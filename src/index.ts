/**
 * Gazette's classes, types and helpers. Importing this module registers nothing: import
 * `gazette/all.js` or one element's module (`gazette/reading-time.js`) to define tags.
 */
export { GzElement } from './internal/gz-element.js';
export { LocalizeController, registerTranslation, canonicalLocale } from './controllers/localize.js';
export type { Terms, PartialTerms } from './translations/terms.js';
export { de } from './translations/de.js';
export { en } from './translations/en.js';
export { articleBodyContext } from './internal/contexts.js';
export { VERSION } from './internal/version.js';

export { GzReadingTime } from './components/reading-time/reading-time.component.js';
export {
  countNode,
  countText,
  readingMinutes,
  imageSeconds,
  DEFAULT_WORDS_PER_MINUTE,
  type TextCount,
} from './components/reading-time/count.js';

export {
  GzAuthorCard,
  AUTHOR_CARD_LAYOUTS,
  type AuthorCardLayout,
} from './components/author-card/author-card.component.js';
export { GzAuthorList } from './components/author-list/author-list.component.js';
export {
  GzArticleHeader,
  ARTICLE_HEADER_KICKERS,
  type ArticleHeaderKicker,
} from './components/article-header/article-header.component.js';
export { RelativeTimeController, type RelativeTimeOptions } from './controllers/relative-time.js';
export { GzArticleBody, type ArticleBodyHeading } from './components/article-body/article-body.component.js';
export { GzTeaser } from './components/teaser/teaser.component.js';
export { GzTeaserList, TEASER_LAYOUTS, type TeaserLayout } from './components/teaser-list/teaser-list.component.js';
export type { TeaserItem } from './components/teaser-list/items.js';
export { truncate } from './components/teaser/truncate.js';
export { GzTeaserSelectEvent, type TeaserDetail } from './events/teaser-select.js';
export { GzTeaserImpressionEvent } from './events/teaser-impression.js';
export {
  GzSubscribeButton,
  SUBSCRIBE_STATUSES,
  type SubscribeStatus,
  type SubscribeResult,
} from './components/subscribe-button/subscribe-button.component.js';
export { forgetFollowedTopics } from './components/subscribe-button/sync.js';
export { GzSubscribeEvent, type SubscribeRequestDetail } from './events/subscribe.js';
export { GzUnsubscribeEvent } from './events/unsubscribe.js';
export { GzSubscribeSuccessEvent, type SubscribeSuccessDetail } from './events/subscribe-success.js';
export {
  GzSubscribeErrorEvent,
  SUBSCRIBE_ERROR_REASONS,
  type SubscribeErrorDetail,
  type SubscribeErrorReason,
} from './events/subscribe-error.js';
export { GzSubscribeRetryEvent, type SubscribeRetryDetail } from './events/subscribe-retry.js';
