/**
 * Reading a publisher's feed: JSON Feed 1.1, RSS 2.0 and Atom 1.0, fetched with a timeout, a
 * streamed size cap and a content-type check, and parsed with the platform's `JSON.parse` and
 * `DOMParser` (`application/xml`). Documents with a DOCTYPE are refused before parsing, so no
 * entity is ever declared, let alone expanded. HTML in summaries is reduced to its text in an
 * inert document (no script runs, no image loads). Pure functions apart from `fetchFeed`.
 */

/** Why a feed could not be read. */
export const FEED_ERRORS = ['network', 'timeout', 'status', 'content-type', 'too-large', 'parse', 'doctype'] as const;
export type FeedErrorKind = (typeof FEED_ERRORS)[number];

export class FeedError extends Error {
  constructor(
    readonly kind: FeedErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

/** A feed item before normalisation: the keys `normalizeItem` reads. */
export interface RawFeedItem {
  id?: string;
  url?: string;
  title?: string;
  excerpt?: string;
  section?: string;
  date?: string;
  image?: string;
  imageAlt?: string;
}

export interface FetchFeedOptions {
  signal: AbortSignal;
  /** Milliseconds before the request is given up. */
  timeout: number;
  /** Bytes read at most; past it the body is cancelled. */
  maxBytes: number;
  /** The fetch to use (default the global one). */
  fetcher?: typeof fetch;
}

const JSON_TYPES = ['application/feed+json', 'application/json'];
const XML_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/xml', 'text/xml'];

/** Fetches a feed and returns its items, or throws a `FeedError` (an `AbortError` when aborted). */
export async function fetchFeed(
  url: string,
  { signal, timeout, maxBytes, fetcher = globalThis.fetch.bind(globalThis) }: FetchFeedOptions,
): Promise<RawFeedItem[]> {
  const controller = new AbortController();
  const abort = () => controller.abort(signal.reason);
  if (signal.aborted) abort();
  signal.addEventListener('abort', abort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new FeedError('timeout', `no complete answer within ${timeout} ms`));
  }, timeout);
  try {
    let response: Response;
    try {
      response = await fetcher(url, {
        signal: controller.signal,
        headers: { accept: [...JSON_TYPES, ...XML_TYPES].join(', ') },
        credentials: 'same-origin',
      });
    } catch (error) {
      throw rethrow(error, signal, timedOut, timeout);
    }
    if (!response.ok) {
      void response.body?.cancel().catch(() => {});
      throw new FeedError('status', `the server answered ${response.status}`);
    }
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const isJson = JSON_TYPES.includes(type);
    if (!isJson && !XML_TYPES.includes(type)) {
      void response.body?.cancel().catch(() => {});
      throw new FeedError('content-type', `content type "${type || 'none'}" is not a feed (JSON Feed, RSS or Atom)`);
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      void response.body?.cancel().catch(() => {});
      throw new FeedError('too-large', `the feed is larger than ${maxBytes} bytes`);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readCapped(response, maxBytes);
    } catch (error) {
      throw rethrow(error, signal, timedOut, timeout);
    }
    const body = decode(bytes, response.headers.get('content-type'), !isJson);
    const items = isJson ? parseJsonFeed(body) : parseXmlFeed(body);
    return resolveUrls(items, response.url || new URL(url, document.baseURI).href);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}

function rethrow(error: unknown, signal: AbortSignal, timedOut: boolean, timeout: number): unknown {
  if (error instanceof FeedError) return error;
  if (signal.aborted) return error;
  if (timedOut) return new FeedError('timeout', `no complete answer within ${timeout} ms`);
  return new FeedError('network', error instanceof Error ? error.message : String(error));
}

/**
 * Decodes a body: the charset of the Content-Type, else (for XML) the encoding its declaration
 * names, else UTF-8. A UTF-8 byte order mark wins over both.
 */
function decode(bytes: Uint8Array, contentType: string | null, xml: boolean): string {
  let label = /charset\s*=\s*"?([\w.:-]+)/iu.exec(contentType ?? '')?.[1];
  if (!label && xml) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
    label = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/u.exec(head)?.[1];
  }
  try {
    return new TextDecoder(label ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder().decode(bytes);
  }
}

/** Reads a body, cancelling the stream as soon as it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new FeedError('too-large', `the feed is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Relative links and images in a feed are relative to the feed, not to the page showing it. */
function resolveUrls(items: RawFeedItem[], base: string): RawFeedItem[] {
  const resolve = (value: string | undefined) => {
    if (value === undefined || !value.trim()) return undefined;
    try {
      return new URL(value.trim(), base).href;
    } catch {
      return value;
    }
  };
  return items.map((item) => ({ ...item, url: resolve(item.url), image: resolve(item.image) }));
}

/** The text of an HTML fragment, read in an inert document. */
export function htmlToText(value: string): string {
  if (!/[<&]/u.test(value)) return value;
  const doc = new DOMParser().parseFromString(value, 'text/html');
  return doc.body?.textContent ?? '';
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** JSON Feed 1.0/1.1 items. */
export function parseJsonFeed(body: string): RawFeedItem[] {
  let feed: unknown;
  try {
    feed = JSON.parse(body);
  } catch {
    throw new FeedError('parse', 'the feed is not valid JSON');
  }
  const f = feed as { version?: unknown; items?: unknown } | null;
  if (
    !f ||
    typeof f !== 'object' ||
    !str(f.version)?.startsWith('https://jsonfeed.org/version/') ||
    !Array.isArray(f.items)
  )
    throw new FeedError('parse', 'the JSON is not a JSON Feed (no "version" or "items")');
  return f.items.map((raw: unknown): RawFeedItem => {
    const item = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const tags = Array.isArray(item['tags']) ? item['tags'] : [];
    const summary = str(item['summary']) ?? str(item['content_text']) ?? htmlToText(str(item['content_html']) ?? '');
    return {
      id: str(item['id']) ?? (typeof item['id'] === 'number' ? String(item['id']) : undefined),
      url: str(item['url']) ?? str(item['external_url']),
      title: str(item['title']),
      excerpt: summary || undefined,
      section: str(tags[0]),
      date: str(item['date_published']) ?? str(item['date_modified']),
      image: str(item['image']) ?? str(item['banner_image']),
    };
  });
}

const MEDIA_NS = 'http://search.yahoo.com/mrss/';
const DC_NS = 'http://purl.org/dc/elements/1.1/';
const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** RSS 2.0 or Atom 1.0 items. */
export function parseXmlFeed(body: string): RawFeedItem[] {
  // A DOCTYPE is the only place entities are declared: refuse it rather than let the parser expand.
  if (/<!DOCTYPE/iu.test(body))
    throw new FeedError('doctype', 'the feed declares a DOCTYPE; refused (no entity expansion)');
  const doc = new DOMParser().parseFromString(body, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0)
    throw new FeedError('parse', 'the feed is not well-formed XML');
  const root = doc.documentElement;
  if (root.localName === 'rss' || root.localName === 'RDF') return parseRss(root);
  if (root.localName === 'feed' && root.namespaceURI === ATOM_NS) return parseAtom(root);
  throw new FeedError('parse', `<${root.localName}> is neither an RSS nor an Atom feed`);
}

/** Direct children with a local name (in no namespace, or in `ns` when given). */
function children(parent: Element, name: string, ns: string | null = null): Element[] {
  return [...parent.children].filter((c) => c.localName === name && (ns === null ? true : c.namespaceURI === ns));
}
const childText = (parent: Element, name: string, ns: string | null = null) =>
  children(parent, name, ns)[0]?.textContent?.trim() || undefined;

/** The first image of `media:content`, `media:thumbnail` or an image `enclosure`. */
function mediaImage(item: Element, enclosures: Element[]): { image?: string; imageAlt?: string } {
  for (const media of [
    ...item.getElementsByTagNameNS(MEDIA_NS, 'content'),
    ...item.getElementsByTagNameNS(MEDIA_NS, 'thumbnail'),
  ]) {
    const medium = media.getAttribute('medium');
    const type = media.getAttribute('type') ?? '';
    const url = media.getAttribute('url');
    if (url && (medium === 'image' || type.startsWith('image/') || (!medium && !type))) {
      const alt = media.getElementsByTagNameNS(MEDIA_NS, 'description')[0]?.textContent?.trim() || undefined;
      return { image: url, imageAlt: alt };
    }
  }
  for (const enclosure of enclosures) {
    const url = enclosure.getAttribute('url') ?? enclosure.getAttribute('href');
    if (url && (enclosure.getAttribute('type') ?? '').startsWith('image/')) return { image: url };
  }
  return {};
}

function parseRss(root: Element): RawFeedItem[] {
  const channel = children(root, 'channel')[0] ?? root;
  const items = [...children(channel, 'item'), ...(root.localName === 'RDF' ? children(root, 'item') : [])];
  return items.map((item) => ({
    id: childText(item, 'guid'),
    url: childText(item, 'link'),
    title: childText(item, 'title'),
    excerpt: htmlToText(childText(item, 'description') ?? '').trim() || undefined,
    section: childText(item, 'category'),
    date: rfc822ToIso(childText(item, 'pubDate')) ?? childText(item, 'date', DC_NS),
    ...mediaImage(item, children(item, 'enclosure')),
  }));
}

function atomText(parent: Element, name: string): string | undefined {
  const el = children(parent, name, ATOM_NS)[0];
  if (!el) return undefined;
  const type = el.getAttribute('type');
  const value = type === 'html' ? htmlToText(el.textContent ?? '') : (el.textContent ?? '');
  return value.trim() || undefined;
}

function parseAtom(root: Element): RawFeedItem[] {
  return children(root, 'entry', ATOM_NS).map((entry) => {
    const links = children(entry, 'link', ATOM_NS);
    const alternate = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate');
    return {
      id: atomText(entry, 'id'),
      url: alternate?.getAttribute('href') ?? undefined,
      title: atomText(entry, 'title'),
      excerpt: atomText(entry, 'summary') ?? atomText(entry, 'content'),
      section: children(entry, 'category', ATOM_NS)[0]?.getAttribute('term') ?? undefined,
      date: atomText(entry, 'published') ?? atomText(entry, 'updated'),
      ...mediaImage(
        entry,
        links.filter((l) => l.getAttribute('rel') === 'enclosure'),
      ),
    };
  });
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, string> = { UT: 'Z', GMT: 'Z', Z: 'Z', EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00' }; // prettier-ignore

/**
 * An RFC 822 date (`Tue, 17 Feb 2026 09:30:00 +0100`, RSS's `pubDate`) as ISO 8601
 * (`2026-02-17T09:30:00+01:00`), or `undefined` when it does not parse.
 */
export function rfc822ToIso(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const match =
    /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2}|\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Z]{1,3})?$/u.exec(
      value.trim(),
    );
  if (!match) return undefined;
  const [, d, mon, y, h, mi, s, zone] = match;
  const month = MONTHS.indexOf(mon!.toLowerCase());
  if (month < 0) return undefined;
  const year = y!.length === 2 ? 2000 + Number(y) : Number(y);
  const offset = !zone ? 'Z' : /^[+-]/u.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : ZONES[zone];
  if (!offset) return undefined;
  const pad = (n: number | string) => String(n).padStart(2, '0');
  return `${year}-${pad(month + 1)}-${pad(d!)}T${h}:${mi}:${s ?? '00'}${offset}`;
}
