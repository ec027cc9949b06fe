/**
 * What the subscribe button's stories render, apart from their checks: the host that answers
 * `complete()`, and the `state` arg the story drives the element to as it renders. A module of its
 * own so that tests can render the stories' templates without Storybook's test runtime.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';
import type {
  GzSubscribeButton,
  SubscribeResult,
} from '../src/components/subscribe-button/subscribe-button.component.js';
import '../src/components/subscribe-button/subscribe-button.js';
import type { GzSubscribeEvent } from '../src/events/subscribe.js';
import type { GzUnsubscribeEvent } from '../src/events/unsubscribe.js';

/**
 * The states a story shows: the story itself drives the element there as it renders (a host that
 * answers `complete()` inside its `gz-subscribe` listener, and one click), so the docs page, which
 * runs no `play` function, shows the same state as the canvas.
 */
export const STATES = ['idle', 'open', 'pending', 'subscribed', 'confirming', 'error', 'invalid-email'] as const;
export type StoryState = (typeof STATES)[number];

/** The attributes a CMS author writes, and the state to show. */
export interface SubscribeArgs {
  topic: string;
  'topic-label'?: string;
  email?: string;
  compact?: boolean;
  subscribed?: boolean;
  state?: StoryState;
}

/** What the story's host answers for each state (`never`: the request stays pending). */
const ANSWERS: Record<StoryState, SubscribeResult | 'never'> = {
  idle: 'subscribed',
  open: 'subscribed',
  pending: 'never',
  subscribed: 'subscribed',
  confirming: 'pending',
  error: 'error',
  'invalid-email': 'invalid-email',
};

/** Elements already driven to their state: a re-render does not click again. */
const driven = new WeakSet<Element>();
/** Clicks the toggle once the element has rendered, as the reader would, to reach `state`. */
const drive = (state: StoryState) => (node?: Element) => {
  if (!node || state === 'idle' || driven.has(node)) return;
  driven.add(node);
  const el = node as GzSubscribeButton;
  void el.updateComplete.then(() => el.shadowRoot!.querySelector<HTMLElement>('[part~="button"]')!.click());
};

/**
 * Storybook has no subscribe endpoint, so every story plays the host that brings its own
 * newsletter provider: it cancels `gz-subscribe` / `gz-unsubscribe` and reports a result with
 * `complete()` (after `delay` ms; never, when `result` is `never`). On the demo page (`npm start`)
 * the same elements talk to the reference endpoint instead.
 */
export function provider(result: SubscribeResult | 'never', delay = 600) {
  return (event: GzSubscribeEvent | GzUnsubscribeEvent) => {
    event.preventDefault();
    if (result === 'never') return;
    const el = event.target as GzSubscribeButton;
    const outcome = event.type === 'gz-unsubscribe' && result !== 'error' ? 'unsubscribed' : result;
    // `complete()` works inside the listener too: a story that shows a state answers at once.
    if (delay) setTimeout(() => el.complete(outcome), delay);
    else el.complete(outcome);
  };
}

export function button(args: SubscribeArgs, result?: SubscribeResult | 'never'): TemplateResult {
  const state = args.state ?? 'idle';
  const handle = provider(result ?? ANSWERS[state], state === 'idle' || state === 'open' ? 600 : 0);
  return html`<div @gz-subscribe=${handle} @gz-unsubscribe=${handle}>
    <gz-subscribe-button
      topic=${args.topic}
      topic-label=${ifDefined(args['topic-label'])}
      action="/api/subscriptions"
      email=${ifDefined(state === 'open' ? undefined : args.email || undefined)}
      ?compact=${!!args.compact}
      ?subscribed=${!!args.subscribed}
      no-remember
      ${ref(drive(state))}
    >
      <p slot="consent">Wir nutzen Ihre Adresse nur für diese Benachrichtigungen. Abbestellen jederzeit.</p>
    </gz-subscribe-button>
  </div>`;
}
