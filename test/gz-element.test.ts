import { expect } from '@open-wc/testing';
import { GzElement } from '../src/internal/gz-element.js';
import { adoptPageStyles } from '../src/internal/tokens.js';
import { captureWarnings } from './helpers.js';
import { until } from './harness/wait.js';

let n = 0;
const uniqueTag = () => `gz-test-define-${++n}`;

describe('GzElement', () => {
  describe('define()', () => {
    it('registers a tag', () => {
      class A extends GzElement {}
      const tag = uniqueTag();
      A.define(tag);
      expect(customElements.get(tag)).to.equal(A);
    });

    it('does nothing, silently, when the same class is defined twice', () => {
      class A extends GzElement {}
      const tag = uniqueTag();
      const warnings = captureWarnings();
      try {
        A.define(tag);
        expect(() => A.define(tag)).not.to.throw();
        expect(warnings.messages()).to.deep.equal([]);
      } finally {
        warnings.restore();
      }
    });

    it('warns, never throws, when another class holds the tag, and keeps the first', () => {
      class First extends GzElement {}
      class Second extends GzElement {}
      const tag = uniqueTag();
      const warnings = captureWarnings();
      try {
        First.define(tag);
        expect(() => Second.define(tag)).not.to.throw();
        expect(customElements.get(tag)).to.equal(First);
        expect(warnings.messages()).to.have.length(1);
        expect(warnings.messages()[0]).to.contain(`<${tag}> (held by Gazette`).and.contain('is already defined');
      } finally {
        warnings.restore();
      }
    });

    it('warns when a foreign (non-Gazette) element holds the tag', () => {
      const tag = uniqueTag();
      customElements.define(tag, class extends HTMLElement {});
      class Mine extends GzElement {}
      const warnings = captureWarnings();
      try {
        Mine.define(tag);
        expect(warnings.messages()[0]).to.contain('another script');
      } finally {
        warnings.restore();
      }
    });
  });

  describe('a property set before the tag is defined', () => {
    it('reaches the class’s own accessor once the element upgrades and connects', async () => {
      class A extends GzElement {
        stored: number | null = null;
        get value(): number | null {
          return this.stored;
        }
        set value(v: number | null) {
          this.stored = v;
        }
      }
      const tag = uniqueTag();
      const el = document.createElement(tag) as A;
      el.value = 3; // not upgraded yet: an own property of a plain HTMLElement
      A.define(tag);
      document.body.append(el);
      try {
        expect(el instanceof A).to.be.true;
        expect(Object.hasOwn(el, 'value')).to.be.false;
        expect(el.stored).to.equal(3);
        el.value = 5;
        expect(el.stored).to.equal(5);
      } finally {
        el.remove();
      }
    });
  });

  describe('design tokens', () => {
    it('adopts the global tokens into the document once', async () => {
      class A extends GzElement {}
      A.define(uniqueTag());
      class B extends GzElement {}
      B.define(uniqueTag());
      await adoptPageStyles();
      const style = getComputedStyle(document.documentElement);
      expect(style.getPropertyValue('--gz-color-text').trim()).to.equal('#1a1a1a');
      expect(style.getPropertyValue('--gz-space-m').trim()).to.equal('1rem');
      const tokenSheets = document.adoptedStyleSheets.filter((sheet) =>
        [...sheet.cssRules].some((rule) => rule.cssText.includes('--gz-color-text:')),
      );
      expect(tokenSheets).to.have.length(1);
    });

    it('lets the dark theme file and the publisher override the tokens', async () => {
      class A extends GzElement {}
      A.define(uniqueTag());
      await adoptPageStyles();
      const dark = await (await fetch(new URL('../src/styles/themes/dark.css', import.meta.url))).text();
      const themeStyle = document.createElement('style');
      themeStyle.textContent = dark;
      document.head.append(themeStyle);
      try {
        const root = () => getComputedStyle(document.documentElement).getPropertyValue('--gz-color-text').trim();
        expect(root()).to.equal('#ececea');
        const publisher = document.createElement('style');
        publisher.textContent = ':root { --gz-color-text: rebeccapurple; }';
        document.head.append(publisher);
        expect(root()).to.equal('rebeccapurple');
        publisher.remove();
      } finally {
        themeStyle.remove();
      }
    });
  });

  describe('page-wide sheets: linked by the page, or loaded before the first render', () => {
    /**
     * A fresh page (its own module graph) with `head` in its <head>: a probe element records, at its
     * first render, the token value and the document's adopted sheets.
     */
    async function probe(head: string, base: 'GzElement' | 'GzArticleBody' = 'GzElement', body = '') {
      const module = new URL(
        base === 'GzElement'
          ? '../src/internal/gz-element.ts'
          : '../src/components/article-body/article-body.component.ts',
        import.meta.url,
      ).href;
      const frame = document.createElement('iframe');
      frame.srcdoc = `<!doctype html><head>${head}</head><body>${body}<script type="module">
        import { ${base} as Base } from '${module}';
        class Probe extends Base {
          firstUpdated() {
            window.firstRender = {
              color: getComputedStyle(document.documentElement).getPropertyValue('--gz-color-text').trim(),
              typeset: getComputedStyle(document.documentElement).getPropertyValue('--gz-sheet-typesetting').trim(),
              adopted: document.adoptedStyleSheets.length,
              chunks: performance.getEntriesByType('resource').filter((e) => e.name.includes('page-styles')).length,
            };
          }
        }
        Probe.define('gz-probe');
        document.body.append(new Probe());
      </script></body>`;
      document.body.append(frame);
      const win = frame.contentWindow as Window & { firstRender?: Record<string, unknown> };
      await until(() => win.firstRender !== undefined);
      frame.remove();
      return win.firstRender!;
    }

    it('without a linked sheet: loads the tokens and the typesetting, and renders only once they apply', async () => {
      const first = await probe('');
      expect(first).to.deep.equal({ color: '#1a1a1a', typeset: '1', adopted: 2, chunks: 1 });
    });

    it('with the sheets linked (their markers set): adopts nothing and loads no chunk', async () => {
      const tokens = new URL('../src/styles/tokens.css', import.meta.url).href;
      const first = await probe(
        `<link rel="stylesheet" href="${tokens}"><style>:root { --gz-sheet-typesetting: 1 }</style>`,
      );
      expect(first).to.deep.equal({ color: '#1a1a1a', typeset: '1', adopted: 0, chunks: 0 });
    });

    it('with only the tokens linked: adopts the typesetting alone, and only an article body waits for it', async () => {
      const tokens = new URL('../src/styles/tokens.css', import.meta.url).href;
      // The typesetting is scoped to <gz-article-body>: 100 headers on a page render without it.
      const { chunks: _, ...first } = await probe(`<link rel="stylesheet" href="${tokens}">`);
      expect(first).to.deep.equal({ color: '#1a1a1a', typeset: '', adopted: 0 });
      const body = await probe(`<link rel="stylesheet" href="${tokens}">`, 'GzArticleBody');
      expect(body).to.deep.equal({ color: '#1a1a1a', typeset: '1', adopted: 1, chunks: 1 });
    });

    it('with only the tokens linked and an article body on the page: every element renders with the typesetting', async () => {
      const tokens = new URL('../src/styles/tokens.css', import.meta.url).href;
      // The body renders once its typesetting is there; the others render in the same pass.
      const first = await probe(
        `<link rel="stylesheet" href="${tokens}">`,
        'GzElement',
        '<gz-article-body></gz-article-body>',
      );
      expect(first).to.deep.equal({ color: '#1a1a1a', typeset: '1', adopted: 1, chunks: 1 });
    });
  });
});
