import { safeUrl } from '../../internal/url.js';

/**
 * Keeps the `srcset` candidates whose URL is safe; `undefined` when none is. Candidates are read
 * as the HTML parser reads them: a URL runs to the next whitespace (a comma right after it ends
 * the candidate), then an optional `480w`/`2x` descriptor up to the next comma. A URL with a comma
 * inside (`data:image/png;base64,…`) stays one URL, and is dropped for its scheme.
 */
export function safeSrcset(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const kept: string[] = [];
  let rest = value;
  for (;;) {
    rest = rest.replace(/^[\s,]+/u, '');
    if (!rest) break;
    const urlMatch = /^\S+/u.exec(rest)!;
    let url = urlMatch[0];
    rest = rest.slice(url.length);
    let descriptor = '';
    if (/,+$/u.test(url)) {
      url = url.replace(/,+$/u, '');
    } else {
      const end = rest.indexOf(',');
      descriptor = (end < 0 ? rest : rest.slice(0, end)).trim();
      rest = end < 0 ? '' : rest.slice(end + 1);
    }
    if (descriptor && !/^\d+(?:\.\d+)?[wx]$/u.test(descriptor)) continue;
    const safe = safeUrl(url);
    if (safe) kept.push(descriptor ? `${safe} ${descriptor}` : safe);
  }
  return kept.length ? kept.join(', ') : undefined;
}
