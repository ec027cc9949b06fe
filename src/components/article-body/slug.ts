/**
 * Stable, readable ids for subheadings: `„Strom dort nutzen“: Ein Ansatz` becomes
 * `strom-dort-nutzen-ein-ansatz`. German text transliterates umlauts the German way (`für` →
 * `fuer`, `Straße` → `strasse`); other languages drop diacritics (`café` → `cafe`). Letters of
 * scripts without a Latin form (Arabic, Hebrew, Han, ...) stay as they are: ids may be Unicode.
 */

const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };
const LIGATURES: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', þ: 'th', Þ: 'TH',
}; // prettier-ignore

const MAX_LENGTH = 64;

/** A slug of `text` in the language `lang` (a BCP 47 code); empty when the text has no letters or digits. */
export function slugify(text: string, lang = 'en'): string {
  let value = text;
  if (lang.toLowerCase().split('-')[0] === 'de') value = value.replace(/[äöüÄÖÜ]/g, (c) => GERMAN[c]!);
  value = value.replace(/[ßẞæÆœŒøØłŁđĐþÞ]/g, (c) => LIGATURES[c]!);
  // ASCII with spaces, quotes and dashes (most headings once umlauts are replaced): no diacritics
  // to drop, and the letters and digits are a-z and 0-9, so neither normalization nor the Unicode
  // property pattern (a few ms on its first use, in a page's first render) is needed.
  if (PLAIN.test(value)) value = trimDashes(value.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
  // Without diacritics; but a letter whose compatibility form is a space and a mark (the Arabic
  // presentation form ﹲ) would vanish with them: then the letters stay as they are.
  else value = dashed(value.normalize('NFKD').replace(/\p{M}/gu, '')) || dashed(value);
  if (value.length <= MAX_LENGTH) return value;
  const cut = value.slice(0, MAX_LENGTH);
  const dash = cut.lastIndexOf('-');
  return dash > MAX_LENGTH / 2 ? cut.slice(0, dash) : cut;
}

/**
 * ASCII, and characters that are neither letters nor digits in any normal form: no-break space,
 * guillemets, soft hyphen, General Punctuation (spaces, dashes, quotes, ellipsis).
 */
const PLAIN = /^[\0-\x7f\u00a0\u00ab\u00ad\u00bb\u2000-\u206f]*$/;

const trimDashes = (value: string) => value.replace(/^-+|-+$/g, '');

/** Lowercase, with runs of anything but letters and digits as one `-`, none at either end. */
function dashed(value: string): string {
  return trimDashes(value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-'));
}

/** `base`, or `base-2`, `base-3`, ... : the first id no other element in `root` holds. */
export function uniqueId(base: string, root: Document | ShadowRoot, owner: Element): string {
  let candidate = base;
  for (let n = 2; ; n++) {
    const holder = root.getElementById(candidate);
    if (!holder || holder === owner) return candidate;
    candidate = `${base}-${n}`;
  }
}
