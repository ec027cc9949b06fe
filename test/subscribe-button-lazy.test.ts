/**
 * `<gz-subscribe-button>` loads what it does after a click (form, request, outcome) as a lazy
 * chunk. This file runs in a page of its own, so its first tests click before the chunk is there.
 */
import { expect, html, oneEvent } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import '../src/components/subscribe-button/subscribe-button.js';
import type { GzSubscribeButton } from '../src/components/subscribe-button/subscribe-button.component.js';
import { forgetFollowedTopics } from '../src/components/subscribe-button/sync.js';
import { endpoint, toggle } from './harness/subscribe-button.js';
import { part } from './helpers.js';

const chunkRequested = () =>
  performance.getEntriesByType('resource').some((r) => r.name.includes('/subscribe-button/flow.'));

async function make(action: string, email?: string): Promise<GzSubscribeButton> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="de">
      <gz-subscribe-button topic="lazy-${crypto.randomUUID().slice(0, 8)}" action=${action} email=${email ?? ''}>
      </gz-subscribe-button>
    </div>`,
  );
  const el = wrapper.querySelector('gz-subscribe-button')!;
  await el.updateComplete;
  return el;
}

describe('<gz-subscribe-button> interaction chunk', () => {
  beforeEach(() => forgetFollowedTopics());
  afterEach(() => forgetFollowedTopics());

  it('a first render loads none of it; clicks before it arrives act once it is there, in order', async () => {
    // The page's idle prefetch would load the chunk whenever the page first happens to be idle,
    // which can fall between these awaits (the known reader's address is hashed asynchronously)
    // on a busy machine: it is held back here, so the test sees what a first render and the
    // clicks alone load. Returning 1 marks it as asked for, as a real idle request would.
    window.requestIdleCallback = (() => 1) as typeof window.requestIdleCallback;
    const ep = await endpoint();
    const known = await make(ep.url, 'leser@example.de');
    const formless = await make(ep.url);
    expect(chunkRequested()).to.be.false;
    const done = oneEvent(known, 'gz-subscribe-success');
    // Ten rapid clicks on a button that knows the address: one request, as without the chunk.
    for (let i = 0; i < 10; i++) toggle(known).click();
    // A click on a button without an address: updateComplete waits for the form it opens.
    toggle(formless).click();
    await formless.updateComplete;
    expect(part(formless, 'form')).to.exist;
    expect(formless.shadowRoot!.activeElement === part(formless, 'email')).to.be.true;
    expect(formless.matches(':state(open)')).to.be.true;
    await done;
    expect(chunkRequested()).to.be.true;
    expect(await ep.log()).to.have.length(1);
    expect(known.status).to.equal('subscribed');
  });
});
