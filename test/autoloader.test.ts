import { expect } from '@open-wc/testing';
import { discover } from '../src/autoloader.js';
import { captureWarnings } from './helpers.js';

/**
 * The CDN autoloader's discovery (src/autoloader.ts), from the sources: the built file, its chunk
 * graph and its requests are checked on real pages by scripts/check-package.mjs.
 */
describe('autoloader', () => {
  it('defines a tag a shadow root of the page holds, once discover() is given that root', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<gz-reading-time minutes="3"></gz-reading-time>';
    // The document's observer does not see into shadow roots.
    expect(customElements.get('gz-reading-time')).to.equal(undefined);
    discover(root);
    await customElements.whenDefined('gz-reading-time');
    const badge = root.querySelector('gz-reading-time') as HTMLElement & { updateComplete: Promise<unknown> };
    await badge.updateComplete;
    expect(badge.shadowRoot?.textContent).to.include('3 min');
    host.remove();
  });

  it('defines a tag created by script and added to the document later', async () => {
    const card = document.createElement('gz-author-card');
    card.setAttribute('name', 'Anna Berg');
    document.body.append(card);
    await customElements.whenDefined('gz-author-card');
    await (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(card.shadowRoot?.textContent).to.include('Anna Berg');
    card.remove();
  });

  it('warns once about an unknown gz- tag, however often it appears, and never throws', () => {
    const warnings = captureWarnings();
    try {
      const box = document.createElement('div');
      box.innerHTML = '<gz-nope></gz-nope><gz-nope></gz-nope>';
      discover(box);
      discover(box);
      expect(() => discover(document.createElement('gz-nope'))).not.to.throw();
      expect(warnings.messages().filter((m) => m.includes('<gz-nope>'))).to.have.length(1);
    } finally {
      warnings.restore();
    }
  });

  it('leaves tags that are not gz- alone', () => {
    const warnings = captureWarnings();
    try {
      const box = document.createElement('div');
      box.innerHTML = '<other-widget></other-widget><x-gz-reading-time></x-gz-reading-time>';
      discover(box);
      expect(warnings.messages()).to.deep.equal([]);
    } finally {
      warnings.restore();
    }
  });
});
