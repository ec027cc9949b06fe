import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--gz-article-header-gap, var(--gz-space-s));
    min-inline-size: 0;
    color: var(--gz-color-text);
  }
  [hidden] {
    display: none !important;
  }

  /* Section and kicker */
  .section {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--gz-space-xs);
    min-inline-size: 0;
    color: var(--gz-article-header-section-color, var(--gz-color-accent));
    font-family: var(--gz-article-header-section-font-family, var(--gz-font-ui));
    font-size: var(--gz-article-header-section-font-size, var(--gz-font-size-s));
    font-weight: var(--gz-font-weight-bold);
    line-height: var(--gz-line-height-tight);
    /* A 40-character German compound breaks rather than overflowing a narrow column. */
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  .section-text {
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  .section a {
    color: inherit;
    text-decoration: none;
    border-radius: var(--gz-radius-s);
  }
  .section a:hover {
    text-decoration: underline;
  }
  .section a:focus-visible {
    outline: var(--gz-focus-ring-width) solid var(--gz-color-focus);
    outline-offset: 2px;
  }
  .kicker {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding-block: var(--gz-space-3xs);
    padding-inline: var(--gz-space-xs);
    border: 1px solid transparent;
    border-radius: var(--gz-radius-s);
    background: var(--gz-article-header-kicker-background, var(--gz-color-accent));
    color: var(--gz-article-header-kicker-color, var(--gz-color-on-accent));
    font-size: var(--gz-font-size-xs);
    letter-spacing: 0.04em;
    white-space: nowrap;
  }
  /* Capitals on the aria-hidden copy only: assistive technology reads the label as written. */
  .kicker-text {
    text-transform: uppercase;
  }
  .kicker.analysis,
  .kicker.opinion {
    border-color: currentColor;
    background: transparent;
    color: var(--gz-article-header-section-color, var(--gz-color-accent));
  }
  .kicker.opinion {
    font-style: italic;
  }
  .kicker.live::before {
    content: '';
    inline-size: 0.5em;
    block-size: 0.5em;
    border-radius: 50%;
    background: currentColor;
  }
  /* The dot pulses three times (4.8 s) and stays: moving content that starts by itself stops
     within five seconds (WCAG 2.2.2), and with reduced motion it does not move at all. */
  @media (prefers-reduced-motion: no-preference) {
    .kicker.live::before {
      animation: gz-live-pulse 1.6s ease-in-out 3;
    }
  }
  @keyframes gz-live-pulse {
    50% {
      opacity: 0.35;
    }
  }

  /* Headline and standfirst: the publisher's own elements, slotted */
  .headline ::slotted(*) {
    margin: 0;
    font-family: var(--gz-article-header-headline-font-family, var(--gz-font-heading));
    font-size: var(--gz-article-header-headline-font-size, var(--gz-font-size-3xl));
    font-weight: var(--gz-article-header-headline-font-weight, var(--gz-font-weight-bold));
    line-height: var(--gz-line-height-tight);
    overflow-wrap: break-word;
    hyphens: auto;
  }
  .standfirst ::slotted(*) {
    margin: 0;
    font-size: var(--gz-article-header-standfirst-font-size, var(--gz-font-size-l));
    font-weight: var(--gz-font-weight-medium);
    line-height: var(--gz-line-height-normal);
    overflow-wrap: break-word;
  }

  /* Dateline and reading time */
  .meta {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--gz-space-3xs);
    color: var(--gz-color-text-muted);
    font-family: var(--gz-font-ui);
    font-size: var(--gz-font-size-s);
    line-height: var(--gz-line-height-normal);
  }
  .dateline {
    display: flex;
    flex-wrap: wrap;
    column-gap: var(--gz-space-xs);
  }
  time {
    font: inherit;
  }
  .stamp.updated {
    padding-inline-start: var(--gz-space-xs);
    border-inline-start: 1px solid var(--gz-color-border);
  }

  @media (forced-colors: active) {
    .kicker {
      border-color: CanvasText;
      background: Canvas;
      color: CanvasText;
    }
    .kicker.live::before {
      background: CanvasText;
    }
    .stamp.updated {
      border-inline-start-color: CanvasText;
    }
  }
`;
