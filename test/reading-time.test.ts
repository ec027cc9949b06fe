import { expect, html, nextFrame } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import { ContextProvider } from '@lit/context';
import { ifDefined } from 'lit/directives/if-defined.js';
import sinon from 'sinon';
import '../src/components/reading-time/reading-time.js';
import type { GzReadingTime } from '../src/components/reading-time/reading-time.component.js';
import { countSpacedWords, countText, imageSeconds, readingMinutes } from '../src/components/reading-time/count.js';
import { articleBodyContext } from '../src/internal/contexts.js';
import { bodyHtml } from './fixtures/article-de.js';
import { captureWarnings, frameAndUpdate, shadowText } from './helpers.js';
import './harness/axe.js';

/** A text of exactly n words. */
const words = (n: number) => Array.from({ length: n }, (_, i) => `wort${i}`).join(' ');

/** Renders a target with the given HTML and a badge counting it; returns both. */
let ids = 0;
async function setup(body: string, attrs: { lang?: string; wpm?: string; minutes?: string } = {}) {
  const id = `body-${++ids}`;
  const wrapper = await fixture<HTMLDivElement>(html`
    <div lang=${attrs.lang ?? 'de'}>
      <gz-reading-time
        for=${id}
        words-per-minute=${ifDefined(attrs.wpm)}
        minutes=${ifDefined(attrs.minutes)}
      ></gz-reading-time>
      <div id=${id}></div>
    </div>
  `);
  const target = wrapper.querySelector(`#${id}`)!;
  // Test-only HTML from fixtures: the element under test never writes HTML itself.
  target.innerHTML = body;
  const el = wrapper.querySelector('gz-reading-time')!;
  await frameAndUpdate(el);
  return { el, target, wrapper };
}

const longText = (el: GzReadingTime) => shadowText(el, '.visually-hidden');

describe('<gz-reading-time>', () => {
  describe('counting', () => {
    it('labels the 766-word German reference body "Lesezeit: 3 min"', async () => {
      const { el } = await setup(bodyHtml);
      expect(el.words).to.equal(766);
      expect(el.minutes).to.equal(3);
      expect(shadowText(el)).to.equal('Lesezeit: 3 min');
      expect(longText(el)).to.equal('Lesezeit: 3 Minuten');
      expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('PT3M');
    });

    it('speaks English: "3 min read", accessible "3 minutes read"', async () => {
      const { el } = await setup(bodyHtml, { lang: 'en' });
      expect(shadowText(el)).to.equal('3 min read');
      expect(longText(el)).to.equal('3 minutes read');
    });

    it('uses the singular in the long form for one minute', async () => {
      const { el } = await setup(`<p>${words(100)}</p>`, { lang: 'en' });
      expect(longText(el)).to.equal('1 minute read');
    });

    it('reads 238 words a minute by default, rounding to the nearest minute', async () => {
      // 594 words = 2.496 min → 2; 596 words = 2.504 min → 3.
      const below = await setup(`<p>${words(594)}</p>`);
      expect(below.el.minutes).to.equal(2);
      const above = await setup(`<p>${words(596)}</p>`);
      expect(above.el.minutes).to.equal(3);
    });

    it('never shows less than one minute, even for an empty target', async () => {
      const { el } = await setup('');
      expect(el.words).to.equal(0);
      expect(el.minutes).to.equal(1);
      expect(shadowText(el)).to.equal('Lesezeit: 1 min');
    });

    it('does not count script, style, pre, code and figcaption', async () => {
      const skipped = `<script>var a = 1;</script><style>p{color:red}</style><pre>${words(50)}</pre>
        <p>eins <code>${words(50)}</code> zwei</p><figure><figcaption>${words(50)}</figcaption></figure>`;
      const { el } = await setup(`<p>${words(10)}</p>${skipped}`);
      expect(el.words).to.equal(12);
    });

    it('ends a word at block boundaries but not at inline ones', async () => {
      const { el } = await setup('<h2>Titel</h2><p>Eins</p><p>zwei<em>drei</em> vier<br>fünf</p>');
      // "zwei<em>drei</em>" is one word (the CMS lost the space); block ends split.
      expect(el.words).to.equal(5);
    });

    it('counts German figures as one word each', () => {
      expect(countText('13.000 Windräder, 1,3 Millionen und 80 Prozent', 'de').words).to.equal(7);
    });

    it('counts Japanese by character, about 500 a minute', async () => {
      const japanese = '日本語の文章は単語の間に空白を入れずに書かれます。'.repeat(40); // 24 characters (+ 。) × 40
      const { el } = await setup(`<p>${japanese}</p>`, { lang: 'ja' });
      const count = countText(japanese, 'ja');
      expect(count.characters).to.equal(24 * 40);
      expect(count.words).to.equal(0);
      expect(el.minutes).to.equal(Math.round((24 * 40) / 500));
    });

    it('adds 12 seconds for the first image, one less for each next, never below 3', () => {
      expect(imageSeconds(0)).to.equal(0);
      expect(imageSeconds(1)).to.equal(12);
      expect(imageSeconds(2)).to.equal(23);
      expect(imageSeconds(10)).to.equal(75);
      expect(imageSeconds(12)).to.equal(81);
      // 20 images = 75 + 10 × 3 = 105 s: with 400 words (1.68 min) → 3.43 → 3.
      expect(readingMinutes({ words: 400, characters: 0, images: 20 })).to.equal(3);
    });

    it('counts images in the target', async () => {
      const { el } = await setup(`<p>${words(500)}</p>${'<figure><img alt="Foto" src="data:,"></figure>'.repeat(8)}`);
      // 500 / 238 = 2.10 min + (12+11+…+5 = 68 s) = 3.23 → 3
      expect(el.minutes).to.equal(3);
    });

    it('takes words-per-minute', async () => {
      const { el } = await setup(bodyHtml, { wpm: '100' });
      expect(el.minutes).to.equal(8);
    });

    it('shows explicit minutes instead of counting', async () => {
      const { el } = await setup(bodyHtml, { minutes: '7' });
      expect(el.minutes).to.equal(7);
      expect(el.words).to.equal(766);
      expect(shadowText(el)).to.equal('Lesezeit: 7 min');
      expect(el.matches(':state(counted)')).to.be.false;
    });

    it('takes minutes as a property: el.minutes = 4 shows 4, null counts again', async () => {
      const { el } = await setup(bodyHtml);
      el.minutes = 4;
      expect(el.minutes, 'reads back at once').to.equal(4);
      expect(el.fixedMinutes).to.equal(4);
      await el.updateComplete;
      expect(shadowText(el)).to.equal('Lesezeit: 4 min');
      expect(el.matches(':state(counted)')).to.be.false;
      el.minutes = null;
      await el.updateComplete;
      expect(el.minutes).to.equal(3);
      expect(shadowText(el)).to.equal('Lesezeit: 3 min');
      expect(el.matches(':state(counted)')).to.be.true;
    });

    it('rounds explicit minutes', async () => {
      const { el } = await setup('', { minutes: '2.6' });
      expect(el.minutes).to.equal(3);
    });
  });

  describe('counting without Intl.Segmenter', () => {
    it('counts spaced text as the segmenter does', () => {
      const segmenter = new Intl.Segmenter('de', { granularity: 'word' });
      const texts = [
        bodyHtml.replace(/<[^>]+>/g, ' '),
        "don't stop: 13.000 Menschen, 1,3 Millionen; 80 Prozent, z.B. e-mail foo_bar C++ U.S.A. 3:45 a.m.",
        '„Zitat“ l’homme 1.5kg 10:30 javascript:alert(1) test\u2060test Zoë Ça va? ĳ ﬁ ½ ² 🙂 — – ...',
      ];
      for (const text of texts) {
        const expected = [...segmenter.segment(text)].filter((s) => s.isWordLike).length;
        expect(countSpacedWords(text), text.slice(0, 40)).to.equal(expected);
        expect(countText(text, 'de').words).to.equal(expected);
      }
    });

    it('leaves scripts without spaces to the segmenter', () => {
      expect(countSpacedWords('日本語のテキスト')).to.equal(undefined);
      expect(countText('日本語のテキスト', 'ja').characters).to.be.greaterThan(0);
    });
  });

  describe('targets', () => {
    it('finds a <gz-article-body> in its <article> without for', async () => {
      const article = await fixture(
        html`<article lang="de">
          <gz-reading-time></gz-reading-time>
          <gz-article-body><p>${words(700)}</p></gz-article-body>
        </article>`,
      );
      const el = article.querySelector('gz-reading-time')!;
      await el.updateComplete;
      expect(el.words).to.equal(700);
      expect(el.target).to.equal(article.querySelector('gz-article-body'));
    });

    it('takes the body from an ancestor that provides the article-body context', async () => {
      class BodyProvider extends HTMLElement {
        constructor() {
          super();
          new ContextProvider(this, { context: articleBodyContext, initialValue: this });
        }
      }
      if (!customElements.get('test-body-provider')) customElements.define('test-body-provider', BodyProvider);
      const provider = await fixture(
        html`<test-body-provider lang="en"
          ><p>${words(1000)}</p>
          <gz-reading-time></gz-reading-time
        ></test-body-provider>`,
      );
      const el = provider.querySelector('gz-reading-time')!;
      await el.updateComplete;
      expect(el.target).to.equal(provider);
      expect(el.words).to.equal(1000);
      expect(el.minutes).to.equal(4);
    });

    it('follows a change of for', async () => {
      const wrapper = await fixture(
        html`<div lang="de">
          <gz-reading-time for="a"></gz-reading-time>
          <div id="a">${words(10)}</div>
          <div id="b">${words(900)}</div>
        </div>`,
      );
      const el = wrapper.querySelector('gz-reading-time')!;
      await el.updateComplete;
      expect(el.words).to.equal(10);
      el.for = 'b';
      await el.updateComplete;
      expect(el.words).to.equal(900);
      expect(el.minutes).to.equal(4);
    });

    it('recounts when the text changes, once per frame however many changes', async () => {
      const { el, target } = await setup(`<p>${words(100)}</p>`);
      const spy = sinon.spy(el, 'requestUpdate');
      for (let i = 0; i < 50; i++) target.append(document.createTextNode(' neu'));
      target.querySelector('p')!.append(' noch mehr Wörter');
      expect(el.words).to.equal(100);
      await frameAndUpdate(el);
      expect(el.words).to.equal(153);
      expect(spy.callCount).to.equal(1);
      spy.restore();
    });

    it('releases its observer on disconnect and recounts on reconnect', async () => {
      const { el, target, wrapper } = await setup(`<p>${words(100)}</p>`);
      el.remove();
      target.append(' eins zwei drei');
      // The element recounts in the animation frame after a mutation (its MutationObserver, then
      // requestAnimationFrame): two frames cover that frame, which is the behaviour under test.
      await nextFrame();
      await nextFrame();
      expect(el.words).to.equal(100);
      wrapper.prepend(el);
      await el.updateComplete;
      expect(el.words).to.equal(103);
    });
  });

  describe('language', () => {
    it('re-renders when an ancestor switches language', async () => {
      const { el, wrapper } = await setup(bodyHtml);
      expect(shadowText(el)).to.equal('Lesezeit: 3 min');
      wrapper.setAttribute('lang', 'en-GB');
      await frameAndUpdate(el);
      expect(shadowText(el)).to.equal('3 min read');
    });

    it('speaks English throughout for a language it has no terms for, marked as such', async () => {
      const { el } = await setup(`<p>${words(800)}</p>`, { lang: 'ar-EG' });
      expect(shadowText(el)).to.equal('3 min read');
      expect(longText(el)).to.equal('3 minutes read');
      const base = el.shadowRoot!.querySelector('[part="base"]')!;
      expect(base.getAttribute('lang')).to.equal('en');
      expect(base.getAttribute('dir')).to.equal('ltr');
    });

    it('marks its text with the language it speaks', async () => {
      const { el } = await setup(bodyHtml, { lang: 'de-AT' });
      expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('de-AT');
    });
  });

  describe('label', () => {
    it('takes a label template with {minutes}', async () => {
      const { el } = await setup(bodyHtml);
      el.label = 'Lesedauer etwa {minutes} Min.';
      await el.updateComplete;
      expect(shadowText(el)).to.equal('Lesedauer etwa 3 Min.');
      expect(longText(el)).to.equal('Lesezeit: 3 Minuten');
    });

    it('lets slotted content replace the visible label, keeping the accessible long form', async () => {
      const wrapper = await fixture(
        html`<div lang="de">
          <gz-reading-time minutes="5"><b>Fünf Minuten Lektüre</b></gz-reading-time>
        </div>`,
      );
      const el = wrapper.querySelector('gz-reading-time')!;
      await el.updateComplete;
      const slot = el.shadowRoot!.querySelector('slot')!;
      expect(
        slot
          .assignedNodes({ flatten: true })
          .map((n) => n.textContent?.trim())
          .join(''),
      ).to.equal('Fünf Minuten Lektüre');
      expect(longText(el)).to.equal('Lesezeit: 5 Minuten');
    });

    it('renders a hostile label as text', async () => {
      const { el } = await setup(bodyHtml);
      const tripwire = sinon.spy();
      (window as unknown as { tripwire: () => void }).tripwire = tripwire;
      el.label = '<img src=x onerror="tripwire()"> {minutes}';
      await el.updateComplete;
      // No <img> is the proof; the frame only gives a handler scheduled by one a chance to run.
      await nextFrame();
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(shadowText(el)).to.equal('<img src=x onerror="tripwire()"> 3');
      expect(tripwire.called).to.be.false;
    });
  });

  describe('bad input', () => {
    for (const wpm of ['abc', '0', '-5', '1e309', '100000']) {
      it(`warns once for words-per-minute="${wpm}" and uses 238`, async () => {
        const warnings = captureWarnings();
        try {
          const { el } = await setup(bodyHtml, { wpm });
          el.requestUpdate();
          await el.updateComplete;
          expect(el.minutes).to.equal(3);
          expect(shadowText(el)).to.equal('Lesezeit: 3 min');
          expect(warnings.messages()).to.have.length(1);
          expect(warnings.messages()[0]).to.contain('words-per-minute');
        } finally {
          warnings.restore();
        }
      });
    }

    for (const minutes of ['abc', '0', '-1', '1e309']) {
      it(`warns once for minutes="${minutes}" and counts instead`, async () => {
        const warnings = captureWarnings();
        try {
          const { el } = await setup(bodyHtml, { minutes });
          expect(el.minutes).to.equal(3);
          expect(shadowText(el)).not.to.match(/NaN|Infinity|0 min/);
          expect(warnings.messages()).to.have.length(1);
          expect(warnings.messages()[0]).to.contain('minutes=');
        } finally {
          warnings.restore();
        }
      });
    }

    it('warns once when for names nothing, and renders nothing', async () => {
      const warnings = captureWarnings();
      try {
        const el = await fixture<GzReadingTime>(html`<gz-reading-time for="nowhere"></gz-reading-time>`);
        el.requestUpdate();
        await el.updateComplete;
        expect(el.minutes).to.equal(undefined);
        // A server-rendered shadow root keeps its <style>: no text outside it is what counts.
        const shown = [...el.shadowRoot!.childNodes].filter(
          (n) => n instanceof Text || (n instanceof Element && n.localName !== 'style'),
        );
        expect(
          shown
            .map((n) => n.textContent)
            .join('')
            .trim(),
        ).to.equal('');
        expect(el.matches(':state(empty)')).to.be.true;
        expect(warnings.messages()).to.have.length(1);
        expect(warnings.messages()[0]).to.contain('for="nowhere"');
      } finally {
        warnings.restore();
      }
    });

    it('survives a hostile lang attribute', async () => {
      const { el } = await setup(bodyHtml, { lang: '"><script>x</script>' });
      expect(shadowText(el)).to.equal('3 min read');
    });
  });

  describe('accessibility', () => {
    it('is accessible when counted (de)', async () => {
      const { wrapper } = await setup(bodyHtml);
      await expect(wrapper).to.be.accessible();
    });

    it('is accessible with explicit minutes (en)', async () => {
      const el = await fixture(html`<gz-reading-time lang="en" minutes="4"></gz-reading-time>`);
      await expect(el).to.be.accessible();
    });

    it('is accessible when empty', async () => {
      const warnings = captureWarnings();
      try {
        const el = await fixture(html`<gz-reading-time for="missing"></gz-reading-time>`);
        await expect(el).to.be.accessible();
      } finally {
        warnings.restore();
      }
    });

    it('adds no tab stop: it is text, not a control', async () => {
      const { el } = await setup(bodyHtml);
      expect(el.tabIndex).to.equal(-1);
      expect(el.shadowRoot!.querySelector('[tabindex], a, button')).to.equal(null);
    });
  });
});
