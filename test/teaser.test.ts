import { expect, html, oneEvent } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import sinon from 'sinon';
import '../src/components/teaser/teaser.js';
import type { GzTeaser } from '../src/components/teaser/teaser.component.js';
import { ELLIPSIS, graphemeLength, truncate } from '../src/components/teaser/truncate.js';
import { safeSrcset } from '../src/components/teaser/srcset.js';
import type { GzTeaserImpressionEvent } from '../src/events/teaser-impression.js';
import type { GzTeaserSelectEvent } from '../src/events/teaser-select.js';
import { captureWarnings, part } from './helpers.js';
import './harness/axe.js';
import { intersectionReported, until } from './harness/wait.js';

const TITLE = 'Bayer-Aktie springt nach Glyphosat-Vergleich um 13 Prozent: Anleger hoffen auf das Ende der Klagewelle';
const EXCERPT =
  'Der Leverkusener Konzern will mit einem Vergleich über 7,25 Milliarden Dollar künftige Klagen bündeln.';

interface TeaserAttrs {
  href?: string;
  date?: string;
  image?: string;
  lang?: string;
  level?: string;
  relative?: boolean;
  srcset?: string;
}

async function teaser(attrs: TeaserAttrs = {}, title = TITLE): Promise<GzTeaser> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${attrs.lang ?? 'de'}>
      <gz-teaser
        href=${ifDefined(attrs.href ?? '/finanzen/bayer')}
        brand="DWN"
        section="Finanzen"
        date=${ifDefined(attrs.date ?? '2026-02-17')}
        image=${ifDefined(attrs.image)}
        srcset=${ifDefined(attrs.srcset)}
        image-alt="Das Bayer-Kreuz in Leverkusen"
        heading-level=${ifDefined(attrs.level)}
        ?relative=${attrs.relative ?? false}
        ><span slot="title">${title}</span>${EXCERPT}</gz-teaser
      >
    </div>`,
  );
  const el = wrapper.querySelector('gz-teaser')!;
  await el.updateComplete;
  return el;
}

const focusables = (root: ShadowRoot) =>
  [...root.querySelectorAll<HTMLElement>('a[href], button, [tabindex]')].filter((e) => e.tabIndex >= 0);

describe('truncate()', () => {
  const de = 'Die Bundesfinanzministeriumsvorlage sieht 13.000 neue Stellen und ein Wachstum von 1,3 Prozent vor';

  it('returns a text that fits unchanged, whitespace collapsed', () => {
    expect(truncate('  Kurzer   Text ', 40, 'de')).to.equal('Kurzer Text');
  });

  it('cuts at a word boundary with one "…" and stays within the limit', () => {
    for (let limit = 5; limit < de.length; limit++) {
      const cut = truncate(de, limit, 'de');
      expect(graphemeLength(cut), `limit ${limit}: ${cut}`).to.be.at.most(limit);
      expect(cut.endsWith(ELLIPSIS), cut).to.equal(true);
      expect(cut.indexOf(ELLIPSIS)).to.equal(cut.length - 1);
      // What precedes the ellipsis is a prefix of the source that ends where a space follows.
      const prefix = cut.slice(0, -1);
      expect(de.startsWith(prefix), `limit ${limit}: ${cut}`).to.equal(true);
      expect(de[prefix.length], `limit ${limit}: ${cut}`).to.equal(' ');
    }
  });

  it('never splits a German compound', () => {
    expect(truncate(de, 40, 'de')).to.equal('Die Bundesfinanzministeriumsvorlage…');
    expect(truncate(de, 20, 'de')).to.equal('Die…');
  });

  it('never splits numbers like "13.000" and "1,3"', () => {
    expect(truncate(de, 50, 'de')).to.equal('Die Bundesfinanzministeriumsvorlage sieht 13.000…');
    expect(truncate(de, 48, 'de')).to.equal('Die Bundesfinanzministeriumsvorlage sieht…');
    const rate = 'Die Inflation liegt bei 1,3 Prozent';
    expect(truncate(rate, 28, 'de')).to.equal('Die Inflation liegt bei 1,3…');
    expect(truncate(rate, 27, 'de')).to.equal('Die Inflation liegt bei…');
  });

  it('keeps hyphenated compounds like "Bayer-Aktie" whole', () => {
    expect(truncate('Die Bayer-Aktie springt', 15, 'de')).to.equal('Die…');
  });

  it('drops punctuation before the ellipsis', () => {
    expect(truncate('Erstens, zweitens, drittens und viertens', 20, 'de')).to.equal('Erstens, zweitens…');
  });

  it('turns a source ellipsis "..." into a single "…"', () => {
    expect(truncate('Ein Anriss, der schon endet ...', 80, 'de')).to.equal('Ein Anriss, der schon endet…');
    expect(truncate('Ein Anriss, der schon endet...', 20, 'de')).to.equal('Ein Anriss, der…');
  });

  it('never cuts inside a surrogate pair or a grapheme cluster', () => {
    const family = '👨‍👩‍👧‍👦';
    const cut = truncate(family.repeat(5), 3, 'de');
    expect(cut).to.equal(family + family + ELLIPSIS);
    const flags = 'Gewinner 🇩🇪🇦🇹🇨🇭 jubeln';
    expect(truncate(flags, 14, 'de')).to.equal('Gewinner 🇩🇪🇦🇹🇨🇭…');
    expect(truncate(flags, 12, 'de')).to.equal('Gewinner…');
    const astral = '𝔊𝔞𝔷𝔢𝔱𝔱𝔢'; // one word of astral letters
    const cutAstral = truncate(astral, 4, 'de');
    expect(cutAstral).to.equal('𝔊𝔞𝔷…');
    expect(/[\ud800-\udbff]…$/u.test(cutAstral)).to.equal(false);
  });

  it('cuts text without spaces at a word boundary', () => {
    const cut = truncate('日本語の文章はスペースなしで書かれています', 8, 'ja');
    expect(graphemeLength(cut)).to.be.at.most(8);
    expect(cut.endsWith(ELLIPSIS)).to.equal(true);
  });

  it('leaves the text alone for a limit below 2 or not finite', () => {
    expect(truncate('Ein Text', 1, 'de')).to.equal('Ein Text');
    expect(truncate('Ein Text', Number.NaN, 'de')).to.equal('Ein Text');
  });
});

describe('safeSrcset()', () => {
  it('keeps safe candidates and drops javascript: and data:', () => {
    expect(safeSrcset('/a.jpg 480w, javascript:alert(1) 960w, data:image/png;base64,AAAA 2x, /b.jpg 2x')).to.equal(
      '/a.jpg 480w, /b.jpg 2x',
    );
    expect(safeSrcset(' JaVaScRiPt:alert(1) 1x')).to.equal(undefined);
    expect(safeSrcset('/a.jpg, /b.jpg 2x,/c.jpg 3x')).to.equal('/a.jpg, /b.jpg 2x, /c.jpg 3x');
  });
});

/** The text assistive technology reads: everything but aria-hidden copies, whitespace collapsed. */
function spokenText(node: Element): string {
  const clone = node.cloneNode(true) as Element;
  for (const hidden of clone.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('<gz-teaser>', () => {
  it('renders brand, category, title, date and excerpt as separate parts', async () => {
    const el = await teaser();
    expect(spokenText(part(el, 'brand')!)).to.equal('DWN');
    expect(spokenText(part(el, 'section')!)).to.equal('Rubrik: Finanzen');
    expect(part(el, 'section')!.querySelector('.visually-hidden')).to.exist;
    const link = part(el, 'link') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal('/finanzen/bayer');
    // The title is not glued to the category: the link holds only the title slot.
    expect(link.querySelector<HTMLSlotElement>('slot[name="title"]')!.assignedNodes()[0]!.textContent).to.equal(TITLE);
    expect(part(el, 'section')!.contains(link)).to.equal(false);
    const time = part(el, 'date')!;
    expect(time.textContent!.trim()).to.equal('17.02.2026');
    expect(time.getAttribute('datetime')).to.equal('2026-02-17');
    await expect(el).to.be.accessible();
  });

  it('shows the date in English as "17 Feb 2026"', async () => {
    const el = await teaser({ lang: 'en' });
    expect(part(el, 'date')!.textContent!.trim()).to.equal('17 Feb 2026');
    expect(spokenText(part(el, 'section')!)).to.equal('Section: Finanzen');
  });

  it('draws brand and category in capitals but reads them as written (issue 20)', async () => {
    const el = await teaser();
    for (const name of ['brand', 'section']) {
      const label = part(el, name)!;
      const drawn = label.querySelector<HTMLElement>('[aria-hidden="true"]')!;
      expect(getComputedStyle(drawn).textTransform).to.equal('uppercase');
      // What assistive technology reads is not transformed anywhere up the tree.
      for (const hidden of label.querySelectorAll<HTMLElement>('.visually-hidden'))
        for (let node: HTMLElement | null = hidden; node && node !== el; node = node.parentElement)
          expect(getComputedStyle(node).textTransform, `${name}: ${node.className}`).to.equal('none');
    }
    expect(spokenText(part(el, 'section')!)).to.equal('Rubrik: Finanzen');
  });

  it('shows a date-time as the date only', async () => {
    const el = await teaser({ date: '2026-02-17T23:30:00+01:00' });
    expect(part(el, 'date')!.textContent!.trim()).to.match(/^\d{2}\.\d{2}\.2026$/);
  });

  it('shows recent items relatively when asked, computed at render time', async () => {
    const clock = sinon.useFakeTimers({ now: new Date('2026-02-17T12:00:00Z'), toFake: ['Date'] });
    try {
      const el = await teaser({ date: '2026-02-17T10:00:00Z', relative: true });
      expect(part(el, 'date')!.textContent!.trim()).to.equal('vor 2 Stunden');
      expect(part(el, 'date')!.getAttribute('datetime')).to.equal('2026-02-17T10:00:00Z');
      const old = await teaser({ date: '2026-02-10T10:00:00Z', relative: true });
      expect(part(old, 'date')!.textContent!.trim()).to.equal('10.02.2026');
      const plain = await teaser({ date: '2026-02-17T10:00:00Z' });
      expect(part(plain, 'date')!.textContent!.trim()).to.equal('17.02.2026');
    } finally {
      clock.restore();
    }
  });

  it('refreshes the relative form once a minute while visible, then settles on the date', async () => {
    const clock = sinon.useFakeTimers({
      now: new Date('2026-02-17T12:00:00Z'),
      toFake: ['Date', 'setInterval', 'clearInterval'],
    });
    try {
      const el = await teaser({ date: '2026-02-17T11:55:00Z', relative: true });
      expect(part(el, 'date')!.textContent!.trim()).to.equal('vor 5 Minuten');
      // The clock starts once the observer has seen the teaser on screen: a condition polled under a
      // deadline, one fake minute and one frame (for the observer's report) per round, 30 at most.
      for (let i = 0; i < 30 && part(el, 'date')!.textContent!.includes('5'); i++) {
        clock.tick(60_000);
        await new Promise((r) => requestAnimationFrame(r));
        await el.updateComplete;
      }
      expect(part(el, 'date')!.textContent!.trim()).to.match(/^vor ([6-9]|[1-3]\d) Minuten$/);
      // A day later the relative form gives way to the date.
      clock.tick(24 * 3_600_000);
      await until(() => part(el, 'date')!.textContent!.trim() === '17.02.2026', 30);
      await el.updateComplete;
      expect(part(el, 'date')!.textContent!.trim()).to.equal('17.02.2026');
    } finally {
      clock.restore();
    }
  });

  it('shows no date and warns once for a date that does not parse', async () => {
    const warnings = captureWarnings();
    try {
      const el = await teaser({ date: '17.02.2026' });
      // The date's parts stay in the template, hidden.
      expect(part(el, 'date')!.hidden).to.equal(true);
      expect(warnings.messages()).to.have.length(1);
      expect(warnings.messages()[0]).to.contain('not an ISO 8601 date');
      await expect(el).to.be.accessible();
    } finally {
      warnings.restore();
    }
  });

  it('uses a configurable heading level, 3 by default', async () => {
    expect(part(await teaser(), 'heading')!.getAttribute('aria-level')).to.equal('3');
    expect(part(await teaser({ level: '4' }), 'heading')!.getAttribute('aria-level')).to.equal('4');
    const warnings = captureWarnings();
    try {
      expect(part(await teaser({ level: '9' }), 'heading')!.getAttribute('aria-level')).to.equal('3');
      expect(warnings.messages().join()).to.contain('heading-level="9"');
    } finally {
      warnings.restore();
    }
  });

  it('is one link and one tab stop, the link stretched over the card', async () => {
    const el = await teaser({ image: '/test/fixtures/teaser/bild.svg' });
    expect(focusables(el.shadowRoot!)).to.have.length(1);
    expect(el.shadowRoot!.querySelectorAll('a')).to.have.length(1);
    expect(el.querySelectorAll('a, button')).to.have.length(0);
    const after = getComputedStyle(part(el, 'link')!, '::after');
    expect(after.position).to.equal('absolute');
    // A click anywhere on the card (here: the image) lands on the link.
    const media = part(el, 'media')!.getBoundingClientRect();
    const hit = el.shadowRoot!.elementFromPoint(media.left + media.width / 2, media.top + media.height / 2);
    expect(hit).to.equal(part(el, 'link'));
  });

  it('takes exactly one Tab to pass a teaser', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de">
        <button id="before">vorher</button>
        <gz-teaser href="/a"><span slot="title">${TITLE}</span></gz-teaser>
        <gz-teaser href="/b"><span slot="title">${TITLE}</span></gz-teaser>
        <button id="after">nachher</button>
      </div>`,
    );
    const [first, second] = wrapper.querySelectorAll('gz-teaser');
    await first!.updateComplete;
    await second!.updateComplete;
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(first!.shadowRoot!.activeElement === part(first!, 'link')).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(second!.shadowRoot!.activeElement === part(second!, 'link')).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement === wrapper.querySelector('#after')).to.equal(true);
  });

  it('renders a lazy, async image with a reserved aspect ratio and safe srcset', async () => {
    const el = await teaser({
      image: '/test/fixtures/teaser/bild.svg',
      srcset: '/test/fixtures/teaser/bild.svg 1x, javascript:alert(1) 2x',
    });
    const img = part(el, 'image') as HTMLImageElement;
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('decoding')).to.equal('async');
    expect(img.getAttribute('alt')).to.equal('Das Bayer-Kreuz in Leverkusen');
    expect(img.getAttribute('srcset')).to.equal('/test/fixtures/teaser/bild.svg 1x');
    expect(getComputedStyle(part(el, 'media')!).aspectRatio).to.equal('16 / 9');
    await expect(el).to.be.accessible();
  });

  it('clamps the excerpt to excerpt-lines lines with CSS', async () => {
    const el = await teaser();
    expect(getComputedStyle(part(el, 'excerpt')!).webkitLineClamp).to.equal('3');
    el.excerptLines = 2;
    await el.updateComplete;
    expect(getComputedStyle(part(el, 'excerpt')!).webkitLineClamp).to.equal('2');
  });

  for (const href of [
    'javascript:alert(1)',
    ' JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
  ]) {
    it(`drops the unsafe href ${JSON.stringify(href)}: no link, one warning`, async () => {
      const warnings = captureWarnings();
      try {
        const el = await teaser({ href, image: 'javascript:alert(2)' });
        expect(el.shadowRoot!.querySelector('a[href]') === null).to.equal(true);
        // The title's <a> without href is no link and takes no focus.
        el.shadowRoot!.querySelector<HTMLElement>('a')!.focus();
        expect(el.shadowRoot!.activeElement === null).to.equal(true);
        expect(el.shadowRoot!.querySelector('img') === null).to.equal(true);
        expect(warnings.messages()).to.have.length(2);
        await expect(el).to.be.accessible();
      } finally {
        warnings.restore();
      }
    });
  }

  it('shows HTML in a title as text', async () => {
    const hostile = '<img src=x onerror="window.__gzPwned = true">Titel';
    const el = await teaser({}, hostile);
    expect(el.querySelector('[slot=title]')!.textContent).to.equal(hostile);
    expect(el.querySelector('img')).to.equal(null);
    expect((window as { __gzPwned?: boolean }).__gzPwned).to.equal(undefined);
  });

  it('fires gz-teaser-select with id, href and position on click', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de">
        <gz-teaser href="/a"><span slot="title">Eins</span></gz-teaser>
        <gz-teaser href="/b" article-id="dwn-2"><span slot="title">Zwei</span></gz-teaser>
      </div>`,
    );
    const second = wrapper.querySelectorAll('gz-teaser')[1]!;
    await second.updateComplete;
    const link = part(second, 'link')!;
    link.addEventListener('click', (e) => e.preventDefault());
    const selected = oneEvent(wrapper, 'gz-teaser-select');
    link.click();
    const event = (await selected) as GzTeaserSelectEvent;
    expect(event.detail).to.deep.equal({ id: 'dwn-2', href: new URL('/b', location.href).href, position: 2 });
    expect(event.composed).to.equal(true);
  });

  it('lets a router take the click over: a canceled gz-teaser-select cancels the navigation', async () => {
    const el = await teaser();
    el.addEventListener('gz-teaser-select', (e) => e.preventDefault());
    let navigated: boolean | undefined;
    const onClick = (e: Event) => {
      navigated = !e.defaultPrevented;
      e.preventDefault();
    };
    document.addEventListener('click', onClick);
    try {
      part(el, 'link')!.click();
    } finally {
      document.removeEventListener('click', onClick);
    }
    expect(navigated).to.equal(false);
  });

  it('reads the date as a long date, not as digits', async () => {
    const el = await teaser();
    const time = part(el, 'date')!;
    expect(time.getAttribute('aria-hidden')).to.equal('true');
    expect(time.nextElementSibling!.textContent).to.equal('Dienstag, 17. Februar 2026');
    const en = await teaser({ lang: 'en' });
    expect(part(en, 'date')!.nextElementSibling!.textContent).to.equal('Tuesday, 17 February 2026');
  });

  it('fires gz-teaser-select when the link is followed with the keyboard', async () => {
    const el = await teaser();
    const link = part(el, 'link')!;
    link.addEventListener('click', (e) => e.preventDefault());
    link.focus();
    const selected = oneEvent(el, 'gz-teaser-select');
    await sendKeys({ press: 'Enter' });
    const event = (await selected) as GzTeaserSelectEvent;
    expect(event.detail).to.deep.equal({
      id: new URL('/finanzen/bayer', location.href).href,
      href: new URL('/finanzen/bayer', location.href).href,
      position: 1,
    });
  });

  it('fires gz-teaser-impression once, when at least half visible', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de" style="block-size: 100px; overflow: auto">
        <div style="block-size: 400px"></div>
        <gz-teaser href="/a" style="block-size: 100px"><span slot="title">Eins</span></gz-teaser>
      </div>`,
    );
    const el = wrapper.querySelector('gz-teaser')!;
    await el.updateComplete;
    const events: GzTeaserImpressionEvent[] = [];
    wrapper.addEventListener('gz-teaser-impression', (e) => events.push(e));
    // Not visible yet: the teaser's observer has reported once ours has, and counted nothing.
    await intersectionReported(el);
    expect(events).to.have.length(0);
    const seen = oneEvent(wrapper, 'gz-teaser-impression');
    wrapper.scrollTop = 400;
    const event = (await seen) as GzTeaserImpressionEvent;
    expect(event.detail.href).to.equal(new URL('/a', location.href).href);
    wrapper.scrollTop = 0;
    await intersectionReported(el);
    wrapper.scrollTop = 400;
    await intersectionReported(el);
    expect(events).to.have.length(1);
  });

  it('stops observing when disconnected', async () => {
    const el = await teaser();
    const unobserve = sinon.spy(IntersectionObserver.prototype, 'unobserve');
    try {
      el.remove();
      expect(unobserve.calledWith(el)).to.equal(true);
    } finally {
      unobserve.restore();
    }
  });
});
