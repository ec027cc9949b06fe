/** The image rule of reading time (`isContentImage`): decorative images add no time. */
import { expect, html } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { countNode, countSpacedWords, isContentImage, readingMinutes } from '../src/components/reading-time/count.js';

async function images(markup: string): Promise<HTMLImageElement[]> {
  const el = await fixture<HTMLDivElement>(html`<div>${unsafeHTML(markup)}</div>`);
  return [...el.querySelectorAll('img')];
}

describe('isContentImage', () => {
  const cases: [string, boolean][] = [
    ['<figure><img src="a.jpg"></figure>', true],
    ['<figure><picture><img src="a.jpg" alt="Foto"></picture></figure>', true],
    ['<p><img src="a.jpg" width="800" height="450"></p>', true],
    ['<p><img src="a.jpg" alt="Karte der Trassen"></p>', true],
    ['<p><img src="a.jpg"></p>', false],
    ['<figure><img src="a.jpg" alt=""></figure>', false],
    ['<figure><img src="a.jpg" role="presentation"></figure>', false],
    ['<figure><img src="a.jpg" role="none"></figure>', false],
    ['<p><img src="a.jpg" aria-hidden="true" width="800" height="450"></p>', false],
    ['<li><img src="check.svg" width="20" height="20" alt="✓">Ja</li>', false],
    ['<figure><img src="icon.svg" width="48" alt="Icon"></figure>', false],
    ['<p><img src="a.jpg" width="49" height="49"></p>', true],
  ];
  for (const [markup, expected] of cases)
    it(`${expected ? 'counts' : 'skips'} ${markup}`, async () => {
      expect(isContentImage((await images(markup))[0]!)).to.equal(expected);
    });

  it('197 check marks of 20 px add nothing to a 10-minute article', async () => {
    const words = Array.from({ length: 2380 }, () => 'word').join(' ');
    const icons = '<img src="check.svg" width="20" height="20" alt="✓">'.repeat(197);
    const el = await fixture<HTMLDivElement>(
      html`<div>${unsafeHTML(`<p>${words}</p><ul><li>${icons}</li></ul>`)}</div>`,
    );
    const count = countNode(el);
    expect(count.images).to.equal(0);
    expect(readingMinutes(count)).to.equal(10);
    // Counted as before, the same page read 21 minutes: the rule is what makes the difference.
    expect(readingMinutes({ ...count, images: 197 })).to.be.above(20);
  });
});

describe('countSpacedWords on Latin text', () => {
  // Latin text is counted with the word pattern's classes written out as ranges; a Greek word
  // outside that range sends the same text through the Unicode-property pattern, adding one word.
  it('counts every code point of the written-out range as the Unicode-property pattern does', () => {
    const ranges: [number, number][] = [[0, 0x24f], [0x2010, 0x201f], [0x2026, 0x2026], [0x20ac, 0x20ac]]; // prettier-ignore
    const differ: string[] = [];
    for (const [from, to] of ranges)
      for (let code = from; code <= to; code++) {
        const c = String.fromCharCode(code);
        for (const text of [c, `a${c}b`, `1${c}2`, `a'${c}`, `1.${c}`, `${c}a`, `${c}1`]) {
          const latin = countSpacedWords(text);
          if (latin === undefined || latin + 1 !== countSpacedWords(`${text} Ω`)) differ.push(text);
        }
      }
    expect(differ).to.deep.equal([]);
  });
});
