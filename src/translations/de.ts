import type { Terms } from './terms.js';

/** German terms (Germany, Austria, Switzerland). */
export const de = {
  $code: 'de',
  $name: 'Deutsch',
  $dir: 'ltr',
  readingTimeShort: (minutes) => `Lesezeit: ${minutes} min`,
  readingTimeLong: (duration) => `Lesezeit: ${duration}`,
  // <gz-author-card>, <gz-author-list>
  authorBy: (names) => `Von ${names}`,
  authorWebsite: 'Website',
  authorWebsiteLabel: (name) => `Website von ${name}`,
  authorEmail: 'E-Mail',
  authorEmailLabel: (name) => `E-Mail an ${name}`,
  authorProfileLabel: (name, network) => `${name} auf ${network}`,
  authorLinksLabel: (name) => `Links von ${name}`,
  authorUnknown: 'Person ohne Foto',

  // <gz-article-header>
  articleHeaderPublished: (date) => `Veröffentlicht: ${date}`,
  articleHeaderUpdated: (date) => `Aktualisiert: ${date}`,
  articleHeaderKickerLive: 'Live',
  articleHeaderKickerAnalysis: 'Analyse',
  articleHeaderKickerOpinion: 'Meinung',
  // <gz-article-body>
  articleBodyToc: 'Inhalt',
  articleBodyAnchor: 'Link zu diesem Abschnitt',
  articleBodyTable: 'Tabelle',
  articleBodySectionId: 'abschnitt',
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
