import type { Terms } from './terms.js';

/** English terms: the fallback for every language Gazette does not know. */
export const en = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',
  readingTimeShort: (minutes) => `${minutes} min read`,
  readingTimeLong: (duration) => `${duration} read`,
  // <gz-author-card>, <gz-author-list>
  authorBy: (names) => `By ${names}`,
  authorWebsite: 'Website',
  authorWebsiteLabel: (name) => `${name}’s website`,
  authorEmail: 'Email',
  authorEmailLabel: (name) => `Email ${name}`,
  authorProfileLabel: (name, network) => `${name} on ${network}`,
  authorLinksLabel: (name) => `Links for ${name}`,
  authorUnknown: 'Person without a photo',

  // <gz-article-header>
  articleHeaderPublished: (date) => `Published: ${date}`,
  articleHeaderUpdated: (date) => `Updated: ${date}`,
  articleHeaderKickerLive: 'Live',
  articleHeaderKickerAnalysis: 'Analysis',
  articleHeaderKickerOpinion: 'Opinion',
  // <gz-article-body>
  articleBodyToc: 'Contents',
  articleBodyAnchor: 'Link to this section',
  articleBodyTable: 'Table',
  articleBodySectionId: 'section',
  // <gz-teaser-list> and <gz-teaser>
  teaserListHeading: 'More on this topic',
  teaserListLoading: 'Loading articles …',
  teaserListEmpty: 'There are no articles here right now.',
  teaserListError: 'The articles could not be loaded.',
  teaserListRetry: 'Try again',
  teaserListPrevious: 'Previous articles',
  teaserListNext: 'Next articles',
  teaserSection: 'Section',
} satisfies Terms;
