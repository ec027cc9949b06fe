import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  :host([layout='inline']) {
    display: inline;
  }
  [hidden] {
    display: none !important;
  }
  .base {
    color: var(--gz-color-text);
    font-family: var(--gz-font-ui);
    line-height: var(--gz-line-height-normal);
    min-inline-size: 0;
    /* A 200-character name or a 60-character word wraps instead of overflowing. */
    overflow-wrap: anywhere;
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: var(--gz-space-s);
  }
  .head {
    display: flex;
    align-items: center;
    gap: var(--gz-author-card-gap, var(--gz-space-m));
    min-inline-size: 0;
  }
  .who {
    min-inline-size: 0;
  }
  p {
    margin: 0;
  }
  .name {
    font-family: var(--gz-font-heading);
    font-size: var(--gz-font-size-l);
    font-weight: var(--gz-font-weight-bold);
    line-height: var(--gz-line-height-tight);
  }
  .job-title {
    color: var(--gz-color-text-muted);
    font-size: var(--gz-font-size-s);
    margin-block-start: var(--gz-space-3xs);
  }
  .separator {
    color: var(--gz-color-text-muted);
    letter-spacing: 0.3em;
    text-align: center;
  }
  .bio {
    font-family: var(--gz-font-body);
    font-size: var(--gz-font-size-m);
    line-height: var(--gz-line-height-relaxed);
  }
  /* The bio's own paragraphs keep their spacing between them, not around the card's parts. */
  .bio ::slotted(:first-child) {
    margin-block-start: 0;
  }
  .bio ::slotted(:last-child) {
    margin-block-end: 0;
  }
  a {
    color: var(--gz-color-link);
    text-decoration-thickness: 1px;
    text-underline-offset: 0.15em;
  }
  .name a {
    color: inherit;
  }
  a:hover {
    text-decoration-thickness: 2px;
  }
  a:focus-visible {
    outline: var(--gz-focus-ring-width) solid var(--gz-color-focus);
    outline-offset: 2px;
    border-radius: var(--gz-radius-s);
  }
  .links ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--gz-space-2xs) var(--gz-space-m);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--gz-font-size-s);
  }

  /* Photo or initials: the box is reserved before anything loads, so nothing shifts. */
  .avatar {
    --_size: var(--gz-author-card-photo-size, 6rem);
    position: relative;
    display: inline-grid;
    flex: none;
    place-items: center;
    inline-size: var(--_size);
    block-size: var(--_size);
    aspect-ratio: 1;
    overflow: hidden;
    border-radius: var(--gz-author-card-photo-radius, 50%);
  }
  .compact .avatar {
    --_size: var(--gz-author-card-compact-photo-size, 2.5rem);
  }
  .initials {
    display: grid;
    place-items: center;
    inline-size: 100%;
    block-size: 100%;
    background: var(--gz-author-card-initials-background, var(--_initials-background));
    color: var(--gz-author-card-initials-color, #fff);
    font-family: var(--gz-font-ui);
    font-size: calc(var(--_size) * 0.4);
    font-weight: var(--gz-font-weight-bold);
    line-height: 1;
    overflow-wrap: normal;
    white-space: nowrap;
    user-select: none;
  }
  .photo {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
    opacity: 0;
    transition: opacity var(--gz-duration-fast) ease-out;
  }
  .photo.loaded {
    opacity: 1;
  }
  .compact {
    display: flex;
    align-items: center;
    gap: var(--gz-space-xs);
    font-size: var(--gz-font-size-s);
  }
  .byline {
    min-inline-size: 0;
  }
  .byline a {
    font-weight: var(--gz-font-weight-bold);
  }
  .inline .name {
    font: inherit;
  }

  @media (prefers-reduced-motion: reduce) {
    .photo {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .initials {
      background: Canvas;
      color: CanvasText;
      border: 1px solid CanvasText;
      border-radius: inherit;
      forced-color-adjust: none;
    }
    a {
      color: LinkText;
    }
  }
`;
