import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
  }
  .base {
    color: var(--gz-reading-time-color, var(--gz-color-text-muted));
    font-family: var(--gz-reading-time-font-family, var(--gz-font-ui));
    font-size: var(--gz-reading-time-font-size, var(--gz-font-size-s));
    line-height: var(--gz-line-height-normal);
    white-space: nowrap;
  }
  time {
    font: inherit;
  }
`;
