/**
 * URLs from data Gazette did not write (CMS fields, feeds, JSON) pass through `safeUrl` before
 * they become an `href` or `src`. Only the schemes a caller allows survive (http and https by
 * default); `javascript:`, `data:`, `vbscript:` and everything else are dropped, whatever their
 * case, surrounding whitespace, control characters or embedded tabs and newlines: the check runs
 * on what the platform's URL parser makes of the value, which is what the browser would follow.
 */
export type UrlScheme = 'http:' | 'https:' | 'mailto:' | 'tel:';

export interface SafeUrlOptions {
  /** Schemes allowed for absolute URLs. Default http and https. */
  schemes?: readonly UrlScheme[];
  /** Whether relative URLs (`/politik`, `../a.jpg`, `#top`) are allowed. Default true. */
  relative?: boolean;
}

const PLACEHOLDER_BASE = 'https://relative.invalid/';

/** The longest URL treated as one. */
export const MAX_URL = 16_384;

/** Returns a URL that is safe to put in `href`/`src`, or `undefined`. */
export function safeUrl(
  value: unknown,
  { schemes = ['http:', 'https:'], relative = true }: SafeUrlOptions = {},
): string | undefined {
  // Longer than any link a CMS writes (signed CDN URLs stay under a few kB): not parsed at all.
  if (typeof value !== 'string' || value.length > MAX_URL) return undefined;
  // The URL parser strips leading/trailing C0 controls and spaces and removes tabs and newlines.
  // eslint-disable-next-line no-control-regex
  const trimmed = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (!trimmed) return undefined;
  let absolute: URL | undefined;
  try {
    absolute = new URL(trimmed);
  } catch {
    absolute = undefined;
  }
  if (absolute) return (schemes as readonly string[]).includes(absolute.protocol) ? absolute.href : undefined;
  if (!relative) return undefined;
  try {
    // A relative reference (`/a`, `../b.jpg`, `#top`, `//cdn.example/c.jpg`) takes the scheme of the
    // page, which is http(s). Return it exactly as checked: removing characters from it could turn
    // it into something else (`a\u0000http://x` into `ahttp://x`).
    new URL(trimmed, PLACEHOLDER_BASE);
    return trimmed;
  } catch {
    return undefined;
  }
}
