/**
 * An author's profile links from a CMS: URLs, separated by whitespace, each recognised as a
 * website, an e-mail address or a profile on a known network.
 */
import { safeUrl } from '../../internal/url.js';

export type AuthorLinkKind = 'website' | 'email' | 'profile';

export interface AuthorLink {
  kind: AuthorLinkKind;
  /** The safe URL to link to. */
  href: string;
  /** The network's name for profiles ("Mastodon", "LinkedIn"). */
  network?: string;
}

const NETWORKS: readonly [RegExp, string][] = [
  [/(^|\.)bsky\.app$/, 'Bluesky'],
  [/(^|\.)(x|twitter)\.com$/, 'X'],
  [/(^|\.)linkedin\.com$/, 'LinkedIn'],
  [/(^|\.)xing\.com$/, 'XING'],
  [/(^|\.)instagram\.com$/, 'Instagram'],
  [/(^|\.)facebook\.com$/, 'Facebook'],
  [/(^|\.)threads\.(net|com)$/, 'Threads'],
  [/(^|\.)github\.com$/, 'GitHub'],
  [/(^|\.)(youtube\.com|youtu\.be)$/, 'YouTube'],
  [/(^|\.)tiktok\.com$/, 'TikTok'],
  [/(^|\.)medium\.com$/, 'Medium'],
];

/** The most profile links a card shows: an author has a handful; 200,000 froze the page. */
export const MAX_LINKS = 20;

/** Splits a `links` attribute value into its URLs (at most `limit + 1`, so a caller sees the excess). */
export function splitLinks(value: string | null | undefined, limit = Infinity): string[] {
  const urls: string[] = [];
  for (const match of (value ?? '').matchAll(/\S+/g)) {
    if (urls.length > limit) break;
    urls.push(match[0]);
  }
  return urls;
}

/**
 * The safe links among `urls` (http, https, mailto; relative links to the publisher's own pages)
 * and the values that were dropped.
 */
export function parseLinks(urls: readonly unknown[]): { links: AuthorLink[]; dropped: string[] } {
  const links: AuthorLink[] = [];
  const dropped: string[] = [];
  for (const url of urls) {
    const href = safeUrl(url, { schemes: ['http:', 'https:', 'mailto:'] });
    if (!href) {
      dropped.push(String(url));
      continue;
    }
    links.push(describe(href));
  }
  return { links, dropped };
}

function describe(href: string): AuthorLink {
  if (/^mailto:/i.test(href)) return { kind: 'email', href };
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { kind: 'website', href };
  }
  const host = url.hostname.toLowerCase();
  for (const [pattern, network] of NETWORKS) if (pattern.test(host)) return { kind: 'profile', href, network };
  // Mastodon and other fediverse servers have no common host but share the `/@user` path.
  if (/^\/@[^/]+\/?$/.test(url.pathname)) return { kind: 'profile', href, network: 'Mastodon' };
  return { kind: 'website', href };
}
