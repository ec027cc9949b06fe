/**
 * Counting what a reader reads: words with `Intl.Segmenter`, characters for scripts written
 * without spaces, and images. Pure functions of a DOM subtree, shared by `<gz-reading-time>` and
 * the benchmarks.
 */

import { intl } from '../../internal/intl.js';

/** Elements whose text is not read as running text. */
const SKIPPED = new Set('SCRIPT STYLE PRE CODE FIGCAPTION TEMPLATE NOSCRIPT TEXTAREA SVG MATH'.split(' '));

/** Elements that end a word even when the CMS put no space around them. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P',
  'SECTION', 'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]); // prettier-ignore

/** Scripts written without spaces between words: read and counted by character. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;

export interface TextCount {
  /** Word-like segments in scripts that separate words. */
  words: number;
  /** Characters in scripts without spaces (Han, kana, Thai, ...). */
  characters: number;
  /** Content images (`isContentImage`) outside skipped regions. */
  images: number;
}

/** Default reading speed: 238 words per minute, silent reading of non-fiction (Brysbaert 2019). */
export const DEFAULT_WORDS_PER_MINUTE = 238;
/** Characters per minute for scripts without spaces at the default speed. */
export const DEFAULT_CHARACTERS_PER_MINUTE = 500;

/** Declared sizes at or below this many CSS pixels are icons (check marks, bullets, emoji). */
export const ICON_SIZE = 48;

/**
 * Whether an image adds reading time. Decorative images never do: `alt=""`, `role="presentation"`
 * or `"none"`, `aria-hidden="true"`, or a declared `width` or `height` of at most `ICON_SIZE`
 * (197 check marks of 20 px made 21 minutes of a 10-minute article). Of the rest, an image in a
 * `<figure>` counts; outside one it counts when both declared dimensions are above icon size or
 * it has a text alternative. The attributes decide, not the loaded file: the count is the same on
 * the server, before images load and in reader mode.
 */
export function isContentImage(img: Element): boolean {
  const attr = (name: string) => img.getAttribute(name)?.trim().toLowerCase();
  const alt = attr('alt');
  // A missing size is NaN, and NaN compares false both ways.
  const [width, height] = ['width', 'height'].map((name) => parseFloat(attr(name)!)) as [number, number];
  if (alt === '' || ['presentation', 'none'].includes(attr('role')!) || attr('aria-hidden') === 'true') return false;
  return !(width <= ICON_SIZE || height <= ICON_SIZE) && (!!img.closest('figure') || width * height > 0 || !!alt);
}

/** The running text of a subtree, with a line break at every block boundary. */
export function readableText(root: Node): { text: string; images: number } {
  const parts: string[] = [];
  let images = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const el = node as Element;
      // Content a publisher placed at an article body's insertion point is not the article's text.
      if (SKIPPED.has(el.tagName.toUpperCase()) || el.hasAttribute('insert-after')) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push((node as Text).data);
    } else {
      const tag = (node as Element).tagName;
      if (tag === 'IMG') {
        if (isContentImage(node as Element)) images++;
      } else if (BLOCKS.has(tag)) parts.push('\n');
    }
  }
  return { text: parts.join(''), images };
}

/** Any character of a script without spaces, or one the word pattern below does not know. */
// The class lists ZWNJ and ZWJ on purpose: text that joins with them goes to the segmenter.
const NEEDS_SEGMENTER =
  // eslint-disable-next-line no-misleading-character-class
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Hangul}\p{Script=Hebrew}\u200c\u200d\u3000-\u30ff]/u;

/**
 * A word as `Intl.Segmenter` finds it in text with spaces (Unicode's word boundaries, UAX #29):
 * letters and digits with their marks, kept together across an apostrophe between letters
 * (`don't`) and `.`, `,`, `;` or `'` between digits (`13.000`), as Chromium's segmenter does for
 * German and English (`z.B.` and `3:45` are two words each). A word of `_` alone is not one.
 */
const WORD =
  /[\p{L}\p{Nd}\p{Pc}][\p{L}\p{M}\p{Nd}\p{Pc}\p{Cf}]*(?:(?:(?<=[\p{L}\p{M}\p{Cf}])['’](?=\p{L})|(?<=\p{Nd}[\p{M}\p{Cf}]*)[.,;'’](?=\p{Nd}))[\p{L}\p{M}\p{Nd}\p{Pc}\p{Cf}]+)*/gu;

/**
 * Whether a match holds a letter or digit (not `_` alone). Hoisted: a regex literal inside the loop
 * is a new RegExp per word, and V8 compiles each one afresh (14 ms of the reference article's
 * first render in the profile, 850 words; about 1 ms hoisted).
 */
const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;

/**
 * Text in Latin letters, digits and the punctuation of European text only (U+0000–U+024F, dashes
 * and quotes U+2010–U+201F, the ellipsis, the euro sign): most articles in languages Gazette
 * ships. For it, `LATIN_WORD` is `WORD` with each Unicode property class written out as the ranges
 * it holds there (no marks: they start at U+0300; `Pc` is `_`, `Cf` the soft hyphen). Property
 * classes build large tables when a pattern first runs (`WORD` took about 6 ms of a first render,
 * 0.8 ms warm); written-out ranges skip that. Tests compare the two on every code point of this
 * range.
 */
const LATIN = /^[\0-\u024f\u2010-\u201f\u2026\u20ac]*$/;
const L = 'A-Za-z\xaa\xb5\xba\xc0-\xd6\xd8-\xf6\xf8-\u024f';
const LATIN_WORD = new RegExp(
  `[${L}\\d_][${L}\\d_\xad]*(?:(?:(?<=[${L}\xad])['’](?=[${L}])|(?<=\\d\xad*)[.,;'’](?=\\d))[${L}\\d_\xad]+)*`,
  'g',
);
const LATIN_LETTER_OR_DIGIT = new RegExp(`[${L}\\d]`);

/**
 * Counts the words of a text in a script with spaces without `Intl.Segmenter`, whose first use
 * starts ICU on a page's first render; `undefined` when the text needs the segmenter.
 */
export function countSpacedWords(text: string): number | undefined {
  const latin = LATIN.test(text);
  if (!latin && NEEDS_SEGMENTER.test(text)) return undefined;
  const [word, letter] = latin ? [LATIN_WORD, LATIN_LETTER_OR_DIGIT] : [WORD, LETTER_OR_DIGIT];
  let words = 0;
  word.lastIndex = 0;
  for (let m = word.exec(text); m; m = word.exec(text)) if (letter.test(m[0])) words++;
  return words;
}

/** Counts words and unspaced characters of a text in the given language. */
export function countText(text: string, lang = 'en'): Omit<TextCount, 'images'> {
  const spaced = countSpacedWords(text);
  if (spaced !== undefined) return { words: spaced, characters: 0 };
  const segmenter = intl(Intl.Segmenter, lang, { granularity: 'word' });
  let words = 0;
  let characters = 0;
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (!isWordLike) continue;
    // Fast path: a segment with no code point above U+2E7F cannot hold an unspaced script.
    if (!/[\u2e80-\uffff]/.test(segment)) {
      words++;
      continue;
    }
    const unspaced = segment.match(UNSPACED)?.length ?? 0;
    if (unspaced === 0) words++;
    else {
      characters += unspaced;
      // A mixed segment ("iPhone向け") keeps its spaced part as one word.
      if (unspaced < [...segment].length) words++;
    }
  }
  return { words, characters };
}

/** Words, unspaced characters and images of a DOM subtree. */
export function countNode(root: Node, lang = 'en'): TextCount {
  const { text, images } = readableText(root);
  return { ...countText(text, lang), images };
}

/** Seconds added for images: 12 for the first, one less for each next, never below 3. */
export function imageSeconds(images: number): number {
  let seconds = 0;
  for (let i = 0; i < images; i++) seconds += Math.max(12 - i, 3);
  return seconds;
}

/**
 * Minutes to read a count at a speed, rounded to the nearest minute and never below 1.
 * Unspaced characters are read at 500 per minute, scaled with the chosen word speed.
 */
export function readingMinutes(count: TextCount, wordsPerMinute = DEFAULT_WORDS_PER_MINUTE): number {
  const charactersPerMinute = (DEFAULT_CHARACTERS_PER_MINUTE * wordsPerMinute) / DEFAULT_WORDS_PER_MINUTE;
  const minutes =
    count.words / wordsPerMinute + count.characters / charactersPerMinute + imageSeconds(count.images) / 60;
  return Math.max(1, Math.round(minutes));
}

/** An element that counts its own text once and shares it (`<gz-article-body>`). */
interface CountingElement extends Element {
  counted(): TextCount;
}

/**
 * The count of a target: `<gz-article-body>`'s own (one count per article, shared by the reading
 * time, the header and JSON-LD), else a count of the subtree.
 */
export function countOf(target: Element, lang?: string): TextCount {
  return typeof (target as Partial<CountingElement>).counted === 'function'
    ? (target as CountingElement).counted()
    : countNode(target, lang);
}

/** `closest` that crosses shadow roots: a header's reading time finds its `<article>`. */
export function closestComposed(start: Element, selector: string): Element | undefined {
  for (let el: Element | null = start; el;) {
    const found: Element | null = el.closest(selector);
    if (found) return found;
    const root = el.getRootNode();
    el = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}
