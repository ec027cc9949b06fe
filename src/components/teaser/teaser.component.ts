import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { RelativeTimeController } from '../../controllers/relative-time.js';
import { LocalizeController } from '../../controllers/localize.js';
import { GzTeaserImpressionEvent } from '../../events/teaser-impression.js';
import { GzTeaserSelectEvent, type TeaserDetail } from '../../events/teaser-select.js';
import { optionalNumber } from '../../internal/converters.js';
import { formatAbsolute, formatFull, formatRelative, parseIsoDate } from '../../internal/datetime.js';
import { cssProps } from '../../internal/css-props.js';
import { GzElement } from '../../internal/gz-element.js';
import { safeUrl } from '../../internal/url.js';
import { warnOnce } from '../../internal/warn.js';
import { hostStyles } from '../../styles/host.styles.js';
import { safeSrcset } from './srcset.js';
import { styles } from './teaser.styles.js';

const DEFAULT_HEADING_LEVEL = 3;
const DEFAULT_EXCERPT_LINES = 3;

// One observer for every teaser on the page: a list of 1,000 teasers costs one observer, not 1,000.
let impressionObserver: IntersectionObserver | undefined;
function impressions(): IntersectionObserver {
  impressionObserver ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting && entry.intersectionRatio >= 0.5) (entry.target as GzTeaser)._seen();
      }
    },
    { threshold: 0.5 },
  );
  return impressionObserver;
}

/**
 * Meta labels are set in capitals, but `text-transform` reaches the accessibility tree
 * ("FINANZEN" is spelled out or shouted): the capitals are drawn from an aria-hidden copy and
 * assistive technology reads the label as written.
 */
function capitals(text: string): TemplateResult {
  return html`<span class="caps" aria-hidden="true">${text}</span><span class="visually-hidden">${text}</span>`;
}

/**
 * One article teaser: brand, category, title, date, excerpt and an optional image, the whole
 * teaser one link and one tab stop (a stretched link: the title's link covers the card, nothing
 * is nested in it). Title and excerpt are light-DOM content, so search engines and reader mode
 * see them.
 *
 * ```html
 * <gz-teaser href="/finanzen/bayer" brand="DWN" section="Finanzen" date="2026-02-17">
 *   <span slot="title">Bayer-Aktie: …</span>
 *   Der Leverkusener Konzern …
 * </gz-teaser>
 * ```
 *
 * The date is shown as the article header shows it: the date alone (`17.02.2026` in German);
 * with `relative`, "vor 2 Stunden" for items of the last 24 hours, computed when the teaser renders.
 *
 * @summary One article teaser, the whole card one link.
 *
 * @slot title - The article's title (text; the link's accessible name).
 * @slot - The excerpt. Cut visually after `excerpt-lines` lines.
 *
 * @csspart base - The card.
 * @csspart media - The image's box, with the reserved aspect ratio.
 * @csspart image - The `<img>`.
 * @csspart meta - The line with brand and category.
 * @csspart brand - The site's short name.
 * @csspart section - The category label.
 * @csspart heading - The title's heading.
 * @csspart link - The title's link, stretched over the card.
 * @csspart date - The `<time>`.
 * @csspart excerpt - The excerpt's box.
 *
 * @cssproperty --gz-teaser-image-aspect-ratio - Aspect ratio reserved for the image. Default `16 / 9`.
 * @cssproperty --gz-teaser-min-block-size - Minimum height of a teaser (the list's skeletons use it too). Default `auto`.
 * @cssproperty --gz-teaser-title-font-size - Title size. Default `--gz-font-size-l`.
 * @cssproperty --gz-teaser-section-color - Category colour. Default `--gz-color-accent`.
 * @cssproperty --gz-teaser-background - Card background. Default transparent.
 *
 * @cssstate linked - The teaser has a safe link.
 *
 * @event {GzTeaserSelectEvent} gz-teaser-select - The reader clicked the teaser (detail: `id`, `href`, `position`).
 * @event {GzTeaserImpressionEvent} gz-teaser-impression - The teaser was at least half visible, once.
 */
export class GzTeaser extends GzElement {
  static override styles = [hostStyles, styles];

  /** The article's URL (http, https or relative; anything else is dropped with a warning). */
  @property() href: string | null = null;

  /** The category label (`Finanzen`). */
  @property() section: string | null = null;

  /** The site's short name (`DWN`). */
  @property() brand: string | null = null;

  /** Publication date, ISO 8601 (`2026-02-17` or `2026-02-17T09:30:00+01:00`). */
  @property() date: string | null = null;

  /** Show items of the last 24 hours relatively ("vor 2 Stunden"). */
  @property({ type: Boolean }) relative = false;

  /** Image URL (http, https or relative). */
  @property() image: string | null = null;

  /** The image's alternative text; without it the image is decorative (the title names the link). */
  @property({ attribute: 'image-alt' }) imageAlt: string | null = null;

  /** Image candidates (`a.jpg 480w, b.jpg 960w`); unsafe candidates are dropped. */
  @property() srcset: string | null = null;

  /** The image's `sizes`. */
  @property() sizes: string | null = null;

  /** The heading level of the title, 1–6. Default 3. */
  @property({ attribute: 'heading-level', converter: optionalNumber }) headingLevel: number | null = null;

  /** Lines of excerpt shown before it is cut with CSS. Default 3. */
  @property({ attribute: 'excerpt-lines', converter: optionalNumber }) excerptLines: number | null = null;

  /** An id for analytics events; default the link. */
  @property({ attribute: 'article-id' }) articleId: string | null = null;

  /** 1-based position for analytics; default the teaser's place among its sibling teasers. */
  @property({ converter: optionalNumber }) position: number | null = null;

  private readonly _localize = new LocalizeController(this);
  private readonly _internals = this.attachInternals();
  /** The clock of the relative form: ticks once a minute only while this teaser is visible. */
  private readonly _clock = new RelativeTimeController(this);
  private _href: string | undefined;
  private _image: string | undefined;
  private _srcset: string | undefined;
  private _dateText: string | undefined;
  private _dateIso: string | undefined;
  private _dateFull: string | undefined;
  private _level = DEFAULT_HEADING_LEVEL;
  private _lines = DEFAULT_EXCERPT_LINES;
  private _impressed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // Without IntersectionObserver (very old engines) there are no impression events, and no error.
    if (!this._impressed && typeof IntersectionObserver === 'function') impressions().observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    impressionObserver?.unobserve(this);
  }

  /** What analytics events carry. */
  get detail(): TeaserDetail {
    const href = this._href ? new URL(this._href, document.baseURI).href : '';
    return { id: this.articleId || href, href, position: this._position() };
  }

  /** @internal Called by the shared observer the first time the teaser is half visible. */
  _seen(): void {
    if (this._impressed) return;
    this._impressed = true;
    impressionObserver?.unobserve(this);
    this.dispatchEvent(new GzTeaserImpressionEvent(this.detail));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('href')) {
      this._href = safeUrl(this.href);
      if (this.href && !this._href)
        warnOnce(this, `href="${this.href}" is not an http(s) or relative URL; the teaser is not linked.`);
      if (!this.href) this._href = undefined;
    }
    if (changed.has('image') || changed.has('srcset')) {
      this._image = safeUrl(this.image);
      if (this.image && !this._image)
        warnOnce(this, `image="${this.image}" is not an http(s) or relative URL; no image shown.`);
      this._srcset = this._image ? safeSrcset(this.srcset) : undefined;
    }
    if (changed.has('headingLevel')) {
      const level = this.headingLevel;
      const valid = level !== null && Number.isInteger(level) && level >= 1 && level <= 6;
      if (level !== null && !valid)
        warnOnce(
          this,
          `heading-level="${this.getAttribute('heading-level') ?? level}" is not 1–6; using ${DEFAULT_HEADING_LEVEL}.`,
        );
      this._level = valid ? level : DEFAULT_HEADING_LEVEL;
    }
    if (changed.has('excerptLines')) {
      const lines = this.excerptLines;
      const valid = lines !== null && Number.isInteger(lines) && lines >= 1;
      if (lines !== null && !valid)
        warnOnce(
          this,
          `excerpt-lines="${this.getAttribute('excerpt-lines') ?? lines}" is not a positive whole number; using ${DEFAULT_EXCERPT_LINES}.`,
        );
      this._lines = valid ? lines : DEFAULT_EXCERPT_LINES;
    }
    this._computeDate();
    if (this._href) this._internals.states.add('linked');
    else this._internals.states.delete('linked');
  }

  /**
   * The date's text. The relative form is measured from the RelativeTimeController's clock, which
   * is unset on the server (server HTML shows the absolute date) and ticks once a minute while the
   * teaser is visible; it stops once the date has aged into the absolute form.
   */
  private _computeDate(): void {
    this._dateText = this._dateIso = this._dateFull = undefined;
    this._clock.enabled = false;
    if (!this.date) return;
    const parsed = parseIsoDate(this.date);
    if (!parsed) {
      warnOnce(this, `date="${this.date}" is not an ISO 8601 date; no date shown.`);
      return;
    }
    const lang = this._localize.lang;
    this._dateIso = this.date.trim();
    this._dateFull = formatFull(parsed, lang);
    const now = this._clock.now;
    const relative = this.relative && !parsed.dateOnly && now ? formatRelative(parsed.date, now, lang) : undefined;
    this._clock.enabled = relative !== undefined;
    this._dateText = relative ?? formatAbsolute(parsed, lang, { time: false });
  }

  protected override render() {
    const level = this._level;
    const title = html`<slot name="title"></slot>`;
    return html`<div
      part="base"
      class="base"
      lang=${this._localize.lang}
      dir=${this._localize.dir}
      style=${cssProps({ '--_lines': String(this._lines) })}
    >
      ${
        this._image
          ? html`<div part="media" class="media">
              <img
                part="image"
                src=${this._image}
                srcset=${ifDefined(this._srcset)}
                sizes=${ifDefined(this._srcset && this.sizes ? this.sizes : undefined)}
                alt=${this.imageAlt?.trim() ?? ''}
                loading="lazy"
                decoding="async"
              />
            </div>`
          : nothing
      }
      <div class="content">
        ${
          this.brand || this.section
            ? html`<p part="meta" class="meta">
                ${this.brand ? html`<span part="brand" class="brand">${capitals(this.brand)}</span>` : nothing}
                ${
                  this.section
                    ? html`<span part="section" class="section"
                        ><span class="visually-hidden">${this._localize.terms.teaserSection}: </span
                        >${capitals(this.section)}</span
                      >`
                    : nothing
                }
              </p>`
            : nothing
        }
        <div part="heading" class="heading" role="heading" aria-level=${level}>
          ${this._href ? html`<a part="link" class="link" href=${this._href} @click=${this._onClick}>${title}</a>` : title}
        </div>
        ${
          this._dateText
            ? html`<time
                part="date"
                class="date"
                datetime=${ifDefined(this._dateIso)}
                title=${ifDefined(this._dateFull)}
                >${this._dateText}</time
              >`
            : nothing
        }
        <div part="excerpt" class="excerpt"><slot></slot></div>
      </div>
    </div>`;
  }

  private _onClick(): void {
    this.dispatchEvent(new GzTeaserSelectEvent(this.detail));
  }

  private _position(): number {
    const given = this.position;
    if (given !== null && Number.isFinite(given) && given >= 1) return Math.floor(given);
    const parent = this.parentElement;
    if (!parent) return 1;
    let index = 0;
    for (const sibling of parent.children) {
      if (sibling.localName === this.localName) index++;
      if (sibling === this) return index;
    }
    return 1;
  }
}
