import { expect, html } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import '../src/components/article-body/article-body.js';
import type { GzArticleBody } from '../src/components/article-body/article-body.component.js';
import { bodyHtml } from './fixtures/article-de.js';
import './harness/axe.js';

/** A page region with the article body, a paragraph before and after it, and an insertion point. */
async function page(): Promise<{
  el: GzArticleBody;
  outside: HTMLElement;
  inserted: HTMLElement;
  wrapper: HTMLElement;
}> {
  const wrapper = await fixture<HTMLElement>(html`<main lang="de" class="content"></main>`);
  wrapper.innerHTML = `<p id="outside">Außerhalb des Artikels.</p>
    <gz-article-body><aside insert-after="1"><p id="inserted">Newsletter-Kasten</p></aside>${bodyHtml}
      <blockquote><p>Zitat</p></blockquote><figure><img alt="" src="data:,"><figcaption>Bild <small class="credit">Foto</small></figcaption></figure>
    </gz-article-body>`;
  const el = wrapper.querySelector('gz-article-body')!;
  await el.updateComplete;
  return {
    el,
    wrapper,
    outside: wrapper.querySelector<HTMLElement>('#outside')!,
    inserted: wrapper.querySelector<HTMLElement>('#inserted')!,
  };
}

const TYPESET = [
  'color',
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'margin-top',
  'margin-bottom',
  'margin-left',
  'max-width',
  'hyphens',
  'text-align',
  'text-indent',
  'letter-spacing',
  'text-transform',
] as const;

function snapshot(el: Element): Record<string, string> {
  const style = getComputedStyle(el);
  return Object.fromEntries(TYPESET.map((prop) => [prop, style.getPropertyValue(prop)]));
}

/** A stylesheet in the document for the duration of a test. */
function pageCss(text: string): () => void {
  const style = document.createElement('style');
  style.textContent = text;
  document.head.append(style);
  return () => style.remove();
}

const HOSTILE = `
  p { color: red; font-size: 40px; line-height: 1; text-align: justify; text-indent: 3em; letter-spacing: 3px; }
  * { margin: 0; max-width: none; letter-spacing: 1px; text-transform: lowercase; }
  body, main, span, a { font-family: monospace; font-size: 13px; }
  article p, main p { text-transform: uppercase; }
  .content p, .content h2 { font-weight: 900; margin-bottom: 99px; }
  h2 { font-size: 60px; color: lime; }
  a { color: orange; text-decoration: none; }
`;

describe('<gz-article-body> styles', () => {
  it('typesets the light-DOM text: measure, size, leading, spacing, hyphenation, quotes, captions', async () => {
    const { el } = await page();
    const p = el.querySelector('p')!;
    const style = getComputedStyle(p);
    expect(style.fontSize).to.equal('18px');
    expect(parseFloat(style.lineHeight)).to.be.closeTo(29.7, 0.1);
    expect(style.marginBottom).to.equal('18px');
    expect(style.hyphens).to.equal('auto');
    expect(p.closest('[lang]')!.getAttribute('lang')).to.equal('de');
    // 65ch of the paragraph's font: between 45 and 85 of its em.
    const measure = parseFloat(style.maxWidth) / parseFloat(style.fontSize);
    expect(measure).to.be.within(25, 45);
    const h2 = getComputedStyle(el.querySelector('h2')!);
    // One measure for the whole text: subheadings and captions keep the paragraphs' line length.
    expect(h2.maxWidth).to.equal(style.maxWidth);
    expect(getComputedStyle(el.querySelector('figcaption')!).maxWidth).to.equal(style.maxWidth);
    expect(parseFloat(h2.fontSize)).to.be.greaterThan(18);
    expect(parseFloat(h2.marginTop)).to.be.greaterThan(parseFloat(h2.marginBottom));
    expect(getComputedStyle(el.querySelector('blockquote')!).borderInlineStartWidth).to.equal('3px');
    expect(getComputedStyle(el.querySelector('figcaption')!).fontSize).to.equal('14px');
    // Capitals from small caps, not text-transform (which reaches the accessibility tree).
    expect(getComputedStyle(el.querySelector('.credit')!).fontVariantCaps).to.equal('all-small-caps');
    expect(getComputedStyle(el.querySelector('a')!).textDecorationLine).to.equal('underline');
  });

  it('is not broken by the host page’s global CSS', async () => {
    const { el, outside } = await page();
    const targets = [
      el.querySelector('p')!,
      el.querySelector('h2')!,
      el.querySelector('blockquote p')!,
      el.querySelector('a')!,
      el.querySelector('figcaption')!,
    ];
    const before = targets.map(snapshot);
    const outsideBefore = snapshot(outside);
    const remove = pageCss(HOSTILE);
    try {
      // The hostile sheet is live: it changes the paragraph outside the body...
      expect(getComputedStyle(outside).color).to.equal('rgb(255, 0, 0)');
      expect(snapshot(outside)).not.to.deep.equal(outsideBefore);
      // ...and nothing that typesets the body.
      expect(targets.map(snapshot)).to.deep.equal(before);
    } finally {
      remove();
    }
  });

  it('sizes in rem, so a page that changes the root size scales the body with every Gazette element', async () => {
    const { el } = await page();
    const remove = pageCss('html { font-size: 20px }');
    try {
      expect(getComputedStyle(el.querySelector('p')!).fontSize).to.equal('22.5px');
    } finally {
      remove();
    }
  });

  it('yields to a deliberate override: an id selector, !important or the custom properties', async () => {
    const { el } = await page();
    el.id = 'artikel';
    el.style.setProperty('--gz-article-body-font-size', '20px');
    const p = el.querySelector('p')!;
    expect(getComputedStyle(p).fontSize).to.equal('20px');
    const remove = pageCss('#artikel p { color: rgb(1, 2, 3); } p { line-height: 2 !important; }');
    try {
      expect(getComputedStyle(p).color).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(p).lineHeight).to.equal('40px');
    } finally {
      remove();
    }
  });

  it('does not leak to the rest of the page nor into insertion points', async () => {
    const { outside, inserted } = await page();
    for (const p of [outside, inserted]) {
      const style = getComputedStyle(p);
      expect(style.maxWidth).to.equal('none');
      expect(style.fontSize).to.equal('16px');
      expect(style.marginTop).to.equal('16px');
      expect(style.hyphens).to.equal('manual');
    }
    const aside = getComputedStyle(inserted.parentElement!);
    expect(aside.display).to.equal('block');
    expect(aside.marginTop).to.equal('32px');
  });

  it('adopts its sheet once per root: the document, and a shadow root it sits in', async () => {
    await page();
    await page();
    const sheets = document.adoptedStyleSheets.filter((s) =>
      [...s.cssRules].some((r) => r.cssText.startsWith('@scope (gz-article-body)')),
    );
    expect(sheets).to.have.length(1);

    const host = await fixture<HTMLElement>(html`<div lang="de"></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<gz-article-body><p>Im Schatten.</p></gz-article-body><p>Daneben.</p>';
    const el = root.querySelector('gz-article-body')!;
    await el.updateComplete;
    expect(root.adoptedStyleSheets).to.include(sheets[0]);
    expect(getComputedStyle(el.querySelector('p')!).fontSize).to.equal('18px');
    expect(getComputedStyle(root.querySelector(':host > p, gz-article-body + p')!).fontSize).to.equal('16px');
  });

  it('follows the dark theme tokens and writes right to left with logical properties', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div class="gz-theme-dark" style="--gz-color-text: rgb(236, 236, 234)" lang="ar" dir="rtl"></div>`,
    );
    wrapper.innerHTML =
      '<gz-article-body><blockquote><p>اقتباس</p></blockquote><ul><li>بند</li></ul></gz-article-body>';
    const el = wrapper.querySelector('gz-article-body')!;
    await el.updateComplete;
    const quote = getComputedStyle(el.querySelector('blockquote')!);
    expect(quote.borderRightWidth).to.equal('3px');
    expect(quote.borderLeftWidth).to.equal('0px');
    expect(parseFloat(getComputedStyle(el.querySelector('ul')!).paddingRight)).to.be.greaterThan(0);
    expect(getComputedStyle(el.querySelector('p')!).color).to.equal('rgb(236, 236, 234)');
    await expect(el).to.be.accessible();
  });
});

describe('<gz-article-body> credits in capitals (issue 20)', () => {
  it('sets a figure credit in capitals without text-transform, the same size as before', async () => {
    const wrapper = await fixture(html`<article lang="de"></article>`);
    wrapper.innerHTML = `<gz-article-body><figure><img alt="" width="10" height="10">
      <figcaption>Windräder vor Husum. <small>Foto: dpa</small></figcaption></figure></gz-article-body>`;
    const el = wrapper.querySelector('gz-article-body') as GzArticleBody;
    await el.updateComplete;
    const credit = el.querySelector('small')!;
    const style = getComputedStyle(credit);
    // text-transform would put "FOTO: DPA" into the accessibility tree.
    expect(style.textTransform).to.equal('none');
    expect(style.fontVariantCaps).to.equal('all-small-caps');
    // The capitals are as wide as the uppercase text they replace, and the line is no taller.
    const reference = document.createElement('span');
    reference.textContent = 'Foto: dpa';
    reference.style.cssText = `font: ${style.fontStyle} ${style.fontWeight} var(--gz-font-size-xs) ${style.fontFamily};
      text-transform: uppercase; letter-spacing: 0.04em`;
    credit.parentElement!.append(reference);
    const a = credit.getBoundingClientRect();
    const b = reference.getBoundingClientRect();
    expect(Math.abs(a.width - b.width)).to.be.below(1.5);
    const line = parseFloat(getComputedStyle(credit.parentElement!).lineHeight);
    expect(parseFloat(style.lineHeight)).to.be.at.most(line);
  });
});
