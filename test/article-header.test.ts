import { expect, html, nextFrame } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../src/components/article-header/article-header.js';
import type { GzArticleHeader } from '../src/components/article-header/article-header.component.js';
import type { GzReadingTime } from '../src/components/reading-time/reading-time.component.js';
import { bodyHtml, headline, published, standfirst } from './fixtures/article-de.js';
import { captureWarnings, frameAndUpdate, shadowText, part } from './helpers.js';
import { intersectionReported, until } from './harness/wait.js';
import './harness/axe.js';

interface HeaderAttrs {
  lang?: string;
  section?: string;
  sectionHref?: string;
  kicker?: string;
  kickerLabel?: string;
  published?: string;
  updated?: string;
  updatedLabel?: string;
  timeZone?: string;
  relative?: boolean;
  relativeHours?: string;
  readingTimeFor?: string;
  noReadingTime?: boolean;
}

/** A header with the German sample's headline and standfirst, inside a wrapper with `lang`. */
async function header(attrs: HeaderAttrs = {}): Promise<GzArticleHeader> {
  const wrapper = await fixture<HTMLDivElement>(html`
    <div lang=${attrs.lang ?? 'de'}>
      <gz-article-header
        section=${ifDefined(attrs.section)}
        section-href=${ifDefined(attrs.sectionHref)}
        kicker=${ifDefined(attrs.kicker)}
        kicker-label=${ifDefined(attrs.kickerLabel)}
        published=${ifDefined(attrs.published)}
        updated=${ifDefined(attrs.updated)}
        updated-label=${ifDefined(attrs.updatedLabel)}
        time-zone=${ifDefined(attrs.timeZone)}
        ?relative=${attrs.relative ?? false}
        relative-hours=${ifDefined(attrs.relativeHours)}
        reading-time-for=${ifDefined(attrs.readingTimeFor)}
        ?no-reading-time=${attrs.noReadingTime ?? false}
      >
        <h1>${headline}</h1>
        <p slot="standfirst">${standfirst}</p>
      </gz-article-header>
    </div>
  `);
  const el = wrapper.querySelector('gz-article-header')!;
  await el.updateComplete;
  return el;
}

const timeOf = (el: Element, kind: 'published' | 'updated' = 'published') =>
  el.shadowRoot!.querySelector<HTMLTimeElement>(`time[part~="${kind}"]`);
/** The visible text of a `<time>` (its aria-hidden span). */
const visible = (time: Element | null) => time?.querySelector('[aria-hidden="true"]')?.textContent?.trim() ?? '';
/** The accessible text of a `<time>` (its visually hidden span). */
const spoken = (time: Element | null) => time?.querySelector('.visually-hidden')?.textContent?.trim() ?? '';
/** The tooltip of a `<time>`: on its visible, aria-hidden text, never on the `<time>` itself. */
const tooltip = (time: Element | null) => {
  expect(time!.hasAttribute('title'), 'a title on <time> becomes its description: the date is read twice').to.be.false;
  return time!.querySelector<HTMLElement>('[aria-hidden="true"]')!.title;
};

/** Waits frame by frame (at most 30) until `condition` holds: observers report in a rendering step. */
const frames = (condition: () => boolean) => until(condition, 30);

describe('<gz-article-header>', () => {
  describe('the reference header', () => {
    it('shows section, slotted headline and standfirst, and the dateline 17.11.2024, 16:03', async () => {
      const el = await header({ section: 'Politik', published, timeZone: 'Europe/Berlin' });
      expect(shadowText(el, '[part~="section"]')).to.equal('Politik');
      const time = timeOf(el)!;
      expect(time.getAttribute('datetime')).to.equal('2024-11-17T16:03:00+01:00');
      expect(visible(time)).to.equal('17.11.2024, 16:03');
      expect(tooltip(time)).to.equal('Sonntag, 17. November 2024 um 16:03');
      expect(spoken(time)).to.equal('Veröffentlicht: Sonntag, 17. November 2024 um 16:03');
      const headlineSlot = part(el, 'headline')!.querySelector('slot')!;
      expect(headlineSlot.assignedElements()[0]!.textContent).to.equal(headline);
      const standfirstSlot = part(el, 'standfirst')!.querySelector('slot')!;
      expect(standfirstSlot.assignedElements()[0]!.textContent).to.equal(standfirst);
      await expect(el).to.be.accessible();
    });

    it('keeps headline and standfirst in the light DOM, where search engines and reader mode read them', async () => {
      const el = await header({ published });
      expect(el.querySelector('h1')!.textContent).to.equal(headline);
      expect(el.querySelector('[slot="standfirst"]')!.textContent).to.equal(standfirst);
    });

    it('adds no heading of its own and keeps the level it is given', async () => {
      const wrapper = await fixture(
        html`<div lang="de">
          <gz-article-header published=${published}><h2>Live-Ticker: Kiel stimmt ab</h2></gz-article-header>
        </div>`,
      );
      const el = wrapper.querySelector('gz-article-header')!;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]')).to.equal(null);
      const [assigned] = part(el, 'headline')!.querySelector('slot')!.assignedElements();
      expect(assigned!.localName).to.equal('h2');
      expect(wrapper.querySelectorAll('h1, h2, h3, h4, h5, h6')).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('hides the parts that have nothing to show', async () => {
      const warnings = captureWarnings();
      const wrapper = await fixture(html`<div lang="de"><gz-article-header></gz-article-header></div>`);
      const el = wrapper.querySelector('gz-article-header')!;
      await el.updateComplete;
      warnings.restore();
      expect(part(el, 'section')!.hidden).to.be.true;
      expect(part(el, 'headline')!.hidden).to.be.true;
      expect(part(el, 'standfirst')!.hidden).to.be.true;
      expect(part(el, 'meta')).to.equal(null);
    });

    it('shows the headline slot when content arrives later', async () => {
      const wrapper = await fixture(
        html`<div lang="de"><gz-article-header published=${published}></gz-article-header></div>`,
      );
      const el = wrapper.querySelector('gz-article-header')!;
      await el.updateComplete;
      expect(part(el, 'headline')!.hidden).to.be.true;
      const h1 = document.createElement('h1');
      h1.textContent = headline;
      el.append(h1);
      await frameAndUpdate(el);
      expect(part(el, 'headline')!.hidden).to.be.false;
    });
  });

  describe('language and time zone', () => {
    it('speaks English: 17 Nov 2024, 16:03', async () => {
      const el = await header({ lang: 'en', published, timeZone: 'Europe/Berlin' });
      const time = timeOf(el)!;
      expect(visible(time)).to.equal('17 Nov 2024, 16:03');
      expect(tooltip(time)).to.equal('Sunday, 17 November 2024 at 16:03');
      expect(spoken(time)).to.equal('Published: Sunday, 17 November 2024 at 16:03');
      await expect(el).to.be.accessible();
    });

    it('follows a locale change on an ancestor', async () => {
      const el = await header({ published, timeZone: 'Europe/Berlin', section: 'Politik', kicker: 'analysis' });
      expect(visible(timeOf(el))).to.equal('17.11.2024, 16:03');
      expect(shadowText(el, '[part~="kicker"] .visually-hidden')).to.equal('Analyse');
      el.parentElement!.setAttribute('lang', 'en');
      await frameAndUpdate(el);
      expect(visible(timeOf(el))).to.equal('17 Nov 2024, 16:03');
      expect(shadowText(el, '[part~="kicker"] .visually-hidden')).to.equal('Analysis');
      expect(timeOf(el)!.getAttribute('lang')).to.equal('en');
    });

    it('lays out right to left on an Arabic page, speaking English (Gazette has no Arabic terms)', async () => {
      const wrapper = await fixture(
        html`<div lang="ar" dir="rtl" style="inline-size: 40rem">
          <gz-article-header section="سياسة" kicker="live" published=${published} updated="2024-11-18T09:15:00+01:00">
            <h1>طاقة الرياح في الشمال: هل تخفض المزارع الجديدة فواتير الكهرباء حقاً؟</h1>
          </gz-article-header>
        </div>`,
      );
      const el = wrapper.querySelector('gz-article-header')!;
      await el.updateComplete;
      const section = part(el, 'section')!;
      expect(getComputedStyle(section).direction).to.equal('rtl');
      // The section line starts at the right edge.
      const kicker = part(el, 'kicker')!.getBoundingClientRect();
      expect(Math.round(kicker.right)).to.equal(Math.round(section.getBoundingClientRect().right));
      expect(timeOf(el)!.getAttribute('lang')).to.equal('en');
      expect(timeOf(el)!.getAttribute('dir')).to.equal('ltr');
      expect(shadowText(el, '[part~="kicker"] .visually-hidden')).to.equal('Live');
      // The separator before the update sits on its start side, the right in this layout.
      const stamp = timeOf(el, 'updated')!.parentElement!;
      expect(getComputedStyle(stamp).borderRightWidth).to.equal('1px');
      expect(getComputedStyle(stamp).borderLeftWidth).to.equal('0px');
      await expect(el).to.be.accessible();
    });

    it('moves the date across midnight with time-zone', async () => {
      const berlin = await header({ published: '2024-11-17T23:30:00Z', timeZone: 'Europe/Berlin' });
      expect(visible(timeOf(berlin))).to.equal('18.11.2024, 00:30');
      const newYork = await header({ published: '2024-11-17T23:30:00Z', timeZone: 'America/New_York' });
      expect(visible(timeOf(newYork))).to.equal('17.11.2024, 18:30');
      expect(timeOf(newYork)!.getAttribute('datetime')).to.equal('2024-11-17T23:30:00Z');
    });

    it("shows times in the reader's zone by default", async () => {
      const el = await header({ published: '2024-11-17T23:30:00Z' });
      const reader = new Intl.DateTimeFormat('de-DE', {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date('2024-11-17T23:30:00Z'));
      expect(visible(timeOf(el))).to.equal(reader);
    });

    it("falls back to the reader's zone on an unknown time-zone, with one warning", async () => {
      const warnings = captureWarnings();
      const el = await header({ published: '2024-11-17T23:30:00Z', timeZone: 'Mars/Olympus_Mons' });
      el.requestUpdate();
      await el.updateComplete;
      warnings.restore();
      const fallback = await header({ published: '2024-11-17T23:30:00Z' });
      expect(visible(timeOf(el))).to.equal(visible(timeOf(fallback)));
      expect(warnings.messages()).to.have.length(1);
      expect(warnings.messages()[0]).to.contain('time-zone="Mars/Olympus_Mons"');
    });
  });

  describe('section and kicker', () => {
    it('reads the kicker as written: the capitals are drawn from an aria-hidden copy (issue 20)', async () => {
      const el = await header({ lang: 'de', section: 'Politik', kicker: 'live', published });
      const kicker = part(el, 'kicker')!;
      const drawn = kicker.querySelector<HTMLElement>('[aria-hidden="true"]')!;
      const read = kicker.querySelector<HTMLElement>('.visually-hidden')!;
      expect(getComputedStyle(drawn).textTransform).to.equal('uppercase');
      expect(read.textContent).to.equal('Live');
      // Nothing that assistive technology reads is transformed.
      for (let node: HTMLElement | null = read; node && node !== el; node = node.parentElement)
        expect(getComputedStyle(node).textTransform, node.className).to.equal('none');
      await expect(el).to.be.accessible();
    });

    it('stops the live pulse within five seconds (WCAG 2.2.2)', async () => {
      const el = await header({ lang: 'de', section: 'Politik', kicker: 'live', published });
      const dot = getComputedStyle(part(el, 'kicker')!, '::before');
      expect(dot.animationName).to.equal('gz-live-pulse');
      const count = Number(dot.animationIterationCount);
      expect(Number.isFinite(count), `iterations: ${dot.animationIterationCount}`).to.be.true;
      expect(parseFloat(dot.animationDuration) * count).to.be.at.most(5);
    });

    it('links the section with section-href', async () => {
      const el = await header({ section: 'Politik', sectionHref: '/politik', published });
      const link = part(el, 'section-link') as HTMLAnchorElement;
      expect(link.getAttribute('href')).to.equal('/politik');
      expect(link.textContent).to.equal('Politik');
      await expect(el).to.be.accessible();
    });

    it('reaches the section link with the keyboard, and nothing else in the header', async () => {
      const wrapper = await fixture(
        html`<div lang="de">
          <button>vorher</button>
          <gz-article-header section="Politik" section-href="/politik" published=${published} kicker="live">
            <h1>${headline}</h1>
          </gz-article-header>
          <button>nachher</button>
        </div>`,
      );
      const el = wrapper.querySelector('gz-article-header')!;
      await el.updateComplete;
      wrapper.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'section-link'));
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement!.textContent).to.equal('nachher');
    });

    it('takes richer markup from the section slot', async () => {
      const wrapper = await fixture(
        html`<div lang="de">
          <gz-article-header section="Ignoriert" published=${published}>
            <a slot="section" href="/politik/kiel">Politik <small>· Kiel</small></a>
            <h1>${headline}</h1>
          </gz-article-header>
        </div>`,
      );
      const el = wrapper.querySelector('gz-article-header')!;
      await el.updateComplete;
      const slot = part(el, 'section')!.querySelector<HTMLSlotElement>('slot[name="section"]')!;
      expect(slot.assignedElements()[0]!.getAttribute('href')).to.equal('/politik/kiel');
      expect(part(el, 'section')!.hidden).to.be.false;
      await expect(el).to.be.accessible();
    });

    for (const [kicker, lang, text] of [
      ['live', 'de', 'Live'],
      ['analysis', 'de', 'Analyse'],
      ['opinion', 'de', 'Meinung'],
      ['opinion', 'en', 'Opinion'],
    ] as const) {
      it(`shows the ${kicker} kicker in ${lang}: ${text}`, async () => {
        const el = await header({ lang, section: 'Politik', kicker, published });
        expect(shadowText(el, '[part~="kicker"] .visually-hidden')).to.equal(text);
        expect(part(el, 'kicker')!.classList.contains(kicker)).to.be.true;
        await expect(el).to.be.accessible();
      });
    }

    it('takes kicker-label, and shows a kicker without a section', async () => {
      const el = await header({ kicker: 'live', kickerLabel: 'Liveblog', published });
      expect(shadowText(el, '[part~="section"] .visually-hidden')).to.equal('Liveblog');
      expect(part(el, 'section')!.hidden).to.be.false;
    });

    it('warns once about an unknown kicker and shows the plain section', async () => {
      const warnings = captureWarnings();
      const el = await header({ section: 'Politik', kicker: 'breaking', published });
      el.requestUpdate();
      await el.updateComplete;
      warnings.restore();
      expect(part(el, 'kicker')).to.equal(null);
      expect(shadowText(el, '[part~="section"]')).to.equal('Politik');
      expect(warnings.messages()).to.have.length(1);
      expect(warnings.messages()[0]).to.contain('kicker="breaking"');
    });

    it('keeps a 40-character German compound inside a narrow column', async () => {
      const compound = 'Bundesverfassungsgerichtsentscheidungsbegründung'; // 48 characters
      const wrapper = await fixture(
        html`<div lang="de" style="inline-size: 8rem">
          <gz-article-header section=${compound} kicker="analysis" published=${published}>
            <h1>Donaudampfschifffahrtsgesellschaftskapitänsmütze</h1>
          </gz-article-header>
        </div>`,
      );
      const el = wrapper.querySelector('gz-article-header')!;
      await el.updateComplete;
      const section = part(el, 'section')!;
      expect(section.scrollWidth).to.be.at.most(section.clientWidth);
      expect(el.scrollWidth).to.be.at.most(wrapper.clientWidth);
      expect(el.querySelector('h1')!.scrollWidth).to.be.at.most(wrapper.clientWidth);
    });
  });

  describe('updated time', () => {
    let clock: sinon.SinonFakeTimers | undefined;
    afterEach(() => clock?.restore());
    const at = (iso: string) => (clock = sinon.useFakeTimers({ now: new Date(iso), toFake: ['Date'] }));

    it('shows an update on another day, labelled "Aktualisiert:"', async () => {
      at('2024-12-01T12:00:00Z');
      const el = await header({ published, updated: '2024-11-18T09:15:00+01:00', timeZone: 'Europe/Berlin' });
      const time = timeOf(el, 'updated')!;
      expect(time.getAttribute('datetime')).to.equal('2024-11-18T09:15:00+01:00');
      expect(visible(time)).to.equal('Aktualisiert: 18.11.2024, 09:15');
      expect(spoken(time)).to.equal('Aktualisiert: Montag, 18. November 2024 um 09:15');
      expect(visible(timeOf(el))).to.equal('17.11.2024, 16:03');
      expect(el.matches(':state(updated)')).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('says "Updated:" in English and takes updated-label', async () => {
      at('2024-12-01T12:00:00Z');
      const en = await header({
        lang: 'en',
        published,
        updated: '2024-11-18T09:15:00+01:00',
        timeZone: 'Europe/Berlin',
      });
      expect(visible(timeOf(en, 'updated'))).to.equal('Updated: 18 Nov 2024, 09:15');
      const custom = await header({
        published,
        updated: '2024-11-18T09:15:00+01:00',
        updatedLabel: 'Zuletzt geändert {date}',
        timeZone: 'Europe/Berlin',
      });
      expect(visible(timeOf(custom, 'updated'))).to.equal('Zuletzt geändert 18.11.2024, 09:15');
    });

    it('hides a same-day update of an older article', async () => {
      at('2024-12-01T12:00:00Z');
      const el = await header({ published, updated: '2024-11-17T20:00:00+01:00', timeZone: 'Europe/Berlin' });
      expect(timeOf(el, 'updated')).to.equal(null);
      expect(el.matches(':state(updated)')).to.be.false;
      expect(visible(timeOf(el))).to.equal('17.11.2024, 16:03');
    });

    it('needs more than one minute between publication and update', async () => {
      at('2024-11-17T18:00:00+01:00'); // same day: any real update would show
      const atMinute = await header({ published, updated: '2024-11-17T16:04:00+01:00', timeZone: 'Europe/Berlin' });
      expect(timeOf(atMinute, 'updated')).to.equal(null);
      const afterMinute = await header({ published, updated: '2024-11-17T16:04:01+01:00', timeZone: 'Europe/Berlin' });
      expect(timeOf(afterMinute, 'updated')).not.to.equal(null);
    });

    it('shows a same-day update while it is under 10 hours old', async () => {
      const attrs = {
        published: '2024-11-17T08:00:00+01:00',
        updated: '2024-11-17T23:00:00+01:00',
        timeZone: 'Europe/Berlin',
      };
      at('2024-11-18T08:59:59+01:00');
      expect(timeOf(await header(attrs), 'updated')).not.to.equal(null);
      clock!.restore();
      at('2024-11-18T09:00:00+01:00');
      expect(timeOf(await header(attrs), 'updated')).to.equal(null);
    });

    it('shows an update made today on an article published today', async () => {
      const attrs = {
        published: '2024-11-17T00:30:00+01:00',
        updated: '2024-11-17T01:00:00+01:00',
        timeZone: 'Europe/Berlin',
      };
      at('2024-11-17T23:59:00+01:00'); // 23 hours later, still the same day
      expect(timeOf(await header(attrs), 'updated')).not.to.equal(null);
      clock!.restore();
      at('2024-11-18T00:01:00+01:00');
      expect(timeOf(await header(attrs), 'updated')).to.equal(null);
    });

    it('counts days in the time zone shown', async () => {
      at('2024-12-01T12:00:00Z');
      const attrs = { published: '2024-11-17T22:30:00Z', updated: '2024-11-17T23:30:00Z' };
      // 23:30 and 00:30 in Berlin: two days; 22:30 and 23:30 in London: one.
      expect(timeOf(await header({ ...attrs, timeZone: 'Europe/Berlin' }), 'updated')).not.to.equal(null);
      expect(timeOf(await header({ ...attrs, timeZone: 'Europe/London' }), 'updated')).to.equal(null);
    });

    it('ignores an update earlier than the publication, with one warning', async () => {
      const warnings = captureWarnings();
      const el = await header({ published, updated: '2024-11-16T09:00:00+01:00', timeZone: 'Europe/Berlin' });
      el.requestUpdate();
      await el.updateComplete;
      warnings.restore();
      expect(timeOf(el, 'updated')).to.equal(null);
      expect(visible(timeOf(el))).to.equal('17.11.2024, 16:03');
      expect(warnings.messages()).to.have.length(1);
      expect(warnings.messages()[0]).to.contain('earlier than published');
      await expect(el).to.be.accessible();
    });

    it('ignores an invalid update, with one warning', async () => {
      const warnings = captureWarnings();
      const el = await header({ published, updated: 'gestern', timeZone: 'Europe/Berlin' });
      warnings.restore();
      expect(timeOf(el, 'updated')).to.equal(null);
      expect(warnings.messages()).to.have.length(1);
      expect(warnings.messages()[0]).to.contain('updated="gestern"');
    });
  });

  describe('bad published dates', () => {
    for (const [label, value] of [
      ['missing', undefined],
      ['empty', ''],
      ['German', '17.11.2024 16:03'],
      ['free text', 'Sonntag'],
      ['impossible', '2024-02-31'],
      ['NaN', 'NaN'],
    ] as const) {
      it(`renders no date for a ${label} published, with one warning`, async () => {
        const warnings = captureWarnings();
        const el = await header({ section: 'Politik', published: value, updated: '2024-11-18T09:00:00Z' });
        el.requestUpdate();
        await el.updateComplete;
        warnings.restore();
        expect(el.shadowRoot!.querySelector('time')).to.equal(null);
        expect(el.shadowRoot!.textContent).not.to.match(/Invalid Date|NaN|undefined|null/);
        expect(warnings.messages()).to.have.length(1);
        expect(warnings.messages()[0]).to.contain('published');
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('hostile input', () => {
    for (const href of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      '  javascript:alert(1)',
      'java\tscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'VBScript:msgbox(1)',
      ' \n vbscript:msgbox(1)',
    ]) {
      it(`renders the section as plain text for section-href=${JSON.stringify(href)}`, async () => {
        const warnings = captureWarnings();
        const el = await header({ section: 'Politik', sectionHref: href, published });
        el.requestUpdate();
        await el.updateComplete;
        warnings.restore();
        expect(el.shadowRoot!.querySelector('a')).to.equal(null);
        expect(shadowText(el, '[part~="section"]')).to.equal('Politik');
        expect(warnings.messages()).to.have.length(1);
        expect(warnings.messages()[0]).to.contain('section-href=');
        await expect(el).to.be.accessible();
      });
    }

    it('shows markup in attributes as text, never as elements', async () => {
      const hostile = '<img src=x onerror="window.__gzHacked = true">';
      const el = await header({
        section: hostile,
        kicker: 'live',
        kickerLabel: hostile,
        published,
        updatedLabel: hostile,
      });
      // No <img> is the proof; the frame only gives a handler scheduled by one a chance to run.
      await nextFrame();
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(shadowText(el, '.section-text')).to.equal(hostile);
      expect((window as unknown as { __gzHacked?: boolean }).__gzHacked).to.equal(undefined);
    });

    it('warns once about a bad relative-hours and uses 24', async () => {
      const clock = sinon.useFakeTimers({ now: new Date('2024-11-18T14:00:00+01:00'), toFake: ['Date'] });
      const warnings = captureWarnings();
      try {
        const el = await header({ published, relative: true, relativeHours: 'bald', timeZone: 'Europe/Berlin' });
        el.requestUpdate();
        await el.updateComplete;
        expect(visible(timeOf(el))).to.equal('vor 21 Stunden');
      } finally {
        warnings.restore();
        clock.restore();
      }
      expect(warnings.messages()).to.have.length(1);
      expect(warnings.messages()[0]).to.contain('relative-hours="bald"');
    });
  });

  describe('reading time', () => {
    it('shows a <gz-reading-time> for reading-time-for', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="de">
          <gz-article-header published=${published} reading-time-for="rt-body"><h1>${headline}</h1></gz-article-header>
          <div id="rt-body"></div>
        </div>`,
      );
      wrapper.querySelector('#rt-body')!.innerHTML = bodyHtml; // test-only fixture HTML
      const el = wrapper.querySelector('gz-article-header')!;
      await el.updateComplete;
      const badge = part(el, 'reading-time') as GzReadingTime;
      expect(badge.localName).to.equal('gz-reading-time');
      expect(badge.getAttribute('for')).to.equal('rt-body');
      await frameAndUpdate(badge);
      expect(badge.target).to.equal(wrapper.querySelector('#rt-body'));
      expect(shadowText(badge)).to.equal('Lesezeit: 3 min');
      // On the dateline's part, below the date.
      expect(badge.parentElement).to.equal(part(el, 'meta'));
      await expect(el).to.be.accessible();
    });

    it('finds a <gz-article-body> on the page by its tag', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<article lang="de">
          <gz-article-header published=${published}><h1>${headline}</h1></gz-article-header>
          <gz-article-body></gz-article-body>
        </article>`,
      );
      const body = wrapper.querySelector('gz-article-body')!;
      body.innerHTML = bodyHtml; // test-only fixture HTML; the element is not defined in this branch
      const el = wrapper.querySelector('gz-article-header')!;
      el.requestUpdate();
      await el.updateComplete;
      const badge = part(el, 'reading-time') as GzReadingTime;
      expect(badge.hasAttribute('for')).to.be.false;
      await frameAndUpdate(badge);
      expect(badge.target).to.equal(body);
      expect(badge.minutes).to.equal(3);
      expect(shadowText(badge)).to.equal('Lesezeit: 3 min');
    });

    it("counts its own article's body on a page with two articles", async () => {
      // The badge sits in the header's shadow root, where closest('article') finds nothing: it
      // used to fall back to the page's first body.
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="de">
          <article>
            <gz-article-header published=${published}><h1>${headline}</h1></gz-article-header>
            <gz-article-body></gz-article-body>
          </article>
          <article>
            <gz-article-header published=${published}><h1>Zwei</h1></gz-article-header>
            <gz-article-body></gz-article-body>
          </article>
        </div>`,
      );
      const [first, second] = [...wrapper.querySelectorAll('gz-article-body')];
      first!.innerHTML = bodyHtml; // test-only fixture HTML; the element is not defined in this file
      second!.innerHTML = '<p>Nur fünf Wörter stehen hier.</p>';
      const headers = [...wrapper.querySelectorAll('gz-article-header')];
      for (const h of headers) {
        h.requestUpdate();
        await h.updateComplete;
      }
      const badge = part(headers[1]!, 'reading-time') as GzReadingTime;
      await frameAndUpdate(badge);
      expect(badge.target === second, 'the second article body').to.be.true;
      expect(badge.words).to.equal(5);
      const firstBadge = part(headers[0]!, 'reading-time') as GzReadingTime;
      await frameAndUpdate(firstBadge);
      expect(firstBadge.target === first, 'the first article body').to.be.true;
    });

    it('shows no reading time without a body, or with no-reading-time', async () => {
      const none = await header({ published });
      expect(part(none, 'reading-time')).to.equal(null);
      const optedOut = await header({ published, readingTimeFor: 'anything', noReadingTime: true });
      expect(part(optedOut, 'reading-time')).to.equal(null);
    });

    it('speaks the header’s language in the reading time', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="en">
          <gz-article-header published=${published} reading-time-for="rt-en-body"></gz-article-header>
          <div id="rt-en-body" lang="de"></div>
        </div>`,
      );
      wrapper.querySelector('#rt-en-body')!.innerHTML = bodyHtml;
      const el = wrapper.querySelector('gz-article-header')!;
      await el.updateComplete;
      const badge = part(el, 'reading-time') as GzReadingTime;
      await frameAndUpdate(badge);
      expect(shadowText(badge)).to.equal('3 min read');
    });
  });

  describe('relative time', () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => {
      clock = sinon.useFakeTimers({
        now: new Date('2024-11-17T17:03:00+01:00'),
        toFake: ['Date', 'setInterval', 'clearInterval'],
      });
    });
    afterEach(() => clock.restore());

    it('reads "vor 1 Stunde" and refreshes once a minute while visible', async () => {
      const el = await header({ published, relative: true, timeZone: 'Europe/Berlin' });
      const time = timeOf(el)!;
      expect(visible(time)).to.equal('vor 1 Stunde');
      expect(time.getAttribute('datetime')).to.equal(published);
      expect(tooltip(time)).to.equal('Sonntag, 17. November 2024 um 16:03');
      expect(spoken(time)).to.equal('Veröffentlicht: Sonntag, 17. November 2024 um 16:03');
      expect(el.matches(':state(relative)')).to.be.true;
      await expect(el).to.be.accessible();
      await frames(() => clock.countTimers() === 1);
      expect(clock.countTimers()).to.equal(1);
      clock.tick(60 * 60_000);
      await el.updateComplete;
      expect(visible(timeOf(el))).to.equal('vor 2 Stunden');
    });

    it('switches to the absolute date after 24 hours and stops its timer', async () => {
      const el = await header({ published, relative: true, timeZone: 'Europe/Berlin' });
      await frames(() => clock.countTimers() === 1);
      clock.tick(22 * 3_600_000 + 59 * 60_000); // 23:59 after publication
      await el.updateComplete;
      expect(visible(timeOf(el))).to.equal('vor 23 Stunden');
      clock.tick(60_000); // 24:00
      await el.updateComplete;
      expect(visible(timeOf(el))).to.equal('17.11.2024, 16:03');
      expect(el.matches(':state(relative)')).to.be.false;
      await el.updateComplete;
      expect(clock.countTimers()).to.equal(0);
    });

    it('takes relative-hours as the threshold', async () => {
      const el = await header({ published, relative: true, relativeHours: '2', timeZone: 'Europe/Berlin' });
      expect(visible(timeOf(el))).to.equal('vor 1 Stunde');
      await frames(() => clock.countTimers() === 1);
      clock.tick(60 * 60_000);
      await el.updateComplete;
      expect(visible(timeOf(el))).to.equal('17.11.2024, 16:03');
    });

    it('speaks English: "1 hour ago"', async () => {
      const el = await header({ lang: 'en', published, relative: true });
      expect(visible(timeOf(el))).to.equal('1 hour ago');
      expect(spoken(timeOf(el))).to.equal(`Published: ${tooltip(timeOf(el))}`);
    });

    it('shows the update relative too', async () => {
      const el = await header({ published, updated: '2024-11-17T16:58:00+01:00', relative: true });
      expect(visible(timeOf(el, 'updated'))).to.equal('Aktualisiert: vor 5 Minuten');
    });

    it('runs no timer while the header is off screen, and catches up when it comes back', async () => {
      const el = await header({ published, relative: true, timeZone: 'Europe/Berlin' });
      await frames(() => clock.countTimers() === 1);
      expect(clock.countTimers()).to.equal(1);
      el.style.cssText = 'position: fixed; inset-block-start: 300vh';
      await frames(() => clock.countTimers() === 0);
      expect(clock.countTimers()).to.equal(0);
      clock.tick(3 * 3_600_000);
      await el.updateComplete;
      expect(visible(timeOf(el))).to.equal('vor 1 Stunde'); // not refreshed while hidden
      el.style.cssText = '';
      await frames(() => clock.countTimers() === 1);
      await el.updateComplete;
      expect(visible(timeOf(el))).to.equal('vor 4 Stunden');
    });

    it('starts no timer without relative, and releases it on disconnect', async () => {
      const absolute = await header({ published, timeZone: 'Europe/Berlin' });
      // Had the header's clock observed it, its report would have come by now.
      await intersectionReported(absolute);
      expect(clock.countTimers()).to.equal(0);
      expect(visible(timeOf(absolute))).to.equal('17.11.2024, 16:03');
      const el = await header({ published, relative: true });
      await frames(() => clock.countTimers() === 1);
      expect(clock.countTimers()).to.equal(1);
      el.remove();
      expect(clock.countTimers()).to.equal(0);
    });

    it('shows the absolute date for a date-only value', async () => {
      const el = await header({ published: '2024-11-17', relative: true });
      expect(visible(timeOf(el))).to.equal('17.11.2024');
    });
  });
});
