import { expect, html, waitUntil } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import './harness/axe.js';
import '../src/components/author-card/author-card.js';
import { countText } from '../src/components/reading-time/count.js';
import * as author from './fixtures/author-card/author-de.js';
import { captureWarnings } from './helpers.js';

/** The author card as the demo page (`npm start`) ships it, read from demo/index.html. */
async function demoCard(): Promise<Element> {
  const response = await fetch('/demo/index.html');
  expect(response.ok).to.be.true;
  const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
  const cards = doc.querySelectorAll('article gz-author-card');
  expect(cards).to.have.length(1);
  return cards[0]!;
}

describe('the demo page’s author card (reference region 4)', () => {
  it('comes after "Mehr zum Thema", at the end of the article', async () => {
    const card = await demoCard();
    expect(card.previousElementSibling?.querySelector('h2')?.textContent).to.equal('Mehr zum Thema');
    expect(card.nextElementSibling).to.equal(null);
  });

  it('has the reference content: name, file-name alt, a local photo and a 45-word, three-sentence bio', async () => {
    const card = await demoCard();
    expect(card.getAttribute('name')).to.equal(author.name);
    expect(card.getAttribute('image-alt')).to.equal(author.imageAlt);
    const image = card.getAttribute('image')!;
    expect(image).to.match(/^\.\/[\w/-]+\.svg$/);
    expect((await fetch(new URL(image, new URL('/demo/', location.href)))).ok).to.be.true;
    const bio = card.textContent!.replace(/\s+/g, ' ').trim();
    expect(bio).to.equal(author.bio);
    expect(countText(bio, 'de').words).to.equal(45);
    expect(bio.split(/(?<=\.) /)).to.have.length(3);
    expect(bio).to.match(/19\d\d/);
  });

  it('renders the photo with alt="", never announcing "avtor1", after the separator and with the bio', async () => {
    const warnings = captureWarnings();
    try {
      const wrapper = await fixture(html`<div lang="de"></div>`);
      const card = document.importNode(await demoCard(), true);
      // The demo page resolves the photo against /demo/; here the test page does.
      card.setAttribute('image', new URL(card.getAttribute('image')!, new URL('/demo/', location.href)).href);
      wrapper.append(card);
      const el = card as HTMLElementTagNameMap['gz-author-card'];
      await el.updateComplete;
      await waitUntil(() => !el.matches(':state(loading)'), 'the photo never settled', { timeout: 4000 });
      expect(el.matches(':state(photo)')).to.be.true;
      expect(el.shadowRoot!.querySelector('img')!.getAttribute('alt')).to.equal('');
      expect(el.shadowRoot!.innerHTML).not.to.contain('avtor1');
      expect(el.shadowRoot!.querySelector('[part~="separator"]')!.textContent).to.equal('* * *');
      expect(warnings.messages()).to.have.length(1);
      await expect(wrapper).to.be.accessible();
    } finally {
      warnings.restore();
    }
  });
});
