import { LitElement } from 'lit';
import { VERSION } from './version.js';
import { packsLoading } from '../controllers/localize.js';
import { hydrating } from './hydration.js';
import { adoptPageStyles } from './tokens.js';

/**
 * The base class of every Gazette element.
 *
 * - `define()` is the only way a tag gets registered. It never throws: registering the same class
 *   twice does nothing, and a tag already held by another class (typically a second copy of
 *   Gazette on the same CMS page) produces one console warning and leaves the first copy in place.
 * - While a language pack the page's content speaks is loading (German), registration waits for
 *   it: `customElements.whenDefined()` tells when the tag is there.
 * - On first registration the page-wide sheets (design tokens, the body's typesetting) that the
 *   page does not link are loaded as a chunk and adopted into the document, inside cascade layers,
 *   so any publisher stylesheet overrides them. Until they have arrived no element renders: the
 *   first render is never unstyled. A page that links `gazette/preload.css` (or `ssr.css`,
 *   `themes/tokens.css`) renders at once and downloads those bytes once.
 *
 * @internal
 */
export class GzElement extends LitElement {
  /** The version of Gazette that defined this class. */
  static readonly version: string = VERSION;

  /** Accessor values set before the tag was defined (see the constructor). */
  #early: [key: string, value: unknown][] | undefined;

  constructor() {
    super();
    // A value set on the element before its tag was defined (`define` waits for a language pack;
    // React sets properties at once) is an own property that hides the class's accessor for good
    // (`el.minutes = 3`). Lit passes on its reactive properties; the others are passed on here, on
    // connect, once the subclass's fields are set.
    for (const key of Object.keys(this)) {
      let proto: object | null = Object.getPrototypeOf(this);
      while (proto && !Object.getOwnPropertyDescriptor(proto, key)?.set) proto = Object.getPrototypeOf(proto);
      if (!proto) continue;
      (this.#early ??= []).push([key, this[key as keyof this]]);
      delete this[key as keyof this];
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const early = this.#early;
    this.#early = undefined;
    for (const [key, value] of early ?? []) (this as Record<string, unknown>)[key] = value;
  }

  static define(tagName: string, registry: CustomElementRegistry = customElements): void {
    const existing = registry.get(tagName) as (CustomElementConstructor & { version?: string }) | undefined;
    if (existing === this) return;
    if (existing) {
      console.warn(
        `Gazette ${VERSION}: <${tagName}> is already defined by ` +
          `${existing.version ? `Gazette ${existing.version}` : 'another script'}; ` +
          `this copy is not registered. Load Gazette once per page to avoid this.`,
      );
      return;
    }
    // A language pack the page speaks is on its way: stay undefined (preload.css keeps the layout)
    // rather than render in English, or empty, meanwhile.
    const packs = packsLoading();
    if (packs) {
      void packs.then(() => this.define(tagName, registry));
      return;
    }
    adoptPageStyles();
    registry.define(tagName, this);
  }

  /**
   * Holds a render until the page-wide sheets (see `define`) and a language pack on its way
   * (`packsLoading`) are there: never a render unstyled or in the wrong language. Not hydration.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    // Hydration adopts the server's DOM, already styled and in its language, and must match it:
    // never held (what the element learns meanwhile, a feed say, would not match).
    if (hydrating(this)) return super.scheduleUpdate();
    const styles = adoptPageStyles();
    const packs = packsLoading();
    const pending = styles && packs ? Promise.all([styles, packs]) : (styles ?? packs);
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }
}
