import { css } from 'lit';

/**
 * The inline form's rules: part of the interaction chunk, adopted by a button when it first opens
 * its form. They come after the element's own sheet, as they did inside it; the form's buttons
 * share the toggle's rules there (`.submit`, `input:focus-visible`).
 */
export const formStyles = css`
  .form {
    display: grid;
    gap: var(--gz-space-xs);
    max-inline-size: 28rem;
    margin-block-start: var(--gz-space-s);
    padding: var(--gz-space-s);
    border: 1px solid var(--gz-color-border);
    border-radius: var(--gz-radius-m);
    background: var(--gz-color-surface);
  }
  label {
    font-weight: var(--gz-font-weight-medium);
  }
  input {
    min-block-size: 2.75rem;
    padding-inline: var(--gz-space-xs);
    border: 1px solid var(--gz-color-text-muted);
    border-radius: var(--gz-radius-s);
    background: var(--gz-color-background);
    color: var(--gz-color-text);
    font: inherit;
  }
  input[aria-invalid='true'] {
    border-color: var(--gz-color-danger);
    border-width: 2px;
  }
  .consent {
    color: var(--gz-color-text-muted);
    font-size: var(--gz-font-size-s);
  }
  .consent[hidden] {
    display: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--gz-space-xs);
  }
  .cancel {
    padding-inline: var(--gz-space-s);
    border: 0;
    background: transparent;
    color: var(--gz-color-link);
    text-decoration: underline;
  }
  .field-error {
    margin: 0;
    font-size: var(--gz-font-size-s);
    color: var(--gz-color-danger);
    font-weight: var(--gz-font-weight-medium);
  }
  .field-error:empty {
    display: none;
  }
  @media (forced-colors: active) {
    /* Colour cannot say "invalid" here: a thicker double border in the text colour does. */
    input[aria-invalid='true'] {
      border: 4px double CanvasText;
    }
  }
`;
