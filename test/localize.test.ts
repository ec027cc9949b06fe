import { expect, html } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import { LitElement } from 'lit';
import { canonicalLocale, LocalizeController, registerTranslation } from '../src/controllers/localize.js';
import { frameAndUpdate } from './helpers.js';

class LocalizeProbe extends LitElement {
  localize = new LocalizeController(this);
  renders = 0;
  override render() {
    this.renders++;
    return this.localize.terms.readingTimeShort(this.localize.number(1234.5));
  }
}
customElements.define('test-localize-probe', LocalizeProbe);

async function probeIn(template: ReturnType<typeof html>) {
  const root = await fixture(template);
  const probe = (
    root.matches('test-localize-probe') ? root : root.querySelector('test-localize-probe')
  ) as LocalizeProbe;
  await probe.updateComplete;
  return { root, probe };
}

describe('LocalizeController', () => {
  it('takes the element’s own lang', async () => {
    const { probe } = await probeIn(html`<test-localize-probe lang="de-DE"></test-localize-probe>`);
    expect(probe.localize.lang).to.equal('de-DE');
    expect(probe.shadowRoot!.textContent).to.equal('Lesezeit: 1.234,5 min');
  });

  it('takes the nearest ancestor’s lang, across shadow roots', async () => {
    const host = await fixture(html`<div lang="de-AT"></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const probe = document.createElement('test-localize-probe') as LocalizeProbe;
    shadow.append(probe);
    await probe.updateComplete;
    expect(probe.localize.lang).to.equal('de-AT');
    expect(probe.localize.terms.$code).to.equal('de');
  });

  it('falls back to <html lang>', async () => {
    const { probe } = await probeIn(html`<test-localize-probe></test-localize-probe>`);
    expect(probe.localize.lang).to.equal(document.documentElement.lang || 'en');
  });

  it('falls back to English for unknown and invalid languages', async () => {
    expect(canonicalLocale('no such tag!')).to.equal('en');
    expect(canonicalLocale('')).to.equal('en');
    expect(canonicalLocale(' de-de ')).to.equal('de-DE');
    const { probe } = await probeIn(html`<test-localize-probe lang="xx-invalid!!"></test-localize-probe>`);
    expect(probe.shadowRoot!.textContent).to.equal('1,234.5 min read');
  });

  it('re-renders when an ancestor’s language changes, not when something else does', async () => {
    const { root, probe } = await probeIn(
      html`<section lang="en"><test-localize-probe></test-localize-probe></section>`,
    );
    const before = probe.renders;
    root.setAttribute('class', 'x');
    await frameAndUpdate(probe);
    expect(probe.renders).to.equal(before);
    root.setAttribute('lang', 'de');
    await frameAndUpdate(probe);
    expect(probe.renders).to.equal(before + 1);
    expect(probe.shadowRoot!.textContent).to.equal('Lesezeit: 1.234,5 min');
  });

  it('resolves the direction from dir, else from the language', async () => {
    registerTranslation({ $code: 'he', $name: 'עברית', $dir: 'rtl' });
    const { probe } = await probeIn(html`<test-localize-probe lang="he"></test-localize-probe>`);
    expect(probe.localize.dir).to.equal('rtl');
    const ltr = await probeIn(html`<div dir="ltr"><test-localize-probe lang="he"></test-localize-probe></div>`);
    expect(ltr.probe.localize.dir).to.equal('ltr');
    const rtl = await probeIn(html`<div dir="rtl"><test-localize-probe lang="de"></test-localize-probe></div>`);
    expect(rtl.probe.localize.dir).to.equal('rtl');
  });

  it('speaks English, left to right, where it has no terms for the language', async () => {
    const { probe } = await probeIn(html`<div dir="rtl"><test-localize-probe lang="ar"></test-localize-probe></div>`);
    expect(probe.localize.lang).to.equal('en');
    expect(probe.localize.dir).to.equal('ltr');
    expect(probe.shadowRoot!.textContent).to.equal('1,234.5 min read');
  });

  it('formats units, lists, plurals and dates with Intl', async () => {
    const { probe } = await probeIn(html`<test-localize-probe lang="de"></test-localize-probe>`);
    const l = probe.localize;
    expect(l.unit('minute', 3, 'long')).to.equal('3 Minuten');
    expect(l.list(['A', 'B', 'C'], { type: 'conjunction' })).to.equal('A, B und C');
    expect(l.plural(1)).to.equal('one');
    expect(
      l.date(new Date(Date.UTC(2024, 10, 17, 15, 3)), { dateStyle: 'medium', timeZone: 'Europe/Berlin' }),
    ).to.equal('17.11.2024');
    expect(l.relativeTime(-2, 'hour')).to.equal('vor 2 Stunden');
  });

  it('takes new translations, with English filling the gaps', async () => {
    registerTranslation({
      $code: 'fr',
      $name: 'Français',
      $dir: 'ltr',
      readingTimeShort: (m) => `${m} min de lecture`,
    });
    const { probe } = await probeIn(html`<test-localize-probe lang="fr-FR"></test-localize-probe>`);
    expect(probe.shadowRoot!.textContent).to.equal('1\u202f234,5 min de lecture');
    expect(probe.localize.terms.readingTimeLong('x')).to.equal('x read');
  });
});
