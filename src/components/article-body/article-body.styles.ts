import { css } from 'lit';

/** The shadow root's own parts: the wrapper, the table of contents and the progress bar. */
export const styles = css`
  :host {
    display: block;
  }
  .base {
    view-timeline-name: --gz-article-body;
    view-timeline-axis: block;
  }
  .toc {
    margin-block: 0 var(--gz-space-xl);
    padding: var(--gz-space-m) var(--gz-space-l);
    max-inline-size: var(
      --gz-article-body-measure,
      calc(var(--gz-article-body-font-size, var(--gz-font-size-l)) * 32.5)
    );
    border-inline-start: 3px solid var(--gz-article-body-accent, var(--gz-color-accent));
    background: var(--gz-article-body-toc-background, var(--gz-color-surface));
    color: var(--gz-color-text);
    font-family: var(--gz-font-ui);
    font-size: var(--gz-font-size-s);
    line-height: var(--gz-line-height-normal);
  }
  .toc-title {
    margin: 0 0 var(--gz-space-xs);
    font-weight: var(--gz-font-weight-bold);
  }
  .toc ol {
    margin: 0;
    padding-inline-start: var(--gz-space-l);
  }
  .toc ol ol {
    list-style: lower-alpha;
  }
  .toc li {
    margin-block: var(--gz-space-2xs);
  }
  .toc a {
    color: var(--gz-color-link);
    text-underline-offset: 0.15em;
  }
  .toc a:focus-visible {
    outline: var(--gz-focus-ring-width) solid var(--gz-color-focus);
    outline-offset: 2px;
  }
  .progress {
    position: fixed;
    inset-block-start: 0;
    inset-inline: 0;
    z-index: 1;
    block-size: var(--gz-article-body-progress-size, 4px);
    pointer-events: none;
  }
  .progress-bar {
    block-size: 100%;
    background: var(--gz-article-body-progress-color, var(--gz-color-accent));
    transform: scaleX(0);
    transform-origin: 0 50%;
    animation: gz-progress linear both;
    animation-timeline: --gz-article-body;
    animation-range: contain 0% contain 100%;
  }
  :host(:dir(rtl)) .progress-bar {
    transform-origin: 100% 50%;
  }
  @keyframes gz-progress {
    from {
      transform: scaleX(0);
    }
    to {
      transform: scaleX(1);
    }
  }
  @supports not (animation-timeline: view()) {
    .progress {
      display: none;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .progress {
      display: none;
    }
  }
  @media (forced-colors: active) {
    .progress-bar {
      background: Highlight;
    }
    .toc {
      border-inline-start-color: CanvasText;
    }
  }
`;
