import type { ReactiveElement } from 'lit';

/**
 * Whether the element's next update hydrates server-rendered shadow DOM (`gazette/ssr` output,
 * with `@lit-labs/ssr-client/lit-element-hydrate-support.js` loaded). That first client render
 * must match the server's, which could not read the page: what an element learns from the page
 * (its children, slots, other elements, storage) waits until after it, see `afterHydration`.
 * The flag is set when the element connects and cleared by its first update.
 */
export function hydrating(el: ReactiveElement): boolean {
  return (el as ReactiveElement & { _$needsHydration?: boolean })._$needsHydration === true;
}

/** Runs `read` now, or once the element has hydrated. */
export function afterHydration(el: ReactiveElement, read: () => void): void {
  if (hydrating(el)) void el.updateComplete.then(read);
  else read();
}
