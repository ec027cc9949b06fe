/**
 * An identity tag named `css`, so the build minifies this text like every element's `css`
 * template (scripts/lib/lit-css.mjs), without importing Lit: this module belongs to the on-demand
 * page-styles chunk, which must import nothing from the main chunk (a main chunk loaded with a
 * query, `gazette.js?v=3`, would otherwise be loaded a second time by it).
 */
const css = (strings: TemplateStringsArray): string => strings.join('');

/**
 * The typesetting of the article's light-DOM content. `<gz-article-body>` adopts this sheet into
 * its root node (the document, or the shadow root it lives in), once per root.
 *
 * - `@scope (gz-article-body) to ([insert-after])` keeps every rule inside the body and out of
 *   content placed at an insertion point: nothing leaks to the rest of the page.
 * - Rules are unlayered and read `:scope <element>` (specificity 0,1,1), and scoped rules beat
 *   unscoped ones of equal specificity by scope proximity: a page's `p {…}`, `article p {…}`,
 *   `.content p {…}` or `* {…}` does not reach the typeset text. An id selector or `!important`
 *   does: that is a publisher's deliberate override, as are the `--gz-article-body-*` properties.
 * - The properties set are the ones page CSS commonly breaks: font, size, line height, colour,
 *   margins, measure, alignment, indent, letter and word spacing, transforms of case.
 */
export const contentCss = css`
  /* Marker: tells Gazette's script that the page links this sheet (preload.css, ssr.css). */
  :where(:root) {
    --gz-sheet-typesetting: 1;
  }
  @scope (gz-article-body) to ([insert-after]) {
    :scope {
      /* About 65 characters: half an em per character of the text size. A length, not ch, so
         subheadings, quotes and captions share the paragraphs' line length. */
      --_measure: var(--gz-article-body-measure, calc(var(--_size) * 32.5));
      --_font: var(--gz-article-body-font-family, var(--gz-font-body));
      --_size: var(--gz-article-body-font-size, var(--gz-font-size-l));
      --_leading: var(--gz-article-body-line-height, var(--gz-line-height-relaxed));
      --_color: var(--gz-article-body-color, var(--gz-color-text));
      --_gap: var(--gz-article-body-paragraph-spacing, 1em);
      --_heading-font: var(--gz-article-body-heading-font-family, var(--gz-font-heading));
      --_accent: var(--gz-article-body-accent, var(--gz-color-accent));
      --_muted: var(--gz-color-text-muted);
    }

    :scope :is(p, li, dt, dd, blockquote, figcaption, caption, td, th, pre, summary, h1, h2, h3, h4, h5, h6) {
      color: var(--_color);
      text-align: start;
      text-indent: 0;
      text-transform: none;
      letter-spacing: normal;
      word-spacing: normal;
    }
    :scope :is(p, li, dt, dd) {
      font-family: var(--_font);
      font-size: var(--_size);
      font-style: normal;
      font-weight: var(--gz-font-weight-regular);
      line-height: var(--_leading);
      hyphens: auto;
      overflow-wrap: break-word;
      text-wrap: pretty;
    }
    :scope :is(p, ul, ol, dl, details) {
      max-inline-size: var(--_measure);
      margin-block: 0 var(--_gap);
      margin-inline: 0;
    }
    :scope :is(li, dd) :is(p, ul, ol) {
      margin-block: var(--gz-space-2xs);
    }
    :scope :is(ul, ol) {
      padding-inline-start: 1.5em;
    }
    :scope li {
      margin-block: 0 var(--gz-space-2xs);
    }
    :scope dt {
      font-weight: var(--gz-font-weight-bold);
    }
    :scope dd {
      margin-inline-start: 1.5em;
    }

    :scope :is(h1, h2, h3, h4, h5, h6) {
      max-inline-size: var(--_measure);
      margin-block: 1.6em 0.5em;
      margin-inline: 0;
      font-family: var(--_heading-font);
      font-style: normal;
      font-weight: var(--gz-font-weight-bold);
      line-height: var(--gz-line-height-tight);
      hyphens: manual;
      text-wrap: balance;
      scroll-margin-block-start: var(--gz-article-body-scroll-margin, var(--gz-space-xl));
    }
    :scope :is(h1, h2) {
      font-size: var(--gz-font-size-xl);
    }
    :scope :is(h3, h4, h5, h6) {
      font-size: var(--gz-font-size-l);
    }
    :scope > :is(h1, h2, h3, h4, h5, h6):first-child {
      margin-block-start: 0;
    }

    :scope :is(a, em, strong, b, i, u, s, span, abbr, cite, q, time, mark, dfn, bdi, bdo, data, del, ins) {
      font-family: inherit;
      font-size: inherit;
      line-height: inherit;
      letter-spacing: inherit;
      text-transform: inherit;
    }
    :scope a {
      color: var(--gz-article-body-link-color, var(--gz-color-link));
      text-decoration: underline;
      text-decoration-thickness: 1px;
      text-underline-offset: 0.15em;
    }
    :scope a:hover {
      text-decoration-thickness: 2px;
    }
    :scope a:focus-visible {
      outline: var(--gz-focus-ring-width) solid var(--gz-color-focus);
      outline-offset: 2px;
      border-radius: 2px;
    }
    /* The link stands after its heading, outside the heading's accessible name, and is drawn at
       the end of the heading's last line (anchor positioning; the heading keeps room for it). */
    :scope :is(h1, h2, h3, h4, h5, h6):has(+ .gz-anchor) {
      inline-size: fit-content;
      padding-inline-end: 1.4em;
    }
    :scope .gz-anchor {
      position: absolute;
      inset-inline-end: anchor(end);
      inset-block-end: anchor(end);
      padding-inline: 0.3em;
      color: var(--_muted);
      font-size: var(--gz-font-size-l);
      text-decoration: none;
      opacity: 0;
    }
    :scope .gz-anchor::before {
      content: '#';
    }
    :scope :is(h1, h2, h3, h4, h5, h6):hover + .gz-anchor,
    :scope .gz-anchor:hover,
    :scope .gz-anchor:focus-visible {
      opacity: 1;
    }

    :scope blockquote {
      max-inline-size: var(--_measure);
      margin-block: 1.5em;
      margin-inline: 0;
      padding-inline-start: 1em;
      border-inline-start: 3px solid var(--_accent);
      font-family: var(--_font);
      font-size: var(--_size);
      font-style: italic;
      line-height: var(--_leading);
    }
    :scope blockquote p {
      font-style: inherit;
    }
    :scope blockquote > :last-child {
      margin-block-end: 0;
    }
    :scope :is(.pullquote, .pull-quote) {
      max-inline-size: var(--_measure);
      margin-block: 2em;
      margin-inline: 0;
      padding-block: 0.75em;
      padding-inline: 0;
      border: 0;
      border-block: 2px solid var(--_accent);
      font-family: var(--_heading-font);
      font-size: var(--gz-font-size-xl);
      font-style: normal;
      font-weight: var(--gz-font-weight-bold);
      line-height: var(--gz-line-height-tight);
    }
    :scope :is(.pullquote, .pull-quote) p {
      margin: 0;
    }
    :scope :is(blockquote, .pullquote, .pull-quote) cite,
    :scope :is(blockquote, .pullquote, .pull-quote) footer {
      display: block;
      margin-block-start: 0.5em;
      color: var(--_muted);
      font-family: var(--gz-font-ui);
      font-size: var(--gz-font-size-s);
      font-style: normal;
      font-weight: var(--gz-font-weight-regular);
    }

    :scope figure {
      margin-block: 1.5em;
      margin-inline: 0;
      padding: 0;
    }
    :scope :is(img, picture, video) {
      display: block;
      max-inline-size: 100%;
      block-size: auto;
      border: 0;
    }
    :scope p img {
      display: inline;
    }
    :scope figcaption {
      max-inline-size: var(--_measure);
      margin-block-start: var(--gz-space-xs);
      color: var(--_muted);
      font-family: var(--gz-font-ui);
      font-size: var(--gz-font-size-s);
      font-style: normal;
      line-height: var(--gz-line-height-normal);
    }
    /* Credits in capitals without text-transform, which would reach the accessibility tree
       ("FOTO: DPA"): all-small-caps draws capitals from the text as written. Small capitals are
       about 0.7 of a capital's height, so the size is divided by 0.7 (and the leading and
       tracking multiplied) to keep the capitals and the line as they were. */
    :scope figcaption :is(small, .credit) {
      font-size: calc(var(--gz-font-size-xs) / 0.7);
      font-variant-caps: all-small-caps;
      line-height: calc(var(--gz-line-height-normal) * 0.7);
      letter-spacing: 0.028em;
    }

    :scope .gz-table-scroll {
      max-inline-size: 100%;
      margin-block: 1.5em;
      overflow-x: auto;
      overscroll-behavior-x: contain;
    }
    :scope .gz-table-scroll:focus-visible {
      outline: var(--gz-focus-ring-width) solid var(--gz-color-focus);
      outline-offset: 2px;
    }
    :scope table {
      border-collapse: collapse;
      min-inline-size: 100%;
      font-family: var(--gz-font-ui);
      font-size: var(--gz-font-size-s);
      font-variant-numeric: tabular-nums;
      line-height: var(--gz-line-height-normal);
    }
    :scope caption {
      padding-block-end: var(--gz-space-xs);
      font-weight: var(--gz-font-weight-bold);
      caption-side: top;
    }
    :scope :is(td, th) {
      padding-block: var(--gz-space-xs);
      padding-inline: var(--gz-space-s);
      border-block-end: 1px solid var(--gz-color-border);
      vertical-align: top;
      white-space: nowrap;
    }
    :scope th {
      font-weight: var(--gz-font-weight-bold);
      border-block-end-width: 2px;
    }

    :scope hr {
      inline-size: 6em;
      max-inline-size: 100%;
      margin-block: 2em;
      margin-inline: 0;
      border: 0;
      border-block-start: 1px solid var(--gz-color-border);
    }
    :scope pre {
      max-inline-size: 100%;
      margin-block: 0 var(--_gap);
      padding: var(--gz-space-s);
      overflow-x: auto;
      background: var(--gz-color-surface);
      font-family: var(--gz-font-mono);
      font-size: var(--gz-font-size-s);
    }
    :scope code {
      font-family: var(--gz-font-mono);
      font-size: 0.9em;
    }
    :scope :is(strong, b) {
      font-weight: var(--gz-font-weight-bold);
    }
    :scope :is(sub, sup) {
      line-height: 0;
    }

    @media (forced-colors: active) {
      :scope .gz-anchor {
        opacity: 1;
      }
    }
  }

  /* Content at an insertion point is the publisher's: only spacing around it, with no specificity. */
  :where(gz-article-body > [insert-after]) {
    display: block;
    margin-block: var(--gz-space-xl);
  }
`;
