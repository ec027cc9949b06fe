import { expect, html } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { ContextEvent } from '@lit/context';
import { unsafeCSS } from 'lit';
import '../src/components/article-body/article-body.js';
import { articleBodyContext } from '../src/internal/contexts.js';
import '../src/components/reading-time/reading-time.js';
import type { GzArticleBody } from '../src/components/article-body/article-body.component.js';
import { slugify } from '../src/components/article-body/slug.js';
import { contentCss } from '../src/components/article-body/content.styles.js';
import { isDomPurifyLoaded } from '../src/components/article-body/sanitize.js';
import { bodyHtml } from './fixtures/article-de.js';
import { captureWarnings, frameAndUpdate, shadowText } from './helpers.js';
import './harness/axe.js';
import { until } from './harness/wait.js';

/** A text of exactly n words. */
const words = (n: number, stem = 'wort') => Array.from({ length: n }, (_, i) => `${stem}${i}`).join(' ');

/**
 * A body with the given CMS HTML as light DOM, as a server would render it. Test-only HTML from
 * fixtures goes in with innerHTML; the element under test never writes HTML itself.
 */
async function body(content: string, attrs = '', lang = 'de'): Promise<GzArticleBody> {
  const wrapper = await fixture<HTMLElement>(html`<article lang=${lang}></article>`);
  wrapper.innerHTML = `<gz-article-body ${attrs}>${content}</gz-article-body>`;
  const el = wrapper.querySelector('gz-article-body')!;
  await el.updateComplete;
  return el;
}

const paragraphs = (el: Element) => [...el.children].filter((c) => c.localName === 'p');

describe('<gz-article-body>', () => {
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
  });

  describe('content in light DOM', () => {
    it('keeps the CMS HTML in light DOM, queryable from the document, shown through the default slot', async () => {
      const el = await body(bodyHtml);
      expect(document.querySelectorAll('gz-article-body > p')).to.have.length(12);
      expect(document.querySelectorAll('gz-article-body > h2')).to.have.length(4);
      const slot = el.shadowRoot!.querySelector('slot')!;
      expect(slot.assignedElements()).to.have.length(16);
      expect(el.shadowRoot!.querySelector('[part="base"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('registers once and leaves the tag to the first copy', async () => {
      const { GzArticleBody } = await import('../src/components/article-body/article-body.component.js');
      expect(customElements.get('gz-article-body')).to.equal(GzArticleBody);
      GzArticleBody.define('gz-article-body'); // the same class again: nothing happens
      expect(customElements.get('gz-article-body')).to.equal(GzArticleBody);
    });
  });

  describe('reading time (context)', () => {
    it('feeds a <gz-reading-time> inside it: "Lesezeit: 3 min" for the German sample', async () => {
      const el = await body(`<gz-reading-time></gz-reading-time>${bodyHtml}`);
      const badge = el.querySelector('gz-reading-time')!;
      await frameAndUpdate(badge);
      expect(badge.target).to.equal(el);
      expect(shadowText(badge)).to.equal('Lesezeit: 3 min');
      // 766 words as the CMS delivered them, 767 once "sollen<a>Trassen</a>" has its space back.
      expect(el.words).to.equal(767);
      expect(badge.words).to.equal(767);
      await expect(el).to.be.accessible();
    });

    it('feeds a <gz-reading-time> next to it in the article, counting the 766 words as delivered', async () => {
      const article = await fixture<HTMLElement>(html`<article lang="de"></article>`);
      article.innerHTML = `<p><gz-reading-time></gz-reading-time></p><gz-article-body no-repair-spacing>${bodyHtml}</gz-article-body>`;
      const badge = article.querySelector('gz-reading-time')!;
      const el = article.querySelector('gz-article-body')!;
      await frameAndUpdate(badge);
      expect(badge.target).to.equal(el);
      expect(el.words).to.equal(766);
      expect(badge.words).to.equal(766);
      expect(shadowText(badge)).to.equal('Lesezeit: 3 min');
    });

    it('recounts when a paragraph is added, and ignores content at insertion points', async () => {
      const el = await body(`<gz-reading-time></gz-reading-time>${bodyHtml}`);
      const badge = el.querySelector('gz-reading-time')!;
      await frameAndUpdate(badge);
      const p = document.createElement('p');
      p.textContent = words(300);
      el.append(p);
      await frameAndUpdate(badge);
      expect(el.words).to.equal(1067);
      expect(badge.words).to.equal(1067);
      expect(shadowText(badge)).to.equal('Lesezeit: 4 min');

      const ad = document.createElement('aside');
      ad.setAttribute('insert-after', '2');
      ad.textContent = words(500, 'werbung');
      el.append(ad);
      await frameAndUpdate(badge);
      expect(el.words).to.equal(1067);
      expect(badge.words).to.equal(1067);
    });

    it('tells subscribed context consumers when its counts change, once per frame', async () => {
      const el = await body('<p>eins zwei drei</p>');
      const seen: number[] = [];
      const consumer = document.createElement('span');
      el.append(consumer);
      // A plain element asks as any consumer does: a context-request event that subscribes.
      consumer.dispatchEvent(
        new ContextEvent(articleBodyContext, consumer, (value) => seen.push((value as GzArticleBody).words), true),
      );
      await frameAndUpdate(el);
      expect(seen).to.deep.equal([3]);
      el.querySelector('p')!.append(' vier');
      el.querySelector('p')!.append(' fünf');
      await frameAndUpdate(el);
      expect(seen).to.deep.equal([3, 5]);
      expect(el.language).to.equal('de');
    });

    it('hands a subscriber to a nearer body that appears between them, as context providers do', async () => {
      const outer = await body('<p>eins zwei drei</p><div><span></span></div>');
      const consumer = outer.querySelector('span')!;
      const seen: Element[] = [];
      let unsubscribe: (() => void) | undefined;
      consumer.dispatchEvent(
        new ContextEvent(
          articleBodyContext,
          consumer,
          (value, dispose) => {
            // A consumer leaves its old provider when another one answers (as ContextConsumer does).
            if (unsubscribe && unsubscribe !== dispose) unsubscribe();
            unsubscribe = dispose;
            seen.push(value!);
          },
          true,
        ),
      );
      // (Identity, not deep equality: a failing deep comparison of two elements walks the whole DOM.)
      expect(seen.length === 1 && seen[0] === outer, 'the outer body answers').to.be.true;
      // A second body is put around the consumer: on connect it announces itself (context-provider).
      const inner = document.createElement('gz-article-body');
      inner.append(consumer.parentElement!);
      outer.append(inner);
      await frameAndUpdate(inner);
      expect(seen.at(-1) === inner, 'the inner body took the subscriber over').to.be.true;
      const count = seen.length;
      // The outer body no longer calls it: its text changes, the subscriber hears nothing.
      outer.querySelector('p')!.append(' noch mehr');
      await frameAndUpdate(outer);
      expect(seen.slice(count).includes(outer), 'the outer body still calls it').to.be.false;
    });

    it('counts images, and an empty body is empty', async () => {
      const images = await body(
        '<figure><img alt="Windpark" src="data:,"><figcaption>Foto: A. B.</figcaption></figure><p><img alt="Karte" src="data:,"></p>',
      );
      expect(images.words).to.equal(0);
      expect(images.images).to.equal(2);
      expect(images.matches(':state(empty)')).to.be.false;
      await expect(images).to.be.accessible();

      const empty = await body('');
      expect(empty.words).to.equal(0);
      expect(empty.matches(':state(empty)')).to.be.true;
      await expect(empty).to.be.accessible();
      empty.append(Object.assign(document.createElement('p'), { textContent: 'Jetzt mit Text.' }));
      await null;
      expect(empty.matches(':state(empty)')).to.be.false;
    });

    it('counts a 50,000-word body', async () => {
      const content = Array.from({ length: 500 }, (_, i) => `<p>${words(100, `w${i}x`)}</p>`).join('');
      const el = await body(content);
      expect(el.words).to.equal(50_000);
    });

    it('survives 300 levels of nesting and malformed HTML', async () => {
      const deep = `<p>vorher</p>${'<div>'.repeat(300)}<p>tief unten</p>${'</div>'.repeat(300)}<p>nachher <b>fett <i>kursiv</p><p>zweiter</b> Absatz`;
      const el = await body(deep);
      expect(el.textContent).to.include('tief unten');
      expect(el.textContent).to.include('zweiter');
      expect(el.words).to.equal(8);
    });
  });

  describe('run-together words', () => {
    it('puts back the space the CMS lost at an inline border, outside the link', async () => {
      const el = await body(bodyHtml);
      const link = el.querySelector('a[href="#trassen"]')!;
      expect(link.textContent).to.equal('Trassen');
      expect(link.previousSibling!.textContent).to.equal(' ');
      expect(el.textContent).to.include('sollen Trassen künftig');
      expect(el.textContent).not.to.include('sollenTrassen');
    });

    it('repairs both borders and nested inline elements, once', async () => {
      const el = await body('<p>Ein<em><b>Test</b></em>und<strong>Noch</strong>Mehr</p>');
      expect(el.querySelector('p')!.textContent).to.equal('Ein Testund Noch Mehr');
      el.querySelector('p')!.append(' Ende');
      await null;
      expect(el.querySelector('p')!.textContent).to.equal('Ein Testund Noch Mehr Ende');
    });

    it('leaves lowercase joins, code, text across blocks and line breaks alone', async () => {
      const el = await body(
        '<p>Bundes<em>tag</em></p><p>ein<code>Wert</code></p><p>ende</p><p>Anfang</p><p>zeile<br><b>Neu</b></p>',
      );
      expect(el.textContent).to.equal('BundestageinWertendeAnfangzeileNeu');
    });

    it('keeps the run-together words with no-repair-spacing', async () => {
      const el = await body(bodyHtml, 'no-repair-spacing');
      expect(el.textContent).to.include('sollenTrassen');
      el.noRepairSpacing = false;
      await el.updateComplete;
      expect(el.textContent).to.include('sollen Trassen');
    });
  });

  describe('subheading ids', () => {
    it('slugs the German subheadings with German transliteration', async () => {
      const el = await body(bodyHtml);
      expect([...el.querySelectorAll('h2')].map((h) => h.id)).to.deep.equal([
        'warum-der-norden-fuer-seinen-eigenen-strom-mehr-zahlt',
        'strom-dort-nutzen-wo-er-entsteht-ein-neuer-ansatz',
        'was-regionale-tarife-fuer-haushalte-bedeuten-koennten',
        'kritiker-warnen-vor-versprechen-ohne-deckung-fuer-verbraucher',
      ]);
      expect(document.getElementById('strom-dort-nutzen-wo-er-entsteht-ein-neuer-ansatz')!.localName).to.equal('h2');
    });

    it('transliterates by language', () => {
      expect(slugify('Grüße aus Köln: Straße „Süd“', 'de-AT')).to.equal('gruesse-aus-koeln-strasse-sued');
      expect(slugify('Grüße aus Köln: Straße „Süd“', 'en')).to.equal('grusse-aus-koln-strasse-sud');
      expect(slugify('Café Ørsted & Łódź — 1,3 Millionen', 'en')).to.equal('cafe-orsted-lodz-1-3-millionen');
      expect(slugify('Œuvre Æsir', 'fr')).to.equal('oeuvre-aesir');
      expect(slugify('„…“ – !?', 'de')).to.equal('');
      expect(slugify('سياسة الطاقة', 'ar')).to.equal('سياسة-الطاقة');
      // A letter whose compatibility form is only a space and a mark (found by the property test).
      expect(slugify('ﹲ', 'de')).to.equal('ﹲ');
      // ASCII and punctuation skip normalization: the same slugs as the full path, which a Greek
      // letter at the end forces.
      const differ: string[] = [];
      const plain = [[0, 0x7f], [0xa0, 0xa0], [0xab, 0xab], [0xad, 0xad], [0xbb, 0xbb], [0x2000, 0x206f]]; // prettier-ignore
      for (const [from, to] of plain)
        for (let code = from!; code <= to!; code++)
          for (const text of [String.fromCharCode(code), `Ab${String.fromCharCode(code)}Cd 9`]) {
            const expected = [slugify(text, 'en'), 'ω'].filter(Boolean).join('-');
            if (slugify(`${text} Ω`, 'en') !== expected) differ.push(text);
          }
      expect(differ).to.deep.equal([]);
      const long = slugify(words(40), 'en');
      expect(long.length).to.be.at.most(64);
      expect(long.endsWith('-')).to.be.false;
    });

    it('slugs English subheadings without umlaut spellings', async () => {
      const el = await body('<h2>Why the Über-grid costs more</h2><p>Text.</p>', '', 'en');
      expect(el.querySelector('h2')!.id).to.equal('why-the-uber-grid-costs-more');
    });

    it('makes ids unique on the page, keeps CMS ids, and names text without letters', async () => {
      const taken = document.createElement('div');
      taken.id = 'fazit';
      document.body.append(taken);
      try {
        const el = await body('<h2>Fazit</h2><h2>Fazit</h2><h3 id="eigene-id">Fazit</h3><h2>„…“</h2><h4>Fazit</h4>');
        expect([...el.querySelectorAll('h2, h3, h4')].map((h) => h.id)).to.deep.equal([
          'fazit-2',
          'fazit-3',
          'eigene-id',
          'abschnitt',
          'fazit-4',
        ]);
        const other = await body('<h2>Fazit</h2>');
        expect(other.querySelector('h2')!.id).to.equal('fazit-5');
      } finally {
        taken.remove();
      }
    });

    it('keeps ids stable when the content changes, and follows a heading whose text changes', async () => {
      const el = await body(bodyHtml);
      const first = el.querySelector('h2')!;
      const ids = [...el.querySelectorAll('h2')].map((h) => h.id);
      el.querySelector('p')!.before(Object.assign(document.createElement('h2'), { textContent: 'Neu oben' }));
      await null;
      expect([...el.querySelectorAll('h2')].slice(1).map((h) => h.id)).to.deep.equal(ids);
      expect(el.querySelector('h2')!.id).to.equal('neu-oben');
      first.textContent = 'Ganz anders';
      await null;
      expect(first.id).to.equal('ganz-anders');
    });
  });

  describe('anchor links', () => {
    it('adds a link after each subheading, outside its name, that says which section it points to', async () => {
      const el = await body(bodyHtml, 'anchors');
      // Nothing inside the headings: their accessible names are their text alone (issue 20, 5).
      expect(el.querySelectorAll('h2 a')).to.have.length(0);
      const headings = [...el.querySelectorAll('h2')];
      const anchors = headings.map((h) => h.nextElementSibling!);
      expect(anchors.every((a) => a.matches('a.gz-anchor'))).to.be.true;
      expect(anchors[0]!.getAttribute('href')).to.equal('#warum-der-norden-fuer-seinen-eigenen-strom-mehr-zahlt');
      const text = headings[0]!.textContent!.replace(/\s+/g, ' ').trim();
      expect(anchors[0]!.getAttribute('aria-label')).to.equal(`Link zu: ${text}`);
      // Four different names, one per section.
      expect(new Set(anchors.map((a) => a.getAttribute('aria-label'))).size).to.equal(4);
      expect(anchors[0]!.textContent).to.equal('');
      expect(el.words).to.equal(767);
      expect(paragraphs(el)).to.have.length(12);
      await expect(el).to.be.accessible();
      el.anchors = false;
      await el.updateComplete;
      expect(el.querySelectorAll('a.gz-anchor')).to.have.length(0);
      expect(headings[0]!.hasAttribute('style')).to.be.false;
    });

    it('draws the link at the end of its heading, visible on focus', async () => {
      const el = await body('<h2>Eins zwei drei</h2><p>Text.</p><h2>Vier</h2><p>Mehr.</p>', 'anchors');
      const [first, second] = [...el.querySelectorAll<HTMLElement>('a.gz-anchor')];
      first!.focus();
      const h = el.querySelector('h2')!.getBoundingClientRect();
      const a = first!.getBoundingClientRect();
      expect(a.width).to.be.greaterThan(0);
      // Inside the heading's box, on its line, at its end.
      expect(a.top).to.be.at.least(h.top - 1);
      expect(a.bottom).to.be.at.most(h.bottom + 1);
      expect(Math.abs(a.right - h.right)).to.be.below(2);
      // Next to the text, not at the far end of the measure.
      expect(h.width).to.be.below(el.getBoundingClientRect().width / 2);
      expect(second!.getBoundingClientRect().top).to.be.greaterThan(h.bottom);
      // The link is the next stop after the heading's section: focus order follows reading order.
      expect(first!.compareDocumentPosition(el.querySelector('p')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.ok;
    });

    it('moves focus to the heading when anchors are switched off under it', async () => {
      const el = await body('<h2>Eins</h2><p>Text.</p>', 'anchors');
      el.querySelector<HTMLElement>('a.gz-anchor')!.focus();
      el.anchors = false;
      await el.updateComplete;
      expect(document.activeElement === el.querySelector('h2')).to.be.true;
    });

    it('takes a link an earlier version put inside the heading out of it', async () => {
      const el = await body(
        '<h2>Eins<a class="gz-anchor" href="#eins" aria-label="x"></a></h2><p>Text.</p>',
        'anchors',
      );
      expect(el.querySelectorAll('h2 a')).to.have.length(0);
      expect(el.querySelector('h2')!.nextElementSibling!.matches('a.gz-anchor')).to.be.true;
    });

    it('shows the anchors in forced colors, where hover cues are unreliable', async () => {
      // The test runner cannot emulate forced-colors in Chromium (puppeteer): read the sheet's rule.
      const el = await body('<h2>Eins</h2><p>Text.</p>', 'anchors');
      expect(getComputedStyle(el.querySelector('a.gz-anchor')!).opacity).to.equal('0');
      const scope = [...unsafeCSS(contentCss).styleSheet!.cssRules].find(
        (r) => r instanceof CSSScopeRule,
      ) as CSSScopeRule;
      const media = [...scope.cssRules].find(
        (r) => r instanceof CSSMediaRule && r.conditionText === '(forced-colors: active)',
      );
      const rule = [...(media as CSSMediaRule).cssRules].find((r) =>
        (r as CSSStyleRule).selectorText.includes('.gz-anchor'),
      );
      expect((rule as CSSStyleRule).style.opacity).to.equal('1');
    });

    it('speaks English, and follows a language change', async () => {
      const el = await body('<h2>Energy</h2><p>Text.</p>', 'anchors', 'en');
      const anchor = el.querySelector('a.gz-anchor')!;
      expect(anchor.getAttribute('aria-label')).to.equal('Link to: Energy');
      el.closest('article')!.setAttribute('lang', 'de');
      await frameAndUpdate(el);
      await el.updateComplete;
      expect(anchor.getAttribute('aria-label')).to.equal('Link zu: Energy');
      expect(el.querySelector('h2')!.id).to.equal('energy');
    });
  });

  describe('table of contents', () => {
    const toc = (el: GzArticleBody) => el.shadowRoot!.querySelector('nav[part="toc"]');

    it('keeps focus in the list when the focused entry goes away with its heading', async () => {
      const el = await body('<h2>Eins</h2><p>a</p><h2>Zwei</h2><p>b</p><h2>Drei</h2><p>c</p>', 'toc');
      const links = () => [...toc(el)!.querySelectorAll('a')];
      links()[2]!.focus();
      el.querySelectorAll('h2')[2]!.remove();
      await frameAndUpdate(el);
      await el.updateComplete;
      expect(links()).to.have.length(2);
      expect(document.activeElement === el).to.be.true;
      expect(links().includes(el.shadowRoot!.activeElement as HTMLAnchorElement)).to.be.true;
    });

    it('lists the h2 and h3 subheadings, h3 nested, with links to their ids', async () => {
      const el = await body(
        `<h2>Eins</h2><p>a</p><h3>Eins A</h3><p>b</p><h4>Nicht gelistet</h4><h2>Zwei</h2><p>c</p>`,
        'toc',
      );
      const nav = toc(el)!;
      expect(nav.getAttribute('aria-labelledby')).to.equal('toc-title');
      expect(shadowText(el, '.toc-title')).to.equal('Inhalt');
      const top = [...nav.querySelectorAll(':scope > ol > li > a')].map((a) => a.getAttribute('href'));
      expect(top).to.deep.equal(['#eins', '#zwei']);
      const nested = [...nav.querySelectorAll(':scope > ol > li > ol > li > a')].map((a) => a.textContent);
      expect(nested).to.deep.equal(['Eins A']);
      expect(el.headings.map((h) => h.level)).to.deep.equal([2, 3, 2]);
      await expect(el).to.be.accessible();
    });

    it('is absent without toc or without subheadings, and follows added subheadings', async () => {
      const plain = await body(bodyHtml);
      expect(toc(plain)).to.be.null;
      const el = await body('<p>Nur Text.</p>', 'toc');
      expect(toc(el)).to.be.null;
      el.append(Object.assign(document.createElement('h2'), { textContent: 'Später' }));
      await frameAndUpdate(el);
      expect(toc(el)!.querySelector('a')!.getAttribute('href')).to.equal('#spaeter');
    });

    it('speaks English and takes a toc-label', async () => {
      const en = await body('<h2>One</h2>', 'toc', 'en');
      expect(shadowText(en, '.toc-title')).to.equal('Contents');
      const custom = await body('<h2>Eins</h2>', 'toc toc-label="In diesem Artikel"');
      expect(shadowText(custom, '.toc-title')).to.equal('In diesem Artikel');
    });

    it('follows the content’s direction; only the default title speaks Gazette’s language', async () => {
      const el = await body('<h2>لماذا يدفع الشمال أكثر</h2><p>نص.</p>', 'toc dir="rtl"', 'ar');
      const nav = toc(el)!;
      expect(getComputedStyle(nav).direction).to.equal('rtl');
      expect(nav.querySelector('.toc-title')!.getAttribute('lang')).to.equal('en');
      expect(getComputedStyle(nav).borderRightWidth).to.equal('3px');
      el.tocLabel = 'المحتويات';
      await el.updateComplete;
      expect(nav.querySelector('.toc-title')!.hasAttribute('lang')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('is reachable by keyboard and Enter goes to the subheading', async () => {
      const el = await body(bodyHtml, 'toc');
      const links = [...toc(el)!.querySelectorAll('a')];
      expect(links).to.have.length(4);
      links[0]!.focus();
      expect(el.shadowRoot!.activeElement).to.equal(links[0]);
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(links[1]);
      await sendKeys({ press: 'Enter' });
      await until(() => location.hash === '#strom-dort-nutzen-wo-er-entsteht-ein-neuer-ansatz', 30);
      expect(location.hash).to.equal('#strom-dort-nutzen-wo-er-entsteht-ein-neuer-ansatz');
    });

    it('inside a shadow root, scrolls to the subheading and moves focus to it', async () => {
      const host = await fixture<HTMLElement>(html`<div lang="de"></div>`);
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = `<gz-article-body toc><p>a</p><h2>Ziel</h2><p>b</p></gz-article-body>`;
      const el = root.querySelector('gz-article-body')!;
      await el.updateComplete;
      toc(el)!.querySelector('a')!.click();
      expect(root.activeElement).to.equal(root.getElementById('ziel'));
      expect(location.hash).to.equal('');
    });
  });

  describe('insertion points', () => {
    it('moves an element with insert-after="3" after the third paragraph', async () => {
      const el = await body(`<aside insert-after="3" class="ad">Anzeige</aside>${bodyHtml}`);
      const ad = el.querySelector('.ad')!;
      expect(ad.previousElementSibling).to.equal(paragraphs(el)[2]);
      expect(ad.previousElementSibling!.textContent).to.match(/^Das Prinzip klingt paradox/);
      await expect(el).to.be.accessible();
    });

    it('orders several insertions, 0 first, beyond the end last', async () => {
      const el = await body(
        `<div insert-after="2" id="b1">B1</div><div insert-after="99" id="z">Z</div><div insert-after="0" id="a">A</div><div insert-after="2" id="b2">B2</div><p>p1</p><p>p2</p><h2>h</h2><p>p3</p>`,
      );
      expect([...el.children].map((c) => c.id || c.textContent)).to.deep.equal([
        'a',
        'p1',
        'p2',
        'b1',
        'b2',
        'h',
        'p3',
        'z',
      ]);
    });

    it('places insertions added or changed later, and warns once about a bad number', async () => {
      const el = await body(bodyHtml);
      const box = document.createElement('section');
      box.setAttribute('insert-after', '1');
      box.textContent = 'Newsletter';
      el.append(box);
      await null;
      expect(box.previousElementSibling).to.equal(paragraphs(el)[0]);
      box.setAttribute('insert-after', '5');
      await null;
      expect(box.previousElementSibling).to.equal(paragraphs(el)[4]);

      const warnings = captureWarnings();
      try {
        box.setAttribute('insert-after', 'drei');
        await null;
        expect(el.lastElementChild).to.equal(box);
        expect(warnings.messages()).to.have.length(1);
        expect(warnings.messages()[0]).to.include('insert-after="drei" is not a paragraph number');
      } finally {
        warnings.restore();
      }
    });
  });

  describe('tables', () => {
    it('wraps a table in a focusable, labelled region that scrolls instead of overflowing', async () => {
      const row = Array.from({ length: 20 }, (_, i) => `<td>Spalte ${i} mit 1.300.000 Euro</td>`).join('');
      const el = await body(
        `<p>Vorher.</p><table><caption>Netzentgelte 2024</caption><tr>${row}</tr></table><table><tr><td>x</td></tr></table>`,
      );
      el.style.inlineSize = '400px';
      const regions = [...el.querySelectorAll('.gz-table-scroll')] as HTMLElement[];
      expect(regions).to.have.length(2);
      expect(regions[0]!.getAttribute('role')).to.equal('region');
      expect(regions[0]!.getAttribute('aria-label')).to.equal('Netzentgelte 2024');
      expect(regions[1]!.getAttribute('aria-label')).to.equal('Tabelle');
      expect(regions[0]!.tabIndex).to.equal(0);
      expect(regions[0]!.scrollWidth).to.be.greaterThan(regions[0]!.clientWidth);
      expect(regions[0]!.getBoundingClientRect().width).to.be.at.most(400);
      expect(el.scrollWidth).to.be.at.most(400);
      await expect(el).to.be.accessible();
    });
  });

  describe('reading progress', () => {
    afterEach(async () => {
      await emulateMedia({ reducedMotion: 'no-preference' });
      window.scrollTo(0, 0);
    });

    it('shows a bar that fills as the reader scrolls through the body', async () => {
      const el = await body(`${bodyHtml}${bodyHtml}${bodyHtml}`, 'progress');
      const bar = el.shadowRoot!.querySelector('[part="progress-bar"]') as HTMLElement;
      expect(el.shadowRoot!.querySelector('[part="progress"]')!.getAttribute('aria-hidden')).to.equal('true');
      const scale = () => new DOMMatrix(getComputedStyle(bar).transform).a;
      const top = el.getBoundingClientRect().top + window.scrollY;
      const travel = el.offsetHeight - window.innerHeight;
      // The bar follows the scroll in the frame after it: wait for it to get there (30 frames at most).
      window.scrollTo(0, top + travel / 2);
      await until(() => scale() >= 0.4 && scale() <= 0.6, 30);
      expect(scale()).to.be.within(0.4, 0.6);
      window.scrollTo(0, top + travel);
      await until(() => scale() >= 0.95 && scale() <= 1, 30);
      expect(scale()).to.be.within(0.95, 1);
      await expect(el).to.be.accessible();
    });

    it('is hidden under prefers-reduced-motion, and absent without progress', async () => {
      const el = await body(bodyHtml, 'progress');
      const track = el.shadowRoot!.querySelector('[part="progress"]')!;
      expect(getComputedStyle(track).display).to.equal('block');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(track).display).to.equal('none');
      const plain = await body(bodyHtml);
      expect(plain.shadowRoot!.querySelector('[part="progress"]')).to.be.null;
    });
  });

  describe('disconnect', () => {
    it('stops observing while disconnected and catches up on reconnect', async () => {
      const el = await body('<p>Text.</p>');
      const parent = el.parentElement!;
      el.remove();
      el.append(Object.assign(document.createElement('h2'), { textContent: 'Später' }));
      await null;
      expect(el.querySelector('h2')!.id).to.equal('');
      parent.append(el);
      await el.updateComplete;
      expect(el.querySelector('h2')!.id).to.equal('spaeter');
    });
  });

  it('never downloads DOMPurify when html is not used', async () => {
    // No test in this file sets the html property, so this holds in any order; the bodies here
    // exercise what runs without it (typesetting, ids, anchors, contents, progress, tables).
    await body(`${bodyHtml}<table><tr><td>x</td></tr></table>`, 'toc anchors progress');
    await body(bodyHtml);
    const loaded = performance.getEntriesByType('resource').filter((entry) => /dompurify|purify/i.test(entry.name));
    expect(loaded).to.deep.equal([]);
    expect(isDomPurifyLoaded()).to.be.false;
  });
});
