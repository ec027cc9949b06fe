/**
 * The subscribe button's stories show their state from args alone (issue 21): each state story's
 * render, without its `play` function (docs pages run none), reaches the state it names.
 */
import { expect } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import type { GzSubscribeButton } from '../src/components/subscribe-button/subscribe-button.component.js';
import { button, type StoryState } from '../stories/subscribe-button.states.js';
import { until } from './harness/subscribe-button.js';

/** The stories' args (stories/subscribe-button.stories.ts) and what each must show. */
const cases: [state: StoryState, email: string, status: string, custom?: string][] = [
  ['idle', 'leser@example.de', 'idle'],
  ['open', 'leser@example.de', 'idle', 'open'],
  ['pending', 'leser@example.de', 'pending'],
  ['subscribed', 'leser@example.de', 'subscribed'],
  ['confirming', 'leser@example.de', 'confirming'],
  ['error', 'leser@example.de', 'error'],
  ['invalid-email', 'leser@example', 'idle', 'invalid'],
];

describe('subscribe-button stories', () => {
  for (const [state, email, status, custom] of cases) {
    it(`state ${state}: the render alone shows ${custom ?? status}`, async () => {
      const wrapper = await fixture<HTMLElement>(
        button({ topic: `story-${state}`, 'topic-label': 'Energiewende', email, state }),
      );
      const el = wrapper.querySelector<GzSubscribeButton>('gz-subscribe-button')!;
      await until(() => el.status === status && (!custom || el.matches(`:state(${custom})`)));
      await el.updateComplete;
      expect(el.status).to.equal(status);
      if (custom) expect(el.matches(`:state(${custom})`)).to.be.true;
      if (state === 'subscribed')
        expect(el.shadowRoot!.querySelector('[part~="label"]')!.textContent).to.equal('Following');
    });
  }
});
