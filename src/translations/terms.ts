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

  // <gz-author-card>, <gz-author-list>
  /** Byline; `names` is one name or a formatted list ("Von A, B und C", "By A, B and C"). */
  authorBy: (names: string) => string;
  /** Visible text of a website link. */
  authorWebsite: string;
  /** Accessible name of a website link ("Website von Virgil Zólyom"). */
  authorWebsiteLabel: (name: string) => string;
  /** Visible text of an e-mail link. */
  authorEmail: string;
  /** Accessible name of an e-mail link ("E-Mail an Virgil Zólyom"). */
  authorEmailLabel: (name: string) => string;
  /** Accessible name of a profile on a network ("Virgil Zólyom auf Mastodon"). */
  authorProfileLabel: (name: string, network: string) => string;
  /** Accessible name of the list of an author's links ("Links von Virgil Zólyom"). */
  authorLinksLabel: (name: string) => string;
  /** Accessible name of the generic person glyph shown when a name gives no initials. */
  authorUnknown: string;
  // <gz-article-header>
  /** Accessible name of the publication time; `date` is the full date and time. */
  articleHeaderPublished: (date: string) => string;
  /** Visible and accessible label of the update time; `date` is formatted. */
  articleHeaderUpdated: (date: string) => string;
  /** Kicker labels for `kicker="live"`, `"analysis"`, `"opinion"`. */
  articleHeaderKickerLive: string;
  articleHeaderKickerAnalysis: string;
  articleHeaderKickerOpinion: string;
  // <gz-article-body>
  /** Title of the article body's table of contents. */
  articleBodyToc: string;
  /** Accessible name of the link after a subheading that points to it; `section` is the heading's text. */
  articleBodyAnchor: (section: string) => string;
  /** Accessible name of the scrolling region around a table without a caption. */
  articleBodyTable: string;
  /** Id for a subheading whose text gives no slug (no letters or digits). */
  articleBodySectionId: string;
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
  // <gz-subscribe-button>
  /** Visible text of the follow button ("Thema folgen"). The topic's name follows it for screen readers. */
  subscribeFollow: string;
  /** Accessible name of the compact `[+]` button, with the topic's display name. */
  subscribeFollowTopic: (topic: string) => string;
  /** Accessible name of the inline form. */
  subscribeFormLabel: (topic: string) => string;
  /** Label of the e-mail field. */
  subscribeEmailLabel: string;
  /** Submit button of the form when following. */
  subscribeSubmit: string;
  /** Submit button of the form when unfollowing (the reader's address was not known). */
  subscribeUnsubscribeSubmit: string;
  /** Closes the form. */
  subscribeCancel: string;
  /** The e-mail field is empty. */
  subscribeEmailMissing: string;
  /** The e-mail field does not hold an e-mail address. */
  subscribeEmailInvalid: string;
  /** The endpoint refused the address (400/422). */
  subscribeEmailRejected: string;
  /** Announced while the request is on its way. */
  subscribeSending: (topic: string) => string;
  /** Announced while an unfollow request is on its way. */
  subscribeUnsubscribing: (topic: string) => string;
  /** Announced after following. */
  subscribeSubscribed: (topic: string) => string;
  /** Announced after a double opt-in subscription: check your inbox. */
  subscribeConfirm: (topic: string) => string;
  /** Announced after unfollowing. */
  subscribeUnsubscribed: (topic: string) => string;
  /** Announced while waiting to try again after a failure. */
  subscribeRetrying: string;
  /** The reader is offline; the request waits for the connection. */
  subscribeOffline: string;
  /** The endpoint could not be reached. */
  subscribeErrorNetwork: string;
  /** The endpoint did not answer in time. */
  subscribeErrorTimeout: string;
  /** The endpoint failed (5xx, 429, an unreadable answer). */
  subscribeErrorServer: string;
  /** The endpoint refused the request (401, 403, other 4xx). */
  subscribeErrorRejected: string;
  /** The retry button in the error state. */
  subscribeRetry: string;
  /** The followed toggle's visible label: "Sie folgen" / "Following". */
  subscribeFollowing: string;
  /** The followed toggle's accessible name with the topic: "Sie folgen: Energiewende". */
  subscribeFollowingTopic: (topic: string) => string;
  /** An intent from the reader's last visit that did not arrive: "not sent, send now?". */
  subscribeUnsent: string;
  /** The button that sends an unsent intent. */
  subscribeSendNow: string;
}

/** A translation for another language may leave terms out: English fills them in. */
export type PartialTerms = Pick<Terms, '$code' | '$name' | '$dir'> & Partial<Terms>;
