import { expect, html, nextFrame } from '@open-wc/testing';
import '../src/components/author-list/author-list.js';
import type { GzAuthorList } from '../src/components/author-list/author-list.component.js';
import { captureWarnings, fixture, frameAndUpdate } from './helpers.js';
import './harness/axe.js';

const byline = (el: GzAuthorList) =>
  (el.shadowRoot!.querySelector('[part~="byline"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
const bylineLinks = (el: GzAuthorList) =>
  [...el.shadowRoot!.querySelectorAll('[part~="byline"] a')].map((a) => [a.textContent, a.getAttribute('href')]);

async function list(lang: string, template: ReturnType<typeof html>): Promise<GzAuthorList> {
  const wrapper = await fixture(html`<div lang=${lang}>${template}</div>`);
  const el = wrapper.querySelector('gz-author-list')!;
  await el.updateComplete;
  return el;
}

const THREE = html`<gz-author-list>
  <gz-author-card name="Virgil Zólyom" href="/autoren/vz"><p>Korrespondent in Kiel.</p></gz-author-card>
  <gz-author-card name="Anna Berg" href="https://example.org/autoren/berg"
    ><p>Wirtschaftsredakteurin.</p></gz-author-card
  >
  <gz-author-card name="Jonas Petersen"><p>Volontär.</p></gz-author-card>
</gz-author-list>`;

describe('<gz-author-list>', () => {
  it('writes one German byline "Von A, B und C", each linked name to its page', async () => {
    const el = await list('de', THREE);
    expect(byline(el)).to.equal('Von Virgil Zólyom, Anna Berg und Jonas Petersen');
    expect(bylineLinks(el)).to.deep.equal([
      ['Virgil Zólyom', '/autoren/vz'],
      ['Anna Berg', 'https://example.org/autoren/berg'],
    ]);
    expect(el.names).to.deep.equal(['Virgil Zólyom', 'Anna Berg', 'Jonas Petersen']);
    await expect(el).to.be.accessible();
  });

  it('writes an English byline "By A, B, and C" with Intl.ListFormat', async () => {
    const el = await list('en', THREE);
    expect(byline(el)).to.equal('By Virgil Zólyom, Anna Berg, and Jonas Petersen');
    const gb = await list('en-GB', THREE);
    expect(byline(gb)).to.equal('By Virgil Zólyom, Anna Berg and Jonas Petersen');
    await expect(el).to.be.accessible();
  });

  it('joins two authors with "und" / "and", and shows one alone', async () => {
    const two = await list(
      'de',
      html`<gz-author-list
        ><gz-author-card name="A. Berg"></gz-author-card><gz-author-card name="J. Petersen"></gz-author-card
      ></gz-author-list>`,
    );
    expect(byline(two)).to.equal('Von A. Berg und J. Petersen');
    const one = await list(
      'en',
      html`<gz-author-list><gz-author-card name="Anna Berg"></gz-author-card></gz-author-list>`,
    );
    expect(byline(one)).to.equal('By Anna Berg');
  });

  it('shows the cards below the byline, and the byline alone with no-cards', async () => {
    const el = await list('de', THREE);
    const slot = el.shadowRoot!.querySelector('[part~="cards"] slot') as HTMLSlotElement;
    expect(slot.assignedElements()).to.have.length(3);
    const cards = el.querySelectorAll('gz-author-card');
    const bylineBox = el.shadowRoot!.querySelector('[part~="byline"]')!.getBoundingClientRect();
    expect(cards[0]!.getBoundingClientRect().top).to.be.greaterThan(bylineBox.top);
    el.noCards = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="cards"]')).to.equal(null);
    expect(cards[0]!.getBoundingClientRect().height).to.equal(0);
    expect(byline(el)).to.equal('Von Virgil Zólyom, Anna Berg und Jonas Petersen');
  });

  it('follows added, removed and renamed cards', async () => {
    const el = await list('de', THREE);
    const cards = el.querySelectorAll('gz-author-card');
    cards[2]!.remove();
    await frameAndUpdate(el);
    expect(byline(el)).to.equal('Von Virgil Zólyom und Anna Berg');
    cards[1]!.setAttribute('name', 'Anna Berg-Holm');
    await frameAndUpdate(el);
    expect(byline(el)).to.equal('Von Virgil Zólyom und Anna Berg-Holm');
    const added = document.createElement('gz-author-card');
    added.setAttribute('name', 'Mia Lange');
    added.setAttribute('href', '/autoren/lange');
    el.append(added);
    await frameAndUpdate(el);
    expect(byline(el)).to.equal('Von Virgil Zólyom, Anna Berg-Holm und Mia Lange');
    expect(bylineLinks(el).at(-1)).to.deep.equal(['Mia Lange', '/autoren/lange']);
  });

  it('follows a language switch', async () => {
    const el = await list('de', THREE);
    el.parentElement!.setAttribute('lang', 'en');
    await frameAndUpdate(el);
    expect(byline(el)).to.equal('By Virgil Zólyom, Anna Berg, and Jonas Petersen');
  });

  it('links only safe URLs; hostile names stay text', async () => {
    const warnings = captureWarnings();
    const hostileName = '<img src=x onerror=alert(1)>';
    try {
      const el = await list(
        'de',
        html`<gz-author-list>
          <gz-author-card name="A" href=" JavaScript:alert(1)"></gz-author-card>
          <gz-author-card name=${hostileName} href="vbscript:x"></gz-author-card>
          <gz-author-card name="C" href="data:text/html,x"></gz-author-card>
        </gz-author-list>`,
      );
      expect(bylineLinks(el)).to.deep.equal([]);
      expect(byline(el)).to.equal('Von A, <img src=x onerror=alert(1)> und C');
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      // Each card warns about its own href; the list adds nothing.
      expect(warnings.messages()).to.have.length(3);
    } finally {
      warnings.restore();
    }
  });

  it('does not warn when its cards arrive after it connects (IIFE in <head>, React)', async () => {
    const warnings = captureWarnings();
    const el = document.createElement('gz-author-list');
    el.lang = 'de';
    try {
      document.body.append(el);
      await Promise.resolve();
      const card = document.createElement('gz-author-card');
      card.setAttribute('name', 'Anna Berg');
      el.append(card);
      await frameAndUpdate(el);
      // The list's missing-name warning waits a frame for cards still on their way: after it, none came.
      await nextFrame();
      expect(byline(el)).to.equal('Von Anna Berg');
      expect(warnings.messages().filter((m) => m.startsWith('<gz-author-list>'))).to.deep.equal([]);
    } finally {
      el.remove();
      warnings.restore();
    }
  });

  it('skips cards without a name, and shows nothing (one warning) when none has one', async () => {
    const warnings = captureWarnings();
    try {
      const el = await list(
        'de',
        html`<gz-author-list
          ><gz-author-card></gz-author-card><gz-author-card name="  "></gz-author-card
        ></gz-author-list>`,
      );
      // Not counting the <style> a server-rendered shadow root keeps.
      expect([...el.shadowRoot!.children].filter((c) => c.localName !== 'style')).to.have.length(0);
      expect(el.matches(':state(empty)')).to.be.true;
      await nextFrame(); // the warning waits a frame for cards still on their way
      const listWarnings = warnings.messages().filter((m) => m.startsWith('<gz-author-list>'));
      expect(listWarnings).to.have.length(1);
      await expect(el).to.be.accessible();
      const named = document.createElement('gz-author-card');
      named.setAttribute('name', 'Anna Berg');
      el.append(named);
      await frameAndUpdate(el);
      expect(byline(el)).to.equal('Von Anna Berg');
      expect(el.names).to.deep.equal(['Anna Berg']);
    } finally {
      warnings.restore();
    }
  });

  it('releases its observer on disconnect', async () => {
    const el = await list('de', THREE);
    const parent = el.parentElement!;
    el.remove();
    el.querySelector('gz-author-card')!.setAttribute('name', 'Geändert');
    await frameAndUpdate(el);
    expect(el.names[0]).to.equal('Virgil Zólyom');
    parent.append(el);
    await frameAndUpdate(el);
    expect(el.names[0]).to.equal('Geändert');
  });
});
