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

describe('English fallbacks in a partial translation are marked lang="en" (issue 20, item 7)', () => {
  before(() => {
    // Dutch with only the reading-time badge, the byline and the TOC title: the rest falls back.
    registerTranslation({
      $code: 'nl',
      $name: 'Nederlands',
      $dir: 'ltr',
      readingTimeShort: (m) => `${m} min lezen`,
      authorBy: (names) => `Door ${names}`,
      articleBodyToc: 'Inhoud',
    });
  });

  it('the controller names the terms English fills in, and only those', async () => {
    const { probe } = await probeIn(html`<test-localize-probe lang="nl"></test-localize-probe>`);
    const l = probe.localize;
    expect(l.lang).to.equal('nl');
    expect(l.fallbackLang('readingTimeShort')).to.equal(undefined);
    expect(l.fallbackLang('readingTimeLong')).to.equal('en');
    const de = await probeIn(html`<test-localize-probe lang="de"></test-localize-probe>`);
    expect(de.probe.localize.fallbackLang('readingTimeLong')).to.equal(undefined);
    // Gazette's English, where it has no terms at all, is already marked en on the element.
    const ar = await probeIn(html`<test-localize-probe lang="ar"></test-localize-probe>`);
    expect(ar.probe.localize.fallbackLang('readingTimeLong')).to.equal(undefined);
  });

  it('reading time: the spoken English fallback is lang="en", the Dutch badge is not', async () => {
    await import('../src/components/reading-time/reading-time.js');
    const el = await fixture(html`<gz-reading-time lang="nl" minutes="3"></gz-reading-time>`);
    await (el as LitElement).updateComplete;
    const spoken = el.shadowRoot!.querySelector('.visually-hidden')!;
    expect(spoken.textContent).to.equal('3 minuten read');
    expect(spoken.querySelector('[lang="en"]')?.textContent).to.equal('3 minuten read');
    const badge = el.shadowRoot!.querySelector('[part="label"]')!;
    expect(badge.textContent).to.equal('3 min lezen');
    expect(badge.querySelector('[lang]')).to.equal(null);
  });

  it('article header: the English "Published:" sentence is lang="en" inside a Dutch header', async () => {
    await import('../src/components/article-header/article-header.js');
    const el = await fixture(
      html`<gz-article-header lang="nl" published="2024-11-17T16:03:00+01:00" kicker="live" section="Politiek"
        ><h1>Kop</h1></gz-article-header
      >`,
    );
    await (el as LitElement).updateComplete;
    const time = el.shadowRoot!.querySelector('time')!;
    expect(time.lang).to.equal('nl');
    const spoken = time.querySelector('.visually-hidden [lang="en"]');
    expect(spoken?.textContent).to.match(/^Published: /);
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part~="kicker"]')!.lang).to.equal('en');
  });

  it('article body: the anchor label in English is lang="en", the Dutch TOC title is not', async () => {
    await import('../src/components/article-body/article-body.js');
    const wrapper = await fixture(html`<article lang="nl"></article>`);
    wrapper.innerHTML = '<gz-article-body toc anchors><h2>Een</h2><p>Tekst.</p></gz-article-body>';
    const el = wrapper.firstElementChild as LitElement;
    await el.updateComplete;
    const anchor = el.querySelector('a.gz-anchor')!;
    expect(anchor.getAttribute('aria-label')).to.equal('Link to: Een');
    expect(anchor.getAttribute('lang')).to.equal('en');
    const title = el.shadowRoot!.querySelector('[part="toc-title"]')!;
    expect(title.textContent!.trim()).to.equal('Inhoud');
    expect(title.querySelector('[lang="en"]')).to.equal(null);
  });

  it('author list and card: the Dutch byline is not marked; English link names are', async () => {
    await import('../src/components/author-card/author-card.js');
    const el = await fixture(
      html`<gz-author-card lang="nl" name="Anna Jansen" links="https://example.com/"></gz-author-card>`,
    );
    await (el as LitElement).updateComplete;
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[part="link"]');
    expect(link?.getAttribute('aria-label')).to.equal('Anna Jansen’s website');
    expect(link?.lang).to.equal('en');
  });
});
