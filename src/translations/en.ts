import type { Terms } from './terms.js';

/** English terms: the fallback for every language Gazette does not know. */
export const en = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',
  readingTimeShort: (minutes) => `${minutes} min read`,
  readingTimeLong: (duration) => `${duration} read`,
  // <gz-teaser-list> and <gz-teaser>
  teaserListHeading: 'More on this topic',
  teaserListLoading: 'Loading articles …',
  teaserListEmpty: 'There are no articles here right now.',
  teaserListError: 'The articles could not be loaded.',
  teaserListRetry: 'Try again',
  teaserListPrevious: 'Previous articles',
  teaserListNext: 'Next articles',
  teaserSection: 'Section',
} satisfies Terms;
