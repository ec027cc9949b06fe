import { LitElement } from 'lit';
import { VERSION } from './version.js';
import { hydrating } from './hydration.js';
import { adoptPageStyles, tokensPending } from './tokens.js';
import { warnPage } from './warn.js';

/**
 * The base class of every Gazette element.
 *
 * - `define()` is the only way a tag gets registered. It never throws: registering the same class
 *   twice does nothing, and a tag already held by another class (typically a second copy of
 *   Gazette on the same CMS page) produces one console warning and leaves the first copy in place.
 * - On first registration the page-wide sheets (design tokens, the body's typesetting) that the
 *   page does not link are loaded as a chunk and adopted into the document, inside cascade layers,
 *   so any publisher stylesheet overrides them. Until the tokens have arrived no element renders,
 *   and no article body until its typesetting has: the first render is never unstyled. A page
 *   that links `gazette/preload.css` (or `ssr.css`, `themes/tokens.css`) renders at once and
 *   downloads those bytes once.
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
    // A value set on the element before its tag was defined (the script loads after the markup or
    // after React rendered) is an own property that hides the class's accessor for good
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
      warnPage(
        `Gazette ${VERSION}: <${tagName}> (held by ${existing.version ? `Gazette ${existing.version}` : 'another script'})`,
        `this tag is already defined; this copy is not registered. Load Gazette once per page to avoid this.`,
      );
      return;
    }
    adoptPageStyles();
    registry.define(tagName, this);
  }

  /** Holds a render until what `renderHold()` names is there. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    // Hydration adopts the server's DOM, already styled, and must match it: never held. Held, the
    // element learns things meanwhile that the server's render did not show (the first teaser-list
    // feed test in the server-rendered run failed with 'unexpected longer than expected iterable').
    if (hydrating(this)) return super.scheduleUpdate();
    const pending = this.renderHold();
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /**
   * What the next render waits for, or `undefined`: the design tokens, when the page does not link
   * them (see `define`), and on a page with a `<gz-article-body>`, its typesetting too: the body
   * renders once it is there, and the other elements rendering with it make one style and layout
   * pass, not two (CPU 0.88 on the reference article, bench/results.md). An element that needs more
   * before it renders adds to it here, so hydration is never held for either.
   */
  protected renderHold(): Promise<unknown> | undefined {
    const pending = adoptPageStyles();
    return pending && (tokensPending() || document.querySelector('gz-article-body') ? pending : undefined);
  }
}
