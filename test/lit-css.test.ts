import { expect } from '@open-wc/testing';
import { unsafeCSS, type CSSResult } from 'lit';
import { minifyCss } from '../scripts/lib/minify-css.mjs';
import { contentCss } from '../src/components/article-body/content.styles.js';
import { styles as articleBody } from '../src/components/article-body/article-body.styles.js';
import { styles as articleHeader } from '../src/components/article-header/article-header.styles.js';
import { styles as authorCard } from '../src/components/author-card/author-card.styles.js';
import { styles as authorList } from '../src/components/author-list/author-list.styles.js';
import { styles as readingTime } from '../src/components/reading-time/reading-time.styles.js';
import { styles as subscribeButton } from '../src/components/subscribe-button/subscribe-button.styles.js';
import { styles as teaser } from '../src/components/teaser/teaser.styles.js';
import { styles as teaserList } from '../src/components/teaser-list/teaser-list.styles.js';
import { hostStyles } from '../src/styles/host.styles.js';

/**
 * The stylesheet as the browser parsed it: every rule serialized by the CSSOM. A value with `var()`
 * is kept as its source text until it is computed, so whitespace that CSS ignores there (inside
 * parentheses, around commas, after colons) is normalized before comparing. A space before a
 * colon is not: `a :hover` differs from `a:hover`.
 */
function parsed(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return [...sheet.cssRules].map((rule) =>
    rule.cssText
      .replace(/\s+/g, ' ')
      .replace(/\( | \)/g, (m) => m.trim())
      .replace(/ ?, ?/g, ',')
      .replace(/: /g, ':'),
  );
}

describe('minifyCss (the build minifies the CSS of css`` templates)', () => {
  const sheets: Record<string, CSSResult> = {
    contentStyles: unsafeCSS(contentCss),
    articleBody,
    articleHeader,
    authorCard,
    authorList,
    readingTime,
    subscribeButton,
    teaser,
    teaserList,
    hostStyles,
  };
  for (const [name, sheet] of Object.entries(sheets)) {
    it(`${name}: the minified sheet parses to the same rules, and is smaller`, () => {
      const minified = minifyCss(sheet.cssText);
      expect(parsed(minified)).to.deep.equal(parsed(sheet.cssText));
      expect(minified.length).to.be.below(sheet.cssText.length * 0.85);
    });
  }

  it('removes comments and the whitespace CSS does not need', () => {
    expect(
      minifyCss('\n  /* a comment */\n  .a ,\n  .b > c {\n    color : red ;\n    margin: 0 auto;\n  }\n'),
    ).to.equal('.a,.b>c{color :red;margin:0 auto}');
  });

  it('keeps the whitespace that changes the meaning', () => {
    // A descendant's :hover is not the element's own; `not (` is not the function `not(`.
    expect(minifyCss('a :hover { x: y }')).to.equal('a :hover{x:y}');
    expect(minifyCss('@supports not (display: grid) { a { b: c } }')).to.equal('@supports not (display:grid){a{b:c}}');
    expect(minifyCss('a { width: calc( 1px + 2%  -  var( --x ) ) }')).to.equal('a{width:calc(1px + 2% - var(--x))}');
    expect(minifyCss('a/**/b{}')).to.equal('a b{}');
  });

  it('copies strings and escapes as they are', () => {
    expect(minifyCss(`a::before { content: ' ; { }  /* no */ '; }`)).to.equal(`a::before{content:' ; { }  /* no */ '}`);
    expect(minifyCss('a::before { content: "\\"  x" }')).to.equal('a::before{content:"\\"  x"}');
    expect(minifyCss('.a\\ b { x: y }')).to.equal('.a\\ b{x:y}');
  });

  it('keeps one space at an interpolation, where the value is unknown', () => {
    expect(minifyCss('  a { color: ', [true, false])).to.equal('a{color: ');
    expect(minifyCss(' solid; }\n', [false, true])).to.equal(' solid}');
    expect(minifyCss('  x  ', [false, false])).to.equal(' x ');
  });
});
