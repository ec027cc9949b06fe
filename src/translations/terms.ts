/**
 * The shape every translation fills. Numbers, dates and units arrive already formatted with `Intl`
 * in the element's language, so a term only places them in a sentence.
 */
export interface Terms {
  /** BCP 47 code of the language this object translates to. */
  $code: string;
  /** The language's name in itself. */
  $name: string;
  /** Writing direction when no `dir` attribute says otherwise. */
  $dir: 'ltr' | 'rtl';

  /** Visible reading-time badge; `minutes` is a formatted number ("3"). */
  readingTimeShort: (minutes: string) => string;
  /** Accessible reading-time text; `duration` is a long unit ("3 Minuten", "3 minutes"). */
  readingTimeLong: (duration: string) => string;

  // <gz-article-header>
  /** Accessible name of the publication time; `date` is the full date and time. */
  articleHeaderPublished: (date: string) => string;
  /** Visible and accessible label of the update time; `date` is formatted. */
  articleHeaderUpdated: (date: string) => string;
  /** Kicker labels for `kicker="live"`, `"analysis"`, `"opinion"`. */
  articleHeaderKickerLive: string;
  articleHeaderKickerAnalysis: string;
  articleHeaderKickerOpinion: string;
}

/** A translation for another language may leave terms out: English fills them in. */
export type PartialTerms = Pick<Terms, '$code' | '$name' | '$dir'> & Partial<Terms>;
