import { intl } from '../../internal/intl.js';

/**
 * Initials and a stable colour for an author without a photo. Pure functions of the name, shared
 * by `<gz-author-card>` and its tests.
 */

/** Lower-case name particles that do not give an initial ("Ludwig van Beethoven" → `LB`). */
const PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'dem', 'des', 'de', 'del', 'della', 'degli', 'di', 'da', 'dos', 'das', 'do', 'du',
  'la', 'le', 'les', 'lo', 'al', 'el', 'bin', 'bint', 'ibn', 'ben', 'ter', 'ten', 'te', 'zu', 'zum', 'zur', 'y',
  'e', 'af', 'av', 'of', 'st', 'st.',
]); // prettier-ignore

/** Titles that precede a name and give no initial ("Dr. Anna Berg" → `AB`). */
const TITLES = /^(?:dr|prof|mag|dipl|ing|mr|mrs|ms|hr|fr|sir|dame)\.?$/i;

/**
 * A prefix glued to a surname: `al-Hakim`, `el-Sayed`, `d’Alembert`, Arabic `الحسن` (the article
 * ال written together with the name) → the letter after it.
 */
const GLUED_PREFIX = /^(?:(?:al|el|ad|ar|as|at|an|ash|az|ud|ul|d|l)[-'’](?=\p{L})|ال(?=\p{L}{2}))/u;

const LETTER = /[\p{L}\p{N}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
/** Scripts whose letters join: initials get a zero-width non-joiner between them. */
const JOINING = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}\p{Script=Mandaic}]/u;

/** Text whose every code point is a grapheme of its own: letters, digits, punctuation, spaces. */
const SIMPLE = /^[\p{L}\p{N}\p{P}\p{Zs}]*$/u;
/** Letters that join their neighbours into one grapheme (conjoining jamo, a Malayalam prefix). */
const JOINS = /[\u0d4e\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/;

/**
 * The user-perceived characters of a text: emoji sequences and combining marks stay whole. A
 * name of plain letters splits by code point, without the `Intl.Segmenter` whose first use
 * starts ICU on a first render.
 */
function split(text: string): string[] {
  if (SIMPLE.test(text) && !JOINS.test(text)) return Array.from(text);
  return Array.from(intl(Intl.Segmenter, undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);
}

/** The first grapheme of a word that holds a letter or digit, or `undefined`. */
function firstLetter(word: string): string | undefined {
  return split(word.replace(GLUED_PREFIX, '')).find((g) => LETTER.test(g));
}

/** A name as shown and compared: composed (NFC), single-spaced, trimmed. */
export function normalizeName(name: string | null | undefined): string {
  return (name ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * One or two initials for a name: the first letters of the first and the last name, skipping
 * titles and particles (`VZ` for "Virgil Zólyom", `LB` for "Ludwig van Beethoven", `M` for
 * "Madonna"). Graphemes stay whole (emoji, combining marks, Devanagari vowel signs); a name with
 * no letters gives its first emoji; a name with neither gives `''`. Upper-cased in `lang`.
 */
export function initialsOf(name: string | null | undefined, lang?: string): string {
  // Bracketed notes ("Anna Berg (Kiel)") give no initials.
  const words = normalizeName(name)
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .split(' ')
    .filter((w) => w && !TITLES.test(w));
  const lettered = words.filter((w) => LETTER.test(w));
  if (lettered.length === 0) {
    const emoji = words.flatMap(split).find((g) => PICTOGRAPH.test(g));
    return emoji ?? '';
  }
  // Particles count only when they are not the whole name ("De" alone is a name).
  const named = lettered.filter((w) => !PARTICLES.has(w.toLowerCase()));
  const parts = named.length > 0 ? named : lettered;
  const first = firstLetter(parts[0]!);
  const last = parts.length > 1 ? firstLetter(parts[parts.length - 1]!) : undefined;
  const letters = [first, last].filter((g): g is string => g !== undefined).map((g) => upper(g, lang));
  return letters.join(letters.some((g) => JOINING.test(g)) ? '\u200c' : '');
}

function upper(text: string, lang: string | undefined): string {
  // Only these languages upper-case differently (dotted İ, Greek accents, Lithuanian dots); the
  // others take the plain mapping, which needs no ICU.
  if (lang && !/^(tr|az|lt|el)(-|$)/i.test(lang)) return text.toUpperCase();
  try {
    return text.toLocaleUpperCase(lang);
  } catch {
    return text.toUpperCase();
  }
}

/**
 * Backgrounds for initials. Each passes WCAG AA (4.5:1, in fact 6:1 or more) against
 * {@link INITIALS_TEXT_COLOR}, in the light and the dark theme alike.
 */
export const INITIALS_PALETTE = [
  '#b0231b',
  '#1d6a33',
  '#0a55c2',
  '#7a3e9d',
  '#8a4b08',
  '#006d77',
  '#4f4f8f',
  '#a3195b',
  '#3d5a80',
  '#5e6300',
] as const;

/** The text colour of initials on every palette colour. */
export const INITIALS_TEXT_COLOR = '#ffffff';

/** FNV-1a, 32 bits: a fast, stable hash of a string's UTF-16 code units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The background colour for a name: the same name gets the same colour on every page and in
 * every session, whatever its case or spacing.
 */
export function colorFor(name: string | null | undefined): string {
  const key = normalizeName(name).toLowerCase();
  return INITIALS_PALETTE[hash(key) % INITIALS_PALETTE.length]!;
}
