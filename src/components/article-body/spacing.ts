/**
 * Repairs words the CMS ran together at an inline element's border (`sollen<a>Trassen</a>`): where
 * a lowercase letter meets an uppercase letter across an element boundary inside one block, a space
 * is missing. The repair inserts a space text node outside the inline element, so the link or
 * emphasis itself is untouched. A lowercase letter followed by a lowercase one
 * (`Bundes<em>tag</em>`) is left alone: it may be a deliberate part of one word.
 */

const BLOCK =
  'address, article, aside, blockquote, dd, details, div, dl, dt, figcaption, figure, footer, h1, h2, h3, h4, h5, h6, header, hr, li, main, nav, ol, p, pre, section, summary, table, td, th, tr, ul';
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'PRE', 'CODE', 'KBD', 'SAMP', 'TEMPLATE', 'TEXTAREA', 'SVG', 'MATH']);
const ENDS_LOWER = /\p{Ll}$/u;
const STARTS_UPPER = /^\p{Lu}/u;

/** Inserts the missing spaces under `root`; returns how many it inserted. Idempotent. */
export function repairSpacing(root: Element, skip: (el: Element) => boolean = () => false): number {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const el = node as Element;
      if (SKIPPED.has(el.tagName.toUpperCase()) || skip(el)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_SKIP;
    },
  });
  const gaps: [Text, Text][] = [];
  let previous: Text | undefined;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (!text.data) continue;
    if (
      previous &&
      ENDS_LOWER.test(previous.data) &&
      STARTS_UPPER.test(text.data) &&
      previous.nextSibling !== text &&
      blockOf(previous, root) === blockOf(text, root) &&
      !hasBreakBetween(previous, text)
    ) {
      gaps.push([previous, text]);
    }
    previous = text;
  }
  for (const [before, after] of gaps) insertSpace(before, after);
  return gaps.length;
}

function blockOf(node: Node, root: Element): Element {
  const block = node.parentElement?.closest(BLOCK);
  return block && root.contains(block) ? block : root;
}

/** A `<br>` or `<img>` between two text nodes already separates them. */
function hasBreakBetween(before: Text, after: Text): boolean {
  const range = before.ownerDocument.createRange();
  range.setStartAfter(before);
  range.setEndBefore(after);
  const between = range.cloneContents();
  return between.querySelector('br, img, wbr') !== null;
}

/** Puts a space at the outermost element border between the two text nodes. */
function insertSpace(before: Text, after: Text): void {
  // The closest ancestor of `after` that does not contain `before`: the element that starts there.
  let start: Node = after;
  while (start.parentNode && !start.parentNode.contains(before)) start = start.parentNode;
  if (start !== after) {
    start.parentNode!.insertBefore(before.ownerDocument.createTextNode(' '), start);
    return;
  }
  // Otherwise an element ends after `before`: put the space after it.
  let end: Node = before;
  while (end.parentNode && !end.parentNode.contains(after)) end = end.parentNode;
  end.parentNode!.insertBefore(before.ownerDocument.createTextNode(' '), end.nextSibling);
}
