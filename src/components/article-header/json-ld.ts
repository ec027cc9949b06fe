import { parseIsoDate } from '../../internal/datetime.js';
import { safeUrl } from '../../internal/url.js';
import { countOf, readingMinutes } from '../reading-time/count.js';
import type { GzArticleHeader } from './article-header.component.js';

/** An author as `<gz-author-card>` knows it. */
export interface JsonLdAuthor {
  name: string;
  url?: string | undefined;
  image?: string | undefined;
  jobTitle?: string | undefined;
}

/** What the elements know about an article, for schema.org `NewsArticle`. */
export interface NewsArticleInput {
  headline: string;
  /** ISO 8601 as given; with `timeZone` a date-time is written in that zone's offset. */
  published?: string | null | undefined;
  updated?: string | null | undefined;
  timeZone?: string | undefined;
  authors: JsonLdAuthor[];
  section?: string | null | undefined;
  wordCount?: number | undefined;
  minutes?: number | undefined;
  lang?: string | undefined;
  image?: string | undefined;
  publisher?: string | null | undefined;
  publisherLogo?: string | undefined;
}

/** `2024-11-17T16:03:00+01:00`: the instant in a time zone, with its offset. */
export function isoWithOffset(date: Date, timeZone = 'UTC'): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : String(parts.timeZoneName).replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

function jsonLdDate(value: string | null | undefined, timeZone: string | undefined): string | undefined {
  const parsed = parseIsoDate(value);
  if (!parsed) return undefined;
  if (parsed.dateOnly) return value!.trim().slice(0, 10);
  return isoWithOffset(parsed.date, timeZone);
}

/** A schema.org `NewsArticle` object, with the fields Google documents for articles. */
export function newsArticle(input: NewsArticleInput): Record<string, unknown> {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: input.headline,
  };
  const published = jsonLdDate(input.published, input.timeZone);
  const modified = jsonLdDate(input.updated, input.timeZone);
  if (published) data.datePublished = published;
  if (modified ?? published) data.dateModified = modified ?? published;
  if (input.authors.length) {
    data.author = input.authors.map((a) => ({
      '@type': 'Person',
      name: a.name,
      ...(a.url ? { url: a.url } : {}),
      ...(a.image ? { image: a.image } : {}),
      ...(a.jobTitle ? { jobTitle: a.jobTitle } : {}),
    }));
  }
  if (input.section) data.articleSection = input.section;
  if (input.wordCount) data.wordCount = input.wordCount;
  if (input.minutes) data.timeRequired = `PT${input.minutes}M`;
  if (input.lang) data.inLanguage = input.lang;
  if (input.image) data.image = [input.image];
  if (input.publisher) {
    data.publisher = {
      '@type': 'Organization',
      name: input.publisher,
      ...(input.publisherLogo ? { logo: { '@type': 'ImageObject', url: input.publisherLogo } } : {}),
    };
  }
  return data;
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>`, `&` and the line separators are
 * escaped, so no value (a headline with `</script>` or `<!--`) can end the script element, also when
 * the page is serialized or rendered on a server.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

interface ScriptPolicy {
  createScript(input: string): unknown;
}
const POLICY = Symbol.for('gazette.trusted-types-policy');

/**
 * The `gazette` Trusted Types policy, shared by every copy of Gazette on the page (a second
 * `createPolicy('gazette')` would throw where the page's CSP forbids duplicates). `null` when the
 * page's CSP does not allow the name; `undefined` without Trusted Types.
 */
export function gazettePolicy(): ScriptPolicy | null | undefined {
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): ScriptPolicy } })
    .trustedTypes;
  if (!tt) return undefined;
  const store = globalThis as { [POLICY]?: ScriptPolicy | null };
  if (store[POLICY] !== undefined) return store[POLICY];
  try {
    // Only serializeJsonLd output reaches it: JSON data, never executable script.
    store[POLICY] = tt.createPolicy('gazette', { createScript: (input: string) => input });
  } catch {
    store[POLICY] = null;
  }
  return store[POLICY];
}

/** Writes the JSON-LD into a data script; false when Trusted Types refuse it. */
export function writeJsonLd(script: HTMLScriptElement, json: string): boolean {
  const policy = gazettePolicy();
  if (policy === null) return false;
  (script as unknown as { text: unknown }).text = policy ? policy.createScript(json) : json;
  return true;
}

/**
 * The `NewsArticle` of a header, from what the page's elements know (its headline, dates, section
 * and JSON-LD attributes, the `<gz-author-card>`s and the body of its `<article>`), or undefined
 * without a headline.
 */
export function headerJsonLd(
  header: GzArticleHeader,
  lang: string,
  timeZone: string | undefined,
): Record<string, unknown> | undefined {
  const headline = header.querySelector(':scope > :not([slot])')?.textContent?.replace(/\s+/g, ' ').trim();
  if (!headline) return undefined;
  const doc = header.ownerDocument;
  const scope = header.closest('article') ?? doc;
  const absolute = (value: unknown) => {
    const url = safeUrl(value);
    return url ? new URL(url, doc.baseURI).href : undefined;
  };
  const authors: JsonLdAuthor[] = [];
  for (const card of scope.querySelectorAll('gz-author-card')) {
    const props = card as Element & Partial<Record<'name' | 'href' | 'image' | 'jobTitle', string | null>>;
    const name = (props.name ?? card.getAttribute('name'))?.replace(/\s+/g, ' ').trim();
    if (!name) continue;
    authors.push({
      name,
      url: absolute(props.href ?? card.getAttribute('href')),
      image: absolute(props.image ?? card.getAttribute('image')),
      jobTitle: (props.jobTitle ?? card.getAttribute('job-title'))?.trim() || undefined,
    });
  }
  const body =
    (header.readingTimeFor && doc.getElementById(header.readingTimeFor)) || scope.querySelector('gz-article-body');
  const count = body ? countOf(body, lang) : undefined;
  return newsArticle({
    headline,
    published: header.published,
    updated: header.lastUpdated,
    timeZone,
    authors,
    section: header.section?.trim(),
    wordCount: count?.words,
    minutes: count && count.words ? readingMinutes(count) : undefined,
    lang,
    image: absolute(header.jsonLdImage),
    publisher: header.jsonLdPublisher?.trim(),
    publisherLogo: absolute(header.jsonLdPublisherLogo),
  });
}

/**
 * Keeps the header's `<script type="application/ld+json" slot="json-ld">` child in step with
 * `headerJsonLd` (removed without a headline); false when Trusted Types refuse to write it.
 */
export function syncJsonLd(header: GzArticleHeader, lang: string, timeZone: string | undefined): boolean {
  let script = header.querySelector<HTMLScriptElement>(':scope > script[slot="json-ld"]');
  const data = headerJsonLd(header, lang, timeZone);
  if (!data) {
    script?.remove();
    return true;
  }
  const json = serializeJsonLd(data);
  if (script?.text === json) return true;
  if (!script) {
    script = header.ownerDocument.createElement('script');
    script.type = 'application/ld+json';
    script.slot = 'json-ld';
  }
  if (!writeJsonLd(script, json)) return false;
  if (!script.isConnected) header.append(script);
  return true;
}
