/**
 * The building blocks of the full-page stories: a publisher's page chrome around Gazette's
 * elements, filled from a sample article module (`test/fixtures/article-de.ts`, `article-en.ts`).
 */
import { html, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import '../../src/components/article-body/article-body.js';
import '../../src/components/article-header/article-header.js';
import '../../src/components/author-card/author-card.js';
import '../../src/components/subscribe-button/subscribe-button.js';
import '../../src/components/teaser-list/teaser-list.js';
import type { GzSubscribeButton } from '../../src/components/subscribe-button/subscribe-button.component.js';
// `no-inline`: a small SVG would become a data: URL, which the card (rightly) refuses as a photo.
import portrait from '../../demo/authors/virgil-zolyom.svg?url&no-inline';
import * as authorDe from '../../test/fixtures/author-card/author-de.js';
import type { SampleTeaser } from './sample-teasers.js';
// The page chrome's own styles, from the global tokens only, so every theme and the brand
// playground restyle the chrome with the elements.
import './page.css';

export interface SampleArticle {
  section: string;
  headline: string;
  standfirst: string;
  published: string;
  bodyHtml: string;
}

export type PageLanguage = 'de' | 'en';

/** The page chrome's own strings (the elements translate themselves). */
export const PAGE_TEXT = {
  de: {
    tagline: 'Nachrichten aus dem Norden',
    more: 'Mehr zum Thema',
    moreCall:
      'Bleiben Sie beim Thema dieses Artikels auf dem Laufenden: Klicken Sie auf [+], um eine E-Mail zu erhalten, sobald wir einen neuen Artikel mit diesem Schlagwort veröffentlichen.',
    topics: ['Energiepolitik', 'Schleswig-Holstein', 'Netzausbau'],
    follow: (topic: string) => `${topic} folgen`,
    latest: 'Neueste Artikel',
    authorHeading: 'Über den Autor',
  },
  en: {
    tagline: 'News from the north',
    more: 'More on this topic',
    moreCall:
      'Stay up to date on this article’s topic: click [+] to get an e-mail as soon as we publish a new article with this tag.',
    topics: ['Rail travel', 'Europe', 'Transport policy'],
    follow: (topic: string) => `Follow ${topic}`,
    latest: 'Latest articles',
    authorHeading: 'About the author',
  },
} as const;

export const ENGLISH_BIO =
  'Virgil Zólyom, born in Flensburg in 1978, lives in Kiel with his family. Since 2009 he has covered energy ' +
  'policy, grid expansion and the state parliament as a regional correspondent. In his spare time he sails on ' +
  'the fjord, collects old nautical charts and plays the viola in a small amateur orchestra.';

/** The masthead of the sample publisher. */
export function masthead(lang: PageLanguage): TemplateResult {
  return html`<header class="masthead"><a href="/">Gazette</a> <span>${PAGE_TEXT[lang].tagline}</span></header>`;
}

/** Regions 1 and 2: `<gz-article-header>` and `<gz-article-body>` with the CMS's content. */
export function articleTop(article: SampleArticle, bodyId: string): TemplateResult {
  return html`<gz-article-header
      section=${article.section}
      published=${article.published}
      time-zone="Europe/Berlin"
      reading-time-for=${bodyId}
    >
      <h1>${article.headline}</h1>
      <p slot="standfirst">${article.standfirst}</p>
    </gz-article-header>
    <gz-article-body id=${bodyId} anchors>${unsafeHTML(article.bodyHtml)}</gz-article-body>`;
}

/**
 * Region 3: the reference page's heading and call, and one `<gz-subscribe-button>` per topic in
 * its compact `[+]` form. Storybook has no endpoint: the page story's host cancels the
 * `gz-subscribe` event and answers with `complete()`, as a publisher with its own provider would.
 */
export function subscriptions(lang: PageLanguage): TemplateResult {
  const text = PAGE_TEXT[lang];
  const id = `more-${lang}`;
  const provider = (event: Event) => {
    event.preventDefault();
    const button = event.target as GzSubscribeButton;
    setTimeout(() => button.complete(event.type === 'gz-unsubscribe' ? 'unsubscribed' : 'subscribed'), 400);
  };
  return html`<section class="more" aria-labelledby=${id} @gz-subscribe=${provider} @gz-unsubscribe=${provider}>
    <h2 class="region" id=${id}>${text.more}</h2>
    <p>${text.moreCall}</p>
    <ul class="topics">
      ${text.topics.map(
        (topic) =>
          html`<li>
            <gz-subscribe-button
              topic=${topic.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}
              topic-label=${topic}
              action="/api/subscriptions"
              compact
              no-remember
            ></gz-subscribe-button>
          </li>`,
      )}
    </ul>
  </section>`;
}

/** Region 4: the reference author, in the page's language. */
export function authorCard(lang: PageLanguage, layout: 'card' | 'compact' = 'card'): TemplateResult {
  return html`<gz-author-card
    name=${authorDe.name}
    href="/autoren/virgil-zolyom"
    image=${portrait}
    image-alt=${authorDe.imageAlt}
    job-title=${lang === 'de' ? authorDe.jobTitle : 'Regional correspondent in Kiel'}
    links="https://zolyom.example/ mailto:virgil.zolyom@gazette.example"
    layout=${layout}
    ><p>${lang === 'de' ? authorDe.bio : ENGLISH_BIO}</p></gz-author-card
  >`;
}

/** Region 5: the site's latest articles as a `<gz-teaser-list>` of slotted `<gz-teaser>`s. */
export function teasers(lang: PageLanguage, items: SampleTeaser[], heading: string = PAGE_TEXT[lang].latest) {
  return html`<gz-teaser-list heading=${heading} layout="list">
    ${items.map(
      (item) =>
        html`<gz-teaser href=${item.href} section=${item.category} brand=${item.brand} date=${item.date}
          ><span slot="title">${item.title}</span>${item.excerpt}</gz-teaser
        >`,
    )}
  </gz-teaser-list>`;
}

/** The reference article page: regions 1 to 5 in the order of the reference page. */
export function articlePage(
  lang: PageLanguage,
  article: SampleArticle,
  items: SampleTeaser[],
  bodyId = `page-body-${lang}`,
): TemplateResult {
  return html`<div class="gz-page" lang=${lang} dir="ltr">
    ${masthead(lang)}
    <main>
      <article>
        ${articleTop(article, bodyId)} ${subscriptions(lang)}
        <section aria-label=${PAGE_TEXT[lang].authorHeading}>${authorCard(lang)}</section>
      </article>
      ${teasers(lang, items)}
    </main>
  </div>`;
}
