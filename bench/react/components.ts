/**
 * A small React 19 implementation of the reference page (the benchmarks' React baseline):
 * the same markup as the static page, rendered from the same data on the client.
 */
import { createElement as h, type ReactElement } from 'react';
import { article, teaserDate, type Teaser } from '../data.js';

const dateline = new Intl.DateTimeFormat('de-DE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Berlin',
});

export function minutesOf(html: string): number {
  const words = html
    .replace(/<[^>]+>/g, ' ')
    .split(/\s+/)
    .filter(Boolean).length;
  return Math.max(1, Math.round(words / 250));
}

export function TeaserItem({ teaser }: { teaser: Teaser }): ReactElement {
  return h(
    'li',
    { className: 'teaser' },
    h(
      'a',
      { href: teaser.href },
      h(
        'p',
        { className: 'teaser-meta' },
        h('span', null, teaser.brand),
        ' ',
        h('span', null, teaser.category),
        ' ',
        h('time', { dateTime: teaser.date }, teaserDate(teaser.date)),
      ),
      h('h3', null, teaser.title),
      h('p', null, teaser.excerpt),
    ),
  );
}

export function TeaserList({ teasers }: { teasers: Teaser[] }): ReactElement {
  return h(
    'ul',
    { className: 'teasers' },
    teasers.map((t) => h(TeaserItem, { key: t.href, teaser: t })),
  );
}

export function ArticlePage({ teasers, photo, bio }: { teasers: Teaser[]; photo: string; bio: string }): ReactElement {
  return h(
    'div',
    null,
    h(
      'article',
      null,
      h(
        'header',
        { className: 'article-header' },
        h('p', { className: 'section' }, article.section),
        h('h1', null, article.headline),
        h('p', { className: 'standfirst' }, article.standfirst),
        h(
          'p',
          { className: 'meta' },
          h('time', { dateTime: article.published }, dateline.format(new Date(article.published)).replace(',', '')),
        ),
        h('p', { className: 'meta' }, `Lesezeit: ${minutesOf(article.bodyHtml)} min`),
      ),
      // The CMS's HTML, as a React site renders it.
      h('div', { className: 'article-body', dangerouslySetInnerHTML: { __html: article.bodyHtml } }),
      h(
        'aside',
        { className: 'author-card' },
        h('img', { src: photo, alt: '', width: 80, height: 80 }),
        h(
          'div',
          null,
          h('p', { className: 'name' }, h('strong', null, 'Virgil Zólyom')),
          h('p', { className: 'job-title' }, 'Landeskorrespondent in Kiel'),
          h('p', { 'aria-hidden': 'true' }, '***'),
          h('p', null, bio),
          h('p', null, h('a', { href: 'mailto:virgil.zolyom@gazette.example' }, 'E-Mail')),
        ),
      ),
    ),
    h(TeaserList, { teasers }),
  );
}
