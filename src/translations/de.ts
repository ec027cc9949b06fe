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
  articleBodyAnchor: (section) => `Link zu: ${section}`,
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
  // <gz-subscribe-button>
  subscribeFollow: 'Thema folgen',
  subscribeFollowTopic: (topic) => `Thema folgen: ${topic}`,
  subscribeFormLabel: (topic) => `E-Mail bei neuen Artikeln zum Thema „${topic}“`,
  subscribeEmailLabel: 'E-Mail-Adresse',
  subscribeSubmit: 'Abonnieren',
  subscribeUnsubscribeSubmit: 'Abbestellen',
  subscribeCancel: 'Abbrechen',
  subscribeEmailMissing: 'Bitte geben Sie Ihre E-Mail-Adresse ein.',
  subscribeEmailInvalid: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@beispiel.de.',
  subscribeEmailRejected: 'Diese E-Mail-Adresse wurde nicht angenommen. Bitte prüfen Sie sie.',
  subscribeSending: (topic) => `Anmeldung für „${topic}“ wird gesendet …`,
  subscribeUnsubscribing: (topic) => `Abmeldung von „${topic}“ wird gesendet …`,
  subscribeSubscribed: (topic) =>
    `Sie folgen jetzt dem Thema „${topic}“. Wir schicken Ihnen eine E-Mail, sobald ein neuer Artikel erscheint.`,
  subscribeConfirm: (topic) =>
    `Fast geschafft: Bitte bestätigen Sie das Abo für „${topic}“ mit dem Link in der E-Mail, die wir Ihnen geschickt haben.`,
  subscribeUnsubscribed: (topic) => `Sie folgen dem Thema „${topic}“ nicht mehr.`,
  subscribeRetrying: 'Die Verbindung ist gestört. Neuer Versuch in Kürze …',
  subscribeOffline: 'Sie sind offline. Wir senden Ihre Anmeldung, sobald die Verbindung zurück ist.',
  subscribeErrorNetwork: 'Keine Verbindung zum Server. Ihre Eingabe bleibt erhalten; bitte versuchen Sie es erneut.',
  subscribeErrorTimeout: 'Der Server antwortet nicht. Bitte versuchen Sie es erneut.',
  subscribeErrorServer: 'Das hat leider nicht geklappt. Bitte versuchen Sie es in einem Moment erneut.',
  subscribeErrorRejected: 'Die Anmeldung wurde abgelehnt. Bitte laden Sie die Seite neu und versuchen Sie es erneut.',
  subscribeRetry: 'Erneut versuchen',
  subscribeFollowing: 'Sie folgen',
  subscribeFollowingTopic: (topic) => `Sie folgen: ${topic}`,
  subscribeUnsent: 'Nicht gesendet: Ihre Anfrage vom letzten Besuch ist nicht angekommen. Jetzt senden?',
  subscribeSendNow: 'Jetzt senden',
} satisfies Terms;
