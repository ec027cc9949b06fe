import { html, type TemplateResult } from 'lit';

/** A private-use character marks where a value goes in a translated sentence. */
const MARK = '\uE000';

/**
 * Builds a sentence from a translation that places values (`terms.authorBy`) or an `Intl` list,
 * with rendered values (links) where the strings would go: the translation decides the word order,
 * the values stay templates, and nothing is parsed as HTML.
 */
export function interleave<V>(format: (...placeholders: string[]) => string, values: readonly V[]): (string | V)[] {
  const text = format(...values.map((_, i) => `${MARK}${i}${MARK}`));
  const out: (string | V)[] = [];
  const pattern = new RegExp(`${MARK}(\\d+)${MARK}`, 'g');
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index > last) out.push(text.slice(last, match.index));
    const value = values[Number(match[1])];
    if (value !== undefined) out.push(value);
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** The template for one name: a link when there is a safe URL, else text. */
export function nameLink(name: string, href: string | undefined, part = 'name-link'): TemplateResult {
  return href ? html`<a part=${part} href=${href}>${name}</a>` : html`${name}`;
}
