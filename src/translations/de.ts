import type { Terms } from './terms.js';

/** German terms (Germany, Austria, Switzerland). */
export const de = {
  $code: 'de',
  $name: 'Deutsch',
  $dir: 'ltr',
  readingTimeShort: (minutes) => `Lesezeit: ${minutes} min`,
  readingTimeLong: (duration) => `Lesezeit: ${duration}`,

  // <gz-article-header>
  articleHeaderPublished: (date) => `Veröffentlicht: ${date}`,
  articleHeaderUpdated: (date) => `Aktualisiert: ${date}`,
  articleHeaderKickerLive: 'Live',
  articleHeaderKickerAnalysis: 'Analyse',
  articleHeaderKickerOpinion: 'Meinung',
} satisfies Terms;
