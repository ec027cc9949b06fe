import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--gz-space-m);
    color: var(--gz-color-text);
    font-family: var(--gz-font-ui);
    line-height: var(--gz-line-height-normal);
    overflow-wrap: anywhere;
  }
  .byline {
    margin: 0;
    font-size: var(--gz-font-size-s);
  }
  a {
    color: var(--gz-color-link);
    font-weight: var(--gz-font-weight-bold);
    text-underline-offset: 0.15em;
  }
  a:focus-visible {
    outline: var(--gz-focus-ring-width) solid var(--gz-color-focus);
    outline-offset: 2px;
    border-radius: var(--gz-radius-s);
  }
  .cards {
    display: flex;
    flex-direction: column;
    gap: var(--gz-author-list-gap, var(--gz-space-l));
  }
  @media (forced-colors: active) {
    a {
      color: LinkText;
    }
  }
`;
