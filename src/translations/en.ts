import type { Terms } from './terms.js';

/** English terms: the fallback for every language Gazette does not know. */
export const en = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',
  readingTimeShort: (minutes) => `${minutes} min read`,
  readingTimeLong: (duration) => `${duration} read`,
  // <gz-article-body>
  articleBodyToc: 'Contents',
  articleBodyAnchor: 'Link to this section',
  articleBodyTable: 'Table',
  articleBodySectionId: 'section',
} satisfies Terms;
