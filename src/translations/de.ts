import type { Terms } from './terms.js';

/** German terms (Germany, Austria, Switzerland). */
export const de = {
  $code: 'de',
  $name: 'Deutsch',
  $dir: 'ltr',
  readingTimeShort: (minutes) => `Lesezeit: ${minutes} min`,
  readingTimeLong: (duration) => `Lesezeit: ${duration}`,
  // <gz-article-body>
  articleBodyToc: 'Inhalt',
  articleBodyAnchor: 'Link zu diesem Abschnitt',
  articleBodyTable: 'Tabelle',
  articleBodySectionId: 'abschnitt',
} satisfies Terms;
