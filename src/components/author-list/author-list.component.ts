import { html, isServer, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.js';
import { GzElement } from '../../internal/gz-element.js';
import { afterHydration, hydrating } from '../../internal/hydration.js';
import { warnOnce } from '../../internal/warn.js';
import { hostStyles } from '../../styles/host.styles.js';
import { safeAuthorHref } from '../author-card/author-card.component.js';
import { interleave, nameLink } from '../author-card/byline.js';
import { normalizeName } from '../author-card/initials.js';
import { styles } from './author-list.styles.js';

interface Byline {
  name: string;
  href: string | undefined;
}

/**
 * Several authors: one byline, "Von A, B und C" / "By A, B and C" (formatted with
 * `Intl.ListFormat` in the element's language), each name linked to its author page, and the
 * authors' cards below it.
 *
 * The authors are the `<gz-author-card>` children; the byline follows their `name` and `href`
 * as they change. Server-rendered HTML shows the cards only (the server does not see the children):
 * the byline joins them when the element hydrates.
 *
 * @summary A byline for several authors, with their cards.
 *
 * @slot - The `<gz-author-card>` elements, one per author.
 *
 * @csspart base - The wrapper.
 * @csspart byline - The "Von A, B und C" line.
 * @csspart name-link - Each linked name in the byline.
 * @csspart cards - The wrapper of the cards.
 *
 * @cssproperty --gz-author-list-gap - Space between the cards. Default `--gz-space-l`.
 *
 * @cssstate empty - No child card has a name: nothing is shown.
 */
export class GzAuthorList extends GzElement {
  static override styles = [hostStyles, styles];

  /** Shows the byline only, without the cards below it. */
  @property({ attribute: 'no-cards', type: Boolean }) noCards = false;

  @state() private _authors: Byline[] = [];

  private readonly _localize = new LocalizeController(this);
  private readonly _internals = this.attachInternals();
  private _observer: MutationObserver | undefined;

  /** The names in the byline, in order. */
  get names(): string[] {
    return this._authors.map((a) => a.name);
  }

  constructor() {
    super();
    // Cards whose name or href a framework set as a property (no attribute mutation to observe).
    this.addEventListener('gz-author-card-change', () => this.isConnected && this._collect());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._observer = new MutationObserver(() => this._collect());
    this._observer.observe(this, {
      childList: true,
      attributes: true,
      subtree: true,
      attributeFilter: ['name', 'href'],
    });
    this._collect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._observer?.disconnect();
    this._observer = undefined;
  }

  protected override willUpdate(): void {
    this._internals.states.clear();
    if (this._authors.length === 0) this._internals.states.add('empty');
  }

  protected override render() {
    // On the server (and so in the hydrating render) the authors are unknown: the cards show.
    const unknown = isServer || hydrating(this);
    if (this._authors.length === 0 && !unknown) return nothing;
    const { lang, dir } = this._localize;
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>
      ${this._authors.length ? this._byline() : nothing}
      ${this.noCards ? nothing : html`<div part="cards" class="cards"><slot></slot></div>`}
    </div>`;
  }

  private _byline(): TemplateResult {
    const links: TemplateResult[] = this._authors.map((a) => nameLink(a.name, a.href));
    const names = interleave((...placeholders) => this._localize.list(placeholders, { type: 'conjunction' }), links);
    const byline = interleave(this._localize.terms.authorBy, [names]);
    return html`<p part="byline" class="byline">${this._localize.mark('authorBy', byline)}</p>`;
  }

  /** Reads the cards into the byline; a hydrating element first renders what the server did. */
  private _collect(): void {
    // After hydration the element renders once more even when no card has a name: the hydrating
    // render showed the cards, which it does not without a name.
    const first = hydrating(this);
    afterHydration(this, () => {
      this._readCards();
      if (first) this.requestUpdate();
    });
  }

  /**
   * Warns about a list without named cards only once the page had the chance to add them: a list
   * upgraded while the parser is still at its start tag (the IIFE in `<head>`) or created by a
   * framework before its children connects with none yet.
   */
  private _warnIfStillEmpty(): void {
    const check = async () => {
      // A card whose tag was defined after its name was set (React, or code that sets .name before
      // the script ran) takes that name only in its first update: ask the cards once it is done.
      const cards = [...this.querySelectorAll(':scope > gz-author-card')];
      await Promise.all(cards.map((card) => (card as Element & { updateComplete?: Promise<unknown> }).updateComplete));
      if (this.isConnected && this._authors.length === 0 && this._cardAuthors().length === 0) {
        warnOnce(this, 'has no <gz-author-card name="…"> children; it shows nothing.');
      }
    };
    const nextFrame = () => requestAnimationFrame(() => void check());
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', nextFrame, { once: true });
    else nextFrame();
  }

  private _readCards(): void {
    const authors = this._cardAuthors();
    if (authors.length === 0) this._warnIfStillEmpty();
    const same =
      authors.length === this._authors.length &&
      authors.every((a, i) => a.name === this._authors[i]!.name && a.href === this._authors[i]!.href);
    if (!same) this._authors = authors;
  }

  /** The named cards' names and links, in order. */
  private _cardAuthors(): Byline[] {
    const authors: Byline[] = [];
    for (const card of this.querySelectorAll(':scope > gz-author-card')) {
      // The property first: frameworks (React through gazette/react) set it without the attribute.
      const props = card as Element & { name?: string | null; href?: string | null };
      const name = normalizeName(props.name ?? card.getAttribute('name'));
      if (name) authors.push({ name, href: safeAuthorHref(props.href ?? card.getAttribute('href')) });
    }
    return authors;
  }
}
