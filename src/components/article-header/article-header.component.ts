import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { LocalizeController } from '../../controllers/localize.js';
import { RelativeTimeController } from '../../controllers/relative-time.js';
import { optionalNumber } from '../../internal/converters.js';
import {
  formatAbsolute,
  formatFull,
  formatRelative,
  isValidTimeZone,
  knownTimeZone,
  parseIsoDate,
  provisionalOffset,
  shouldShowUpdated,
  whenIdle,
  zoneOffset,
  type ParsedDate,
} from '../../internal/datetime.js';
import { GzElement } from '../../internal/gz-element.js';
import { afterHydration, hydrating } from '../../internal/hydration.js';
import { safeUrl } from '../../internal/url.js';
import { capped, warnOnce } from '../../internal/warn.js';
import { hostStyles } from '../../styles/host.styles.js';
import { styles } from './article-header.styles.js';

/** The kicker styles a section label can take. */
export const ARTICLE_HEADER_KICKERS = ['live', 'analysis', 'opinion'] as const;
export type ArticleHeaderKicker = (typeof ARTICLE_HEADER_KICKERS)[number];

/** The term of each kicker's default text. */
const KICKER_TERMS = {
  live: 'articleHeaderKickerLive',
  analysis: 'articleHeaderKickerAnalysis',
  opinion: 'articleHeaderKickerOpinion',
} as const;

/** Default hours during which `relative` shows "2 hours ago" instead of the date. */
const DEFAULT_RELATIVE_HOURS = 24;

/** One date as the dateline shows it. */
interface DateView {
  /** The `datetime` attribute: the author's ISO 8601 value. */
  iso: string;
  /** The visible text ("17.11.2024, 16:03", "vor 2 Stunden", "Aktualisiert: …"). */
  visible: string | TemplateResult;
  /** The tooltip: the full date and time in the element's language. */
  full: string;
  /** The accessible text ("Veröffentlicht: Sonntag, 17. November 2024 um 16:03"). */
  long: string | TemplateResult;
  relative: boolean;
}

/**
 * The top of an article: section label or kicker, headline, standfirst, dateline and reading time.
 *
 * Headline and standfirst stay the publisher's own light-DOM elements, so search engines, reader
 * mode and the page without JavaScript see them; the element adds no heading of its own and keeps
 * the heading level it is given (`<h1>` on the article page, `<h2>` in a live blog).
 *
 * The dateline is a `<time datetime>` with the short date in the element's language
 * (`17.11.2024, 16:03`, `17 Nov 2024, 16:03`) and the full date and time as tooltip and accessible
 * text, in `time-zone` (an IANA name; default the reader's zone). `updated` shows beside it only
 * when it matters (more than a minute after publication and on another day, or both today, or
 * under 10 hours old: the BBC News rule). With `relative`, dates younger than `relative-hours`
 * (24) read "vor 2 Stunden" / "2 hours ago", refreshed once a minute while the header is on
 * screen; server-rendered HTML always carries the absolute date.
 *
 * A `<gz-reading-time>` joins the dateline when the page has a `<gz-article-body>` or
 * `reading-time-for` names the body's id; `no-reading-time` leaves it out.
 *
 * Structured data (off by default, since many CMSs emit their own): with `json-ld` the header
 * keeps a `<script type="application/ld+json" slot="json-ld">` child with a schema.org
 * `NewsArticle` made from what the elements know: headline, dates with offset, section, the
 * `<gz-author-card>`s of the same `<article>` as authors, word count and reading time of the body,
 * language, and `json-ld-image` / `json-ld-publisher` / `json-ld-publisher-logo` when given. Under
 * Trusted Types it is written through the `gazette` policy.
 *
 * @summary Section, headline, standfirst, dateline and reading time of an article.
 *
 * @slot - The headline: the publisher's heading element (`<h1>`, `<h2>`, ...).
 * @slot standfirst - The standfirst (lead), e.g. `<p slot="standfirst">`.
 * @slot section - Richer section markup, replacing the `section` attribute's text and link.
 *
 * @csspart base - The wrapper around everything.
 * @csspart section - The section line: kicker and section label.
 * @csspart kicker - The kicker label ("Live", "Analyse", "Meinung").
 * @csspart section-link - The section link made from `section-href`.
 * @csspart headline - The wrapper around the slotted headline.
 * @csspart standfirst - The wrapper around the slotted standfirst.
 * @csspart meta - The dateline and reading time.
 * @csspart time - Each `<time>` element of the dateline (also `published` or `updated`).
 * @csspart published - The publication `<time>`.
 * @csspart updated - The update `<time>`.
 * @csspart reading-time - The `<gz-reading-time>` element.
 *
 * @cssproperty --gz-article-header-gap - Space between the lines. Default `--gz-space-s`.
 * @cssproperty --gz-article-header-section-color - Section label and outline kicker colour. Default `--gz-color-accent`.
 * @cssproperty --gz-article-header-section-font-family - Section label font. Default `--gz-font-ui`.
 * @cssproperty --gz-article-header-section-font-size - Section label size. Default `--gz-font-size-s`.
 * @cssproperty --gz-article-header-kicker-background - Background of the "live" kicker. Default `--gz-color-accent`.
 * @cssproperty --gz-article-header-kicker-color - Text of the "live" kicker. Default `--gz-color-on-accent`.
 * @cssproperty --gz-article-header-headline-font-family - Headline font. Default `--gz-font-heading`.
 * @cssproperty --gz-article-header-headline-font-size - Headline size. Default `--gz-font-size-3xl`.
 * @cssproperty --gz-article-header-headline-font-weight - Headline weight. Default `--gz-font-weight-bold`.
 * @cssproperty --gz-article-header-standfirst-font-size - Standfirst size. Default `--gz-font-size-l`.
 *
 * @cssstate updated - The update time is shown.
 * @cssstate relative - A date is shown in the relative form ("vor 2 Stunden").
 */
export class GzArticleHeader extends GzElement {
  static override styles = [hostStyles, styles];

  /** The section label's text (`Politik`). */
  @property() section: string | null = null;

  /** A link for the section label (http, https or relative). Other schemes render plain text. */
  @property({ attribute: 'section-href' }) sectionHref: string | null = null;

  /** A kicker shown before the section: `live`, `analysis` or `opinion`. */
  @property({ reflect: true, useDefault: true }) kicker: ArticleHeaderKicker | null = null;

  /** Replaces the kicker's default text ("Live", "Analyse", "Meinung"). */
  @property({ attribute: 'kicker-label' }) kickerLabel: string | null = null;

  /** Publication date and time, ISO 8601 (`2024-11-17T16:03:00+01:00`). */
  @property() published: string | null = null;

  /**
   * Last update, ISO 8601: the `updated` attribute. Shown only when it matters (see above); ignored
   * when before `published`. (The property is not called `updated`: that is Lit's lifecycle hook.)
   */
  @property({ attribute: 'updated' }) lastUpdated: string | null = null;

  /** Replaces the update label, with `{date}` where the date goes (`Zuletzt geändert: {date}`). */
  @property({ attribute: 'updated-label' }) updatedLabel: string | null = null;

  /** IANA time zone the times are shown in (`Europe/Berlin`); default the reader's. */
  @property({ attribute: 'time-zone' }) timeZone: string | null = null;

  /** Show dates younger than `relative-hours` as "vor 2 Stunden" / "2 hours ago". */
  @property({ type: Boolean }) relative = false;

  /** Hours during which a date reads in the relative form. Default 24. */
  @property({ attribute: 'relative-hours', converter: optionalNumber }) relativeHours: number | null = null;

  /** The id of the article body whose reading time is shown. */
  @property({ attribute: 'reading-time-for' }) readingTimeFor: string | null = null;

  /**
   * The reading time in minutes, when the CMS knows it: shown instead of counting the body's words
   * (server-rendered pages give it, since the server cannot count).
   */
  @property({ attribute: 'reading-minutes', converter: optionalNumber }) readingMinutes: number | null = null;

  /** Leave the reading time out. */
  @property({ attribute: 'no-reading-time', type: Boolean }) noReadingTime = false;

  /** Emit schema.org `NewsArticle` JSON-LD into the light DOM. */
  @property({ attribute: 'json-ld', type: Boolean }) jsonLd = false;

  /** The article's image URL for the JSON-LD (`image`). */
  @property({ attribute: 'json-ld-image' }) jsonLdImage: string | null = null;

  /** The publisher's name for the JSON-LD (`publisher`). */
  @property({ attribute: 'json-ld-publisher' }) jsonLdPublisher: string | null = null;

  /** The publisher's logo URL for the JSON-LD (`publisher.logo`). */
  @property({ attribute: 'json-ld-publisher-logo' }) jsonLdPublisherLogo: string | null = null;

  // Read from the light DOM on connect; these defaults are what server-rendered HTML shows.
  @state() private _slots = { headline: true, standfirst: true, section: false };

  private readonly _localize = new LocalizeController(this);
  private readonly _clock = new RelativeTimeController(this);
  private readonly _internals = this.attachInternals();
  private _lifetime: AbortController | undefined;
  /** The JSON-LD of the latest update: `updateComplete` waits for it. */
  private _jsonLdWritten: Promise<void> = Promise.resolve();
  private _jsonLdRuns = 0;
  /** The zone an idle check is pending for. */
  private _zoneCheck: string | undefined;

  private _published: DateView | undefined;
  private _updated: DateView | undefined;
  private _sectionUrl: string | undefined;
  private _kicker: ArticleHeaderKicker | undefined;
  private _readingTime = false;

  override connectedCallback(): void {
    super.connectedCallback();
    afterHydration(this, () => {
      this._readSlots();
      this.requestUpdate();
    });
    // Parsed before the body? Look for a <gz-article-body> again once the document is complete.
    if (document.readyState === 'loading') {
      this._lifetime = new AbortController();
      document.addEventListener('DOMContentLoaded', () => this.requestUpdate(), {
        once: true,
        signal: this._lifetime.signal,
      });
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Off and unchanged since the last update (100 headers without it): nothing to keep in step.
    if (!isServer && (this.jsonLd || changed.has('jsonLd'))) this._jsonLdWritten = this._syncJsonLd(++this._jsonLdRuns);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await this._jsonLdWritten;
    return result;
  }

  /**
   * Keeps the JSON-LD script in step with the header. Its code is a module of its own, loaded the
   * first time `json-ld` is set: most pages never need it.
   */
  private async _syncJsonLd(run: number): Promise<void> {
    if (!this.jsonLd) {
      this.querySelector(':scope > script[slot="json-ld"]')?.remove();
      return;
    }
    const { syncJsonLd } = await import('./json-ld.js');
    // Another update came meanwhile: it does the writing.
    if (run !== this._jsonLdRuns) return;
    if (!syncJsonLd(this, this._localize.lang, this._zone()))
      warnOnce(this, 'json-ld: the page\'s Trusted Types policy does not allow the "gazette" policy name.');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._lifetime?.abort();
    this._lifetime = undefined;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const lang = this._localize.lang;
    const published = this._parsePublished();
    let updated = this._parseUpdated(published);
    // Without ICU a first render can show a date-time in a zone only from an offset it can know
    // (the EU rule, or the value's own offset).
    const timeZone = this._zone(updated ? undefined : published);

    const hours = this._relativeHours();
    const threshold = hours * 3_600_000;
    const latest = updated ?? published;
    // Refresh only while a date can still read in the relative form; server output stays absolute.
    this._clock.enabled =
      this.relative && !isServer && latest !== undefined && Date.now() - latest.date.getTime() < threshold;
    const now = this._clock.now;

    // The rule for the update line reads the clock. The render that hydrates keeps the server's
    // choice (a page rendered in the morning and hydrated at night must match it: a mismatch threw);
    // the update after hydration decides again with this browser's clock.
    if (
      published &&
      updated &&
      !(hydrating(this)
        ? this.shadowRoot?.querySelector('.updated')
        : shouldShowUpdated(published.date, updated.date, now ?? new Date(), { timeZone }))
    )
      updated = undefined;

    const view = (parsed: ParsedDate, kind: 'published' | 'updated'): DateView => {
      const relative =
        this.relative && now && !parsed.dateOnly ? formatRelative(parsed.date, now, lang, threshold) : undefined;
      // The first render takes the value's offset for the zone's (no ICU start-up); an idle check
      // asks Intl and re-renders in the rare case they differ.
      const text = relative ?? formatAbsolute(parsed, lang, { timeZone, assumeOffset: true });
      const full = formatFull(parsed, lang, { timeZone, assumeOffset: true });
      const terms = this._localize.terms;
      const raw = (kind === 'published' ? this.published : this.lastUpdated)!.trim();
      return {
        // HTML's datetime takes at most three fraction digits; else give the instant in UTC.
        iso: /\.\d{4,}/.test(raw) ? parsed.date.toISOString() : raw,
        visible:
          kind === 'published'
            ? text
            : this.updatedLabel
              ? capped(this, 'updated-label', this.updatedLabel).replaceAll('{date}', text)
              : this._localize.mark('articleHeaderUpdated', terms.articleHeaderUpdated(text)),
        full,
        long:
          kind === 'published'
            ? this._localize.mark('articleHeaderPublished', terms.articleHeaderPublished(full))
            : this._localize.mark('articleHeaderUpdated', terms.articleHeaderUpdated(full)),
        relative: relative !== undefined,
      };
    };
    this._published = published && view(published, 'published');
    this._updated = published && updated && view(updated, 'updated');
    if (timeZone && !isServer && knownTimeZone(timeZone) === undefined) this._checkZone(timeZone, [published]);

    this._sectionUrl = this._safeSectionUrl();
    this._kicker = this._validKicker();
    this._readingTime =
      !this.noReadingTime &&
      (!!this.readingTimeFor || (!isServer && !hydrating(this) && !!document.querySelector('gz-article-body')));

    const states = this._internals.states;
    states.clear();
    if (this._updated) states.add('updated');
    if (this._published?.relative || this._updated?.relative) states.add('relative');
  }

  protected override render() {
    const kicker = this._kicker;
    const hasSection = !!(kicker || this.section || this._slots.section);
    const lang = this._localize.lang;
    const dir = this._localize.dir;
    // No whitespace between the elements (flex items: it never shows), so 100 headers clone no
    // text nodes that do nothing; prettier would put it back.
    // prettier-ignore
    return html`<div part="base" class="base"><div part="section" class="section" ?hidden=${!hasSection}>${
      kicker ? this._renderKicker(kicker, lang, dir) : nothing
    }<span class="section-text"><slot name="section">${this._sectionContent()}</slot></span></div><div part="headline" class="headline" ?hidden=${
      !this._slots.headline
    }><slot></slot></div><div part="standfirst" class="standfirst" ?hidden=${
      !this._slots.standfirst
    }><slot name="standfirst"></slot></div>${this._renderMeta(lang, dir)}</div>`;
  }

  /**
   * Dateline and reading time. The common case (a publication date) is one flat template with the
   * publication `<time>` inline: 100 headers clone one template each, not four nested ones.
   */
  private _renderMeta(lang: string, dir: 'ltr' | 'rtl'): TemplateResult | typeof nothing {
    const published = this._published;
    // prettier-ignore
    const readingTime = this._readingTime
      ? html`<gz-reading-time part="reading-time" for=${ifDefined(this.readingTimeFor || undefined)} minutes=${
          ifDefined(this.readingMinutes ?? undefined)
        }></gz-reading-time>`
      : nothing;
    if (!published) return this._readingTime ? html`<div part="meta" class="meta">${readingTime}</div>` : nothing;
    // The publication <time> alone is the dateline's flex item; the update's sits in a `.stamp`, for
    // its separator. No whitespace, as in `render`.
    // prettier-ignore
    return html`<div part="meta" class="meta"><div class="dateline"><time part="time published" datetime=${
      published.iso
    } lang=${lang} dir=${dir}><span aria-hidden="true" title=${published.full}>${
      published.visible
    }</span><span class="visually-hidden">${published.long}</span></time>${
      this._updated ? this._updatedStamp(this._updated, lang, dir) : nothing
    }</div>${readingTime}</div>`;
  }

  private _updatedStamp(view: DateView, lang: string, dir: 'ltr' | 'rtl'): TemplateResult {
    // The wrapper keeps the page's direction (for the separator); the <time> speaks the element's.
    // The tooltip sits on the visible, hidden-from-AT text: on the <time> it became its description
    // and the date was read twice.
    // prettier-ignore
    return html`<span class="stamp updated"><time part="time updated" datetime=${view.iso} lang=${lang} dir=${
      dir
    }><span aria-hidden="true" title=${view.full}>${view.visible}</span><span class="visually-hidden">${
      view.long
    }</span></time></span>`;
  }

  /**
   * The kicker is set in capitals, but `text-transform` reaches the accessibility tree ("LIVE" is
   * spelled out or shouted): the capitals are drawn from an aria-hidden copy, and assistive
   * technology reads the label as written.
   */
  private _renderKicker(kicker: ArticleHeaderKicker, lang: string, dir: 'ltr' | 'rtl'): TemplateResult {
    const key = KICKER_TERMS[kicker];
    const text = this.kickerLabel ? capped(this, 'kicker-label', this.kickerLabel) : this._localize.terms[key];
    const fallback = this.kickerLabel ? undefined : this._localize.fallbackLang(key);
    return html`<span part="kicker" class="kicker ${kicker}" lang=${fallback ?? lang} dir=${fallback ? 'ltr' : dir}
      ><span class="kicker-text" aria-hidden="true">${text}</span><span class="visually-hidden">${text}</span></span
    >`;
  }

  private _sectionContent(): TemplateResult | string | typeof nothing {
    if (!this.section) return nothing;
    const section = capped(this, 'section', this.section);
    // Plain text binds as text: no template of its own.
    return this._sectionUrl ? html`<a part="section-link" href=${this._sectionUrl}>${section}</a>` : section;
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    // `slotchange` bubbles to the shadow root: one listener there, not one per slot.
    root.addEventListener('slotchange', GzArticleHeader._slotChange);
    return root;
  }

  private static _slotChange(this: ShadowRoot): void {
    (this.host as GzArticleHeader)._readSlots();
  }

  /** Which slots have content, read from the light DOM (also before the first `slotchange`). */
  private _readSlots(): void {
    let headline = false;
    let standfirst = false;
    let section = false;
    for (const node of this.childNodes) {
      if (node instanceof Element) {
        if (node.slot === 'standfirst') standfirst = true;
        else if (node.slot === 'section') section = true;
        else if (!node.slot) headline = true;
      } else if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) {
        headline = true;
      }
    }
    const slots = this._slots;
    if (slots.headline !== headline || slots.standfirst !== standfirst || slots.section !== section)
      this._slots = { headline, standfirst, section };
  }

  /**
   * Asks Intl, when the page is idle, whether the zone exists and what its offset was at the shown
   * dates; re-renders when the first render's assumption (the value's own offset) was wrong.
   */
  private _checkZone(zone: string, dates: (ParsedDate | undefined)[]): void {
    if (this._zoneCheck === zone) return;
    this._zoneCheck = zone;
    whenIdle(() => {
      this._zoneCheck = undefined;
      const wrong = dates.some((d) => {
        if (!d || d.dateOnly) return false;
        const assumed = provisionalOffset(d, zone);
        return assumed !== undefined && zoneOffset(zone, d.date) !== assumed;
      });
      if (wrong || !isValidTimeZone(zone)) this.requestUpdate();
    });
  }

  /**
   * The valid `time-zone`; with a `provisional` date-time whose offset in it is known without Intl,
   * a zone not yet checked passes until `_checkZone` runs.
   */
  private _zone(provisional?: ParsedDate): string | undefined {
    const zone = this.timeZone?.trim();
    if (!zone) return undefined;
    if (
      provisional &&
      !provisional.dateOnly &&
      provisionalOffset(provisional, zone) !== undefined &&
      !isServer &&
      zone.length <= 64 &&
      knownTimeZone(zone) === undefined &&
      /^[A-Za-z][\w+-]*(?:\/[\w+-]+)*$/.test(zone)
    )
      return zone;
    if (isValidTimeZone(zone)) return zone;
    warnOnce(this, `time-zone="${this.timeZone}" is not an IANA time zone; showing times in the reader's zone.`);
    return undefined;
  }

  private _parsePublished(): ParsedDate | undefined {
    if (!this.published?.trim()) {
      warnOnce(this, 'published is missing; no date is shown. Give an ISO 8601 date-time (2024-11-17T16:03:00+01:00).');
      return undefined;
    }
    const parsed = parseIsoDate(this.published);
    if (!parsed)
      warnOnce(
        this,
        `published="${this.published}" is not an ISO 8601 date (2024-11-17T16:03:00+01:00); no date is shown.`,
      );
    return parsed;
  }

  private _parseUpdated(published: ParsedDate | undefined): ParsedDate | undefined {
    if (!this.lastUpdated?.trim()) return undefined;
    const parsed = parseIsoDate(this.lastUpdated);
    if (!parsed) {
      warnOnce(this, `updated="${this.lastUpdated}" is not an ISO 8601 date; it is ignored.`);
      return undefined;
    }
    if (published && parsed.date.getTime() < published.date.getTime()) {
      warnOnce(this, `updated="${this.lastUpdated}" is earlier than published="${this.published}"; it is ignored.`);
      return undefined;
    }
    return parsed;
  }

  private _relativeHours(): number {
    const value = this.relativeHours;
    if (value === null || value === undefined) return DEFAULT_RELATIVE_HOURS;
    if (Number.isFinite(value) && value > 0) return value;
    warnOnce(
      this,
      `relative-hours="${this.getAttribute('relative-hours') ?? value}" is not a positive number of hours; using ${DEFAULT_RELATIVE_HOURS}.`,
    );
    return DEFAULT_RELATIVE_HOURS;
  }

  private _safeSectionUrl(): string | undefined {
    if (!this.sectionHref) return undefined;
    const url = safeUrl(this.sectionHref);
    if (!url)
      warnOnce(
        this,
        `section-href="${this.sectionHref}" is not an http(s) or relative URL; the section is shown without a link.`,
      );
    return url;
  }

  private _validKicker(): ArticleHeaderKicker | undefined {
    const value = this.kicker;
    if (!value) return undefined;
    if ((ARTICLE_HEADER_KICKERS as readonly string[]).includes(value)) return value;
    warnOnce(this, `kicker="${value}" is not one of ${ARTICLE_HEADER_KICKERS.join(', ')}; no kicker is shown.`);
    return undefined;
  }
}
