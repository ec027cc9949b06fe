/**
 * Reading a publisher's feed as forgiving feed readers do: JSON Feed 1.x, RSS 0.9x/1.0/2.0 and Atom
 * 0.3/1.0, fetched with a timeout and a streamed size cap, recognised by their root element whatever
 * the content type says (`text/plain`, `binary/octet-stream` or none, as object stores send them).
 * XML is read by a forgiving reader in plain string code (`feed-xml.ts`) and summary HTML is reduced
 * to text the same way (`feed-text.ts`): no DOMParser, so feeds work under Trusted Types and no feed
 * attribute reaches an HTML parser. A DOCTYPE that declares entities is refused; no entity is ever
 * expanded. Dates are read in `feed-dates.ts`. Pure functions apart from `fetchFeed`.
 */
import { parseFeedDate } from './feed-dates.js';
import { firstImage, htmlToText } from './feed-text.js';
import {
  baseOf,
  childElements,
  descendants,
  innerXml,
  parseXml,
  textOf,
  XmlError,
  type XmlElement,
} from './feed-xml.js';

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
  /** Told, once per kind, what had to be forgiven (unreadable dates, malformed XML). */
  onWarning?: (message: string) => void;
}

const JSON_TYPES = ['application/feed+json', 'application/json'];
const XML_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/xml', 'text/xml'];

/** Fetches a feed and returns its items, or throws a `FeedError` (an `AbortError` when aborted). */
export async function fetchFeed(
  url: string,
  { signal, timeout, maxBytes, fetcher = globalThis.fetch.bind(globalThis), onWarning }: FetchFeedOptions,
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
    // Only what cannot be text is refused unread; everything else is recognised by its content.
    if (/^(?:image|audio|video|font)\//u.test(type)) {
      void response.body?.cancel().catch(() => {});
      throw new FeedError('content-type', `content type "${type}" is not a feed (JSON Feed, RSS or Atom)`);
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
    const body = decode(bytes, response.headers.get('content-type'));
    const base = response.url || new URL(url, document.baseURI).href;
    const start = /^[\s\ufeff]*(.)/u.exec(body)?.[1];
    if (start === '{' || (start !== '<' && JSON_TYPES.includes(type))) return resolveUrls(parseJsonFeed(body), base);
    if (start !== '<')
      throw new FeedError('content-type', `content type "${type || 'none'}" holds no feed (JSON Feed, RSS or Atom)`);
    const report: FeedReport = { badDates: 0, recovered: 0 };
    let items: RawFeedItem[];
    try {
      items = parseXmlFeed(body, base, report);
    } catch (error) {
      if (error instanceof FeedError && type && !XML_TYPES.includes(type)) error.message += ` (content type "${type}")`;
      throw error;
    }
    for (const message of reportMessages(report)) onWarning?.(message);
    return items;
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
function decode(bytes: Uint8Array, contentType: string | null): string {
  let label = /charset\s*=\s*"?([\w.:-]+)/iu.exec(contentType ?? '')?.[1];
  if (!label) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
    label = /^[\s\ufeff\u00ef\u00bb\u00bf]*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/u.exec(head)?.[1];
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

/** Relative links and images in a JSON Feed are relative to the feed, not to the page showing it. */
function resolveUrls(items: RawFeedItem[], base: string): RawFeedItem[] {
  return items.map((item) => ({ ...item, url: resolve(item.url, base), image: resolve(item.image, base) }));
}

function resolve(value: string | undefined, base: string): string | undefined {
  if (value === undefined || !value.trim()) return undefined;
  try {
    return new URL(value.trim(), base).href;
  } catch {
    return value;
  }
}

export { htmlToText };
/** RFC 822 and the other ways feeds write dates, as ISO 8601 (kept for existing callers). */
export const rfc822ToIso = parseFeedDate;

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
const ATOM03_NS = 'http://purl.org/atom/ns#';
const ITUNES_NS = 'http://www.itunes.com/dtds/podcast-1.0.dtd';
const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
/** RSS's own elements: no namespace (0.91, 2.0), RSS 1.0's, RSS 0.90's, and the one some 2.0 feeds declare. */
const RSS = [
  null,
  'http://purl.org/rss/1.0/',
  'http://my.netscape.com/rdf/simple/0.1/',
  'http://backend.userland.com/rss2',
];

/** Collects what reading a feed had to forgive, for one console warning per kind. */
export interface FeedReport {
  /** Items whose date was given but could not be read (the first such value). */
  badDates: number;
  badDate?: string;
  /** Malformed constructs the reader recovered from. */
  recovered: number;
}

/** The messages a report gives, one per kind. */
export function reportMessages(report: FeedReport): string[] {
  const messages: string[] = [];
  if (report.badDates)
    messages.push(
      `${report.badDates} item date(s) could not be read as a date (such as "${report.badDate}"); those teasers are shown without a date.`,
    );
  if (report.recovered)
    messages.push(`the feed is not well-formed XML (${report.recovered} construct(s)); it was read leniently.`);
  return messages;
}

/**
 * RSS (0.9x, 1.0, 2.0) or Atom (0.3, 1.0) items, found by the root element whatever the content
 * type said. Links and images resolve against `xml:base` and then `base` (the feed's URL).
 */
export function parseXmlFeed(
  body: string,
  base: string = document.baseURI,
  report: FeedReport = { badDates: 0, recovered: 0 },
): RawFeedItem[] {
  let root: XmlElement;
  try {
    root = parseXml(body, report);
  } catch (error) {
    if (error instanceof XmlError) throw new FeedError(error.kind, error.message);
    throw error;
  }
  if ((root.local === 'rss' && RSS.includes(root.ns)) || (root.local === 'RDF' && root.ns === RDF_NS))
    return parseRss(root, base, report);
  if (root.local === 'feed' && (root.ns === ATOM_NS || root.ns === ATOM03_NS)) return parseAtom(root, base, report);
  throw new FeedError('parse', `<${root.local}> is neither an RSS nor an Atom feed`);
}

const first = (parent: XmlElement, local: string, ns: readonly (string | null)[]) =>
  childElements(parent, local, ns)[0];
const plain = (el: XmlElement | undefined) => (el ? textOf(el).replace(/\s+/gu, ' ').trim() || undefined : undefined);
const html = (el: XmlElement | undefined) => (el ? htmlToText(textOf(el)) || undefined : undefined);

/** Reads a date element; a value that is there but unreadable is counted, the item kept. */
function readDate(values: (XmlElement | undefined)[], report: FeedReport): string | undefined {
  let unread: string | undefined;
  for (const el of values) {
    const value = plain(el);
    if (!value) continue;
    const iso = parseFeedDate(value);
    if (iso) return iso;
    unread ??= value;
  }
  if (unread !== undefined) {
    report.badDates++;
    report.badDate ??= unread;
  }
  return undefined;
}

interface Candidate {
  url: string;
  width?: number;
  alt?: string;
  base: string;
}

/** The width a teaser's image box needs at 2x: the smallest candidate at least this wide wins. */
const IMAGE_WIDTH = 480;

/**
 * Picks the image for the teaser's box: the smallest known width at least `IMAGE_WIDTH`, else the
 * first of unknown width, else the widest. Candidates come in the order feeds rank them.
 */
function pickImage(candidates: Candidate[]): { image?: string; imageAlt?: string } {
  const known = candidates.filter((c) => c.width !== undefined);
  const wide = known.filter((c) => c.width! >= IMAGE_WIDTH).sort((a, b) => a.width! - b.width!);
  const chosen =
    wide[0] ?? candidates.find((c) => c.width === undefined) ?? known.sort((a, b) => b.width! - a.width!)[0];
  if (!chosen) return {};
  return { image: resolve(chosen.url, chosen.base), imageAlt: chosen.alt };
}

const isImage = (el: XmlElement) => {
  const medium = el.attributes['medium'];
  const type = el.attributes['type'] ?? '';
  return medium === 'image' || type.startsWith('image/') || (!medium && !type);
};

/** Image candidates of an item: media RSS, iTunes, image enclosures, then the first image of its HTML. */
function imageCandidates(item: XmlElement, base: string, enclosures: XmlElement[], htmlParts: string[]): Candidate[] {
  const candidates: Candidate[] = [];
  const add = (el: XmlElement, url: string | undefined, width?: string) => {
    if (url?.trim()) candidates.push({ url, width: Number(width) || undefined, base: baseOf(el, base) });
  };
  for (const media of descendants(item, 'content', MEDIA_NS)) {
    if (!isImage(media)) continue;
    add(media, media.attributes['url'], media.attributes['width']);
    const alt = plain(descendants(media, 'description', MEDIA_NS)[0]);
    if (alt && candidates.length) candidates[candidates.length - 1]!.alt = alt;
  }
  for (const thumb of descendants(item, 'thumbnail', MEDIA_NS))
    add(thumb, thumb.attributes['url'], thumb.attributes['width']);
  for (const image of childElements(item, 'image', [ITUNES_NS])) add(image, image.attributes['href']);
  for (const enclosure of enclosures)
    if ((enclosure.attributes['type'] ?? '').startsWith('image/'))
      add(enclosure, enclosure.attributes['url'] ?? enclosure.attributes['href']);
  if (!candidates.length)
    for (const part of htmlParts) {
      const image = firstImage(part);
      if (image) {
        candidates.push({ url: image.src, width: image.width, alt: image.alt, base });
        break;
      }
    }
  return candidates;
}

function parseRss(root: XmlElement, documentBase: string, report: FeedReport): RawFeedItem[] {
  const channel = first(root, 'channel', RSS) ?? root;
  const items = [
    ...childElements(channel, 'item', RSS),
    ...(root.local === 'RDF' ? childElements(root, 'item', RSS) : []),
  ];
  // A podcast's cover stands in for episodes without their own image, as podcast apps show it.
  const cover = first(channel, 'image', [ITUNES_NS]);
  return items.map((item) => {
    const base = baseOf(item, documentBase);
    const guid = first(item, 'guid', RSS);
    const permalink = guid && guid.attributes['isPermaLink'] !== 'false' ? plain(guid) : undefined;
    const alternate = childElements(item, 'link', [ATOM_NS]).find(
      (l) => (l.attributes['rel'] ?? 'alternate') === 'alternate',
    );
    const description = first(item, 'description', RSS);
    const content = first(item, 'encoded', [CONTENT_NS]);
    const htmlParts = [description, content].filter((e) => e !== undefined).map(textOf);
    const candidates = imageCandidates(item, base, childElements(item, 'enclosure', RSS), htmlParts);
    if (!candidates.length && cover)
      candidates.push({ url: cover.attributes['href'] ?? '', base: baseOf(cover, documentBase) });
    return {
      id: plain(guid),
      url: resolve(
        plain(first(item, 'link', RSS)) ??
          alternate?.attributes['href'] ??
          (permalink && /^https?:/iu.test(permalink) ? permalink : undefined),
        base,
      ),
      title: html(first(item, 'title', RSS)),
      excerpt:
        html(description) ??
        html(content) ??
        plain(first(item, 'summary', [ITUNES_NS])) ??
        plain(descendants(item, 'description', MEDIA_NS)[0]),
      section: plain(first(item, 'category', RSS)) ?? plain(first(item, 'subject', [DC_NS])),
      date: readDate(
        [first(item, 'pubDate', RSS), first(item, 'date', [DC_NS]), first(item, 'updated', [ATOM_NS])],
        report,
      ),
      ...pickImage(candidates),
    };
  });
}

/** An Atom text construct: `text` literally, `html` (and 0.3's `text/html`) as HTML, `xhtml` as markup. */
function atomText(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const type = (el.attributes['type'] ?? 'text').toLowerCase();
  if (type === 'xhtml' || type === 'application/xhtml+xml') return htmlToText(innerXml(el)) || undefined;
  if (type === 'html' || type === 'text/html') return htmlToText(textOf(el)) || undefined;
  return plain(el);
}

function parseAtom(root: XmlElement, documentBase: string, report: FeedReport): RawFeedItem[] {
  const ns = [root.ns];
  return childElements(root, 'entry', ns).map((entry) => {
    const base = baseOf(entry, documentBase);
    const links = childElements(entry, 'link', ns);
    const alternates = links.filter((l) => (l.attributes['rel'] ?? 'alternate') === 'alternate');
    const alternate = alternates.find((l) => /html/u.test(l.attributes['type'] ?? 'text/html')) ?? alternates[0];
    const summary = first(entry, 'summary', ns);
    const content = first(entry, 'content', ns);
    const htmlParts = [summary, content]
      .filter((e) => e !== undefined && /html/u.test(e.attributes['type'] ?? ''))
      .map((e) => (e!.attributes['type'] === 'xhtml' ? innerXml(e!) : textOf(e!)));
    const category = first(entry, 'category', ns);
    return {
      id: plain(first(entry, 'id', ns)),
      url: alternate ? resolve(alternate.attributes['href'], baseOf(alternate, documentBase)) : undefined,
      title: atomText(first(entry, 'title', ns)),
      excerpt: atomText(summary) ?? atomText(content),
      section: category
        ? (category.attributes['label'] ?? category.attributes['term'])
        : plain(first(entry, 'subject', [DC_NS])),
      date: readDate(
        ['published', 'issued', 'created', 'updated', 'modified'].map((name) => first(entry, name, ns)),
        report,
      ),
      ...pickImage(
        imageCandidates(
          entry,
          base,
          links.filter((l) => l.attributes['rel'] === 'enclosure'),
          htmlParts,
        ),
      ),
    };
  });
}
