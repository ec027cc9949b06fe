import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { LocalizeController } from '../../controllers/localize.js';
import { RelativeTimeController } from '../../controllers/relative-time.js';
import { GzTeaserImpressionEvent } from '../../events/teaser-impression.js';
import { GzTeaserSelectEvent, type TeaserDetail } from '../../events/teaser-select.js';
import { optionalNumber } from '../../internal/converters.js';
import { chunk } from '../../internal/chunk.js';
import { cssProps } from '../../internal/css-props.js';
import { GzElement } from '../../internal/gz-element.js';
import { hydrating } from '../../internal/hydration.js';
import { safeUrl } from '../../internal/url.js';
import { warnOnce } from '../../internal/warn.js';
import { hostStyles } from '../../styles/host.styles.js';
import { teaserDate } from '../teaser/date.js';
import { observeImpression, unobserveImpression } from '../teaser/impressions.js';
import { teaserStyles } from '../teaser/teaser.styles.js';
import { listTag, teaserTemplate } from '../teaser/teaser.template.js';
import { truncate } from '../teaser/truncate.js';
import type { RawFeedItem } from './feed.js';
import { comparableUrl, normalizeItems, type TeaserItem } from './items.js';
import { styles } from './teaser-list.styles.js';

type FeedStatus = 'idle' | 'pending' | 'complete' | 'error';

/** An item's rendered template, kept while its data and the list's settings are unchanged. */
interface Rendered {
  key: string;
  result: TemplateResult;
  /** Its date is relative ("vor 2 Stunden"): the clock must run. */
  relative: boolean;
}

export const TEASER_LAYOUTS = ['list', 'grid', 'rail'] as const;
export type TeaserLayout = (typeof TEASER_LAYOUTS)[number];

/** An item's key in the keyed `repeat`: its id, else its link. */
const itemKey = (item: TeaserItem): string => item.id ?? item.href;

const DEFAULT_MAX_CHARS = 140;
const DEFAULT_TIMEOUT = 10_000;
const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
const DEFAULT_SKELETONS = 4;

/**
 * Feed reading (fetch, RSS/Atom/JSON Feed parsing) is only needed with `src`: it is a lazy chunk,
 * loaded once for every list on the page (and asked for again by a retry after a failure).
 */
const loadFeed = chunk(() => import('./feed.js'));

/**
 * A titled list of article teasers ("Mehr zum Thema" / "More on this topic"): the latest or
 * related articles that give a reader the next click.
 *
 * Items come from slotted `<gz-teaser>` children, from the `items` property (or a JSON `items`
 * attribute), or from `src`: a JSON Feed 1.1, RSS 2.0 or Atom 1.0 feed the publisher already
 * has. A feed is fetched with a timeout, a size cap read from the stream and a content-type check;
 * while it loads the list shows skeletons of the teasers' height, then the teasers, an empty
 * message, or an error with a retry button. Excerpts from data are cut at `max-chars` at a word
 * boundary with `…`.
 *
 * @summary Related or latest articles as a list, grid or rail, from children, data or a feed.
 *
 * @slot - `<gz-teaser>` elements, listed before the data items.
 * @slot heading - Replaces the title.
 *
 * @csspart base - The section.
 * @csspart header - The title row (with the rail's controls).
 * @csspart heading - The title.
 * @csspart list - The list (the scroller in the rail layout).
 * @csspart item - Each data item: a teaser rendered by the list itself (also the part `teaser`).
 * @csspart teaser - Each data item; its inner parts are those of `<gz-teaser>` prefixed with
 *   `teaser-` (`teaser-base`, `teaser-media`, `teaser-image`, `teaser-meta`, `teaser-brand`,
 *   `teaser-section`, `teaser-heading`, `teaser-link`, `teaser-date`, `teaser-excerpt`).
 * @csspart skeleton - A placeholder while loading.
 * @csspart message - The empty or error message.
 * @csspart retry - The retry button.
 * @csspart controls - The rail's controls.
 * @csspart previous - The rail's "previous" button.
 * @csspart next - The rail's "next" button.
 *
 * @cssproperty --gz-teaser-list-columns - Minimum column width in the grid. Default `16rem`.
 * @cssproperty --gz-teaser-list-rail-item-size - Width of a teaser in the rail. Default `min(80%, 18rem)`.
 * @cssproperty --gz-teaser-list-gap - Space between teasers. Default `--gz-space-l`.
 * @cssproperty --gz-teaser-min-block-size - Height reserved for a teaser and its skeleton. Default `12rem` in the skeleton.
 *
 * @cssstate loading - A feed is loading.
 * @cssstate empty - There is nothing to list.
 * @cssstate error - The feed could not be loaded.
 *
 * @event {GzTeaserSelectEvent} gz-teaser-select - From a teaser: the reader clicked it. Cancelable: canceled, the browser does not navigate (a router takes over).
 * @event {GzTeaserImpressionEvent} gz-teaser-impression - From a teaser: it was half visible, once.
 */
export class GzTeaserList extends GzElement {
  static override styles = [hostStyles, teaserStyles, styles];

  /** The title; default "Mehr zum Thema" / "More on this topic". */
  @property() heading: string | null = null;

  /** Heading level of the title, 1–6. Default 2. */
  @property({ attribute: 'heading-level', converter: optionalNumber }) headingLevel: number | null = null;

  /** Heading level of the teasers' titles, 1–6. Default one below the list's title. */
  @property({ attribute: 'teaser-heading-level', converter: optionalNumber }) teaserHeadingLevel: number | null = null;

  /** `list`, `grid` or `rail` (one row, scrolled with snap points and previous/next buttons). */
  @property({ reflect: true, useDefault: true }) layout: TeaserLayout = 'list';

  /** Articles as data; takes precedence over the `items` attribute and `src`. */
  @property({ attribute: false }) items: TeaserItem[] | null = null;

  /** Articles as a JSON array in the `items` attribute (for CMS templates). */
  @property({ attribute: 'items' }) itemsJson: string | null = null;

  /** URL of a JSON Feed, RSS or Atom feed (http, https or relative). */
  @property() src: string | null = null;

  /** At most this many data items (slotted teasers are the author's choice and always shown). */
  @property({ converter: optionalNumber }) max: number | null = null;

  /** The URL of an article to leave out of the data items (usually the current page's); the fragment and a trailing slash are ignored. */
  @property() exclude: string | null = null;

  /** Characters at most of a data item's excerpt, the `…` included. Default 140. */
  @property({ attribute: 'max-chars', converter: optionalNumber }) maxChars: number | null = null;

  /** Lines of excerpt shown before CSS cuts them. Default 3. */
  @property({ attribute: 'excerpt-lines', converter: optionalNumber }) excerptLines: number | null = null;

  /** The site's short name for data items that give none (`DWN`). */
  @property() brand: string | null = null;

  /** Show dates of the last 24 hours relatively ("vor 2 Stunden"). */
  @property({ attribute: 'relative-dates', type: Boolean }) relativeDates = false;

  /** Milliseconds before a feed request is given up. Default 10,000. */
  @property({ converter: optionalNumber }) timeout: number | null = null;

  /** Bytes read at most from a feed. Default 2 MiB. */
  @property({ attribute: 'max-bytes', converter: optionalNumber }) maxBytes: number | null = null;

  /** The fetch used for `src` (default the global `fetch`): for credentials, headers or caching. */
  @property({ attribute: false }) fetcher: typeof fetch | undefined = undefined;

  @state() private _slotted = 0;
  @state() private _atStart = true;
  @state() private _atEnd = false;
  /** The feed's state: one owner, driven by `#load`. */
  @state() private _feed: { status: FeedStatus; value?: RawFeedItem[] } = { status: 'idle' };

  @query('.list') private _list!: HTMLElement | null;

  private readonly _localize = new LocalizeController(this);
  private readonly _internals = this.attachInternals();
  /** The clock of relative dates: ticks only while the list is visible and shows one. */
  private readonly _clock = new RelativeTimeController(this);
  private _items: TeaserItem[] = [];
  private _src: string | undefined;
  private _requested: string | undefined;
  private _retries = 0;
  private _resizeObserver: ResizeObserver | undefined;
  private _abortedByDisconnect = false;
  private _inputs: unknown[] | undefined;
  /** What the feed was last loaded for: src, retries, timeout, max-bytes. */
  private _feedArgs: unknown[] | undefined;
  private _abort: AbortController | undefined;
  /** A retry is loading: the error block and its button stay, so focus stays on the button. */
  private _retrying = false;
  /** The reader asked for a reload: its outcome, an empty feed too, is announced (issue 20). */
  private _retried = false;
  private readonly _rendered = new WeakMap<TeaserItem, Rendered>();
  private readonly _observed = new WeakSet<Element>();
  /** Items that have reported their impression: never again, also after a reconnection. */
  private readonly _impressed = new WeakSet<Element>();
  private _observedItems: TeaserItem[] | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this._list) this._resizeObserver?.observe(this._list);
    // Hydrated slots fire no slotchange (their teasers were assigned before the listener existed),
    // and the server left the empty message out: it could not see the teasers.
    if (hydrating(this))
      void this.updateComplete.then(() => {
        this._onSlotChange();
        this.requestUpdate();
      });
    // Teasers in the markup get their heading level and role before their first render, not in a
    // second one after the slotchange event (8 teasers and the list updated twice on the
    // reference article). The slotchange that follows finds nothing to change; children the parser
    // has not reached yet (a list defined before its markup) get theirs from it, as before.
    else if (!this.hasUpdated) this._onSlotChange();
    if (this._abortedByDisconnect) {
      this._abortedByDisconnect = false;
      this._feedArgs = undefined;
      this.requestUpdate();
    }
    // Items kept while disconnected are observed again (disconnecting released them).
    this._observedItems = undefined;
    if (this.hasUpdated) this._observeItems();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resizeObserver?.disconnect();
    if (this._feed.status === 'pending') {
      this._abortedByDisconnect = true;
      this._abort?.abort();
    }
    for (const item of this.renderRoot.querySelectorAll('.item')) {
      unobserveImpression(item);
      this._observed.delete(item);
    }
  }

  /** The data items shown (after normalising, `exclude` and `max`). */
  get shownItems(): readonly TeaserItem[] {
    return this._items;
  }

  /**
   * Also waits for the feed module when a feed is loading, so the request (and its timeout) has
   * started once `updateComplete` resolves.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    if (this._loading()) await loadFeed().catch(() => {});
    return result;
  }

  /** Loads the feed again (what the error state's button does). */
  retry(): void {
    if (this._retrying) return;
    this._retries++;
    this._retried = true;
    this._retrying = this._hasError();
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) {
      this._retried = false;
      const src = this.src?.trim() ? safeUrl(this.src) : undefined;
      if (this.src?.trim() && !src)
        warnOnce(this, `src="${this.src}" is not an http(s) or relative URL; nothing loaded.`);
      this._requested = src;
    }
    // Items given as data take precedence: the feed is then not fetched at all.
    this._src = this.items === null && !this.itemsJson?.trim() ? this._requested : undefined;
    if (changed.has('layout') && !(TEASER_LAYOUTS as readonly string[]).includes(this.layout)) {
      warnOnce(this, `layout="${this.layout}" is not one of ${TEASER_LAYOUTS.join(', ')}; using list.`);
    }
    if (isServer) {
      // Lit's server renderer calls willUpdate, not update.
      this._items = this._computeItems();
      // Items given as a property reach the browser only as the attribute: without it the element
      // would hydrate an empty list against the server's items.
      if (this.items !== null && !this.hasAttribute('items') && this._items.length)
        this.setAttribute('items', JSON.stringify(this._items));
      return;
    }
    // The feed starts here, before the items are derived, so a new `src` reads as loading in
    // this same render (no empty flash).
    const args = [this._src, this._retries, this.timeout, this.maxBytes];
    if (!this._feedArgs || args.some((value, i) => value !== this._feedArgs![i])) {
      this._feedArgs = args;
      this._load(this._src);
    }
    // Normalising 1,000 items is not free: only redo it when an input changed (a rail's scroll
    // position re-renders the list too).
    const inputs = [this.items, this.itemsJson, this._src, this.exclude, this.max, this._feed];
    if (!this._inputs || inputs.some((value, i) => value !== this._inputs![i])) {
      this._inputs = inputs;
      this._items = this._computeItems();
    }
    const states = this._internals.states;
    states.clear();
    if (this._loading()) states.add('loading');
    else if (this._hasError()) states.add('error');
    else if (this._items.length === 0 && this._slotted === 0) states.add('empty');
  }

  /** Fetches the feed (aborting the previous request); a stale answer is ignored. */
  private _load(src: string | undefined): void {
    this._abort?.abort();
    this._abort = undefined;
    if (!src) {
      if (this._feed.status !== 'idle') this._feed = { status: 'idle' };
      return;
    }
    const abort = (this._abort = new AbortController());
    this._feed = { status: 'pending' };
    const settle = (feed: { status: FeedStatus; value?: RawFeedItem[] }) => {
      if (this._abort !== abort) return;
      this._abort = undefined;
      this._retrying = false;
      this._feed = feed;
    };
    loadFeed()
      .then(({ fetchFeed }) =>
        fetchFeed(src, {
          signal: abort.signal,
          timeout: this._positive(this.timeout, 'timeout', DEFAULT_TIMEOUT),
          maxBytes: this._positive(this.maxBytes, 'max-bytes', DEFAULT_MAX_BYTES),
          fetcher: this.fetcher,
          onWarning: (message) => warnOnce(this, `src="${this.src}": ${message}`),
        }),
      )
      .then(
        (value) => settle({ status: 'complete', value }),
        (error: unknown) => {
          if (abort.signal.aborted) return;
          warnOnce(
            this,
            `src="${this.src}" could not be read: ${error instanceof Error && error.name === 'FeedError' ? error.message : String(error)}.`,
          );
          settle({ status: 'error' });
        },
      );
  }

  protected override update(changed: PropertyValues<this>): void {
    // Focus on the retry button, about to be replaced by the teasers: it moves to the first one.
    // (Read from the focus, not by a search: a search walks 1,000 items on every update.)
    const active = this.shadowRoot?.activeElement;
    const retry = active?.classList.contains('retry') ? active : undefined;
    super.update(changed);
    if (retry && !retry.isConnected) {
      const successor =
        this.renderRoot.querySelector<HTMLElement>('.list .link[href]') ??
        this.querySelector<HTMLElement>('gz-teaser') ??
        this.renderRoot.querySelector<HTMLElement>('.message');
      successor?.focus();
    }
  }

  protected override updated(): void {
    this._observeItems();
  }

  /**
   * New items are watched for impressions (once per list of items, not per update). The keyed
   * `repeat` keeps an element per key: when the keys are the ones already watched, in the same
   * order, no element is new (updating one of 1,000 items does not search the 1,000).
   */
  private _observeItems(): void {
    const items = this._items;
    const known = this._observedItems;
    if (known === items) return;
    this._observedItems = items;
    if (
      known?.length === items.length &&
      items.every((item, i) => item === known[i] || itemKey(item) === itemKey(known[i]!))
    )
      return;
    for (const item of this.renderRoot.querySelectorAll('.item')) this._observe(item);
  }

  protected override firstUpdated(): void {
    // The rail's ends change with its size and content, not with a property.
    if (typeof ResizeObserver !== 'function') return;
    this._resizeObserver = new ResizeObserver(() => this._layout() === 'rail' && this._updateEnds());
    this._resizeObserver.observe(this._list!);
  }

  private _layout(): TeaserLayout {
    return (TEASER_LAYOUTS as readonly string[]).includes(this.layout) ? this.layout : 'list';
  }

  /** A feed is loading. */
  private _loading(): boolean {
    // The server does not fetch: it renders what the browser shows first, the skeletons.
    return this._src !== undefined && (isServer || this._feed.status === 'pending');
  }

  private _hasError(): boolean {
    return this._src !== undefined && this._feed.status === 'error' && !this._abortedByDisconnect;
  }

  private _positive(value: number | null, name: string, fallback: number): number {
    if (value === null) return fallback;
    if (Number.isFinite(value) && value > 0) return value;
    warnOnce(this, `${name}="${this.getAttribute(name) ?? value}" is not a positive number; using ${fallback}.`);
    return fallback;
  }

  private _level(value: number | null, name: string, fallback: number): number {
    if (value === null) return fallback;
    if (Number.isInteger(value) && value >= 1 && value <= 6) return value;
    warnOnce(this, `${name}="${this.getAttribute(name) ?? value}" is not 1–6; using ${fallback}.`);
    return fallback;
  }

  private _computeItems(): TeaserItem[] {
    let raw: unknown[] | undefined;
    if (this.items !== null && this.items !== undefined) {
      if (Array.isArray(this.items)) raw = this.items;
      else warnOnce(this, 'items is not an array; nothing listed.');
    } else if (this.itemsJson?.trim()) {
      try {
        const parsed: unknown = JSON.parse(this.itemsJson);
        if (Array.isArray(parsed)) raw = parsed;
        else warnOnce(this, 'the items attribute is not a JSON array; nothing listed.');
      } catch {
        warnOnce(this, 'the items attribute is not valid JSON; nothing listed.');
      }
    } else if (this._src !== undefined && this._feed.status === 'complete') {
      raw = this._feed.value ?? [];
    }
    if (!raw) return [];
    const { items, report } = normalizeItems(raw);
    if (report.missing) warnOnce(this, `${report.missing} item(s) without a title or a link were dropped.`);
    if (report.unsafe)
      warnOnce(this, `${report.unsafe} item(s) with a link that is not http(s) or relative were dropped.`);
    const excluded = this.exclude ? comparableUrl(this.exclude) : undefined;
    let kept = excluded ? items.filter((item) => comparableUrl(item.href) !== excluded) : items;
    const max = this.max;
    if (max !== null) {
      if (Number.isFinite(max) && max >= 0) kept = kept.slice(0, Math.floor(max));
      else warnOnce(this, `max="${this.getAttribute('max') ?? max}" is not a number of items; showing all.`);
    }
    return kept;
  }

  /**
   * Each data item's template, kept per item object while the item and the list's settings are
   * unchanged: an update that changes one of 1,000 items builds one template (and truncates one
   * excerpt), and Lit touches only that item's DOM.
   */
  private _itemTemplates(): TemplateResult[] {
    const level = this._level(this.headingLevel, 'heading-level', 2);
    const teaserLevel = this._level(this.teaserHeadingLevel, 'teaser-heading-level', Math.min(level + 1, 6));
    const maxChars = this._positive(this.maxChars, 'max-chars', DEFAULT_MAX_CHARS);
    const lang = this._localize.lang;
    const now = this.relativeDates ? this._clock.now : undefined;
    const sectionLabel = this._localize.terms.teaserSection;
    const key = `${lang}|${maxChars}|${teaserLevel}|${this.brand}|${sectionLabel}|${now?.getTime() ?? ''}`;
    let relative = false;
    const templates = this._items.map((item) => {
      const known = this._rendered.get(item);
      if (known?.key === key) {
        relative ||= known.relative;
        return known.result;
      }
      const date = teaserDate(item.date, lang, now);
      relative ||= date.relative === true;
      const result = teaserTemplate(
        listTag,
        {
          href: item.href,
          brand: item.brand ?? this.brand,
          section: item.section,
          sectionLabel,
          level: teaserLevel,
          image: item.image,
          srcset: item.srcset,
          sizes: undefined,
          imageAlt: item.imageAlt ?? '',
          dateIso: date.iso,
          dateText: date.text,
          dateSpoken: date.spoken,
          lines: undefined,
          role: 'listitem',
        },
        item.title,
        item.excerpt ? truncate(item.excerpt, maxChars, lang) : '',
        this._onItemClick,
      );
      this._rendered.set(item, { key, result, relative: date.relative === true });
      return result;
    });
    this._clock.enabled = this.relativeDates && relative;
    return templates;
  }

  protected override render() {
    const terms = this._localize.terms;
    const layout = this._layout();
    const level = this._level(this.headingLevel, 'heading-level', 2);
    const pending = this._loading();
    const error = !pending && this._hasError();
    const retrying = this._retrying;
    // While loading, data items are not rendered (`_items` is empty) but slotted teasers stay.
    const listed = this._items.length > 0 || this._slotted > 0;
    const templates = isServer || this._items.length ? this._itemTemplates() : [];
    const status = pending
      ? terms.teaserListLoading
      : error
        ? terms.teaserListError
        : this._retried && !listed
          ? terms.teaserListEmpty
          : '';
    return html`<section
      part="base"
      class="root layout-${layout}"
      lang=${this._localize.lang}
      dir=${this._localize.dir}
      aria-labelledby="heading"
      style=${cssProps({ '--_lines': this._lines() })}
    >
      <div part="header" class="header">
        <div part="heading" class="title" role="heading" aria-level=${level} id="heading">
          <slot name="heading">${this.heading ?? terms.teaserListHeading}</slot>
        </div>
        ${
          layout === 'rail' && listed
            ? html`<div part="controls" class="controls">
                <button
                  part="previous"
                  class="control"
                  type="button"
                  aria-controls="list"
                  aria-disabled=${this._atStart ? 'true' : 'false'}
                  aria-label=${terms.teaserListPrevious}
                  @click=${() => this._scroll(-1)}
                >
                  <span aria-hidden="true" class="arrow">‹</span>
                </button>
                <button
                  part="next"
                  class="control"
                  type="button"
                  aria-controls="list"
                  aria-disabled=${this._atEnd ? 'true' : 'false'}
                  aria-label=${terms.teaserListNext}
                  @click=${() => this._scroll(1)}
                >
                  <span aria-hidden="true" class="arrow">›</span>
                </button>
              </div>`
            : nothing
        }
      </div>
      <div class="status visually-hidden" role="status">${status}</div>
      <div
        part="list"
        class="list"
        id="list"
        role=${listed ? 'list' : 'none'}
        aria-labelledby=${listed ? 'heading' : nothing}
        @scroll=${layout === 'rail' ? this._updateEnds : nothing}
        @focusin=${layout === 'rail' ? this._onRailFocus : nothing}
      >
        <slot @slotchange=${this._onSlotChange}></slot>
        ${
          pending
            ? Array.from(
                { length: Math.min(this.max !== null && this.max > 0 ? Math.floor(this.max) : DEFAULT_SKELETONS, 8) },
                () =>
                  html`<div part="skeleton" class="skeleton" aria-hidden="true">
                    <span class="bone short"></span><span class="bone"></span><span class="bone"></span
                    ><span class="bone medium"></span>
                  </div>`,
              )
            : repeat(
                this._items,
                itemKey,
                // An item whose template is the one already shown is skipped whole (its ~20 parts
                // are not compared again): updating one of 1,000 items touches one.
                (_item, index) => guard([templates[index]], () => templates[index]),
              )
        }
      </div>
      ${
        error || retrying
          ? html`<div part="message" class="message error">
              <p aria-hidden="true">${terms.teaserListError}</p>
              <button
                part="retry"
                class="retry"
                type="button"
                aria-disabled=${retrying ? 'true' : 'false'}
                @click=${this.retry}
              >
                ${terms.teaserListRetry}
              </button>
            </div>`
          : !pending && !listed && !isServer && !hydrating(this)
            ? html`<p part="message" class="message empty" tabindex="-1">${terms.teaserListEmpty}</p>`
            : nothing
      }
    </section>`;
  }

  /** `--_lines` for every item's excerpt, from `excerpt-lines`. */
  private _lines(): string | undefined {
    const lines = this.excerptLines;
    if (lines === null) return undefined;
    if (Number.isInteger(lines) && lines >= 1) return String(lines);
    warnOnce(
      this,
      `excerpt-lines="${this.getAttribute('excerpt-lines') ?? lines}" is not a positive whole number; using 3.`,
    );
    return undefined;
  }

  private _observe(item: Element): void {
    if (this._observed.has(item) || this._impressed.has(item)) return;
    this._observed.add(item);
    observeImpression(item, () => {
      this._impressed.add(item);
      this._dispatchFrom(item, (detail) => new GzTeaserImpressionEvent(detail));
    });
  }

  /** Dispatches a teaser event from a data item (it reaches the page retargeted to the list). */
  private _dispatchFrom(item: Element, make: (detail: TeaserDetail) => Event): boolean {
    const items = [...this.renderRoot.querySelectorAll('.item')];
    const index = items.indexOf(item);
    const data = this._items[index];
    if (!data) return true;
    const href = new URL(data.href, document.baseURI).href;
    return item.dispatchEvent(make({ id: data.id ?? data.href, href, position: this._slotted + index + 1 }));
  }

  /** A canceled `gz-teaser-select` cancels the navigation: a router takes the click over. */
  private _onItemClick(event: MouseEvent): void {
    const item = (event.currentTarget as Element).closest('.item');
    if (item && !this._dispatchFrom(item, (detail) => new GzTeaserSelectEvent(detail))) event.preventDefault();
  }

  /**
   * In the rail, a teaser that takes focus scrolls fully into the scroller. The browser's own
   * focus scrolling moves it the least distance, and the mandatory snap then snaps back to where
   * it can stay mostly outside: a teaser not fully visible is scrolled to its snap position.
   */
  private _onRailFocus(event: FocusEvent): void {
    const target = event.target as Element;
    const teaser = target.closest('.item') ?? (target.localName === 'gz-teaser' ? target : null);
    const list = this._list;
    if (!teaser || !list) return;
    const box = list.getBoundingClientRect();
    const rect = teaser.getBoundingClientRect();
    if (rect.left >= box.left && rect.right <= box.right) return;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    teaser.scrollIntoView({ block: 'nearest', inline: 'start', behavior: reduced ? 'auto' : 'smooth' });
  }

  /** The teasers in the default slot (children without a `slot`) become items of this list. */
  private _onSlotChange(): void {
    const teasers = [...this.children].filter((el) => el.localName === 'gz-teaser' && !el.slot);
    for (const teaser of teasers) {
      const level = this._level(
        this.teaserHeadingLevel,
        'teaser-heading-level',
        Math.min(this._level(this.headingLevel, 'heading-level', 2) + 1, 6),
      );
      // A slotted teaser is a list item of this list; an author's own role wins.
      if (!teaser.hasAttribute('role')) teaser.setAttribute('role', 'listitem');
      if (!teaser.hasAttribute('heading-level'))
        (teaser as HTMLElement & { headingLevel: number | null }).headingLevel = level;
    }
    this._slotted = teasers.length;
  }

  private _updateEnds(): void {
    const list = this._list;
    if (!list) return;
    const max = list.scrollWidth - list.clientWidth;
    const position = Math.abs(list.scrollLeft);
    this._atStart = position <= 1;
    this._atEnd = position >= max - 1;
  }

  /** Scrolls the rail by about one view, forwards (1) or backwards (-1) in reading direction. */
  private _scroll(direction: 1 | -1): void {
    const list = this._list;
    if (!list) return;
    if ((direction < 0 && this._atStart) || (direction > 0 && this._atEnd)) return;
    const sign = this._localize.dir === 'rtl' ? -1 : 1;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    list.scrollBy({ left: direction * sign * list.clientWidth * 0.9, behavior: reduced ? 'auto' : 'smooth' });
  }
}
