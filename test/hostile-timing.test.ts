/**
 * Bounded cost on huge input (issue 15, item 3): every attribute of the elements below gets a
 * 1 MB value (one unbroken word, and 1 MB of short URLs), and the update it causes (set, render,
 * layout) must stay within a fixed multiple of what the same value costs the platform alone (set
 * as a `data-` attribute of a plain element, laid out) plus a normal update of the attribute, in
 * the same run: a ratio, not an absolute time, so a slow or busy machine scales both sides.
 * Before the caps a 1 MB `name` on a card took 2,700x a normal update (4.6 s on a busy machine).
 */
import { expect, html } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import '../src/components/article-header/article-header.js';
import '../src/components/author-card/author-card.js';
import '../src/components/author-list/author-list.js';
import '../src/components/reading-time/reading-time.js';
import '../src/components/article-body/article-body.js';
import { captureWarnings } from './helpers.js';

const MAX_RATIO = 10;
/**
 * Below this a huge update passes whatever the ratio (the 100 ms): on a busy machine a
 * garbage collection of the 1 MB strings alone can take that long, whatever the element does.
 */
const FLOOR_MS = 100;
const MB = 1 << 20;
const HUGE = {
  word: 'x'.repeat(MB),
  words: 'https://gazette.example/a '.repeat(MB / 26),
};

const ELEMENTS: Record<string, () => Promise<HTMLElement & { updateComplete: Promise<unknown> }>> = {
  'gz-article-header': () =>
    fixture(
      html`<gz-article-header section="Politik" published="2024-11-17T16:03:00+01:00" kicker="live" no-reading-time
        ><h1>Titel</h1></gz-article-header
      >`,
    ),
  'gz-author-card': () =>
    fixture(
      html`<gz-author-card name="Virgil Zólyom" job-title="Korrespondent" links="https://a.example/"></gz-author-card>`,
    ),
  'gz-author-list': () =>
    fixture(html`<gz-author-list><gz-author-card name="Anna Berg"></gz-author-card></gz-author-list>`),
  'gz-reading-time': () => fixture(html`<gz-reading-time minutes="3"></gz-reading-time>`),
  'gz-article-body': () => fixture(html`<gz-article-body><p>Ein kurzer Text.</p></gz-article-body>`),
};

/** Sets an attribute and waits for the update and a layout; returns the milliseconds. */
async function timedUpdate(el: HTMLElement & { updateComplete: Promise<unknown> }, name: string, value: string) {
  const start = performance.now();
  el.setAttribute(name, value);
  await el.updateComplete;
  void el.getBoundingClientRect();
  void document.body.offsetHeight;
  return performance.now() - start;
}

/** What a value costs the platform alone: set on a plain element, laid out. */
async function platformCost(value: string): Promise<number> {
  const div = document.createElement('div');
  document.body.append(div);
  const start = performance.now();
  div.setAttribute('data-value', value);
  await Promise.resolve();
  void document.body.offsetHeight;
  const ms = performance.now() - start;
  div.remove();
  return ms;
}

describe('huge attribute values', function () {
  this.timeout(300_000);
  for (const [tag, make] of Object.entries(ELEMENTS)) {
    it(`<${tag}>: an update with any 1 MB attribute value stays within ${MAX_RATIO}x a normal update`, async () => {
      const warnings = captureWarnings();
      const attributes = (customElements.get(tag) as unknown as { observedAttributes: string[] }).observedAttributes;
      const slow: string[] = [];
      try {
        for (const name of attributes) {
          const el = await make();
          const normal: number[] = [];
          for (let i = 0; i < 3; i++) normal.push(await timedUpdate(el, name, `wert-${i}`));
          const base = normal.sort((a, b) => a - b)[1]!;
          for (const [kind, value] of Object.entries(HUGE)) {
            const platform = await platformCost(value);
            // The fastest of three different 1 MB values: a busy machine's pauses are not the element's.
            let huge = Infinity;
            for (let attempt = 0; attempt < 3; attempt++)
              huge = Math.min(huge, await timedUpdate(el, name, `${value}${attempt}`));
            const reference = base + platform;
            if (huge > FLOOR_MS && huge > MAX_RATIO * reference)
              slow.push(
                `${name} (${kind}): ${huge.toFixed(0)} ms, ${(huge / reference).toFixed(0)}x (${base.toFixed(1)} + ${platform.toFixed(1)} ms)`,
              );
            el.removeAttribute(name);
            await el.updateComplete;
          }
          el.remove();
        }
      } finally {
        warnings.restore();
      }
      expect(slow, slow.join('; ')).to.deep.equal([]);
    });
  }
});
