/**
 * The author card's bio on the server (issue 21 item 10). `@lit-labs/ssr` renders an element's shadow
 * root before its light-DOM children, so the card cannot know whether it has a bio when it renders
 * the separator and the bio wrapper. `gazette/ssr` therefore passes its output through
 * `decideServerBios`, which holds back each `<gz-author-card>`'s HTML until its closing tag, reads its
 * children as the browser will slot them, and marks separator and bio `hidden` when there is no bio.
 * The client's first (hydrating) render reads the same children (`hasBioChildren` in the component), so server,
 * hydration and client render agree, with or without JavaScript.
 */
import type { RenderResult } from '@lit-labs/ssr';

const OPEN = '<gz-author-card';
// A template's static HTML may break the closing tag (`</gz-author-card\n  >`).
const CLOSE = /<\/gz-author-card\s*>/g;
const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));
// A tag with its attributes (quoted values may hold `>`), a comment, or a raw-text element's body.
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/**
 * Whether the children's HTML gives the card's default slot a bio, as the card's `hasBioChildren`
 * decides for DOM nodes: an element without a `slot` attribute, or text that is not blank, at the top level.
 */
export function hasBioMarkup(children: string): boolean {
  let depth = 0;
  let last = 0;
  const text = (s: string) => depth === 0 && s.replace(/&nbsp;|&#160;/g, ' ').trim() !== '';
  for (const m of children.matchAll(TOKEN)) {
    if (text(children.slice(last, m.index))) return true;
    last = m.index + m[0].length;
    const [token, closing, tag = '', attrs = ''] = m;
    if (token.startsWith('<!--')) continue;
    if (closing) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth === 0 && !/(?:^|\s)slot\s*=\s*("[^"]+"|'[^']+'|[^\s"'=<>`]+)/.test(attrs)) return true;
    if (!VOID.has(tag.toLowerCase()) && !attrs.trimEnd().endsWith('/')) depth++;
  }
  return text(children.slice(last));
}

/**
 * Where the card's declarative shadow root ends: just after the `</template>` that closes the
 * `<template shadowrootmode>` following the card's start tag, counting templates nested in it and
 * skipping comments, quoted attribute values and `<style>`/`<script>` bodies. -1 without one (the
 * card's first child is not a shadow-root template).
 */
function shadowRootEnd(card: string): number {
  const token = new RegExp(TOKEN.source, 'g');
  let depth = -1; // -1: before the card's start tag; 0: before the shadow root's template
  for (let m = token.exec(card); m; m = token.exec(card)) {
    const [text, closing, tag = '', attrs = ''] = m;
    if (text.startsWith('<!--')) continue;
    const name = tag.toLowerCase();
    if (depth === -1) depth = 0;
    else if (depth === 0) {
      if (name !== 'template' || closing || !/\sshadowroot(?:mode)?\s*=/i.test(attrs)) return -1;
      depth = 1;
    } else if (name === 'template') {
      depth += closing ? -1 : 1;
      if (depth === 0) return token.lastIndex;
    } else if (!closing && (name === 'style' || name === 'script')) {
      const end = card.toLowerCase().indexOf(`</${name}`, token.lastIndex);
      if (end < 0) return -1;
      token.lastIndex = end;
    }
  }
  return -1;
}

/** One card's HTML with separator and bio hidden when its children hold no bio. */
function decideCard(card: string): string {
  const shadowEnd = shadowRootEnd(card);
  if (shadowEnd < 0) return card;
  const children = card.slice(shadowEnd, card.lastIndexOf('</'));
  if (hasBioMarkup(children)) return card;
  const shadow = card
    .slice(0, shadowEnd)
    .replace(/<(p|div)(?=\s[^>]*\bclass="(?:separator|bio)")(?![^>]*\shidden)/g, '<$1 hidden');
  return shadow + card.slice(shadowEnd);
}

/**
 * Passes server output through, holding back each author card until its closing tag to decide its
 * bio (see the module comment). Everything else streams as it comes.
 */
export function decideServerBios(result: RenderResult): RenderResult {
  const stack: Iterator<string | Promise<RenderResult>>[] = [result[Symbol.iterator]()];
  let pending = ''; // text not yet passed on: a held-back card, or a tail that may start one
  let cards = 0; // open <gz-author-card> tags in `pending`

  /** Takes what `pending` can pass on now. */
  function take(end: boolean): string {
    let out = '';
    for (;;) {
      if (cards === 0) {
        const start = pending.indexOf(OPEN);
        if (start < 0) {
          // Keep a tail that could be the start of `<gz-author-card` split across chunks.
          const keep = end ? 0 : Math.min(pending.length, OPEN.length - 1);
          out += pending.slice(0, pending.length - keep);
          pending = pending.slice(pending.length - keep);
          return out;
        }
        out += pending.slice(0, start);
        pending = pending.slice(start);
        cards = 1;
      }
      // Find the matching close, counting nested cards.
      let at = OPEN.length;
      let depth = cards;
      while (depth > 0) {
        const open = pending.indexOf(OPEN, at);
        CLOSE.lastIndex = at;
        const close = CLOSE.exec(pending);
        if (!close) break;
        if (open >= 0 && open < close.index) {
          depth++;
          at = open + OPEN.length;
        } else {
          depth--;
          at = close.index + close[0].length;
        }
      }
      if (depth > 0) {
        if (end) {
          out += pending;
          pending = '';
          cards = 0;
        }
        return out;
      }
      out += decideCard(pending.slice(0, at));
      pending = pending.slice(at);
      cards = 0;
    }
  }

  function* run(): Generator<string | Promise<RenderResult>> {
    while (stack.length) {
      const next = stack.at(-1)!.next();
      if (next.done) {
        stack.pop();
        continue;
      }
      if (typeof next.value === 'string') {
        pending += next.value;
        const out = take(false);
        if (out) yield out;
      } else {
        // Continue after the promised part: the consumer iterates what it resolves to in order.
        yield next.value.then((part) => {
          stack.push(part[Symbol.iterator]());
          return run();
        });
        return;
      }
    }
    const out = take(true);
    if (out) yield out;
  }
  return run();
}
