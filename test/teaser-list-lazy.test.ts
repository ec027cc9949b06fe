/**
 * `<gz-teaser-list>` reads feeds with a lazy chunk (fetch and RSS/Atom/JSON Feed parsing), loaded
 * only for a list with `src`. This file runs in a page of its own, so the chunk is not there yet.
 */
import { expect, html } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import '../src/components/teaser-list/teaser-list.js';
import type { GzTeaserList } from '../src/components/teaser-list/teaser-list.component.js';

const chunkRequested = () =>
  performance.getEntriesByType('resource').some((r) => r.name.includes('/teaser-list/feed.'));

describe('<gz-teaser-list> feed chunk', () => {
  it('a list of data items does not load it; a list with src loads it and shows the feed', async () => {
    const items = JSON.stringify([{ title: 'Bayer-Aktie', href: '/finanzen/bayer' }]);
    const data = await fixture<GzTeaserList>(html`<gz-teaser-list items=${items}></gz-teaser-list>`);
    await data.updateComplete;
    expect(data.shownItems).to.have.length(1);
    expect(chunkRequested()).to.be.false;

    const feed = await fixture<GzTeaserList>(
      html`<gz-teaser-list src="/test/fixtures/teaser/feed.json"></gz-teaser-list>`,
    );
    await feed.updateComplete;
    // The chunk's resource entry appears when its response has ended, which can come a frame after
    // updateComplete on a busy machine (and, server-rendered, the list loads after hydration): the
    // test waits for the feed to show, then asks whether the chunk was what read it.
    while (feed.matches(':state(loading)')) await new Promise((r) => requestAnimationFrame(r));
    expect(chunkRequested()).to.be.true;
    expect(feed.shownItems.length).to.be.greaterThan(0);
  });
});
