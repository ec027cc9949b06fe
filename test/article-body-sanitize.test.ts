import { expect, html, nextFrame } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import '../src/components/article-body/article-body.js';
import type { GzArticleBody } from '../src/components/article-body/article-body.component.js';
import {
  forceSanitizerPath,
  NATIVE_CONFIG,
  sanitizerPath,
  type SanitizerPath,
} from '../src/components/article-body/sanitize.js';
import type * as SanitizeModule from '../src/components/article-body/sanitize.js';
import { safeUrl } from '../src/internal/url.js';
import { bodyHtml } from './fixtures/article-de.js';
import { captureWarnings } from './helpers.js';
import './harness/axe.js';

declare global {
  interface Window {
    __gzXss?: number;
  }
}

const SAFE = '<p>Sicherer Text bleibt.</p>';

/** Hostile HTML strings; each carries SAFE text that must survive. */
const CORPUS: Record<string, string> = {
  script: `<script>window.__gzXss = 1</script>${SAFE}`,
  'img onerror': `<p>Bild <img src="/test/fixtures/article-body/pixel.png" onerror="window.__gzXss = 2" alt="Bild"></p>${SAFE}`,
  'onerror in text': `<p>&lt;img src=x onerror=alert(1)&gt; ist nur Text</p>${SAFE}`,
  'javascript links':
    [
      'javascript:window.__gzXss=3',
      'JaVaScRiPt:window.__gzXss=3',
      '  javascript:window.__gzXss=3',
      'java\tscript:window.__gzXss=3',
      'java&#x0A;script:window.__gzXss=3',
      '&#106;avascript:window.__gzXss=3',
      '\u0001javascript:window.__gzXss=3',
      'vbscript:msgbox(1)',
      'data:text/html,<script>window.__gzXss=3</script>',
    ]
      .map((href, i) => `<p><a href="${href}">Link ${i}</a></p>`)
      .join('') + SAFE,
  form: `<form action="https://evil.example/"><label>Passwort <input type="password" name="pw"></label><button>Senden</button><select><option>a</option></select><textarea>t</textarea></form>${SAFE}`,
  'iframe srcdoc': `<iframe srcdoc="<script>parent.__gzXss=4</script>"></iframe>${SAFE}`,
  base: `<base href="https://evil.example/">${SAFE}<p><a href="/politik">Politik</a></p>`,
  meta: `<meta http-equiv="refresh" content="0;url=https://evil.example/">${SAFE}`,
  svg: `<svg><script>window.__gzXss=5</script><a href="javascript:window.__gzXss=5"><text>svg</text></a></svg>${SAFE}`,
  math: `<math><mi xlink:href="javascript:window.__gzXss=6">m</mi></math>${SAFE}`,
  style: `<style>body { display: none }</style><p style="position:fixed;inset:0" onclick="window.__gzXss=7">Gestylt</p>${SAFE}`,
  'object/embed': `<object data="javascript:window.__gzXss=8"></object><embed src="javascript:window.__gzXss=8">${SAFE}`,
  // The parser nests what follows an unclosed <noscript> inside it, so the safe text comes first.
  mXSS: `${SAFE}<noscript><p title="</noscript><img src=x onerror=window.__gzXss=9>"></noscript>`,
  'template/slot': `<template><script>window.__gzXss=10</script></template><p slot="x" insert-after="1" id="location">Absatz</p>${SAFE}`,
  'link/import': `<link rel="stylesheet" href="https://evil.example/x.css"><a href="https://example.com/" target="_blank" rel="opener">Extern</a>${SAFE}`,
};

const FORBIDDEN =
  'script, style, form, input, button, select, textarea, label, iframe, base, meta, svg, object, embed, link, template, noscript, gz-unwrap';

/** The sanitize module as a new instance (a module URL of its own), with its own state. */
let instances = 0;
async function freshSanitizer(): Promise<typeof SanitizeModule> {
  return import(`../src/components/article-body/sanitize.ts?instance=${++instances}`);
}

let ids = 0;
async function body(): Promise<GzArticleBody> {
  const wrapper = await fixture<HTMLElement>(
    html`<article lang="de"><gz-article-body id=${`b${++ids}`}></gz-article-body></article>`,
  );
  return wrapper.querySelector('gz-article-body')!;
}

async function render(value: unknown): Promise<GzArticleBody> {
  const el = await body();
  (el as { html: unknown }).html = value;
  await el.updateComplete;
  return el;
}

/** What no sanitized body may contain, whichever path produced it. */
function expectSafe(el: GzArticleBody): void {
  expect(el.querySelectorAll(FORBIDDEN), 'forbidden elements').to.have.length(0);
  for (const node of el.querySelectorAll('*')) {
    for (const attr of node.attributes) {
      expect(attr.name, `<${node.localName} ${attr.name}>`).not.to.match(
        /^on|^style$|^srcdoc$|^slot$|^insert-after$|^id$|^xlink/,
      );
    }
  }
  for (const a of el.querySelectorAll('[href]')) {
    expect(safeUrl(a.getAttribute('href'), { schemes: ['http:', 'https:', 'mailto:'] }), a.getAttribute('href')!).to
      .exist;
  }
  for (const img of el.querySelectorAll('[src]')) {
    expect(safeUrl(img.getAttribute('src')), img.getAttribute('src')!).to.exist;
  }
  for (const a of el.querySelectorAll('a[target]')) {
    expect(a.getAttribute('target')).to.equal('_blank');
    expect(a.getAttribute('rel')).to.include('noopener').and.to.include('noreferrer');
    expect(a.getAttribute('rel')).not.to.match(/(^|\s)opener/);
  }
  expect(el.textContent).to.include('Sicherer Text bleibt.');
}

function sanitizerSuite(path: SanitizerPath) {
  describe(`${path} path`, () => {
    before(() => forceSanitizerPath(path));
    after(() => forceSanitizerPath(undefined));
    afterEach(() => {
      delete window.__gzXss;
    });

    it(`uses the ${path} sanitizer`, () => {
      expect(sanitizerPath()).to.equal(path);
    });

    for (const [name, payload] of Object.entries(CORPUS)) {
      it(`renders "${name}" safely and keeps the rest`, async () => {
        const el = await render(payload);
        expectSafe(el);
        // expectSafe is the proof; two frames only give a handler or a script scheduled by a
        // payload (an image's onerror, a focus) a chance to run and set the flag.
        await nextFrame();
        await nextFrame();
        expect(window.__gzXss).to.be.undefined;
        expect(document.baseURI).to.equal(location.href);
      });
    }

    it('keeps the article: paragraphs, headings, the link, 767 words, typeset ids', async () => {
      const el = await render(bodyHtml);
      expect(el.querySelectorAll(':scope > p')).to.have.length(12);
      expect(el.querySelector('h2')!.id).to.equal('warum-der-norden-fuer-seinen-eigenen-strom-mehr-zahlt');
      expect(el.querySelector('a')!.getAttribute('href')).to.equal('#trassen');
      expect(el.words).to.equal(767);
      await expect(el).to.be.accessible();
    });

    it('keeps rich content: figures, credits, quotes, lists, tables, safe links and images', async () => {
      const el = await render(`
        <figure><img src="/test/fixtures/article-body/pixel.png" srcset="/test/fixtures/article-body/pixel.png?1x 1x, https://cdn.example/b.jpg 2x" alt="Windpark" width="800" height="450" onload="x()">
          <figcaption>Windpark bei Husum. <small class="credit">Foto: Gazette</small></figcaption></figure>
        <blockquote cite="https://example.com/q"><p>Zitat</p></blockquote>
        <aside class="pullquote"><p>„Jede Kilowattstunde zählt.“</p></aside>
        <ol start="3"><li>drei</li></ol><ul><li><a href="mailto:redaktion@example.com">Mail</a></li></ul>
        <table><caption>Preise</caption><tr><th scope="col" onclick="x()">Jahr</th></tr><tr><td colspan="2">2024</td></tr></table>
        <p><a href="https://example.com/a" target="_BLANK " rel="NoFollow opener sponsored">extern</a> <a href="/b" target="_top" rel="opener">intern</a> <img src="data:image/png;base64,AAAA" alt="d"> <img src="/test/fixtures/article-body/pixel.png" srcset="javascript:alert(1) 1x" alt="s"></p>
        ${SAFE}`);
      expectSafe(el);
      const img = el.querySelector('figure img')!;
      expect(img.getAttribute('src')).to.equal('/test/fixtures/article-body/pixel.png');
      expect(img.getAttribute('srcset')).to.equal(
        '/test/fixtures/article-body/pixel.png?1x 1x, https://cdn.example/b.jpg 2x',
      );
      expect(img.getAttribute('width')).to.equal('800');
      expect(el.querySelector('small.credit')!.textContent).to.equal('Foto: Gazette');
      expect(el.querySelector('blockquote')!.getAttribute('cite')).to.equal('https://example.com/q');
      expect(el.querySelector('aside.pullquote')).to.exist;
      expect(el.querySelector('ol')!.getAttribute('start')).to.equal('3');
      expect(el.querySelector('th')!.getAttribute('scope')).to.equal('col');
      expect(el.querySelector('td')!.getAttribute('colspan')).to.equal('2');
      expect(el.querySelector('.gz-table-scroll table')).to.exist;
      expect(el.querySelector('a[href^="mailto:"]')).to.exist;
      const [external, internal] = [...el.querySelectorAll('p a')];
      expect(external!.getAttribute('target')).to.equal('_blank');
      expect(external!.getAttribute('rel')).to.equal('nofollow sponsored noopener noreferrer');
      expect(internal!.hasAttribute('target')).to.be.false;
      expect(internal!.hasAttribute('rel')).to.be.false;
      const [dataImage, badSrcset] = [...el.querySelectorAll('p img')];
      expect(dataImage!.hasAttribute('src')).to.be.false;
      expect(badSrcset!.hasAttribute('srcset')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('counts only the text that survives', async () => {
      const el = await render(
        `<p>eins zwei drei</p><script>vier fünf</script><style>sechs sieben</style><svg><text>acht neun</text></svg><iframe srcdoc="zehn elf"></iframe><template>zwölf</template>`,
      );
      expect(el.words).to.equal(3);
    });

    it('renders 300 levels of nesting and malformed HTML without throwing', async () => {
      const el = await render(
        `<p>vorher</p>${'<div>'.repeat(300)}<p>tief</p>${'</div>'.repeat(300)}<p>nachher <b>fett <i>kursiv</p><p>zweiter</b>`,
      );
      expect(el.textContent).to.include('vorher');
      expect(el.textContent).to.include('tief');
      expect(el.textContent).to.include('nachher fett kursiv');
      expect(el.textContent).to.include('zweiter');
    });

    it('sanitizes a 50,000-word string and counts it', async () => {
      const text = Array.from(
        { length: 500 },
        (_, p) => `<p>${Array.from({ length: 100 }, (_, w) => `w${p}x${w}`).join(' ')}</p>`,
      );
      const el = await render(text.join(''));
      expect(el.words).to.equal(50_000);
    });

    it('replaces content, keeps insertions, and clears on null and undefined', async () => {
      const el = await body();
      el.innerHTML = '<p>vom Server</p><aside insert-after="1">Anzeige</aside>';
      await null;
      el.html = '<p>eins</p><p>zwei</p>';
      await el.updateComplete;
      expect([...el.children].map((c) => c.textContent)).to.deep.equal(['eins', 'Anzeige', 'zwei']);
      el.html = null;
      await el.updateComplete;
      expect([...el.children].map((c) => c.textContent)).to.deep.equal(['Anzeige']);
      expect(el.words).to.equal(0);
      el.html = '<p>wieder da</p>';
      await el.updateComplete;
      expect(el.words).to.equal(2);
      el.html = undefined;
      await el.updateComplete;
      expect(el.words).to.equal(0);
      expect(el.matches(':state(empty)')).to.be.true;
    });

    it('is in the sanitizing state until the string is in', async () => {
      const el = await body();
      el.html = '<p>gleich da</p>';
      // Run the pending update now: the sanitizer has started and not finished (it is async).
      (el as unknown as { performUpdate(): void }).performUpdate();
      expect(el.matches(':state(sanitizing)')).to.be.true;
      expect(el.textContent).to.equal('');
      await el.updateComplete;
      expect(el.matches(':state(sanitizing)')).to.be.false;
      expect(el.textContent).to.equal('gleich da');
    });

    it('keeps only the last of quickly replaced strings', async () => {
      const el = await body();
      el.html = '<p>erster</p>';
      el.html = '<p>zweiter</p>';
      await el.updateComplete;
      el.html = '<p>dritter</p>';
      await el.updateComplete;
      expect(el.textContent).to.equal('dritter');
    });

    it('warns once and clears for a value that is not a string', async () => {
      const warnings = captureWarnings();
      try {
        const el = await render(42);
        expect(el.childElementCount).to.equal(0);
        expect(warnings.messages()).to.have.length(1);
        expect(warnings.messages()[0]).to.include('html must be a string');
      } finally {
        warnings.restore();
      }
    });
  });
}

describe('<gz-article-body> html sanitizing', () => {
  it('leaves server-rendered content alone when html is never set', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="de"></div>`);
    wrapper.innerHTML = `<gz-article-body><p>Vom Server</p></gz-article-body>`;
    const el = wrapper.querySelector('gz-article-body')!;
    await el.updateComplete;
    expect(el.textContent).to.equal('Vom Server');
  });

  describe('the platform Sanitizer API in this Chromium', () => {
    it('exists: setHTML, Sanitizer and the elements/attributes config shape', () => {
      expect(Element.prototype).to.have.property('setHTML').that.is.a('function');
      const Sanitizer = (
        globalThis as unknown as { Sanitizer: new (config: unknown) => { get(): Record<string, unknown> } }
      ).Sanitizer;
      const config = new Sanitizer(NATIVE_CONFIG).get() as {
        elements: { name: string; attributes: { name: string }[] }[];
      };
      const a = config.elements.find((e) => e.name === 'a')!;
      expect(a.attributes.map((attr) => attr.name)).to.include.members(['href', 'target', 'rel']);
      expect(config).to.have.property('replaceWithChildrenElements');
      expect(sanitizerPath()).to.equal('native');
    });

    it('takes the DOMPurify path when setHTML is missing', () => {
      const proto = Element.prototype as { setHTML?: unknown };
      const original = Object.getOwnPropertyDescriptor(Element.prototype, 'setHTML')!;
      delete proto.setHTML;
      try {
        expect(sanitizerPath()).to.equal('dompurify');
      } finally {
        Object.defineProperty(Element.prototype, 'setHTML', original);
      }
      expect(sanitizerPath()).to.equal('native');
    });
  });

  describe('both paths', () => {
    sanitizerSuite('native');
    sanitizerSuite('dompurify');

    // The download checks each use a module instance of their own (its own "DOMPurify loaded"
    // flag), so they hold whichever tests ran before them in this page, in any order.
    it('has not downloaded DOMPurify while the native path served every string', async () => {
      const sanitizer = await freshSanitizer();
      expect(sanitizer.sanitizerPath()).to.equal('native');
      for (const payload of [...Object.values(CORPUS), bodyHtml]) {
        expect((await sanitizer.sanitizeHtml(payload)).textContent).to.include(
          payload === bodyHtml ? 'Norden' : 'Sicherer Text bleibt.',
        );
      }
      expect(sanitizer.isDomPurifyLoaded()).to.be.false;
    });

    it('downloads DOMPurify once the fallback runs (so the check above can fail)', async () => {
      const sanitizer = await freshSanitizer();
      expect(sanitizer.isDomPurifyLoaded()).to.be.false;
      sanitizer.forceSanitizerPath('dompurify');
      expect((await sanitizer.sanitizeHtml(SAFE)).textContent).to.equal('Sicherer Text bleibt.');
      expect(sanitizer.isDomPurifyLoaded()).to.be.true;
      expect(performance.getEntriesByType('resource').filter((e) => /purify/i.test(e.name))).to.have.length.greaterThan(
        0,
      );
    });

    it('renders the same text on both paths for the whole corpus', async () => {
      for (const payload of [...Object.values(CORPUS), bodyHtml]) {
        const texts: string[] = [];
        for (const path of ['native', 'dompurify'] as const) {
          forceSanitizerPath(path);
          const el = await render(payload);
          texts.push(el.textContent!.replace(/\s+/g, ' ').trim());
        }
        forceSanitizerPath(undefined);
        expect(texts[0], payload).to.equal(texts[1]);
      }
    });
  });
});
