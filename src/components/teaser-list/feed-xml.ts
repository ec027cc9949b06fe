/**
 * A forgiving XML reader for feeds, in plain string code: no DOMParser (a Trusted Types sink under
 * `require-trusted-types-for 'script'`), no DTD, no entity declarations ever expanded.
 *
 * It reads what strict XML parsers refuse and feed readers accept: whitespace or a byte order mark
 * before `<?xml`, HTML named references (`&nbsp;`), undeclared prefixes (`itunes:` without its
 * `xmlns`), unclosed or stray end tags (the element closes at its parent's end, so one broken item
 * does not swallow the next), a DOCTYPE without an internal subset (the Netscape RSS 0.91 one).
 * A DOCTYPE that declares entities is refused: expanding them is the risk, and ignoring them would
 * show a different text than the publisher meant. Namespaces are resolved as XML does, so
 * `<itunes:title>` is never taken for RSS's `<title>`. Pure functions.
 */
import { decodeEntities } from './feed-text.js';

export interface XmlElement {
  /** The local name (`title` of `itunes:title`). */
  local: string;
  /** The namespace URI; `undeclared:<prefix>` for a prefix without a declaration; null for none. */
  ns: string | null;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
  parent: XmlElement | null;
}

/** Thrown for what cannot be read at all; `kind` as in `FeedError`. */
export class XmlError extends Error {
  constructor(
    readonly kind: 'parse' | 'doctype',
    message: string,
  ) {
    super(message);
  }
}

/** What the reader had to forgive, for one warning. */
export interface XmlReport {
  recovered: number;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const START = /<([^\s/>!?]+)((?:[^>"']|"[^"]*"|'[^']*')*)>/uy;
const ATTRIBUTE = /([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/gu;

/** Parses a feed into its root element, or throws `XmlError`. */
export function parseXml(source: string, report: XmlReport = { recovered: 0 }): XmlElement {
  const document: XmlElement = { local: '#document', ns: null, attributes: {}, children: [], parent: null };
  const scopes: Record<string, string>[] = [{ xml: XML_NS }];
  const names: string[] = [];
  let current = document;
  let i = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = source.length;
  const text = (value: string) => {
    if (current !== document && value) current.children.push(value);
  };
  while (i < n) {
    const lt = source.indexOf('<', i);
    if (lt === -1) {
      text(decodeEntities(source.slice(i)));
      break;
    }
    if (lt > i) text(decodeEntities(source.slice(i, lt)));
    i = lt;
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      i = end === -1 ? n : end + 3;
    } else if (source.startsWith('<![CDATA[', i)) {
      const end = source.indexOf(']]>', i + 9);
      text(source.slice(i + 9, end === -1 ? n : end));
      i = end === -1 ? n : end + 3;
    } else if (source.startsWith('<?', i)) {
      const end = source.indexOf('?>', i + 2);
      i = end === -1 ? n : end + 2;
    } else if (/^<!doctype/iu.test(source.slice(i, i + 9))) {
      const open = source.indexOf('[', i);
      const close = source.indexOf('>', i);
      let end = close;
      if (open !== -1 && (close === -1 || open < close)) {
        const subsetEnd = source.indexOf(']', open);
        if (/<!ENTITY/u.test(source.slice(open, subsetEnd === -1 ? n : subsetEnd)))
          throw new XmlError('doctype', 'the feed declares entities in its DOCTYPE; refused (no entity expansion)');
        end = source.indexOf('>', subsetEnd === -1 ? n : subsetEnd);
      }
      i = end === -1 ? n : end + 1;
    } else if (source[i + 1] === '/') {
      const end = source.indexOf('>', i);
      const name = source.slice(i + 2, end === -1 ? n : end).trim();
      i = end === -1 ? n : end + 1;
      const depth = names.lastIndexOf(name);
      if (depth === -1) {
        report.recovered++;
        continue;
      }
      if (depth !== names.length - 1) report.recovered++;
      while (names.length > depth) {
        names.pop();
        scopes.pop();
        current = current.parent!;
      }
    } else {
      START.lastIndex = i;
      const m = START.exec(source);
      if (!m) {
        // A `<` that starts no tag: text, as HTML would read it.
        report.recovered++;
        text('<');
        i++;
        continue;
      }
      i = START.lastIndex;
      const qname = m[1]!;
      let body = m[2]!;
      const empty = body.endsWith('/');
      if (empty) body = body.slice(0, -1);
      const attributes: Record<string, string> = {};
      const inherited = scopes[scopes.length - 1]!;
      let scope = inherited;
      for (const [, name, a, b, c] of body.matchAll(ATTRIBUTE)) {
        const value = decodeEntities(a ?? b ?? c ?? '');
        attributes[name!] ??= value;
        if (name !== 'xmlns' && !name!.startsWith('xmlns:')) continue;
        // A new scope only where namespaces are declared: lookups stay short however deep the nesting.
        if (scope === inherited) scope = { ...inherited };
        scope[name === 'xmlns' ? '' : name!.slice(6)] = value;
      }
      const colon = qname.indexOf(':');
      const prefix = colon === -1 ? '' : qname.slice(0, colon);
      const ns = scope[prefix] || (prefix ? `undeclared:${prefix}` : null);
      if (ns?.startsWith('undeclared:')) report.recovered++;
      const element: XmlElement = { local: qname.slice(colon + 1), ns, attributes, children: [], parent: current };
      current.children.push(element);
      // Deeper than any feed nests, an element is read as empty: the recursion stays bounded.
      if (!empty && names.length < 500) {
        names.push(qname);
        scopes.push(scope);
        current = element;
      }
    }
  }
  if (names.length) report.recovered++;
  const root = document.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!root) throw new XmlError('parse', 'the feed holds no XML element');
  root.parent = null;
  return root;
}

/** Direct child elements with a local name, in one of the namespaces given. */
export function childElements(parent: XmlElement, local: string, ns: readonly (string | null)[]): XmlElement[] {
  return parent.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && c.local === local && ns.includes(c.ns),
  );
}

/** Descendant elements with a local name in a namespace, in document order. */
export function descendants(parent: XmlElement, local: string, ns: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of parent.children) {
    if (typeof child === 'string') continue;
    if (child.local === local && child.ns === ns) found.push(child);
    found.push(...descendants(child, local, ns));
  }
  return found;
}

/** All text inside an element, in document order. */
export function textOf(element: XmlElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** The element's markup back as a string (for Atom's `type="xhtml"`), tags without attributes. */
export function innerXml(element: XmlElement): string {
  return element.children
    .map((c) =>
      typeof c === 'string'
        ? c.replace(/&/gu, '&amp;').replace(/</gu, '&lt;')
        : `<${c.local}>${innerXml(c)}</${c.local}>`,
    )
    .join('');
}

/** The base URL in force at an element: `xml:base` of it and its ancestors over the document's. */
export function baseOf(element: XmlElement | null, documentBase: string): string {
  if (!element) return documentBase;
  const parentBase = baseOf(element.parent, documentBase);
  const own = element.attributes['xml:base'];
  if (own === undefined) return parentBase;
  try {
    return new URL(own.trim(), parentBase).href;
  } catch {
    return parentBase;
  }
}
