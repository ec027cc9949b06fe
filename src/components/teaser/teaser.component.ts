import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { RelativeTimeController } from '../../controllers/relative-time.js';
import { LocalizeController } from '../../controllers/localize.js';
import { GzTeaserImpressionEvent } from '../../events/teaser-impression.js';
import { GzTeaserSelectEvent, type TeaserDetail } from '../../events/teaser-select.js';
import { optionalNumber } from '../../internal/converters.js';
import { GzElement } from '../../internal/gz-element.js';
import { safeUrl } from '../../internal/url.js';
import { warnOnce } from '../../internal/warn.js';
import { hostStyles } from '../../styles/host.styles.js';
import { teaserDate, type TeaserDate } from './date.js';
import { observeImpression, unobserveImpression } from './impressions.js';
import { safeSrcset } from './srcset.js';
import { styles, teaserStyles } from './teaser.styles.js';
import { teaserTemplate } from './teaser.template.js';

const DEFAULT_HEADING_LEVEL = 3;
const DEFAULT_EXCERPT_LINES = 3;

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
  static override styles = [hostStyles, teaserStyles, styles];

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
  private _date: TeaserDate = {};
  private _level = DEFAULT_HEADING_LEVEL;
  private _lines = DEFAULT_EXCERPT_LINES;
  private _impressed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // Without IntersectionObserver (very old engines) there are no impression events, and no error.
    if (!this._impressed) observeImpression(this, () => this._seen());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unobserveImpression(this);
  }

  /** What analytics events carry. */
  get detail(): TeaserDetail {
    const href = this._href ? new URL(this._href, document.baseURI).href : '';
    return { id: this.articleId || href, href, position: this._position() };
  }

  private _seen(): void {
    if (this._impressed) return;
    this._impressed = true;
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
    this._date = teaserDate(this.date, this._localize.lang, this.relative ? this._clock.now : undefined);
    if (this._date.invalid) warnOnce(this, `date="${this.date}" is not an ISO 8601 date; no date shown.`);
    this._clock.enabled = this._date.relative === true;
  }

  protected override render() {
    const date = this._date;
    return teaserTemplate(
      html,
      {
        href: this._href,
        brand: this.brand,
        section: this.section,
        sectionLabel: this._localize.terms.teaserSection,
        level: this._level,
        image: this._image,
        srcset: this._srcset,
        sizes: this._srcset && this.sizes ? this.sizes : undefined,
        imageAlt: this.imageAlt?.trim() ?? '',
        dateIso: date.iso,
        dateText: date.text,
        dateSpoken: date.spoken,
        lines: this._lines,
        lang: this._localize.lang,
        dir: this._localize.dir,
      },
      html`<slot name="title"></slot>`,
      html`<slot></slot>`,
      this._onClick,
    );
  }

  /** A canceled `gz-teaser-select` cancels the navigation: a router takes the click over. */
  private _onClick(event: MouseEvent): void {
    if (!this._href) return;
    if (!this.dispatchEvent(new GzTeaserSelectEvent(this.detail))) event.preventDefault();
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
