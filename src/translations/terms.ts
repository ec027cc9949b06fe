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

  // <gz-teaser-list> and <gz-teaser>
  /** Default title of a teaser list ("Mehr zum Thema"). */
  teaserListHeading: string;
  /** Announced while a feed loads. */
  teaserListLoading: string;
  /** Shown when there is nothing to list. */
  teaserListEmpty: string;
  /** Shown when a feed could not be loaded. */
  teaserListError: string;
  /** The retry button after an error. */
  teaserListRetry: string;
  /** Rail control that scrolls back. */
  teaserListPrevious: string;
  /** Rail control that scrolls on. */
  teaserListNext: string;
  /** Accessible prefix of a teaser's category label ("Rubrik"). */
  teaserSection: string;
}

/** A translation for another language may leave terms out: English fills them in. */
export type PartialTerms = Pick<Terms, '$code' | '$name' | '$dir'> & Partial<Terms>;
