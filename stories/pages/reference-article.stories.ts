import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import * as articleDe from '../../test/fixtures/article-de.js';
import * as articleEn from '../../test/fixtures/article-en.js';
import { articlePage } from './page.js';
import { teasersDe, teasersEn } from './sample-teasers.js';

/**
 * The reference article page (`shared/reference/reference-page.md`), rebuilt from Gazette's
 * elements with Gazette's own sample content: header, body, topic subscription, author card and
 * latest articles. The subscription buttons and the teasers are placeholders until their elements
 * merge. Use the toolbar's theme and viewport to see the page in each brand and on each screen.
 */
const meta = {
  title: 'Pages/Reference article',
  parameters: { layout: 'fullscreen' },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** Waits until the header shows the reading time its body measured. */
async function readingTime(canvasElement: HTMLElement): Promise<string> {
  const header = canvasElement.querySelector('gz-article-header')!;
  await header.updateComplete;
  let text = '';
  await waitFor(() => {
    text = header.shadowRoot?.querySelector('gz-reading-time')?.shadowRoot?.textContent ?? '';
    expect(text).toMatch(/\d/);
  });
  return text;
}

/** The German reference page: „Lesezeit: 3 min“ for the 766-word body, as the publisher's label says. */
export const German: Story = {
  render: () => articlePage('de', articleDe, teasersDe),
  play: async ({ canvasElement }) => {
    expect(canvasElement.querySelector('h1')?.textContent).toBe(articleDe.headline);
    expect(await readingTime(canvasElement)).toContain('3');
    expect(canvasElement.querySelectorAll('gz-article-body h2')).toHaveLength(4);
  },
};

/** The same page in English: the elements switch their labels, dates and figures to English. */
export const English: Story = {
  render: () => articlePage('en', articleEn, teasersEn),
  play: async ({ canvasElement }) => {
    expect(canvasElement.querySelector('h1')?.textContent).toBe(articleEn.headline);
    expect(await readingTime(canvasElement)).toMatch(/min/);
    expect(canvasElement.querySelectorAll('gz-article-body p')).toHaveLength(12);
  },
};
