import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { canonicalLocale, LocalizeController } from '../../controllers/localize.js';
import { ArticleBodyProvider } from '../../internal/contexts.js';
import { deepActiveElement, FocusKeeper } from '../../internal/focus.js';
import { GzElement } from '../../internal/gz-element.js';
import { hydrating } from '../../internal/hydration.js';
import { adoptPageStyles, pageStyles } from '../../internal/tokens.js';
import { warnOnce } from '../../internal/warn.js';
import { hostStyles } from '../../styles/host.styles.js';
import { countNode, type TextCount } from '../reading-time/count.js';
import { styles } from './article-body.styles.js';
import { slugify, uniqueId } from './slug.js';
import { repairSpacing } from './spacing.js';

/** A subheading listed in the table of contents. */
export interface ArticleBodyHeading {
  id: string;
  text: string;
  level: 2 | 3;
}

interface TocEntry extends ArticleBodyHeading {
  children: ArticleBodyHeading[];
}

const HEADINGS = 'h2, h3, h4, h5, h6';
const INSERTION = '[insert-after]';
const ANCHOR = 'a.gz-anchor';
/** Each heading's `anchor-name`, unique in the page, for its link to be drawn beside it. */
const anchorNames = new WeakMap<Element, string>();
let anchorCount = 0;

function sameHeadings(a: readonly ArticleBodyHeading[], b: readonly ArticleBodyHeading[]): boolean {
  return (
    a.length === b.length && a.every((h, i) => h.id === b[i]!.id && h.text === b[i]!.text && h.level === b[i]!.level)
  );
}

/** Shadow roots that have adopted the content sheet (the document has it from the page or GzElement). */
const adopted = new WeakSet<ShadowRoot>();

/**
 * The article's text, typeset: a readable measure (about 65 characters), relaxed leading, hyphenation
 * in the content's language, spacing between paragraphs and subheadings, quotes and pull quotes
 * (`class="pullquote"`), figures with captions and credits, lists, and tables that scroll instead
 * of overflowing.
 *
 * **Content stays in light DOM**, as the CMS rendered it: search engines, reader mode, copy and
 * paste and pages without JavaScript see it, and `document.querySelector` finds it.
 *
 * **Styles** reach the light-DOM content through a stylesheet the element adopts into its root
 * node (the document, or the shadow root it sits in), once per root. Its rules sit in
 * `@scope (gz-article-body) to ([insert-after])`: they cannot leak to the rest of the page, nor into
 * content placed at an insertion point. They are unlayered and read `:scope p` (specificity 0,1,1),
 * and scope proximity breaks ties, so the host page's `p {…}`, `article p {…}`, `.content p {…}` and
 * `* {…}` do not change the typeset text; an id selector or `!important` does, as a deliberate
 * override. Theme it with the `--gz-article-body-*` properties.
 *
 * **HTML strings** given in the `html` property are sanitized before insertion: the platform's
 * HTML Sanitizer API (`Element.setHTML`) where it exists, otherwise DOMPurify, loaded on demand
 * with a dynamic import (pages that never set `html` never download it). No script, style, forms,
 * SVG, MathML, iframes, event handlers or `style` attributes; links only to http(s), mailto and
 * relative URLs; `target="_blank"` links get `rel="noopener noreferrer"`. `null` clears the content.
 *
 * **Subheadings** get stable ids, slugs of their text (German umlauts as `ae`, `oe`, `ue`, other
 * languages without diacritics), unique in the page; ids the CMS gave are kept. `anchors` adds a
 * link to each subheading for sharing; `toc` shows a table of contents of the h2 and h3.
 *
 * **Insertion points**: a child with `insert-after="3"` (an ad slot, a teaser list, a newsletter
 * box) is moved after the third paragraph; `0` puts it first, a number beyond the last paragraph
 * puts it last. Its text is not counted as the article's.
 *
 * **Words run together** at an inline element's border (`sollen<a>Trassen</a>`, a lowercase letter
 * meeting an uppercase one) get their space back, unless `no-repair-spacing` is set.
 *
 * It provides itself to `<gz-reading-time>` and `<gz-article-header>` (context
 * `articleBodyContext`): consumers read `words`, `images` and `language`, and subscribed consumers
 * are sent the body again, once per frame at most, when those change.
 *
 * `progress` shows a thin reading-progress bar at the top of the viewport, driven by a
 * scroll-driven animation (no scroll handler); it is hidden under `prefers-reduced-motion` and in
 * browsers without scroll timelines.
 *
 * @summary The article's text in light DOM: typeset, sanitized, with ids, contents and insertion points.
 *
 * @slot - The article's content: paragraphs, subheadings, figures, quotes, lists, tables, and
 *   elements with `insert-after`.
 *
 * @csspart base - The wrapper around the table of contents and the content.
 * @csspart toc - The table of contents (`<nav>`).
 * @csspart toc-title - The table of contents' title.
 * @csspart progress - The reading-progress track (fixed at the top of the viewport).
 * @csspart progress-bar - The reading-progress bar.
 *
 * @cssproperty --gz-article-body-measure - Maximum line length of text, subheadings, quotes and captions, as a length (`38rem`). Default about 65 characters: 32.5 times the font size.
 * @cssproperty --gz-article-body-font-family - Body text font. Default `--gz-font-body`.
 * @cssproperty --gz-article-body-font-size - Body text size. Default `--gz-font-size-l`.
 * @cssproperty --gz-article-body-line-height - Body text leading. Default `--gz-line-height-relaxed`.
 * @cssproperty --gz-article-body-color - Text colour. Default `--gz-color-text`.
 * @cssproperty --gz-article-body-paragraph-spacing - Space after a paragraph. Default `1em`.
 * @cssproperty --gz-article-body-heading-font-family - Subheading font. Default `--gz-font-heading`.
 * @cssproperty --gz-article-body-link-color - Link colour. Default `--gz-color-link`.
 * @cssproperty --gz-article-body-accent - Quote rules and the table of contents' edge. Default `--gz-color-accent`.
 * @cssproperty --gz-article-body-scroll-margin - Space kept above a subheading scrolled to. Default `--gz-space-xl`.
 * @cssproperty --gz-article-body-toc-background - Table of contents background. Default `--gz-color-surface`.
 * @cssproperty --gz-article-body-progress-color - Progress bar colour. Default `--gz-color-accent`.
 * @cssproperty --gz-article-body-progress-size - Progress bar thickness. Default `4px`.
 *
 * @cssstate empty - The body has no text and no images.
 * @cssstate sanitizing - An `html` string is being sanitized.
 */
export class GzArticleBody extends GzElement {
  static override styles = [hostStyles, styles];

  /**
   * Article HTML as a string, for CMS integrations that fetch content. It is sanitized and then
   * replaces the content (elements with `insert-after` stay). `null` or `undefined` clears it;
   * when never set, the element's own content is left as it is.
   */
  @property({ attribute: false }) html: string | null | undefined;

  /** Shows a table of contents of the h2 and h3 subheadings above the text. */
  @property({ type: Boolean, reflect: true, useDefault: true }) toc = false;

  /** A title replacing the table of contents' default ("Inhalt", "Contents"). */
  @property({ attribute: 'toc-label' }) tocLabel: string | null = null;

  /** Adds a link to each subheading, for sharing the section. */
  @property({ type: Boolean }) anchors = false;

  /** Shows a reading-progress bar at the top of the viewport. */
  @property({ type: Boolean, reflect: true, useDefault: true }) progress = false;

  /** Leaves words the CMS ran together at inline borders as they are. */
  @property({ attribute: 'no-repair-spacing', type: Boolean }) noRepairSpacing = false;

  @state() private _headings: ArticleBodyHeading[] = [];

  readonly #localize = new LocalizeController(this);
  readonly #internals = this.attachInternals();
  readonly #provider = new ArticleBodyProvider(this);
  #observer: MutationObserver | undefined;

  constructor() {
    super();
    // A table-of-contents link that a content change removes passes focus to another entry.
    new FocusKeeper(this);
  }
  #count: TextCount | undefined;
  /** The counts consumers were last told about, and the frame that will tell them next. */
  #notified = '';
  #frame = 0;
  /** `html` values set; only the latest one's sanitized content goes in. */
  #runs = 0;
  /** The latest `html` value's sanitizing: `updateComplete` waits for it. */
  #content: Promise<void> = Promise.resolve();
  #langTypeset: string | undefined;
  /** The content sheet on its way to the shadow root this body sits in: the first render waits for it. */
  #contentSheet: Promise<unknown> | undefined;
  /** Ids this element generated, with the text they were made from. */
  readonly #generated = new WeakMap<Element, { id: string; text: string }>();

  /** The content's language: the nearest `lang` (canonical BCP 47), as words are counted in it. */
  get language(): string {
    return canonicalLocale(this.closest('[lang]')?.getAttribute('lang'));
  }

  /** Words of the article's text (insertions, captions and code not counted). */
  get words(): number {
    return this.#counted().words;
  }

  /** Images in the article's text. */
  get images(): number {
    return this.#counted().images;
  }

  /**
   * Words, unspaced characters and images of the article's text, counted once per change of the
   * content: the reading time, the header and JSON-LD read this instead of counting again.
   * @internal
   */
  counted(): TextCount {
    return this.#counted();
  }

  /** The subheadings (h2, h3) with their ids, as the table of contents lists them. */
  get headings(): readonly ArticleBodyHeading[] {
    return this._headings;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#adoptContentStyles();
    this.#observer = new MutationObserver(() => this.#typeset());
    this.#observer.observe(this, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['insert-after'],
    });
    // Hydrating server HTML (no table of contents: the server cannot read the headings)? `updated`
    // typesets after that first render.
    if (!hydrating(this)) this.#typeset();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#observer = undefined;
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('html')) {
      if (this.html !== null && this.html !== undefined && typeof this.html !== 'string') {
        warnOnce(this, `html must be a string of HTML; got ${typeof this.html}. The content was cleared.`);
      }
      this.#internals.states.add('sanitizing');
      this.#content = this.#setHtml(this.html, ++this.#runs);
    }
    if (changed.has('anchors') && this.hasUpdated) this.#typeset();
    if (changed.has('noRepairSpacing') && this.hasUpdated) this.#typeset();
  }

  /**
   * Sanitizes an `html` value and puts it in place of the content, unless another value was set
   * meanwhile. The sanitizer is its own module, loaded on first use: pages that never set `html`
   * never download it (nor DOMPurify, which it loads only where `setHTML` is missing).
   */
  async #setHtml(value: unknown, run: number): Promise<void> {
    try {
      const fragment =
        typeof value === 'string' && value ? await (await import('./sanitize.js')).sanitizeHtml(value) : undefined;
      if (run === this.#runs) this.#replaceContent(fragment);
    } catch (error) {
      if (run !== this.#runs) return;
      warnOnce(this, `the html could not be sanitized (${String(error)}); the content was cleared.`);
      this.#replaceContent(undefined);
    } finally {
      if (run === this.#runs) this.#internals.states.delete('sanitizing');
    }
  }

  protected override updated(): void {
    // The language may have changed (ids, anchor labels): typesetting is idempotent and cheap.
    if (this.#langTypeset !== this.#localize.lang) this.#typeset();
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await this.#content;
    return result;
  }

  protected override render() {
    return html`<div part="base" class="base">
      ${
        this.progress
          ? html`<div part="progress" class="progress" aria-hidden="true">
              <div part="progress-bar" class="progress-bar"></div>
            </div>`
          : nothing
      }
      ${this.toc ? this.#renderToc() : nothing}
      <slot></slot>
    </div>`;
  }

  #renderToc(): TemplateResult | typeof nothing {
    if (this._headings.length === 0) return nothing;
    const entries: TocEntry[] = [];
    for (const heading of this._headings) {
      const parent = entries.at(-1);
      if (heading.level === 3 && parent) parent.children.push(heading);
      else entries.push({ ...heading, children: [] });
    }
    const item = (h: ArticleBodyHeading, children: TemplateResult | typeof nothing = nothing) =>
      html`<li><a href="#${h.id}" data-focus="toc" @click=${this.#onTocClick}>${h.text}</a>${children}</li>`;
    const items = entries.map((entry) => {
      const nested = entry.children.map((child) => item(child));
      return item(
        entry,
        nested.length
          ? html`<ol>
              ${nested}
            </ol>`
          : nothing,
      );
    });
    // The list is the content's own headings: it follows the content's direction. Only the default
    // title is Gazette's text, in Gazette's language; a toc-label is the author's, like the content.
    const title = this.tocLabel
      ? html`<p part="toc-title" class="toc-title" id="toc-title">${this.tocLabel}</p>`
      : html`<p part="toc-title" class="toc-title" id="toc-title" lang=${this.#localize.lang} dir=${this.#localize.dir}>
          ${this.#localize.mark('articleBodyToc', this.#localize.terms.articleBodyToc)}
        </p>`;
    return html`<nav part="toc" class="toc" aria-labelledby="toc-title">
      ${title}
      <ol>
        ${items}
      </ol>
    </nav>`;
  }

  /**
   * In the document the link's own navigation is right (URL, scroll, focus start). Inside a shadow
   * root the fragment cannot reach the heading: scroll to it and move focus there.
   */
  #onTocClick(event: MouseEvent): void {
    const root = this.getRootNode();
    if (root instanceof Document) return;
    const id = decodeURIComponent((event.currentTarget as HTMLAnchorElement).hash.slice(1));
    const heading = (root as ShadowRoot).getElementById(id);
    if (!heading) return;
    event.preventDefault();
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  }

  /**
   * The content typesetting (`content.styles.ts`) reaches a body in the document from the page's
   * sheet (preload.css, ssr.css) or, without one, from the chunk GzElement adopts. A body inside a
   * shadow root needs the sheet in that root: adopted once per root, from the same chunk, and the
   * body's first render waits for it (never an untypeset frame).
   */
  #adoptContentStyles(): void {
    const root = this.getRootNode();
    if (!(root instanceof ShadowRoot) || adopted.has(root)) return;
    const adopt = ({ contentSheet }: { contentSheet: () => CSSStyleSheet }) => {
      if (adopted.has(root)) return;
      adopted.add(root);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, contentSheet()];
    };
    if (pageStyles.loaded) adopt(pageStyles.loaded);
    else this.#contentSheet = pageStyles().then(adopt, () => undefined);
  }

  protected override renderHold(): Promise<unknown> | undefined {
    const sheet = this.#contentSheet;
    this.#contentSheet = undefined;
    const styles = adoptPageStyles();
    return sheet && styles ? Promise.all([sheet, styles]) : (sheet ?? styles);
  }

  /** Replaces the content with a sanitized fragment (or nothing), keeping insertions. */
  #replaceContent(fragment: DocumentFragment | undefined): void {
    for (const node of [...this.childNodes]) {
      if (node instanceof Element && node.hasAttribute('insert-after')) continue;
      node.remove();
    }
    if (fragment) this.append(fragment);
    this.#typeset();
  }

  /**
   * Everything derived from the light DOM, in one idempotent pass: spacing repairs, table wrappers,
   * heading ids and anchors, insertion points, the heading list and the counts. Runs on connect and
   * whenever the content changes; its own changes are taken from the observer's queue so they do
   * not trigger it again.
   */
  #typeset(): void {
    if (!this.isConnected) return;
    const lang = this.#localize.lang;
    this.#langTypeset = lang;
    const outside = (el: Element) => el.matches(INSERTION);
    if (!this.noRepairSpacing) repairSpacing(this, outside);
    this.#wrapTables();
    const headings = this.#identifyHeadings(lang);
    if (!sameHeadings(headings, this._headings)) this._headings = headings;
    this.#placeInsertions();
    this.#observer?.takeRecords();
    this.#count = undefined;
    this.#scheduleNotify();
    const content = [...this.childNodes].filter((node) => !(node instanceof Element && node.matches(INSERTION)));
    const empty = !content.some(
      (node) =>
        node.textContent?.trim() ||
        (node instanceof Element && (node.localName === 'img' || node.querySelector('img'))),
    );
    if (empty) this.#internals.states.add('empty');
    else this.#internals.states.delete('empty');
  }

  /**
   * Tells context consumers (reading time, article header) that the counts changed, once per frame
   * at most: the provider re-sends its value, and subscribed consumers read `words`, `images` and
   * `language` again.
   */
  #scheduleNotify(): void {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      const { words, images } = this.#counted();
      const key = `${words}|${images}|${this.language}`;
      if (key === this.#notified) return;
      const first = this.#notified === '';
      this.#notified = key;
      if (!first) this.#provider.notify();
    });
  }

  #counted(): TextCount {
    return (this.#count ??= countNode(this, this.language));
  }

  #ownContent(selector: string): Element[] {
    return [...this.querySelectorAll(selector)].filter((el) => !el.closest(INSERTION));
  }

  /** Wraps each table in a focusable, labelled region that scrolls sideways. */
  #wrapTables(): void {
    for (const table of this.#ownContent('table')) {
      const parent = table.parentElement;
      if (parent?.classList.contains('gz-table-scroll')) continue;
      const region = document.createElement('div');
      region.className = 'gz-table-scroll';
      region.setAttribute('role', 'region');
      region.tabIndex = 0;
      const caption = table.querySelector('caption')?.textContent?.trim();
      region.setAttribute('aria-label', caption || this.#localize.terms.articleBodyTable);
      table.before(region);
      region.append(table);
    }
  }

  /** Gives subheadings stable, unique ids and (with `anchors`) a link; returns the h2/h3 list. */
  #identifyHeadings(lang: string): ArticleBodyHeading[] {
    const root = this.getRootNode() as Document | ShadowRoot;
    const list: ArticleBodyHeading[] = [];
    for (const heading of this.#ownContent(HEADINGS)) {
      const text = (heading.textContent ?? '').replace(/\s+/g, ' ').trim();
      const generated = this.#generated.get(heading);
      let id = heading.id;
      if (!id || (generated && generated.id === id && generated.text !== text)) {
        const base = slugify(text, lang) || this.#localize.terms.articleBodySectionId;
        if (generated?.id === id) heading.removeAttribute('id');
        id = uniqueId(base, root, heading);
        heading.id = id;
        this.#generated.set(heading, { id, text });
      }
      this.#anchor(heading as HTMLElement, id, text);
      const level = Number(heading.localName[1]);
      if (text && (level === 2 || level === 3)) list.push({ id, text, level });
    }
    return list;
  }

  /**
   * The link to a subheading stands right after it, outside the heading, so the heading's name is
   * its text alone; the link's name says which section ("Link zu: Warum der Norden …"). It is
   * drawn at the end of the heading through a per-heading `anchor-name`.
   */
  #anchor(heading: HTMLElement, id: string, text: string): void {
    // Earlier versions put the link inside the heading (server output, a cached page): take it out.
    heading.querySelector(`:scope > ${ANCHOR}`)?.remove();
    const next = heading.nextElementSibling;
    const existing = next?.matches(ANCHOR) ? (next as HTMLAnchorElement) : undefined;
    if (!this.anchors) {
      if (existing) {
        // Focus on a link that goes away moves to the heading it pointed to, not to <body>.
        if (deepActiveElement() === existing) {
          if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
          heading.focus();
        }
        existing.remove();
      }
      heading.style.removeProperty('anchor-name');
      if (!heading.getAttribute('style')) heading.removeAttribute('style');
      return;
    }
    const anchor = existing ?? document.createElement('a');
    const href = `#${encodeURIComponent(id)}`;
    if (anchor.getAttribute('href') !== href) anchor.setAttribute('href', href);
    const term = this.#localize.terms.articleBodyAnchor as ((section: string) => string) | string;
    // A translation registered before the term took the section's title may still give a string.
    const label = typeof term === 'function' ? term(text) : `${term}: ${text}`;
    if (anchor.getAttribute('aria-label') !== label) anchor.setAttribute('aria-label', label);
    const lang = this.#localize.fallbackLang('articleBodyAnchor');
    if (lang) anchor.setAttribute('lang', lang);
    else anchor.removeAttribute('lang');
    let name = anchorNames.get(heading);
    if (!name) anchorNames.set(heading, (name = `--gz-heading-${++anchorCount}`));
    if (heading.style.getPropertyValue('anchor-name') !== name) heading.style.setProperty('anchor-name', name);
    if (anchor.style.getPropertyValue('position-anchor') !== name) anchor.style.setProperty('position-anchor', name);
    if (!existing) {
      anchor.className = 'gz-anchor';
      heading.after(anchor);
    }
  }

  /** Moves each child with `insert-after="N"` after the N-th top-level paragraph. */
  #placeInsertions(): void {
    const children = [...this.children];
    const insertions = children.filter((el) => el.matches(INSERTION));
    if (insertions.length === 0) return;
    const content = children.filter((el) => !el.matches(INSERTION));
    const paragraphs = content.filter((el) => el.localName === 'p');
    const placed = insertions
      .map((el, order) => ({ el, order, after: this.#insertionIndex(el, paragraphs.length) }))
      .sort((a, b) => a.after - b.after || a.order - b.order);
    let previous: { after: number; el: Element } | undefined;
    for (const item of placed) {
      const reference =
        previous && previous.after === item.after
          ? previous.el
          : item.after === 0
            ? undefined
            : item.after > paragraphs.length
              ? content.at(-1)
              : paragraphs[item.after - 1];
      if (reference) {
        if (item.el.previousElementSibling !== reference) reference.after(item.el);
      } else {
        const first = content[0];
        if (first && item.el.nextElementSibling !== first) first.before(item.el);
      }
      previous = item;
    }
  }

  #insertionIndex(el: Element, paragraphs: number): number {
    const value = el.getAttribute('insert-after')!.trim();
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (Number.isSafeInteger(n)) return Math.min(n, paragraphs + 1);
    warnOnce(
      this,
      `insert-after="${value}" is not a paragraph number (0, 1, 2, ...); the element is placed at the end.`,
    );
    return paragraphs + 1;
  }
}
