/**
 * The article-body corpus (`test/corpus/bodies.json`): HTML shaped after real CMS output (Word
 * paste, ruby, legacy inline elements, a theme's test post, embeds, footnotes, MathML, lazy-load
 * images, suspicious links), sanitized on both paths. Each case has the text a reader must get;
 * both paths must give exactly that text, so they give the same text.
 */
import { expect } from '@open-wc/testing';
import {
  defuseAttributes,
  forceSanitizerPath,
  sanitizeHtml,
  type SanitizerPath,
} from '../src/components/article-body/sanitize.js';
import { countNode } from '../src/components/reading-time/count.js';

interface BodyCase {
  name: string;
  shape: string;
  html: string;
  text: string;
  images?: (string | null)[];
  links?: (string | null)[];
  /** Images that add reading time (`isContentImage`). */
  contentImages?: number;
}

const corpus = (await (await fetch('/test/corpus/bodies.json')).json()) as BodyCase[];

/** Elements that separate words on screen: a space stands for their boundary. */
const BLOCKS = new Set(
  'address blockquote br caption dd details div dl dt figcaption figure h1 h2 h3 h4 h5 h6 hgroup hr li ol p section summary table td th tr ul center'.split(
    ' ',
  ),
);

/** The text a reader sees: text nodes in order, a space at block boundaries, whitespace collapsed. */
export function visibleText(root: Node): string {
  let out = '';
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) out += (child as Text).data;
      else if (child.nodeType === Node.ELEMENT_NODE) {
        const block = BLOCKS.has((child as Element).localName);
        if (block) out += ' ';
        walk(child);
        if (block) out += ' ';
      }
    }
  };
  walk(root);
  return out.replace(/\s+/gu, ' ').trim();
}

/** A fragment's serialization. */
function markup(fragment: DocumentFragment): string {
  const box = document.createElement('div');
  box.append(fragment.cloneNode(true));
  return box.innerHTML;
}

async function sanitizeOn(path: SanitizerPath, html: string): Promise<DocumentFragment> {
  forceSanitizerPath(path);
  try {
    return await sanitizeHtml(html);
  } finally {
    forceSanitizerPath(undefined);
  }
}

describe('article-body corpus: real CMS shapes', () => {
  for (const path of ['native', 'dompurify'] as const) {
    describe(`${path} path`, () => {
      for (const c of corpus) {
        it(`${c.name}: keeps the text`, async () => {
          expect(visibleText(await sanitizeOn(path, c.html))).to.equal(c.text);
        });
        if (c.images)
          it(`${c.name}: image sources`, async () => {
            const fragment = await sanitizeOn(path, c.html);
            expect([...fragment.querySelectorAll('img')].map((img) => img.getAttribute('src'))).to.deep.equal(c.images);
          });
        if (c.contentImages !== undefined)
          it(`${c.name}: content images for reading time`, async () => {
            expect(countNode(await sanitizeOn(path, c.html)).images).to.equal(c.contentImages);
          });
        if (c.links)
          it(`${c.name}: link targets`, async () => {
            const fragment = await sanitizeOn(path, c.html);
            expect([...fragment.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(c.links);
          });
      }
    });
  }

  describe('both paths', () => {
    for (const c of corpus)
      it(`${c.name}: the same text and markup`, async () => {
        const native = await sanitizeOn('native', c.html);
        const purified = await sanitizeOn('dompurify', c.html);
        expect(visibleText(native)).to.equal(visibleText(purified));
        expect(markup(native)).to.equal(markup(purified));
      });
  });
});

describe('the pass before parsing (defuseAttributes with unwrapUnknown)', () => {
  const prepare = (html: string) => defuseAttributes(html, { unwrapUnknown: true });
  it('renames what is neither kept nor dropped, start and end tags alike', () => {
    expect(
      prepare('<p>Meet in <st1:place w:st="on">Seattle</st1:place><x-ad>Ad</x-ad><Address>A</Address></p>'),
    ).to.equal('<p>Meet in <gz-unwrap w:st="on">Seattle</gz-unwrap><gz-unwrap>Ad</gz-unwrap><Address>A</Address></p>');
  });
  it('removes <style> elements (their parsing is a style-src-elem report), keeps comments and raw text as they are', () => {
    expect(prepare('<p>a</p><STYLE media="x">p { color: red } <b>b</b></style><p>c</p>')).to.equal(
      '<p>a</p></style><p>c</p>',
    );
    expect(prepare('<!-- <style> --><p>kept</p><!-- </style> -->')).to.equal(
      '<!-- <style> --><p>kept</p><!-- </style> -->',
    );
    expect(prepare('<textarea><style><x-y onclick=1></textarea><p>after</p>')).to.equal(
      '<textarea><style><x-y onclick=1></textarea><p>after</p>',
    );
  });
});
