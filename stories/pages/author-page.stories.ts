import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { authorCard, masthead, teasers, type PageLanguage } from './page.js';
import { teasersDe, teasersEn, type SampleTeaser } from './sample-teasers.js';
import * as articleDe from '../../test/fixtures/article-de.js';
import * as articleEn from '../../test/fixtures/article-en.js';

/** The author's own articles: the reference article first, then the latest teasers. */
function articlesBy(lang: PageLanguage): SampleTeaser[] {
  const article = lang === 'de' ? articleDe : articleEn;
  const reference: SampleTeaser = {
    brand: 'GZ',
    category: article.section,
    title: article.headline,
    href: '/artikel/referenz',
    date: article.published.slice(0, 10),
    excerpt: `${article.standfirst.split(' ').slice(0, 18).join(' ')}...`,
  };
  return [reference, ...(lang === 'de' ? teasersDe : teasersEn).slice(1, 3)];
}

const HEADING = { de: 'Artikel von Virgil Zólyom', en: 'Articles by Virgil Zólyom' } as const;

function authorPage(lang: PageLanguage) {
  return html` <div class="gz-page" lang=${lang} dir="ltr">
    ${masthead(lang)}
    <main>
      <h1
        class="visually-hidden"
        style="position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%)"
      >
        Virgil Zólyom
      </h1>
      ${authorCard(lang)} ${teasers(lang, articlesBy(lang), HEADING[lang])}
    </main>
  </div>`;
}

/**
 * An author page: the author card with photo, bio and profile links, then the list of the
 * author's articles (a placeholder list until `<gz-teaser-list>` merges).
 */
const meta = {
  title: 'Pages/Author page',
  parameters: { layout: 'fullscreen' },
} satisfies Meta;

export default meta;
type Story = StoryObj;

export const German: Story = {
  render: () => authorPage('de'),
  play: async ({ canvasElement }) => {
    const card = canvasElement.querySelector('gz-author-card')!;
    await card.updateComplete;
    expect(card.shadowRoot?.textContent).toContain('Virgil Zólyom');
    expect(canvasElement.querySelectorAll('gz-teaser-list gz-teaser')).toHaveLength(3);
  },
};

export const English: Story = {
  render: () => authorPage('en'),
};
