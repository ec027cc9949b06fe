import type { ReactiveElement } from 'lit';

/**
 * Whether the element's next update hydrates server-rendered shadow DOM (`gazette/ssr` output,
 * with `@lit-labs/ssr-client/lit-element-hydrate-support.js` loaded). That first client render
 * must match the server's, which could not read the page: what an element learns from the page
 * (its children, slots, other elements, storage) waits until after it, see `afterHydration`.
 * The flag is set when the element connects (or, deferred, has a server shadow root) and cleared by
 * its first update.
 */
export function hydrating(el: ReactiveElement): boolean {
  const lit = el as ReactiveElement & { _$needsHydration?: boolean; _$AG?: boolean; renderRoot?: unknown };
  // Lit's hydrate support flags the element when it adopts the server's shadow root, but an element
  // with `defer-hydration` (every element in another's shadow root, and `deferHydration` output)
  // runs its own connectedCallback before that: a server shadow root not yet adopted counts too.
  // `_$AG` is the same flag in Lit's production build, which mangles its cross-package names to
  // fixed short ones: without it, a production page saw no hydration once the element had connected
  // (the teaser list rendered its empty message into the server's DOM: a hydration mismatch).
  return (
    lit._$needsHydration === true ||
    lit._$AG === true ||
    (!lit.hasUpdated && lit.renderRoot === undefined && !!el.shadowRoot)
  );
}

/** Runs `read` now, or once the element has hydrated. */
export function afterHydration(el: ReactiveElement, read: () => void): void {
  if (hydrating(el)) void el.updateComplete.then(read);
  else read();
}
