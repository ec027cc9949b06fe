/**
 * The building blocks of the full-page stories: a publisher's page chrome around Gazette's
 * elements, filled from a sample article module (`test/fixtures/article-de.ts`, `article-en.ts`).
 *
 * Two regions are plain HTML PLACEHOLDERS until their elements merge from other branches:
 * - `subscriptions()` (region 3): replace each placeholder `<button>` with `<gz-subscribe-button>`.
 * - `teasers()` (region 5): replace the `<ol>` with `<gz-teaser-list>` and `<gz-teaser>`.
 * Both carry `data-placeholder="<tag>"` so they are easy to find; the stories need no other change.
 */
import { html, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import '../../src/components/article-body/article-body.js';
import '../../src/components/article-header/article-header.js';
import '../../src/components/author-card/author-card.js';
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
 * Region 3, PLACEHOLDER for `<gz-subscribe-button>`: the heading and call of the reference page
 * and one follow button per topic, as plain buttons that do nothing.
 */
export function subscriptions(lang: PageLanguage): TemplateResult {
  const text = PAGE_TEXT[lang];
  const id = `more-${lang}`;
  return html`<!-- PLACEHOLDER: <gz-subscribe-button> replaces the buttons below when it merges -->
    <section class="more" aria-labelledby=${id} data-placeholder="gz-subscribe-button">
      <h2 class="region" id=${id}>${text.more}</h2>
      <p>${text.moreCall}</p>
      <ul class="topics">
        ${text.topics.map(
          (topic) =>
            html`<li>
              <button type="button" aria-pressed="false" aria-label=${text.follow(topic)}>[+] ${topic}</button>
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

/** Region 5, PLACEHOLDER for `<gz-teaser-list>` / `<gz-teaser>`: plain HTML teasers. */
export function teasers(lang: PageLanguage, items: SampleTeaser[], heading: string = PAGE_TEXT[lang].latest) {
  const id = `teasers-${lang}`;
  const date = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: lang === 'de' ? 'medium' : 'long',
    timeZone: 'UTC',
  });
  return html`<!-- PLACEHOLDER: <gz-teaser-list> with one <gz-teaser> per item replaces the list below -->
    <section aria-labelledby=${id} data-placeholder="gz-teaser-list">
      <h2 class="region" id=${id}>${heading}</h2>
      <ol>
        ${items.map(
          (item) =>
            html`<li>
              <p class="teaser-meta">
                <span>${item.brand}</span><span class="category">${item.category}</span
                ><time datetime=${item.date}>${date.format(new Date(`${item.date}T00:00:00Z`))}</time>
              </p>
              <h3 class="teaser-title"><a href=${item.href}>${item.title}</a></h3>
              <p class="teaser-excerpt">${item.excerpt}</p>
            </li>`,
        )}
      </ol>
    </section>`;
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
