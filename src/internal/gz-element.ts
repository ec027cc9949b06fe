import { LitElement } from 'lit';
import { VERSION } from './version.js';
import { adoptTokens } from './tokens.js';

/**
 * The base class of every Gazette element.
 *
 * - `define()` is the only way a tag gets registered. It never throws: registering the same class
 *   twice does nothing, and a tag already held by another class (typically a second copy of
 *   Gazette on the same CMS page) produces one console warning and leaves the first copy in place.
 * - On first registration the global design tokens are adopted into the document, inside a
 *   cascade layer, so any publisher stylesheet overrides them.
 *
 * @internal
 */
export class GzElement extends LitElement {
  /** The version of Gazette that defined this class. */
  static readonly version: string = VERSION;

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
    adoptTokens();
    registry.define(tagName, this);
  }
}
