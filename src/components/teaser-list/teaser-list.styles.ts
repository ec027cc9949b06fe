import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .base {
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
  .heading {
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
  .layout-list .list ::slotted(gz-teaser),
  .layout-list .item {
    padding-block-end: var(--_gap);
    border-block-end: 1px solid var(--gz-color-border);
  }
  .layout-grid .list {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--gz-teaser-list-columns, 16rem)), 1fr));
  }
  .layout-rail .list {
    grid-auto-flow: column;
    grid-auto-columns: var(--gz-teaser-list-rail-item-size, min(80%, 18rem));
    overflow-x: auto;
    overscroll-behavior-inline: contain;
    scroll-snap-type: inline mandatory;
    scroll-padding-inline: 0;
    padding-block-end: var(--gz-space-xs);
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
  .control[aria-disabled='true'] {
    opacity: 0.45;
    cursor: default;
  }
  :host(:dir(rtl)) .arrow,
  .base[dir='rtl'] .arrow {
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
