/**
 * One IntersectionObserver for every teaser on the page, standalone or rendered by a list: 1,000
 * teasers cost one observer. Each observed element reports once, when at least half visible.
 */
const seen = new WeakMap<Element, () => void>();
let observer: IntersectionObserver | undefined;

/** Calls `onSeen` once, the first time `el` is at least half visible. No-op without IntersectionObserver. */
export function observeImpression(el: Element, onSeen: () => void): void {
  if (typeof IntersectionObserver !== 'function') return;
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting || entry.intersectionRatio < 0.5) continue;
        const report = seen.get(entry.target);
        unobserveImpression(entry.target);
        report?.();
      }
    },
    { threshold: 0.5 },
  );
  seen.set(el, onSeen);
  observer.observe(el);
}

export function unobserveImpression(el: Element): void {
  seen.delete(el);
  observer?.unobserve(el);
}
