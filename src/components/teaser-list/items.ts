/**
 * The data shape of one teaser and its defensive normalisation: whatever a CMS, a JSON attribute
 * or a feed hands over, only strings survive, URLs pass `safeUrl`, dates must be ISO 8601, and an
 * item without a title or a safe link is dropped.
 */
import { parseIsoDate } from '../../internal/datetime.js';
import { safeUrl } from '../../internal/url.js';
import { safeSrcset } from '../teaser/srcset.js';

/** One article as data, for `<gz-teaser-list>`'s `items`. */
export interface TeaserItem {
  /** A stable id for analytics; defaults to the link. */
  id?: string;
  /** The article's URL (http, https or relative). */
  href: string;
  title: string;
  /** Plain text; cut at `max-chars` with `…`. */
  excerpt?: string;
  /** Category label (`Finanzen`). */
  section?: string;
  /** The site's short name (`DWN`). */
  brand?: string;
  /** ISO 8601 date or date-time. */
  date?: string;
  image?: string;
  imageAlt?: string;
  srcset?: string;
}

/** Why items were dropped, for one warning per kind. */
export interface NormalizeReport {
  missing: number;
  unsafe: number;
}

const text = (value: unknown): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const s = String(value).replace(/\s+/gu, ' ').trim();
  return s || undefined;
};

/**
 * Turns one unknown value into a teaser item, or `undefined` (counted in `report`) when it has
 * no title or no safe link. Unsafe images are dropped silently with the item kept.
 */
export function normalizeItem(raw: unknown, report: NormalizeReport): TeaserItem | undefined {
  if (!raw || typeof raw !== 'object') {
    report.missing++;
    return undefined;
  }
  const r = raw as Record<string, unknown>;
  const title = text(r['title']);
  const rawHref = r['href'] ?? r['url'];
  if (!title || text(rawHref) === undefined) {
    report.missing++;
    return undefined;
  }
  const href = safeUrl(rawHref);
  if (!href) {
    report.unsafe++;
    return undefined;
  }
  const item: TeaserItem = { href, title };
  const id = text(r['id']);
  if (id) item.id = id;
  const excerpt = text(r['excerpt'] ?? r['summary']);
  if (excerpt) item.excerpt = excerpt;
  const section = text(r['section'] ?? r['category']);
  if (section) item.section = section;
  const brand = text(r['brand']);
  if (brand) item.brand = brand;
  const date = text(r['date']);
  if (date && parseIsoDate(date)) item.date = date;
  const image = safeUrl(r['image']);
  if (image) {
    item.image = image;
    const alt = text(r['imageAlt'] ?? r['image_alt']);
    if (alt) item.imageAlt = alt;
    const srcset = safeSrcset(r['srcset']);
    if (srcset) item.srcset = srcset;
  }
  return item;
}

/**
 * The fields `normalizeItem` reads, as they were when it read them: an object whose fields still
 * hold the same values normalises the same. Named reads, not a loop over a list of keys: a
 * 1,000-item update compares 14,000 fields, and keyed reads of absent keys cost ten times more.
 * Both lists must name every field `normalizeItem` reads: test/properties.test.ts finds those
 * reads with a Proxy and fails on a stale result when one is missing.
 */
const fields = (r: Record<string, unknown>) => ({ title: r['title'], href: r['href'], url: r['url'], id: r['id'], excerpt: r['excerpt'], summary: r['summary'], section: r['section'], category: r['category'], brand: r['brand'], date: r['date'], image: r['image'], imageAlt: r['imageAlt'], image_alt: r['image_alt'], srcset: r['srcset'] }); // prettier-ignore
type Fields = ReturnType<typeof fields>;
const unchanged = (r: Record<string, unknown>, v: Fields): boolean =>
  r['title'] === v.title && r['href'] === v.href && r['url'] === v.url && r['id'] === v.id && r['excerpt'] === v.excerpt && r['summary'] === v.summary && r['section'] === v.section && r['category'] === v.category && r['brand'] === v.brand && r['date'] === v.date && r['image'] === v.image && r['imageAlt'] === v.imageAlt && r['image_alt'] === v.image_alt && r['srcset'] === v.srcset; // prettier-ignore

interface Normalized {
  values: Fields | undefined;
  item: TeaserItem | undefined;
  report: NormalizeReport;
}
const normalized = new WeakMap<object, Normalized>();

/**
 * Normalises a list; items that fail are counted in the returned report. An object already
 * normalised with the same values gives the same item object back, so a new array with one item
 * changed costs one normalisation and the list re-renders one item.
 */
export function normalizeItems(list: unknown): { items: TeaserItem[]; report: NormalizeReport } {
  const report: NormalizeReport = { missing: 0, unsafe: 0 };
  const items: TeaserItem[] = [];
  if (Array.isArray(list)) {
    for (const raw of list) {
      let known = raw && typeof raw === 'object' ? normalized.get(raw as object) : undefined;
      if (known && !unchanged(raw as Record<string, unknown>, known.values!)) known = undefined;
      if (!known) {
        const own: NormalizeReport = { missing: 0, unsafe: 0 };
        known = { values: undefined, item: normalizeItem(raw, own), report: own };
        if (raw && typeof raw === 'object') {
          known.values = fields(raw as Record<string, unknown>);
          normalized.set(raw as object, known);
        }
      }
      report.missing += known.report.missing;
      report.unsafe += known.report.unsafe;
      if (known.item) items.push(known.item);
    }
  }
  return { items, report };
}

/** A URL without its fragment and trailing slash, resolved against the page: for `exclude`. */
export function comparableUrl(value: string, base = document.baseURI): string | undefined {
  try {
    const url = new URL(value, base);
    url.hash = '';
    return url.href.replace(/\/$/u, '');
  } catch {
    return undefined;
  }
}
