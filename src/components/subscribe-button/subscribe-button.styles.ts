import { css } from 'lit';

/** The toggle, the live region and the retry button; the form's own rules are in `form.styles.ts` (lazy). */
export const styles = css`
  :host {
    display: block;
  }
  :host([compact]) {
    display: inline-block;
    vertical-align: baseline;
  }
  .base {
    --_accent: var(--gz-subscribe-button-color, var(--gz-color-accent));
    --_on-accent: var(--gz-subscribe-button-on-color, var(--gz-color-on-accent));
    color: var(--gz-color-text);
    font-family: var(--gz-subscribe-button-font-family, var(--gz-font-ui));
    font-size: var(--gz-subscribe-button-font-size, var(--gz-font-size-m));
    line-height: var(--gz-line-height-normal);
  }
  .row {
    display: inline-flex;
    align-items: center;
    gap: var(--gz-space-xs);
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  .toggle,
  .submit,
  .retry {
    display: inline-flex;
    align-items: center;
    gap: var(--gz-space-2xs);
    min-block-size: 2.75rem;
    padding-block: var(--gz-space-2xs);
    padding-inline: var(--gz-space-s);
    border: 2px solid var(--_accent);
    border-radius: var(--gz-subscribe-button-radius, var(--gz-radius-pill));
    background: transparent;
    color: var(--_accent);
    font-weight: var(--gz-font-weight-bold);
  }
  .toggle[aria-pressed='true'],
  .submit {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  :host([compact]) .toggle {
    justify-content: center;
    min-inline-size: 2.75rem;
    padding-inline: 0;
  }
  .icon {
    font-size: 1.25em;
    line-height: 1;
  }
  /* The check mark pops in when the topic is followed; colours change at once (no half-contrast frames). */
  .toggle[aria-pressed='true'] .icon {
    animation: gz-subscribe-pop calc(var(--gz-duration-fast) * 2) ease-out;
  }
  @keyframes gz-subscribe-pop {
    from {
      transform: scale(0.4);
    }
  }
  button:focus-visible,
  input:focus-visible {
    outline: var(--gz-focus-ring-width) solid var(--gz-color-focus);
    outline-offset: 2px;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.5;
  }
  .topic {
    font-weight: var(--gz-font-weight-bold);
  }
  /* The live region stays rendered while empty: regions that appear with their text are not
     reliably announced. */
  .status {
    margin: 0;
    font-size: var(--gz-font-size-s);
    color: var(--gz-color-text-muted);
  }
  .status:not(:empty) {
    margin-block-start: var(--gz-space-xs);
  }
  :host(:state(error)) .status {
    color: var(--gz-color-danger);
  }
  :host(:state(subscribed)) .status {
    color: var(--gz-color-success);
  }
  .retry {
    margin-block-start: var(--gz-space-xs);
  }
  @media (prefers-reduced-motion: reduce) {
    .toggle[aria-pressed='true'] .icon {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .toggle,
    .submit,
    .retry {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
    /* The readability backplate would paint Canvas behind HighlightText: the pair is used as designed. */
    .toggle[aria-pressed='true'] {
      forced-color-adjust: none;
      border-color: Highlight;
      background: Highlight;
      color: HighlightText;
    }
    button:focus-visible,
    input:focus-visible {
      outline-color: Highlight;
    }
  }
`;
