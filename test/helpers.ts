import { nextFrame } from '@open-wc/testing';
import sinon from 'sinon';

/**
 * Replaces console.warn for the duration of a test and hands back its calls, so tests that feed bad
 * input assert the warning and print nothing.
 */
export function captureWarnings(): { messages: () => string[]; restore: () => void } {
  const stub = sinon.stub(console, 'warn');
  return {
    messages: () => stub.getCalls().map((call) => String(call.args[0])),
    restore: () => stub.restore(),
  };
}

/**
 * Waits for the next animation frame (after observers queued by earlier DOM changes) and then for
 * the element's pending update. The frame is the elements' own contract, not a guessed time:
 * `<gz-reading-time>`, `<gz-article-body>` and `<gz-author-list>` batch what their
 * MutationObservers see into one requestAnimationFrame, and the localize controller's observer
 * reports a `lang` change in a microtask before it.
 */
export async function frameAndUpdate(el: { updateComplete: Promise<unknown> }): Promise<void> {
  // Let pending MutationObserver callbacks schedule their frame first, then wait for that frame.
  await null;
  await nextFrame();
  await el.updateComplete;
}

/** The visible text of an element's shadow root, whitespace collapsed. */
export function shadowText(el: Element, selector = '[part~="label"]'): string {
  const node = el.shadowRoot?.querySelector(selector);
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The first element in an element's shadow root that carries the CSS part `name`. */
export function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

export { clientFixture, fixture, serverRendered } from './harness/fixture.js';
