import type { Terms } from './terms.js';

/** English terms: the fallback for every language Gazette does not know. */
export const en = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',
  readingTimeShort: (minutes) => `${minutes} min read`,
  readingTimeLong: (duration) => `${duration} read`,
  // <gz-subscribe-button>
  subscribeFollow: 'Follow',
  subscribeFollowTopic: (topic) => `Follow ${topic}`,
  subscribeFormLabel: (topic) => `Email me new articles on “${topic}”`,
  subscribeEmailLabel: 'Email address',
  subscribeSubmit: 'Subscribe',
  subscribeUnsubscribeSubmit: 'Unsubscribe',
  subscribeCancel: 'Cancel',
  subscribeEmailMissing: 'Please enter your email address.',
  subscribeEmailInvalid: 'Please enter a valid email address, for example name@example.com.',
  subscribeEmailRejected: 'This email address was not accepted. Please check it.',
  subscribeSending: (topic) => `Subscribing to “${topic}”…`,
  subscribeUnsubscribing: (topic) => `Unsubscribing from “${topic}”…`,
  subscribeSubscribed: (topic) => `You now follow “${topic}”. We will email you when a new article is published.`,
  subscribeConfirm: (topic) => `Almost done: please confirm “${topic}” with the link in the email we just sent you.`,
  subscribeUnsubscribed: (topic) => `You no longer follow “${topic}”.`,
  subscribeRetrying: 'The connection failed. Trying again shortly…',
  subscribeOffline: 'You are offline. We will send your request as soon as you are back online.',
  subscribeErrorNetwork: 'Could not reach the server. Your input is kept; please try again.',
  subscribeErrorTimeout: 'The server did not answer. Please try again.',
  subscribeErrorServer: 'Sorry, that did not work. Please try again in a moment.',
  subscribeErrorRejected: 'The request was refused. Please reload the page and try again.',
  subscribeRetry: 'Try again',
} satisfies Terms;
