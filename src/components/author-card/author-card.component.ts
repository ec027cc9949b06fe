import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { cssProps } from '../../internal/css-props.js';
import { LocalizeController } from '../../controllers/localize.js';
import { GzElement } from '../../internal/gz-element.js';
import { hydrating } from '../../internal/hydration.js';
import { safeUrl } from '../../internal/url.js';
import { capped, warnOnce } from '../../internal/warn.js';
import { hostStyles } from '../../styles/host.styles.js';
import { isPlaceholderAlt } from './alt-text.js';
import { styles } from './author-card.styles.js';
import { interleave, nameLink } from './byline.js';
import { colorFor, initialsOf, normalizeName } from './initials.js';
import { MAX_LINKS, parseLinks, splitLinks, type AuthorLink } from './links.js';

/** Tells a parent <gz-author-list> that name or href changed. Internal: not a public event. */
function announceChange(card: Element): void {
  card.dispatchEvent(new Event('gz-author-card-change', { bubbles: true }));
}

export const AUTHOR_CARD_LAYOUTS = ['card', 'compact', 'inline'] as const;
export type AuthorCardLayout = (typeof AUTHOR_CARD_LAYOUTS)[number];

/** How long a photo may take, once it is in view, before the card shows initials instead. */
export const PHOTO_TIMEOUT_MS = 3000;

/** The `width`/`height` attributes of the photo per layout (CSS may scale it, keeping the box). */
const PHOTO_PIXELS: Record<AuthorCardLayout, number> = { card: 96, compact: 40, inline: 0 };

type PhotoState = 'none' | 'loading' | 'loaded' | 'failed';

/**
 * A photo URL that is safe as `src`: http(s) or relative. `data:` is refused like everywhere in
 * Gazette: one allowlist for every image and link is easier to audit than exceptions, and a CMS
 * photo is a file, not an inline blob.
 */
export function safePhotoUrl(value: unknown): string | undefined {
  return safeUrl(value);
}

/** A link to an author page that is safe as `href`: http(s) or relative. */
export function safeAuthorHref(value: unknown): string | undefined {
  return safeUrl(value);
}

/**
 * Who wrote an article: photo or initials, name, job title, bio and profile links.
 *
 * Without a photo, or when it fails or takes longer than 3 seconds once in view, the card shows
 * the author's initials (`VZ` for "Virgil Zólyom") on a colour derived from the name. The photo is
 * decorative next to the visible name (`alt=""`) unless `image-alt` describes it; file names and
 * placeholders such as `avtor1` or `IMG_2034.jpg` are never passed on to assistive technology.
 *
 * @summary An author's card, byline or name.
 *
 * @slot - The bio, as light-DOM text (shown in the `card` layout).
 * @slot links - Profile links of the publisher's own, shown after the generated ones.
 *
 * @csspart base - The wrapper of the whole card.
 * @csspart photo - The `<img>` of the photo.
 * @csspart initials - The initials (or a person glyph) shown without a photo.
 * @csspart name - The name (a link when `href` is set).
 * @csspart name-link - The link around the name.
 * @csspart job-title - The job title.
 * @csspart separator - The three-asterisk line between the name and the bio.
 * @csspart bio - The wrapper of the bio slot.
 * @csspart links - The wrapper of the profile links.
 * @csspart link - Each generated profile link.
 * @csspart byline - The "Von …" / "By …" line of the `compact` layout.
 *
 * @cssproperty --gz-author-card-photo-size - Photo size in the `card` layout. Default `6rem`.
 * @cssproperty --gz-author-card-compact-photo-size - Photo size in the `compact` layout. Default `2.5rem`.
 * @cssproperty --gz-author-card-photo-radius - Photo shape. Default `50%` (a circle).
 * @cssproperty --gz-author-card-initials-background - Overrides the colour derived from the name.
 * @cssproperty --gz-author-card-initials-color - Initials' text colour. Default `#fff`.
 * @cssproperty --gz-author-card-gap - Space between photo and text. Default `--gz-space-m`.
 *
 * @cssstate photo - The photo has loaded and is shown.
 * @cssstate loading - The photo is loading; initials show until it arrives.
 * @cssstate initials - Initials (or the person glyph) are shown.
 * @cssstate empty - No name: nothing is shown.
 */
export class GzAuthorCard extends GzElement {
  static override styles = [hostStyles, styles];

  /** The author's name, shown as text. */
  @property() name: string | null = null;

  /** The author page: http(s) or relative. */
  @property() href: string | null = null;

  /** The photo URL: http(s) or relative. */
  @property() image: string | null = null;

  /** A description of the photo. Placeholders and file names are ignored. */
  @property({ attribute: 'image-alt' }) imageAlt: string | null = null;

  /** The author's job title ("Korrespondent in Kiel"). */
  @property({ attribute: 'job-title' }) jobTitle: string | null = null;

  /** Profile links: URLs (http, https, mailto) separated by whitespace. */
  @property() links: string | null = null;

  /** `card` (photo, name, title, bio, links), `compact` (a byline) or `inline` (the name in text). */
  @property({ reflect: true, useDefault: true }) layout: AuthorCardLayout = 'card';

  @state() private _photo: PhotoState = 'none';
  // On the server the bio is decided after rendering, from the children (server-bio.ts).
  @state() private _hasBio = isServer;
  @state() private _hasSlottedLinks = false;

  private readonly _localize = new LocalizeController(this);
  private readonly _internals = this.attachInternals();
  private _name = '';
  private _layout: AuthorCardLayout = 'card';
  private _src: string | undefined;
  private _alt = '';
  private _links: AuthorLink[] = [];
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _observer: IntersectionObserver | undefined;

  /** The name as shown (trimmed, single-spaced); `''` when there is none. */
  get displayName(): string {
    return this._name;
  }

  /** The initials shown without a photo (`''` when the name has no letters: a glyph is shown). */
  get initials(): string {
    return initialsOf(this._name, this._localize.lang);
  }

  /** The author page's URL when it is safe, else `undefined`. */
  get safeHref(): string | undefined {
    return safeAuthorHref(this.href);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Hydrated slots fire no slotchange (their content was assigned before the listener existed),
    // and a server-rendered photo may have loaded before the element listened.
    if (hydrating(this))
      void this.updateComplete.then(() => {
        for (const slot of this.renderRoot.querySelectorAll('slot')) {
          if (slot.name === 'links') this._hasSlottedLinks = hasContent(slot);
          else this._hasBio = hasContent(slot);
        }
        // HTML from another server renderer than gazette/ssr shows separator and bio whatever the
        // children; hydration keeps that DOM, so the decided state is written once here.
        for (const el of this.renderRoot.querySelectorAll<HTMLElement>('.separator, .bio')) el.hidden = !this._hasBio;
        const img = this.renderRoot.querySelector('img');
        if (img?.complete && img.naturalWidth) this._onLoad();
      });
    if (this.hasUpdated) void this.updateComplete.then(() => this._watchPhoto());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._unwatchPhoto();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The first render shows the bio the light DOM holds, rather than a second update when
    // slotchange reports it (slotted links, rare, still come by slotchange). Hydrating, this is
    // what gazette/ssr decided from the same children, so the server's HTML is kept as it is.
    if (!isServer && !this.hasUpdated) this._hasBio = hasBioChildren(this);
    // A <gz-author-list> parent reads name and href; a framework may set them as properties only
    // (gazette/react), which no MutationObserver sees: tell the list (an internal, non-composed event).
    if (changed.has('name') || changed.has('href')) announceChange(this);
    if (changed.has('name')) {
      this._name = normalizeName(capped(this, 'name', this.name ?? ''));
      if (!this._name) warnOnce(this, 'has no name; it shows nothing. Set name="…".');
    }
    if (changed.has('layout')) {
      if ((AUTHOR_CARD_LAYOUTS as readonly string[]).includes(this.layout)) this._layout = this.layout;
      else {
        warnOnce(this, `layout="${this.layout}" is not one of ${AUTHOR_CARD_LAYOUTS.join(', ')}; using card.`);
        this._layout = 'card';
      }
    }
    if (changed.has('image')) {
      const src = safePhotoUrl(this.image);
      if (this.image && !src) warnOnce(this, `image="${this.image}" is not an http(s) URL; showing initials.`);
      if (src !== this._src || this._photo === 'none') {
        this._unwatchPhoto();
        this._src = src;
        this._photo = src ? 'loading' : 'none';
      }
    }
    if (changed.has('imageAlt') || changed.has('name')) this._alt = this._altText();
    if (changed.has('links')) {
      const urls = splitLinks(this.links, MAX_LINKS);
      if (urls.length > MAX_LINKS) {
        urls.length = MAX_LINKS;
        warnOnce(this, `links: more than ${MAX_LINKS} links; only the first ${MAX_LINKS} are shown.`);
      }
      const { links, dropped } = parseLinks(urls);
      this._links = links;
      if (dropped.length)
        warnOnce(
          this,
          `links: dropped ${dropped.map((d) => `"${d}"`).join(', ')}: only http(s) and mailto links are shown.`,
        );
    }
    if (changed.has('href') && this.href && !this.safeHref) {
      warnOnce(this, `href="${this.href}" is not an http(s) link; the name is shown without a link.`);
    }
    const states = this._internals.states;
    states.clear();
    if (!this._name) states.add('empty');
    else if (this._layout !== 'inline') {
      if (this._photo === 'loaded') states.add('photo');
      else states.add('initials');
      if (this._photo === 'loading') states.add('loading');
    }
  }

  protected override updated(): void {
    this._watchPhoto();
  }

  protected override render() {
    if (!this._name) return nothing;
    const { lang, dir } = this._localize;
    const href = this.safeHref;
    if (this._layout === 'inline') {
      return html`<span part="base" class="base inline" lang=${lang} dir=${dir}
        ><span part="name" class="name">${nameLink(this._name, href)}</span></span
      >`;
    }
    if (this._layout === 'compact') {
      return html`<div part="base" class="base compact" lang=${lang} dir=${dir}>
        ${this._renderAvatar()}
        <span part="byline name" class="byline"
          >${this._localize.mark('authorBy', interleave(this._localize.terms.authorBy, [nameLink(this._name, href)]))}</span
        >
      </div>`;
    }
    const jobTitle = this.jobTitle && capped(this, 'job-title', this.jobTitle).trim();
    // The bio is the page's text, not the card's words: `dir="auto"` around its slot resolves to the
    // host's own direction (HTML: a slot inside `dir=auto` counts as its host's directionality), so
    // an Arabic bio on a right-to-left page reads right to left even where the card's words fall
    // back to English left to right.
    return html`<div part="base" class="base card" lang=${lang} dir=${dir}>
      <div class="head">
        ${this._renderAvatar()}
        <div class="who">
          <p part="name" class="name">${nameLink(this._name, href)}</p>
          ${jobTitle ? html`<p part="job-title" class="job-title">${jobTitle}</p>` : nothing}
        </div>
      </div>
      <p part="separator" class="separator" aria-hidden="true" ?hidden=${!this._hasBio}>* * *</p>
      <div part="bio" class="bio" dir="auto" ?hidden=${!this._hasBio}>
        <slot @slotchange=${this._onBioChange}></slot>
      </div>
      ${this._renderLinks()}
    </div>`;
  }

  private _renderAvatar(): TemplateResult {
    const size = PHOTO_PIXELS[this._layout];
    const initials = this.initials;
    const showPhoto = this._src && (this._photo === 'loading' || this._photo === 'loaded');
    const initialsShown = this._photo !== 'loaded';
    return html`<span class="avatar" style=${cssProps({ '--_initials-background': colorFor(this._name) })}>
      ${
        initialsShown
          ? initials
            ? html`<span part="initials" class="initials" aria-hidden="true">${initials}</span>`
            : html`<span
                part="initials"
                class="initials"
                role="img"
                aria-label=${this._localize.terms.authorUnknown}
                lang=${ifDefined(this._localize.fallbackLang('authorUnknown'))}
                >${PERSON_GLYPH}</span
              >`
          : nothing
      }
      ${
        showPhoto
          ? html`<img
              part="photo"
              class=${this._photo === 'loaded' ? 'photo loaded' : 'photo'}
              src=${this._src!}
              alt=${this._alt}
              width=${size}
              height=${size}
              loading="lazy"
              decoding="async"
              @load=${this._onLoad}
              @error=${this._onError}
            />`
          : nothing
      }
    </span>`;
  }

  private _renderLinks(): TemplateResult {
    const terms = this._localize.terms;
    const name = this._name;
    const hidden = this._links.length === 0 && !this._hasSlottedLinks;
    const l = this._localize;
    // English fallbacks are marked lang="en"; inside a list marked so, a translated link says its own.
    const listLang = l.fallbackLang('authorLinksLabel');
    const items = this._links.map((link) => {
      const [text, label, key] =
        link.kind === 'email'
          ? [terms.authorEmail, terms.authorEmailLabel(name), 'authorEmailLabel' as const]
          : link.kind === 'website'
            ? [terms.authorWebsite, terms.authorWebsiteLabel(name), 'authorWebsiteLabel' as const]
            : [link.network!, terms.authorProfileLabel(name, link.network!), 'authorProfileLabel' as const];
      const linkLang = l.fallbackLang(key) ?? (listLang ? l.lang : undefined);
      // rel="me" tells the author's own profiles that this page links to them (Mastodon verifies it).
      const rel = link.kind === 'email' ? undefined : 'me';
      return html`<li>
        <a part="link" href=${link.href} aria-label=${label} lang=${ifDefined(linkLang)} rel=${ifDefined(rel)}
          >${text}</a
        >
      </li>`;
    });
    return html`<div part="links" class="links" ?hidden=${hidden}>
      ${
        items.length
          ? html`<ul aria-label=${terms.authorLinksLabel(name)} lang=${ifDefined(listLang)}>
              ${items}
            </ul>`
          : nothing
      }
      <slot name="links" @slotchange=${this._onLinksChange}></slot>
    </div>`;
  }

  /** `image-alt` when it describes the photo; `''` (decorative) for placeholders and the bare name. */
  private _altText(): string {
    const alt = capped(this, 'image-alt', this.imageAlt ?? '', 1_000)
      .replace(/\s+/g, ' ')
      .trim();
    if (!alt) return '';
    if (alt.normalize('NFC').toLowerCase() === this._name.toLowerCase()) return '';
    if (isPlaceholderAlt(alt)) {
      warnOnce(
        this,
        `image-alt="${alt}" looks like a file name or placeholder, not a description; the photo is treated as decorative (alt="").`,
      );
      return '';
    }
    return alt;
  }

  private _onBioChange(event: Event): void {
    this._hasBio = hasContent(event.target as HTMLSlotElement);
  }

  private _onLinksChange(event: Event): void {
    this._hasSlottedLinks = hasContent(event.target as HTMLSlotElement);
  }

  private _onLoad(): void {
    if (this._photo !== 'loading') return;
    this._unwatchPhoto();
    this._photo = 'loaded';
  }

  private _onError(): void {
    if (this._photo !== 'loading') return;
    warnOnce(this, `image="${this.image}" could not be loaded; showing initials.`);
    this._fail();
  }

  private _fail(): void {
    this._unwatchPhoto();
    this._photo = 'failed';
  }

  /**
   * Starts the photo's timeout once it is in view: a lazy photo far down the page has not started
   * loading, and must not fall back to initials before the reader gets there.
   */
  private _watchPhoto(): void {
    if (this._photo !== 'loading' || this._observer || this._timer !== undefined || !this.isConnected) return;
    const avatar = this.renderRoot.querySelector('.avatar');
    if (!avatar) return;
    this._observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      this._observer?.disconnect();
      this._observer = undefined;
      this._timer = setTimeout(() => {
        this._timer = undefined;
        if (this._photo === 'loading') this._fail();
      }, PHOTO_TIMEOUT_MS);
    });
    this._observer.observe(avatar);
  }

  private _unwatchPhoto(): void {
    this._observer?.disconnect();
    this._observer = undefined;
    if (this._timer !== undefined) clearTimeout(this._timer);
    this._timer = undefined;
  }
}

/**
 * Whether a card's light DOM holds a bio: an element without `slot`, or text that is not blank.
 * gazette/ssr decides the same from the children's HTML (`hasBioMarkup` in server-bio.ts).
 */
function hasBioChildren(host: Element): boolean {
  return [...host.childNodes].some((n) =>
    n instanceof Element ? !n.slot : n.nodeType === 3 && !!n.textContent!.trim(),
  );
}

/** Whether a slot has elements or non-blank text assigned. */
function hasContent(slot: HTMLSlotElement): boolean {
  return slot
    .assignedNodes({ flatten: true })
    .some((n) => n.nodeType === Node.ELEMENT_NODE || (n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''));
}

/** A generic head-and-shoulders glyph for a name without letters. */
const PERSON_GLYPH = html`<svg viewBox="0 0 24 24" width="60%" height="60%" aria-hidden="true" focusable="false">
  <circle cx="12" cy="8" r="4.2" fill="currentColor" />
  <path d="M3.5 21c0-4.7 3.8-7.6 8.5-7.6s8.5 2.9 8.5 7.6z" fill="currentColor" />
</svg>`;
