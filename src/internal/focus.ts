import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The focus rule every element follows: when a state change removes or replaces the control that
 * has keyboard focus, focus moves to its successor; a control that is only re-rendered keeps it.
 * Focus never falls to `<body>` because of something the element did.
 *
 * How an element uses it:
 * - mark each control that a state change can remove or replace with `data-focus="<key>"`
 *   (`retry`, `toggle`, `field`, ...); a re-rendered control carries the same key;
 * - create `new FocusKeeper(this, { retry: ['toggle'] })`: for each key, the keys to try, in order,
 *   when no control with that key is left after the change;
 * - renders are covered (the controller notes the focused control before each update and restores
 *   after it); wrap a DOM change made outside `render` (light DOM) in `keeper.preserve(() => ...)`.
 *
 * After a change, when the noted control is gone and focus is no longer inside the element (the
 * reader did not move it elsewhere meanwhile), the keeper focuses the first connected, focusable
 * match of: the same key, each successor key, any `[data-focus-fallback]` element. A successor that
 * is not focusable by nature (a status message) needs `tabindex="-1"`.
 */
export class FocusKeeper implements ReactiveController {
  #noted: { element: Element; key: string } | undefined;

  /**
   * @param host the element
   * @param successors for a key, the keys to try in order when its control is gone
   * @param roots where the keyed controls live: the shadow root, and the host for light-DOM ones
   */
  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly successors: Readonly<Record<string, readonly string[]>> = {},
    private readonly roots: () => readonly ParentNode[] = () => [host.shadowRoot ?? host, host],
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.note();
  }

  hostUpdated(): void {
    this.restore();
  }

  /** Runs `change` (a DOM change made outside `render`) and applies the focus rule after it. */
  preserve<T>(change: () => T): T {
    this.note();
    try {
      return change();
    } finally {
      this.restore();
    }
  }

  /** Notes the focused keyed control, when focus is inside the element. */
  note(): void {
    const active = deepActiveElement();
    const keyed = active?.closest('[data-focus]');
    const key = keyed?.getAttribute('data-focus');
    this.#noted = keyed && key && this.#owns(keyed) ? { element: keyed, key } : undefined;
  }

  /** Applies the focus rule to what `note` saw. */
  restore(): void {
    const noted = this.#noted;
    this.#noted = undefined;
    if (!noted) return;
    // Still there and focusable: a re-render kept it (or the reader moved on from it).
    if (noted.element.isConnected && isFocusable(noted.element)) return;
    // Gone, but the reader has already moved focus elsewhere: leave it there.
    const active = deepActiveElement();
    if (active && active !== document.body && active !== noted.element) return;
    for (const key of [noted.key, ...(this.successors[noted.key] ?? [])]) {
      if (this.#focus(`[data-focus="${key}"]`)) return;
    }
    this.#focus('[data-focus-fallback]');
  }

  #owns(el: Element): boolean {
    const roots = this.roots();
    let node: Node | null = el;
    while (node) {
      if (roots.includes(node as ParentNode)) return true;
      node = node instanceof ShadowRoot ? node.host : node.parentNode;
    }
    return false;
  }

  #focus(selector: string): boolean {
    for (const root of this.roots()) {
      for (const el of root.querySelectorAll<HTMLElement>(selector)) {
        if (!isFocusable(el)) continue;
        el.focus({ preventScroll: false });
        if (deepActiveElement() === el) return true;
      }
    }
    return false;
  }
}

/** The element that has focus, looked up through open shadow roots; `null` when nothing has. */
export function deepActiveElement(root: DocumentOrShadowRoot = document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function isFocusable(el: Element): boolean {
  if (!(el instanceof HTMLElement || el instanceof SVGElement) || !el.isConnected) return false;
  if ((el as HTMLButtonElement).disabled || el.closest('[inert]')) return false;
  return el.checkVisibility?.({ visibilityProperty: true }) ?? true;
}
