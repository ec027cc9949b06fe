import { expect } from '@open-wc/testing';
import { GzElement } from '../src/internal/gz-element.js';
import { captureWarnings } from './helpers.js';

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
        expect(warnings.messages()[0]).to.contain(`<${tag}> is already defined`);
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

  describe('design tokens', () => {
    it('adopts the global tokens into the document once', () => {
      class A extends GzElement {}
      A.define(uniqueTag());
      class B extends GzElement {}
      B.define(uniqueTag());
      const style = getComputedStyle(document.documentElement);
      expect(style.getPropertyValue('--gz-color-text').trim()).to.equal('#1a1a1a');
      expect(style.getPropertyValue('--gz-space-m').trim()).to.equal('1rem');
      const tokenSheets = document.adoptedStyleSheets.filter((sheet) =>
        [...sheet.cssRules].some((rule) => rule.cssText.includes('--gz-color-text')),
      );
      expect(tokenSheets).to.have.length(1);
    });

    it('lets the dark theme file and the publisher override the tokens', async () => {
      class A extends GzElement {}
      A.define(uniqueTag());
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
});
