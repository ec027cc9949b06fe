/**
 * Element assertions report instead of hanging. When a chai assertion about DOM nodes fails, its
 * AssertionError carries the nodes as `actual` and `expected`, and @web/test-runner's serialisation
 * of those (a live DOM graph) never finishes: the file stops after 180 s with "did not finish" and no
 * diff. This plugin, loaded into every test page by web-test-runner.config.mjs before any test,
 * replaces nodes in `actual`/`expected` (also inside arrays) by a short description
 * (`<p#intro.lead> "Erster Absatz…"`), so `expect(a).to.equal(b)` on elements fails within a
 * second with a readable message. Equality itself is unchanged: `equal` on nodes is identity.
 */
import { chai } from '@open-wc/testing';

/** `<tag#id.class>` plus the start of its text, or the node's name for other nodes. */
export function describeNode(node: Node): string {
  if (!(node instanceof Element)) return node.nodeName;
  const id = node.id ? `#${node.id}` : '';
  const classes = [...node.classList].map((c) => `.${c}`).join('');
  const part = node.getAttribute('part') ? `[part="${node.getAttribute('part')}"]` : '';
  const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
  const where = node.isConnected ? '' : ' (detached)';
  return `<${node.localName}${id}${classes}${part}>${text ? ` "${text.length > 40 ? `${text.slice(0, 40)}…` : text}"` : ''}${where}`;
}

function describe(value: unknown): unknown {
  if (value instanceof Node) return describeNode(value);
  if (Array.isArray(value) && value.some((v) => v instanceof Node)) return value.map(describe);
  if (value instanceof NodeList || value instanceof HTMLCollection) return [...value].map(describe);
  return value;
}

chai.use((_chai) => {
  const assertion = _chai.Assertion.prototype as unknown as { assert: (...args: unknown[]) => void };
  const original = assertion.assert;
  assertion.assert = function (this: object, ...args: unknown[]) {
    try {
      original.apply(this, args);
    } catch (error) {
      if (error instanceof _chai.AssertionError) {
        const e = error as Error & { actual?: unknown; expected?: unknown; showDiff?: boolean };
        const [actual, expected] = [describe(e.actual), describe(e.expected)];
        if (actual !== e.actual || expected !== e.expected) {
          e.actual = actual;
          e.expected = expected;
          e.message += `\n  actual:   ${JSON.stringify(actual)}\n  expected: ${JSON.stringify(expected)}`;
          e.showDiff = false;
        }
      }
      throw error;
    }
  };
});
