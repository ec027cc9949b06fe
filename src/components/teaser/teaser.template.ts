import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { cssProps } from '../../internal/css-props.js';

/** What one teaser shows, already checked: safe URLs, a valid level, the date's texts. */
export interface TeaserView {
  /** A safe link; without it the title is not a link. */
  href: string | undefined;
  brand: string | null | undefined;
  section: string | null | undefined;
  /** "Rubrik" / "Section": read before the category. */
  sectionLabel: string;
  level: number;
  image: string | undefined;
  srcset: string | undefined;
  sizes: string | undefined;
  imageAlt: string;
  /** The `datetime` value. */
  dateIso: string | undefined;
  /** The date as shown (`17.02.2026`, "vor 2 Stunden"). */
  dateText: string | undefined;
  /** The date as read ("Dienstag, 17. Februar 2026"), or the relative form. */
  dateSpoken: string | undefined;
  /** Excerpt lines; `undefined` inherits them (a list sets them once, on its root: no style
   * binding per item then). Set through the CSSOM (`cssProps`): a `style` attribute would be
   * blocked under a strict CSP. */
  lines: number | undefined;
  role?: string;
  lang?: string;
  dir?: string;
}

type Tag = (strings: TemplateStringsArray, ...values: unknown[]) => TemplateResult;

/**
 * The markup of one teaser, shared by `<gz-teaser>` (title and excerpt are slots) and
 * `<gz-teaser-list>` (title and excerpt are the item's text, with `listTag`). One template per
 * teaser: what may be missing (meta, brand, category, date) is `hidden`, not a nested template,
 * so 1,000 teasers clone 1,000 templates (plus one per image), not 8,000. Brand and category are
 * set in capitals, but `text-transform` reaches the accessibility tree ("FINANZEN" is spelled out):
 * the capitals are drawn from an aria-hidden copy (`.caps`) and the text is read as written.
 */
export const teaserTemplate = (
  tag: Tag,
  v: TeaserView,
  title: unknown,
  excerpt: unknown,
  onClick: (event: MouseEvent) => void,
): TemplateResult =>
  tag`<div part="base" class="teaser" role=${ifDefined(v.role)} lang=${ifDefined(v.lang)} dir=${ifDefined(v.dir)} style=${v.lines ? cssProps({ '--_lines': String(v.lines) }) : nothing}>${
    v.image
      ? tag`<div part="media" class="media"><img part="image" src=${v.image} srcset=${ifDefined(v.srcset)} sizes=${ifDefined(v.sizes)} alt=${v.imageAlt} loading="lazy" decoding="async"></div>`
      : nothing
  }<div class="content"><p part="meta" class="meta" ?hidden=${!v.brand && !v.section}><span part="brand" class="brand" ?hidden=${!v.brand}><span class="caps" aria-hidden="true">${v.brand}</span><span class="visually-hidden">${v.brand}</span></span> <span part="section" class="section" ?hidden=${!v.section}><span class="visually-hidden">${v.sectionLabel}: </span><span class="caps" aria-hidden="true">${v.section}</span><span class="visually-hidden">${v.section}</span></span></p><div part="heading" class="heading" role="heading" aria-level=${v.level}><a part="link" class="link" href=${ifDefined(v.href)} @click=${onClick}>${title}</a></div><time part="date" class="date" datetime=${ifDefined(v.dateIso)} aria-hidden="true" ?hidden=${!v.dateText}>${v.dateText}</time><span class="visually-hidden" ?hidden=${!v.dateText}>${v.dateSpoken}</span><div part="excerpt" class="excerpt">${excerpt}</div></div></div>`;

const listStrings = new WeakMap<TemplateStringsArray, TemplateStringsArray>();

/**
 * `html` for a teaser inside `<gz-teaser-list>`'s shadow root: the same strings with the parts
 * named as the list exposes them (`teaser-heading`, …; the root is also `item` and `teaser`).
 * Rewritten once per template, then Lit caches it like any other.
 */
export const listTag: Tag = (strings, ...values) => {
  let rewritten = listStrings.get(strings);
  if (!rewritten) {
    const parts = strings.map((s) =>
      s
        .replace('part="base" class="teaser"', 'part="item teaser teaser-base" class="teaser item"')
        .replace(/part="(?!item )/gu, 'part="teaser-'),
    );
    rewritten = Object.assign(parts, { raw: parts }) as unknown as TemplateStringsArray;
    listStrings.set(strings, rewritten);
  }
  return html(rewritten, ...values);
};
