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

  // <gz-article-body>
  /** Title of the article body's table of contents. */
  articleBodyToc: string;
  /** Accessible name of the link beside a subheading that points to it. */
  articleBodyAnchor: string;
  /** Accessible name of the scrolling region around a table without a caption. */
  articleBodyTable: string;
  /** Id for a subheading whose text gives no slug (no letters or digits). */
  articleBodySectionId: string;
}

/** A translation for another language may leave terms out: English fills them in. */
export type PartialTerms = Pick<Terms, '$code' | '$name' | '$dir'> & Partial<Terms>;
