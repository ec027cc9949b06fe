/**
 * Text out of the HTML that feeds carry in titles, summaries and content, without an HTML parser:
 * no DOMParser (a Trusted Types sink), no inert document, so no attribute of the feed ever reaches
 * a parser that would report it to a strict CSP. Tags are removed (block boundaries become spaces,
 * `<script>`/`<style>` lose their text), then character references are decoded once. Pure functions.
 */

/** HTML's Latin-1 entity names, in code point order from U+00A0. */
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

/** The other named references publishers' feeds use (typography, currency, arrows), name:code point. */
const OTHERS =
  'quot:34 amp:38 apos:39 lt:60 gt:62 OElig:338 oelig:339 Scaron:352 scaron:353 Yuml:376 fnof:402 circ:710 tilde:732 ensp:8194 emsp:8195 thinsp:8201 zwnj:8204 zwj:8205 lrm:8206 rlm:8207 ndash:8211 mdash:8212 lsquo:8216 rsquo:8217 sbquo:8218 ldquo:8220 rdquo:8221 bdquo:8222 dagger:8224 Dagger:8225 bull:8226 hellip:8230 permil:8240 prime:8242 Prime:8243 lsaquo:8249 rsaquo:8250 euro:8364 trade:8482 larr:8592 rarr:8594 minus:8722';

let named: Map<string, string> | undefined;
function entities(): Map<string, string> {
  if (!named) {
    named = new Map(LATIN1.split(' ').map((name, i) => [name, String.fromCharCode(160 + i)]));
    for (const pair of OTHERS.split(' ')) {
      const [name, code] = pair.split(':');
      named.set(name!, String.fromCharCode(Number(code)));
    }
  }
  return named;
}

/** What HTML makes of `&#128;`–`&#159;`: the Windows-1252 characters publishers meant. */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** The number of named references known (for the test that guards the table). @internal */
export const entityCount = () => entities().size;

/**
 * Decodes character references once: numeric ones as HTML does (Windows-1252 for 128–159, U+FFFD
 * for what is not a character) and the named ones above. Unknown names stay as written.
 */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(
    /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));/gu,
    (whole, dec, hex, name) => {
      if (name !== undefined) return entities().get(name) ?? whole;
      const code = dec !== undefined ? Number(dec) : parseInt(hex as string, 16);
      if (code >= 128 && code <= 159) return CP1252[code - 128]!;
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    },
  );
}

/** Elements whose boundaries separate words on screen. */
const BLOCKS = new Set(
  'address article aside blockquote br caption center dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table td th tr ul'.split(
    ' ',
  ),
);

/** Elements whose content is not text a reader sees. */
const HIDDEN = /<(script|style|template|noscript|iframe|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>/giu;

/** A tag with its attributes (quoted values may hold `>`), a comment, or a declaration. */
const TAG =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<[!?][^>]*>?|<\/?([A-Za-z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>?/gu;

/**
 * The text of an HTML fragment as a reader sees it: whitespace collapsed, a space at block
 * boundaries, no script or style text, character references decoded once.
 */
export function htmlToText(value: string): string {
  if (!/[<&]/u.test(value)) return value.replace(/\s+/gu, ' ').trim();
  const text = value
    .replace(HIDDEN, ' ')
    .replace(TAG, (_tag, cdata: string | undefined, name: string | undefined) =>
      cdata !== undefined ? cdata : name && BLOCKS.has(name.toLowerCase()) ? ' ' : '',
    );
  return decodeEntities(text).replace(/\s+/gu, ' ').trim();
}

/** One `<img>` of a fragment: its source (a lazy-load plugin's real one) and size. */
export interface HtmlImage {
  src: string;
  width?: number;
  alt?: string;
}

const ATTRIBUTE = /([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/gu;

/** The attributes of one start tag, names lower-cased, values decoded. */
export function tagAttributes(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const body = tag.replace(/^<[^\s/>]+/u, '').replace(/\/?>$/u, '');
  for (const [, name, a, b, c] of body.matchAll(ATTRIBUTE))
    attributes[name!.toLowerCase()] ??= decodeEntities(a ?? b ?? c ?? '');
  return attributes;
}

/**
 * The source of an image as lazy-loading plugins write it: a `data:` placeholder (or nothing) in
 * `src`, the real one in `data-src`, `data-lazy-src` or `data-original`. Undefined when none.
 */
export function lazySource(attributes: Record<string, string | null | undefined>): string | undefined {
  const src = attributes['src']?.trim();
  if (src && !/^data:/iu.test(src)) return src;
  for (const name of ['data-src', 'data-lazy-src', 'data-original']) {
    const value = attributes[name]?.trim();
    if (value && !/^data:/iu.test(value)) return value;
  }
  return undefined;
}

/** The first content image of an HTML fragment (tracking pixels of 1 or 2 px skipped). */
export function firstImage(value: string): HtmlImage | undefined {
  if (!/<img/iu.test(value)) return undefined;
  for (const [tag] of value.replace(HIDDEN, ' ').matchAll(/<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/giu)) {
    const attributes = tagAttributes(tag);
    const src = lazySource(attributes);
    const width = Number(attributes['width']) || undefined;
    const height = Number(attributes['height']) || undefined;
    if (!src || (width !== undefined && width <= 2) || (height !== undefined && height <= 2)) continue;
    return { src, width, alt: attributes['alt'] || undefined };
  }
  return undefined;
}
