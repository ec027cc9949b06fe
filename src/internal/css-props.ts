import { noChange, type AttributePart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

/**
 * Sets custom properties on an element through the CSSOM (`style.setProperty`), on the first
 * render too. Lit's `styleMap` writes its first value as a `style` attribute, which a page with
 * `style-src` lacking `'unsafe-inline'` blocks (and reports); CSSOM writes are allowed under any
 * CSP. The server render (`render()`) returns the attribute text.
 *
 * `<span style=${cssProps({ '--_x': value })}>`
 *
 * @internal
 */
class CssPropsDirective extends Directive {
  private _previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE || part.name !== 'style') {
      throw new Error('cssProps() belongs in a style attribute');
    }
  }

  render(props: Readonly<Record<string, string | null | undefined>>): string {
    return Object.entries(props)
      .filter(([, value]) => value != null && value !== '')
      .map(([name, value]) => `${name}:${value}`)
      .join(';');
  }

  override update(part: AttributePart, [props]: [Readonly<Record<string, string | null | undefined>>]): unknown {
    const style = (part.element as HTMLElement).style;
    for (const name of this._previous) if (props[name] == null) style.removeProperty(name);
    this._previous = new Set();
    for (const [name, value] of Object.entries(props)) {
      if (value == null || value === '') {
        style.removeProperty(name);
        continue;
      }
      style.setProperty(name, value);
      this._previous.add(name);
    }
    return noChange;
  }
}

export const cssProps = directive(CssPropsDirective);
