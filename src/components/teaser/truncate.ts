import { intl } from '../../internal/intl.js';

/**
 * Cutting an excerpt to a length for data input (feeds, JSON): at a word boundary, with a single
 * ellipsis character. Pure, shared by `<gz-teaser-list>` and the benchmarks.
 */

export const ELLIPSIS = '…';

/** A segmenter from the page's one Intl cache (src/internal/intl.ts); English for a locale Intl refuses. */
function segmenter(lang: string, granularity: 'word' | 'grapheme'): Intl.Segmenter {
  try {
    return intl(Intl.Segmenter, lang, { granularity });
  } catch {
    return intl(Intl.Segmenter, 'en', { granularity });
  }
}

/** Surrogates, combining marks, joiners: where a code unit is not a grapheme. */
const COMPLEX = /\p{M}|\u200c|\u200d|\r|[\u1100-\u11ff]|[\u{10000}-\u{10ffff}]/u;

/** The number of user-perceived characters (grapheme clusters) in a text. */
export function graphemeLength(text: string, lang = 'en'): number {
  // Fast path: without surrogates, combining marks or joiners every code unit is a grapheme.
  if (!COMPLEX.test(text)) return text.length;
  let n = 0;
  for (const _ of segmenter(lang, 'grapheme').segment(text)) n++;
  return n;
}

/** Punctuation and space that must not stand before the ellipsis ("Wort, …" → "Wort…"). */
const TRAILING = /[\s,;:.\-–—/([{„“‚‘«»]+$/u;
/** An ellipsis the source already carries ("…" or "..."), with the space before it. */
const SOURCE_ELLIPSIS = /\s*(?:…|\.{3,})$/u;

/**
 * Cuts `text` to at most `maxChars` user-perceived characters, the ellipsis included.
 *
 * - Whitespace runs collapse to one space; the result is trimmed.
 * - A text that fits is returned whole (an ellipsis it ends with, `...` or `…`, becomes one `…`).
 * - Otherwise it is cut before a space that follows a word, so a word, a hyphenated compound
 *   (`Bayer-Aktie`), a number (`1,3`, `13.000`) or an emoji is never split; punctuation before
 *   the cut is dropped and one `…` is added.
 * - Text written without spaces (Chinese, Japanese, Thai) is cut at a word boundary from
 *   `Intl.Segmenter`; a single word longer than the limit is cut between graphemes, never inside
 *   a surrogate pair or a combined character.
 *
 * `maxChars` below 2 or not finite returns the collapsed text unchanged.
 */
export function truncate(text: string, maxChars: number, lang = 'en'): string {
  const collapsed = text.replace(/\s+/gu, ' ').trim();
  if (!Number.isFinite(maxChars) || maxChars < 2) return collapsed;
  const limit = Math.floor(maxChars);
  const hadEllipsis = SOURCE_ELLIPSIS.test(collapsed);
  const base = hadEllipsis ? collapsed.replace(SOURCE_ELLIPSIS, '') : collapsed;
  if (graphemeLength(base, lang) + (hadEllipsis ? 1 : 0) <= limit) return hadEllipsis ? base + ELLIPSIS : base;

  const budget = limit - 1;
  // Fast path, no Intl: where every code unit is a grapheme and a space fits, the cut is before the
  // last space at or under the budget, as the word segmenter's walk below would find it.
  const space = COMPLEX.test(base) ? -1 : base.lastIndexOf(' ', budget);
  if (space > 0) {
    const cut = base.slice(0, space);
    return (cut.replace(TRAILING, '') || cut) + ELLIPSIS;
  }
  let used = 0;
  let spaceCut = -1; // start of the last space whose preceding text fits
  let wordCut = -1; // end of the last word-like segment that fits
  for (const { segment, index, isWordLike } of segmenter(lang, 'word').segment(base)) {
    if (index > 0 && /^\s+$/u.test(segment)) spaceCut = index;
    const length = graphemeLength(segment, lang);
    if (used + length > budget) break;
    used += length;
    if (isWordLike) wordCut = index + segment.length;
  }

  let cut: string;
  if (spaceCut > 0) cut = base.slice(0, spaceCut);
  else if (wordCut > 0 && !spacedScript(base)) cut = base.slice(0, wordCut);
  else cut = graphemePrefix(base, budget, lang);
  const trimmed = cut.replace(TRAILING, '');
  return (trimmed || cut) + ELLIPSIS;
}

/** Whether a text separates its words with spaces: then a cut between word segments would split a word. */
function spacedScript(text: string): boolean {
  return /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}\d]/u.test(text);
}

/** The first `count` graphemes of a text. */
function graphemePrefix(text: string, count: number, lang: string): string {
  let end = 0;
  let n = 0;
  for (const { segment, index } of segmenter(lang, 'grapheme').segment(text)) {
    if (n === count) break;
    n++;
    end = index + segment.length;
  }
  return text.slice(0, end);
}
