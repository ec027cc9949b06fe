import { css } from 'lit';

/**
 * One teaser's styles, shared by `<gz-teaser>` and the items `<gz-teaser-list>` renders itself
 * (so class names here must not collide with the list's).
 */
export const teaserStyles = css`
  .teaser {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: var(--gz-space-xs);
    block-size: 100%;
    background: var(--gz-teaser-background, transparent);
    color: var(--gz-color-text);
    font-family: var(--gz-font-ui);
  }
  .media {
    aspect-ratio: var(--gz-teaser-image-aspect-ratio, 16 / 9);
    overflow: hidden;
    border-radius: var(--gz-radius-s);
    background: var(--gz-color-surface);
  }
  .media img {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .content {
    display: flex;
    flex-direction: column;
    gap: var(--gz-space-2xs);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--gz-space-xs);
    margin: 0;
    font-size: var(--gz-font-size-xs);
    font-weight: var(--gz-font-weight-bold);
    letter-spacing: 0.04em;
  }
  /* Capitals on the aria-hidden copy only (see capitals() in the component). */
  .meta .caps {
    text-transform: uppercase;
  }
  .brand {
    color: var(--gz-color-text-muted);
  }
  .section {
    color: var(--gz-teaser-section-color, var(--gz-color-accent));
  }
  .heading {
    margin: 0;
    font-family: var(--gz-font-heading);
    font-size: var(--gz-teaser-title-font-size, var(--gz-font-size-l));
    font-weight: var(--gz-font-weight-bold);
    line-height: var(--gz-line-height-tight);
    overflow-wrap: break-word;
  }
  .link {
    color: inherit;
    text-decoration: none;
  }
  /* The stretched link: the title's link covers the whole card, so the card is one target. */
  .link::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: var(--gz-radius-s);
  }
  .link:not([href])::after {
    content: none;
  }
  .link[href]:hover {
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .link:focus-visible {
    outline: none;
  }
  .link:focus-visible::after {
    outline: var(--gz-focus-ring-width) solid var(--gz-color-focus);
    outline-offset: 2px;
  }
  .date {
    color: var(--gz-color-text-muted);
    font-size: var(--gz-font-size-s);
  }
  .excerpt {
    color: var(--gz-color-text);
    font-family: var(--gz-font-body);
    font-size: var(--gz-font-size-m);
    line-height: var(--gz-line-height-normal);
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_lines, 3);
    line-clamp: var(--_lines, 3);
    overflow: hidden;
  }
  .excerpt ::slotted(p) {
    margin: 0;
  }
  .teaser [hidden] {
    display: none !important;
  }
  @media (forced-colors: active) {
    .link[href] {
      color: LinkText;
    }
    .link:focus-visible::after {
      outline-color: Highlight;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .link::after {
      transition: outline-offset var(--gz-duration-fast);
    }
  }
`;

/** `<gz-teaser>`'s host. */
export const styles = css`
  :host {
    display: block;
    min-block-size: var(--gz-teaser-min-block-size, auto);
  }
`;
