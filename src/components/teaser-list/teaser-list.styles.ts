import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .root {
    --_gap: var(--gz-teaser-list-gap, var(--gz-space-l));
    color: var(--gz-color-text);
    font-family: var(--gz-font-ui);
  }
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--gz-space-s);
    margin-block-end: var(--gz-space-m);
    padding-block-end: var(--gz-space-xs);
    border-block-end: 1px solid var(--gz-color-border);
  }
  .title {
    margin: 0;
    font-family: var(--gz-font-heading);
    font-size: var(--gz-font-size-xl);
    font-weight: var(--gz-font-weight-bold);
    line-height: var(--gz-line-height-tight);
  }
  .list {
    display: grid;
    gap: var(--_gap);
  }
  .list ::slotted(gz-teaser),
  .item {
    min-inline-size: 0;
  }
  .item {
    min-block-size: var(--gz-teaser-min-block-size, auto);
  }
  .layout-list .list ::slotted(gz-teaser),
  .layout-list .item {
    padding-block-end: var(--_gap);
    border-block-end: 1px solid var(--gz-color-border);
  }
  /* Items away from the viewport are not styled, laid out or painted until they come near it (a
     list of 1,000 lays out the few on screen). The estimate is below any teaser's height, so the
     first frame renders at least every item on screen; once rendered, an item keeps its real size
     (auto). Still in the accessibility tree, found by find-in-page and focusable. Only in the list
     layout: in the grid every row is as tall as the tallest item, and an estimate would change
     that height. The paint containment this brings clips the focus ring the link's ::after draws
     outside the item: the item draws the same ring as its own outline instead (where :has() is
     missing, so is content-visibility, and the link's ring stays). */
  .layout-list .item {
    content-visibility: auto;
    contain-intrinsic-block-size: auto 6rem;
  }
  /* Slotted teasers (a CMS's markup; a server-rendered page's related articles) the same way: on
     the server-rendered article page their 8 shadow roots were skipped by nothing, and the first
     render's style and layout went through all of them below the fold. Their focus ring is drawn
     inside the teaser's own shadow root, out of :has()'s reach, so the paint clip is widened to
     let it through instead (a fixed margin: Chromium 156 computes a calc() of the ring width here
     to 0, clipping it). */
  .layout-list .list ::slotted(gz-teaser) {
    content-visibility: auto;
    contain-intrinsic-block-size: auto 6rem;
    overflow-clip-margin: 0.5rem;
  }
  .layout-list .item:has(.link:focus-visible) {
    outline: var(--gz-focus-ring-width) solid var(--gz-color-focus);
    outline-offset: 2px;
    border-radius: var(--gz-radius-s);
  }
  .layout-list .item:has(.link:focus-visible) .link::after {
    outline: none;
  }
  .layout-grid .list {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--gz-teaser-list-columns, 16rem)), 1fr));
    /* Every row as tall as the tallest: a grid of cards, not a ragged wall. */
    grid-auto-rows: 1fr;
  }
  .layout-grid .list ::slotted(gz-teaser) {
    block-size: 100%;
  }
  .layout-rail .list {
    grid-auto-flow: column;
    grid-auto-columns: var(--gz-teaser-list-rail-item-size, min(80%, 18rem));
    overflow-x: auto;
    overscroll-behavior-inline: contain;
    scroll-snap-type: inline mandatory;
    /* Room for a focused teaser's ring, which the scroller would clip. */
    --_ring: calc(var(--gz-focus-ring-width, 2px) + 2px);
    padding: var(--_ring);
    padding-block-end: max(var(--_ring), var(--gz-space-xs));
    scroll-padding-inline: var(--_ring);
  }
  .layout-rail .list ::slotted(gz-teaser),
  .layout-rail .item,
  .layout-rail .skeleton {
    scroll-snap-align: start;
  }
  .controls {
    display: flex;
    gap: var(--gz-space-2xs);
  }
  .control,
  .retry {
    font: inherit;
    color: var(--gz-color-text);
    background: var(--gz-color-surface);
    border: 1px solid var(--gz-color-border);
    border-radius: var(--gz-radius-pill);
    cursor: pointer;
  }
  .control {
    inline-size: 2.75rem;
    block-size: 2.75rem;
    font-size: var(--gz-font-size-xl);
    line-height: 1;
  }
  /* Muted by colour, not opacity: the focus ring of a disabled control keeps its full contrast. */
  .control[aria-disabled='true'] {
    color: var(--gz-color-text-muted);
    background: transparent;
    cursor: default;
  }
  :host(:dir(rtl)) .arrow,
  .root[dir='rtl'] .arrow {
    display: inline-block;
    transform: scaleX(-1);
  }
  .retry {
    padding: var(--gz-space-2xs) var(--gz-space-m);
    min-block-size: 2.75rem;
  }
  .control:focus-visible,
  .retry:focus-visible {
    outline: var(--gz-focus-ring-width) solid var(--gz-color-focus);
    outline-offset: 2px;
  }
  .message {
    margin: 0;
    color: var(--gz-color-text-muted);
  }
  .message p {
    margin: 0 0 var(--gz-space-s);
  }
  .skeleton {
    display: flex;
    flex-direction: column;
    gap: var(--gz-space-xs);
    min-block-size: var(--gz-teaser-min-block-size, 12rem);
  }
  .bone {
    display: block;
    block-size: 1em;
    border-radius: var(--gz-radius-s);
    background: var(--gz-color-surface);
  }
  .bone.short {
    inline-size: 30%;
  }
  .bone.medium {
    inline-size: 70%;
  }
  @media (prefers-reduced-motion: no-preference) {
    .bone {
      animation: pulse 1.4s ease-in-out infinite;
    }
    .layout-rail .list {
      scroll-behavior: smooth;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (forced-colors: active) {
    .layout-list .item:has(.link:focus-visible) {
      outline-color: Highlight;
    }
    .bone {
      background: GrayText;
    }
    .control,
    .retry {
      border-color: ButtonText;
    }
    .control[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;
