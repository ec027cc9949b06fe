/**
 * Sanitizing the HTML strings `<gz-article-body>` receives in its `html` property.
 *
 * The platform's HTML Sanitizer API (`Element.setHTML`) runs where it exists; elsewhere DOMPurify
 * is loaded on demand with a dynamic `import()`, so pages that never set `html` never download it.
 * Both paths parse into an inert document (no image loads, no script, no layout) and share one
 * allowlist, then one post-processing pass enforces what neither sanitizer can express: links only
 * to http(s), mailto and relative URLs, images only from http(s) and relative URLs, per-element
 * attributes, and `rel="noopener noreferrer"` on `target="_blank"` links.
 *
 * Both paths keep the same text. Before either parser sees the string, every element that is
 * neither allowed nor dropped on purpose (`DROPPED`) is renamed to `gz-unwrap`, which both unwrap:
 * Word's `<st1:place>`, `<address>`-era and custom elements, `<nobr>`, `<object>` keep their
 * children, where the platform sanitizer alone would delete them with their text.
 */
import { safeUrl, type UrlScheme } from '../../internal/url.js';

/** Attributes allowed on every element. */
const GLOBAL_ATTRIBUTES = ['class', 'lang', 'dir', 'title'];

/** Elements kept, with the attributes each may carry besides the global ones. */
const ELEMENTS: Record<string, string[]> = {
  p: [], br: [], hr: [], wbr: [],
  h1: [], h2: [], h3: [], h4: [], h5: [], h6: [],
  a: ['href', 'target', 'rel', 'hreflang'],
  em: [], strong: [], b: [], i: [], u: [], s: [], small: [], mark: [], sub: [], sup: [],
  cite: [], q: ['cite'], abbr: [], dfn: [], code: [], kbd: [], samp: [], var: [], pre: [],
  bdi: [], bdo: [], span: [], time: ['datetime'], data: ['value'],
  del: ['cite', 'datetime'], ins: ['cite', 'datetime'],
  div: [], section: [], aside: [], blockquote: ['cite'],
  figure: [], figcaption: [], picture: [],
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding', 'role', 'aria-hidden'],
  source: ['srcset', 'sizes', 'media', 'type'],
  ul: [], ol: ['start', 'reversed', 'type'], li: ['value'], dl: [], dt: [], dd: [],
  table: [], caption: [], thead: [], tbody: [], tfoot: [], tr: [], colgroup: ['span'], col: ['span'],
  th: ['colspan', 'rowspan', 'headers', 'scope', 'abbr'], td: ['colspan', 'rowspan', 'headers'],
  details: [], summary: [], address: [], hgroup: [],
  ruby: [], rt: [], rp: [], rb: [], rtc: [],
}; // prettier-ignore

const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

/** MathML Core's presentation elements (formulas are text), with their attributes. */
const MATHML: Record<string, string[]> = {
  math: ['display'], annotation: ['encoding'], mtd: ['columnspan', 'rowspan'],
  ...Object.fromEntries(
    ('mi mn mo ms mtext mspace mrow mfrac msqrt mroot mstyle merror mpadded mphantom msub msup msubsup ' +
      'munder mover munderover mmultiscripts mprescripts none mtable mtr semantics').split(' ').map((n) => [n, []]),
  ),
}; // prettier-ignore

/** `<img>` attributes where lazy-loading plugins keep the real source (promoted, then removed). */
const LAZY_SOURCES = ['data-src', 'data-lazy-src', 'data-original'];
const LAZY_SRCSETS = ['data-srcset', 'data-lazy-srcset'];

/**
 * Elements removed with their content on both paths: code, styles, frames, media and form controls
 * (whose text is not the article's), metadata, SVG. DOMPurify's `FORBID_CONTENTS` is this list.
 */
const DROPPED = [
  'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'iframe', 'frame', 'embed', 'param',
  'svg', 'video', 'audio', 'head', 'title', 'xmp', 'plaintext', 'select', 'option', 'optgroup', 'datalist',
  'textarea', 'input', 'base', 'link', 'meta', 'area', 'track', 'keygen',
]; // prettier-ignore

/** Tags the HTML parser handles itself (never an element of a fragment, or `<image>` read as `<img>`). */
const PARSER = ['html', 'body', 'frameset', 'image'];

/** The name every other element gets before parsing: both paths unwrap it. */
const UNWRAP = 'gz-unwrap';

const KNOWN = new Set([...Object.keys(ELEMENTS), ...Object.keys(MATHML), ...DROPPED, ...PARSER]);

/** URL attributes and the schemes each accepts (relative URLs are always accepted). */
const URL_ATTRIBUTES: Record<string, readonly UrlScheme[]> = {
  href: ['http:', 'https:', 'mailto:'],
  src: ['http:', 'https:'],
  cite: ['http:', 'https:'],
};

/** The config for `setHTML`, in the shape of the WICG draft Chromium ships (elements/attributes). */
export const NATIVE_CONFIG = {
  elements: [
    ...Object.entries(ELEMENTS).map(([name, attributes]) => ({
      name,
      attributes: name === 'img' ? [...attributes, ...LAZY_SOURCES, ...LAZY_SRCSETS] : attributes,
    })),
    ...Object.entries(MATHML).map(([name, attributes]) => ({ name, namespace: MATHML_NS, attributes })),
  ],
  attributes: GLOBAL_ATTRIBUTES,
  replaceWithChildrenElements: [UNWRAP],
  comments: false,
  dataAttributes: false,
};

/** The same policy for DOMPurify, which has no per-element attributes: the post-pass enforces them. */
const PURIFY_CONFIG = {
  ALLOWED_TAGS: [...Object.keys(ELEMENTS), ...Object.keys(MATHML)],
  ALLOWED_ATTR: [
    ...new Set([
      ...GLOBAL_ATTRIBUTES,
      ...Object.values(ELEMENTS).flat(),
      ...Object.values(MATHML).flat(),
      ...LAZY_SOURCES,
      ...LAZY_SRCSETS,
    ]),
  ],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
  FORBID_CONTENTS: DROPPED,
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

export type SanitizerPath = 'native' | 'dompurify';

let forcedPath: SanitizerPath | undefined;
let purifyLoaded = false;

/**
 * Forces one sanitizer path (`undefined` restores feature detection), so tests run the same corpus
 * through both.
 * @internal
 */
export function forceSanitizerPath(path: SanitizerPath | undefined): void {
  forcedPath = path;
}

/** Whether DOMPurify has been imported by this module. @internal */
export function isDomPurifyLoaded(): boolean {
  return purifyLoaded;
}

function hasNativeSanitizer(): boolean {
  return typeof (Element.prototype as { setHTML?: unknown }).setHTML === 'function';
}

/** The path `sanitizeHtml` takes in this browser. */
export function sanitizerPath(): SanitizerPath {
  return forcedPath ?? (hasNativeSanitizer() ? 'native' : 'dompurify');
}

/**
 * Renames event-handler (`on…`) and `style` attributes to `gz-dropped-…` before any parser sees
 * the markup. Every HTML parser in Chromium (DOMParser, setHTML, inert documents) reports a CSP
 * violation for such an attribute on a page whose CSP forbids inline handlers or styles, although
 * nothing runs and the sanitizer drops it right after. A linear scan that follows the HTML
 * tokenizer's tag and attribute rules; where it guesses wrong the cost is a report, never safety:
 * the sanitizer and `enforcePolicy` still decide what is kept.
 *
 * With `unwrapUnknown` (what `sanitizeHtml` uses) it also renames every element that is neither
 * allowed nor dropped to `gz-unwrap`, copies comments and raw text (script, textarea...) untouched,
 * and removes `<style>` elements, whose parsing alone is a `style-src-elem` report.
 */
export function defuseAttributes(input: string, { unwrapUnknown = false } = {}): string {
  let out = '';
  let i = 0;
  const n = input.length;
  const space = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
  while (i < n) {
    const lt = input.indexOf('<', i);
    if (lt === -1 || lt + 1 >= n) break;
    if (unwrapUnknown && input.startsWith('<!--', lt)) {
      // A comment is copied whole: a tag inside it is no tag.
      const close = input.indexOf('-->', lt + 4);
      const stop = close === -1 ? n : close + 3;
      out += input.slice(i, stop);
      i = stop;
      continue;
    }
    const end = input[lt + 1] === '/';
    if (!/[a-z]/i.test(input[lt + (end ? 2 : 1)] ?? '')) {
      out += input.slice(i, lt + 1);
      i = lt + 1;
      continue;
    }
    const tagStart = out.length + lt - i;
    out += input.slice(i, lt + (end ? 2 : 1));
    i = lt + (end ? 2 : 1);
    // The tag name: an element neither kept nor dropped on purpose is renamed for unwrapping.
    let tag = '';
    while (i < n && !space(input[i]) && input[i] !== '/' && input[i] !== '>') tag += input[i++];
    out += unwrapUnknown && !KNOWN.has(tag.toLowerCase()) ? UNWRAP : tag;
    if (end) continue;
    // Attributes, until `>`.
    while (i < n && input[i] !== '>') {
      if (space(input[i]) || input[i] === '/') {
        out += input[i++];
        continue;
      }
      let name = input[i]!;
      i++;
      while (i < n && !space(input[i]) && input[i] !== '/' && input[i] !== '>' && input[i] !== '=') name += input[i++];
      out += /^(on|style$)/i.test(name) ? `gz-dropped-${name}` : name;
      let j = i;
      while (space(input[j])) j++;
      if (input[j] !== '=') continue;
      j++;
      while (space(input[j])) j++;
      const quote = input[j];
      if (quote === '"' || quote === "'") {
        const close = input.indexOf(quote, j + 1);
        j = close === -1 ? n : close + 1;
      } else {
        while (j < n && !space(input[j]) && input[j] !== '>') j++;
      }
      out += input.slice(i, j);
      i = j;
    }
    const raw = tag.toLowerCase();
    if (unwrapUnknown && RAW_TEXT.includes(raw)) {
      // Raw text ends only at its end tag: copied as it is, and a `<style>` element not at all, since
      // parsing one reports `style-src-elem` to a strict CSP (both paths drop it anyway).
      const close = new RegExp(`</${raw}`, 'giu');
      close.lastIndex = i;
      const stop = close.exec(input)?.index ?? n;
      if (raw === 'style') out = out.slice(0, tagStart);
      else out += input.slice(i, stop);
      i = stop;
    }
  }
  return out + input.slice(i);
}

/** Elements whose content the HTML parser reads as text up to their end tag. */
const RAW_TEXT = ['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes'];

/** Parses and sanitizes an HTML string into a fragment of an inert document. */
export async function sanitizeHtml(html: string): Promise<DocumentFragment> {
  const input = defuseAttributes(html, { unwrapUnknown: true });
  let fragment: DocumentFragment;
  if (sanitizerPath() === 'native') {
    const inert = document.implementation.createHTMLDocument('');
    const container = inert.createElement('div') as HTMLDivElement & {
      setHTML(html: string, options: { sanitizer: unknown }): void;
    };
    container.setHTML(input, { sanitizer: NATIVE_CONFIG });
    fragment = inert.createDocumentFragment();
    fragment.append(...container.childNodes);
  } else {
    const { default: DOMPurify } = await import('dompurify');
    purifyLoaded = true;
    fragment = DOMPurify.sanitize(input, { ...PURIFY_CONFIG, RETURN_DOM_FRAGMENT: true });
  }
  enforcePolicy(fragment);
  return fragment;
}

const ALLOWED_NAMES = new Set(Object.keys(ELEMENTS));

/** Link relations kept from the CMS (SEO and attribution); `opener` and unknown tokens are dropped. */
const REL_TOKENS = new Set([
  'nofollow', 'sponsored', 'ugc', 'noopener', 'noreferrer', 'external', 'author', 'license', 'tag', 'help', 'bookmark',
]); // prettier-ignore

/** The pass both paths share: elements, per-element attributes, URL schemes, link targets. */
export function enforcePolicy(root: DocumentFragment | Element): void {
  for (const el of [...root.querySelectorAll('*')]) {
    const name = el.localName;
    const html = el.namespaceURI === 'http://www.w3.org/1999/xhtml';
    const allowed = html ? (ALLOWED_NAMES.has(name) ? ELEMENTS[name] : undefined) : el.namespaceURI === MATHML_NS ? MATHML[name] : undefined; // prettier-ignore
    if (!allowed) {
      // Neither sanitizer leaves such an element; if one ever did, its text stays as on the other path.
      if (html && !DROPPED.includes(name)) el.replaceWith(...el.childNodes);
      else el.remove();
      continue;
    }
    if (name === 'img') {
      promoteLazySource(el);
      // Decorative markers are kept (reading time and screen readers skip the image), nothing else.
      if (!/^(?:presentation|none)$/iu.test(el.getAttribute('role') ?? '')) el.removeAttribute('role');
      if (el.getAttribute('aria-hidden') !== 'true') el.removeAttribute('aria-hidden');
    }
    for (const attr of [...el.attributes]) {
      const key = attr.name.toLowerCase();
      if (!GLOBAL_ATTRIBUTES.includes(key) && !allowed.includes(key)) el.removeAttribute(attr.name);
    }
    for (const [attr, schemes] of Object.entries(URL_ATTRIBUTES)) {
      const value = el.getAttribute(attr);
      if (value === null) continue;
      const safe = suspiciousScheme(value, schemes) ? undefined : safeUrl(value, { schemes });
      if (safe === undefined) el.removeAttribute(attr);
      else if (safe !== value) el.setAttribute(attr, safe);
    }
    const srcset = el.getAttribute('srcset');
    if (srcset !== null && !safeSrcset(srcset)) el.removeAttribute('srcset');
    if (name === 'a') {
      const target = el.getAttribute('target');
      if (target !== null && target.trim().toLowerCase() !== '_blank') el.removeAttribute('target');
      const rel = (el.getAttribute('rel') ?? '')
        .toLowerCase()
        .split(/\s+/)
        .filter((token) => REL_TOKENS.has(token));
      if (el.hasAttribute('target')) {
        el.setAttribute('target', '_blank');
        for (const token of ['noopener', 'noreferrer']) if (!rel.includes(token)) rel.push(token);
      }
      if (rel.length) el.setAttribute('rel', [...new Set(rel)].join(' '));
      else el.removeAttribute('rel');
    }
  }
}

/**
 * Whether a URL, read without any whitespace or control character (as DOMPurify reads it), names a
 * scheme that is not allowed: `\u2028javascript:` is a relative link to the URL parser and inert,
 * but both paths drop it, and a later change of parser cannot turn it into a script.
 */
function suspiciousScheme(value: string, schemes: readonly UrlScheme[]): boolean {
  // eslint-disable-next-line no-control-regex
  const squeezed = value.replace(/[\u0000-\u0020\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000\ufeff]/gu, '');
  const scheme = /^([a-z][a-z\d+.-]*):/iu.exec(squeezed);
  return scheme !== null && !(schemes as readonly string[]).includes(`${scheme[1]!.toLowerCase()}:`);
}

/**
 * Lazy-loading markup (WordPress plugins): a `data:` placeholder or nothing in `src`, the image in
 * `data-src`/`data-lazy-src`/`data-original` and `data-srcset`. A safe data source replaces the
 * placeholder; an unsafe one leaves the image without a source. The data attributes go.
 */
function promoteLazySource(img: Element): void {
  const src = img.getAttribute('src')?.trim();
  if (!src || /^data:/iu.test(src)) {
    const lazy = LAZY_SOURCES.map((name) => img.getAttribute(name)).find((value) => value?.trim());
    const safe = lazy ? safeUrl(lazy, { schemes: ['http:', 'https:'] }) : undefined;
    if (safe && !suspiciousScheme(lazy!, ['http:', 'https:'])) img.setAttribute('src', safe);
    else img.removeAttribute('src');
    const srcset = LAZY_SRCSETS.map((name) => img.getAttribute(name)).find((value) => value?.trim());
    if (srcset && safe && !img.hasAttribute('srcset')) img.setAttribute('srcset', srcset);
  }
  for (const name of [...LAZY_SOURCES, ...LAZY_SRCSETS]) img.removeAttribute(name);
}

/** Every candidate URL of a srcset is http(s) or relative. */
function safeSrcset(value: string): boolean {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .every((url) => url === '' || safeUrl(url, { schemes: ['http:', 'https:'] }) !== undefined);
}
