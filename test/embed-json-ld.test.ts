import { expect, html } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import '../src/components/article-header/article-header.js';
import '../src/components/author-card/author-card.js';
import '../src/components/article-body/article-body.js';
import type { GzArticleHeader } from '../src/components/article-header/article-header.component.js';
import { isoWithOffset, serializeJsonLd } from '../src/components/article-header/json-ld.js';
import './harness/axe.js';

/** The properties Google documents for Article / NewsArticle, plus the schema.org ones we add. */
const GOOGLE_ARTICLE = ['author', 'dateModified', 'datePublished', 'headline', 'image'];
const EXTRA = ['@context', '@type', 'articleSection', 'wordCount', 'timeRequired', 'inLanguage', 'publisher'];
const GOOGLE_AUTHOR = ['@type', 'name', 'url', 'image', 'jobTitle'];
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

function jsonLd(el: Element): Record<string, unknown> | undefined {
  const script = el.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]');
  return script ? (JSON.parse(script.text) as Record<string, unknown>) : undefined;
}

/** Google's documented rules for Article structured data, as assertions. */
function expectValidNewsArticle(data: Record<string, unknown>): void {
  expect(data['@context']).to.equal('https://schema.org');
  expect(data['@type']).to.equal('NewsArticle');
  for (const key of Object.keys(data)) expect([...GOOGLE_ARTICLE, ...EXTRA]).to.include(key);
  expect(data.headline).to.be.a('string').and.not.equal('');
  for (const key of ['datePublished', 'dateModified']) expect(data[key]).to.match(ISO_WITH_OFFSET);
  for (const author of data.author as Record<string, unknown>[]) {
    expect(author['@type']).to.equal('Person');
    expect(author.name).to.be.a('string').and.not.equal('');
    for (const key of Object.keys(author)) expect(GOOGLE_AUTHOR).to.include(key);
    for (const key of ['url', 'image']) if (author[key]) expect(author[key]).to.match(/^https?:\/\//);
  }
  for (const url of (data.image as string[] | undefined) ?? []) expect(url).to.match(/^https?:\/\//);
}

describe('JSON-LD from <gz-article-header json-ld>', () => {
  it('is off by default', async () => {
    const el = await fixture<GzArticleHeader>(
      html`<gz-article-header published="2024-11-17T15:03:00Z"><h1>Titel</h1></gz-article-header>`,
    );
    expect(el.querySelector('script')).to.equal(null);
  });

  it('emits a NewsArticle from the header, the author cards and the body, valid for Google', async () => {
    const article = await fixture<HTMLElement>(html`
      <article lang="de">
        <gz-article-header
          json-ld
          section="Politik"
          published="2024-11-17T15:03:00Z"
          updated="2024-11-18T09:00:00Z"
          time-zone="Europe/Berlin"
          reading-time-for="b"
          json-ld-image="/bilder/netz.jpg"
          json-ld-publisher="Gazette"
          json-ld-publisher-logo="https://gazette.example/logo.png"
        >
          <h1>Netzausbau im Norden stockt</h1>
          <p slot="standfirst">Vorspann</p>
        </gz-article-header>
        <gz-article-body id="b"><p>${Array.from({ length: 460 }, () => 'Wort').join(' ')}</p></gz-article-body>
        <gz-author-card
          name="Virgil Zólyom"
          href="/autoren/zolyom"
          image="/demo/authors/virgil-zolyom.svg"
          job-title="Landeskorrespondent"
        ></gz-author-card>
      </article>
    `);
    const el = article.querySelector<GzArticleHeader>('gz-article-header')!;
    await el.updateComplete;
    const data = jsonLd(el)!;
    expectValidNewsArticle(data);
    expect(data).to.deep.include({
      headline: 'Netzausbau im Norden stockt',
      datePublished: '2024-11-17T16:03:00+01:00',
      dateModified: '2024-11-18T10:00:00+01:00',
      articleSection: 'Politik',
      wordCount: 460,
      timeRequired: 'PT2M',
      inLanguage: 'de',
      image: [new URL('/bilder/netz.jpg', document.baseURI).href],
    });
    expect(data.author).to.deep.equal([
      {
        '@type': 'Person',
        name: 'Virgil Zólyom',
        url: new URL('/autoren/zolyom', document.baseURI).href,
        image: new URL('/demo/authors/virgil-zolyom.svg', document.baseURI).href,
        jobTitle: 'Landeskorrespondent',
      },
    ]);
    expect(data.publisher).to.deep.equal({
      '@type': 'Organization',
      name: 'Gazette',
      logo: { '@type': 'ImageObject', url: 'https://gazette.example/logo.png' },
    });
    // The script is not the headline: it sits in a slot nobody renders.
    expect(el.querySelector('script')!.slot).to.equal('json-ld');
    await expect(el).to.be.accessible();
  });

  it('cannot be broken out of: </script> and <!-- in a headline stay data, also when serialized', async () => {
    const evil = '</script><script>window.__pwned = 1</script><!-- \u2028';
    const el = await fixture<GzArticleHeader>(
      html`<gz-article-header json-ld published="2024-11-17"><h1>${evil}</h1></gz-article-header>`,
    );
    const script = el.querySelector('script')!;
    expect(script.text).not.to.match(/[<>&\u2028]/);
    expect(jsonLd(el)!.headline).to.equal(evil.replace(/\s+/g, ' ').trim());
    expect(jsonLd(el)!.datePublished).to.equal('2024-11-17');
    // Serialized as a CMS cache or a server would, and parsed again: still one script.
    const reparsed = new DOMParser().parseFromString(`<body>${el.outerHTML}</body>`, 'text/html');
    expect(reparsed.querySelectorAll('script')).to.have.length(1);
    expect(JSON.parse(reparsed.querySelector('script')!.textContent!).headline).to.equal(jsonLd(el)!.headline);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('drops unsafe URLs and disappears when switched off', async () => {
    const el = await fixture<GzArticleHeader>(
      html`<gz-article-header json-ld published="2024-11-17" json-ld-image=" JaVaScRiPt:alert(1)"
        ><h1>Titel</h1></gz-article-header
      >`,
    );
    expect(jsonLd(el)!).not.to.have.property('image');
    el.jsonLd = false;
    await el.updateComplete;
    expect(el.querySelector('script')).to.equal(null);
  });

  it('writes offsets of the time zone, and escapes like JSON', () => {
    expect(isoWithOffset(new Date('2024-07-01T12:00:00Z'), 'Europe/Berlin')).to.equal('2024-07-01T14:00:00+02:00');
    expect(isoWithOffset(new Date('2024-07-01T12:00:00Z'))).to.equal('2024-07-01T12:00:00+00:00');
    expect(serializeJsonLd({ a: '<&>' })).to.equal('{"a":"\\u003c\\u0026\\u003e"}');
  });
});
