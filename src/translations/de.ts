import type { Terms } from './terms.js';

/** German terms (Germany, Austria, Switzerland). */
export const de = {
  $code: 'de',
  $name: 'Deutsch',
  $dir: 'ltr',
  readingTimeShort: (minutes) => `Lesezeit: ${minutes} min`,
  readingTimeLong: (duration) => `Lesezeit: ${duration}`,
  // <gz-teaser-list> and <gz-teaser>
  teaserListHeading: 'Mehr zum Thema',
  teaserListLoading: 'Artikel werden geladen …',
  teaserListEmpty: 'Zurzeit gibt es hier keine Artikel.',
  teaserListError: 'Die Artikel konnten nicht geladen werden.',
  teaserListRetry: 'Erneut versuchen',
  teaserListPrevious: 'Vorherige Artikel',
  teaserListNext: 'Nächste Artikel',
  teaserSection: 'Rubrik',
} satisfies Terms;
