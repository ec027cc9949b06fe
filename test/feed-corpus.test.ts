/**
 * The feed corpus (`test/corpus/feeds/`, expectations in `test/corpus/feeds.json`): feeds shaped
 * after real publishers' (national newspapers, US papers, podcasts, Google News, Medium, Reddit,
 * Atom 0.3, RSS 0.91 and 1.0, WordPress), each read through `fetchFeed` with the content type a
 * real server sends, then normalised as `<gz-teaser-list>` does. One test per expected item (is it
 * read at all: title and link) and one per item's fields (excerpt, section, date, image).
 */
import { expect } from '@open-wc/testing';
import { fetchFeed, type RawFeedItem } from '../src/components/teaser-list/feed.js';
import { normalizeItems, type TeaserItem } from '../src/components/teaser-list/items.js';
import { captureWarnings } from './helpers.js';

interface Expected {
  title: string;
  href: string;
  excerpt?: string;
  section?: string;
  date?: string | null;
  image?: string | null;
}
interface CorpusFeed {
  shape: string;
  url: string;
  type: string | null;
  bom?: boolean;
  error?: string;
  warns?: string;
  items: Expected[];
}

const corpus = (await (await fetch('/test/corpus/feeds.json')).json()) as Record<string, CorpusFeed>;

/** Reads a corpus file as the publisher's server would send it. */
async function read(
  file: string,
  feed: CorpusFeed,
): Promise<{ items: TeaserItem[]; error?: string; warnings: string[] }> {
  const bytes = new Uint8Array(await (await fetch(`/test/corpus/feeds/${file}`)).arrayBuffer());
  const body = feed.bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
  const fetcher = (async () =>
    new Response(body, { headers: feed.type === null ? {} : { 'content-type': feed.type } })) as typeof fetch;
  const warnings = captureWarnings();
  const messages: string[] = [];
  try {
    let raw: RawFeedItem[];
    try {
      raw = await fetchFeed(feed.url, {
        signal: new AbortController().signal,
        timeout: 10_000,
        maxBytes: 2 ** 21,
        fetcher,
        onWarning: (message: string) => messages.push(message),
      } as Parameters<typeof fetchFeed>[1]);
    } catch (error) {
      return { items: [], error: (error as { kind?: string }).kind ?? String(error), warnings: messages };
    }
    return { items: normalizeItems(raw).items, warnings: [...messages, ...warnings.messages()] };
  } finally {
    warnings.restore();
  }
}

const instant = (value: string | undefined | null) =>
  value === undefined || value === null ? value : /T/.test(value) ? new Date(value).getTime() : value;

describe('feed corpus: real-world shapes', () => {
  for (const [file, feed] of Object.entries(corpus)) {
    describe(`${file} (${feed.type ?? 'no content type'})`, () => {
      let result: Awaited<ReturnType<typeof read>>;
      before(async () => {
        result = await read(file, feed);
      });

      if (feed.error) {
        it(`is refused (${feed.error})`, () => {
          expect(result.error).to.equal(feed.error);
          expect(result.items).to.have.length(0);
        });
        return;
      }

      it('reads the feed', () => {
        expect(result.error).to.equal(undefined);
      });

      feed.items.forEach((want, i) => {
        const find = () => result.items.find((item) => item.href === want.href);
        it(`reads item ${i + 1}: ${want.title}`, () => {
          expect(find()?.title).to.equal(want.title);
        });
        it(`item ${i + 1}: excerpt, section, date, image`, () => {
          const got = find();
          expect(got, 'item read').to.not.equal(undefined);
          if (want.excerpt !== undefined) expect(got!.excerpt).to.equal(want.excerpt);
          if (want.section !== undefined) expect(got!.section).to.equal(want.section);
          if (want.date !== undefined)
            expect(instant(got!.date), `date ${got!.date}`).to.equal(instant(want.date ?? undefined));
          if (want.image !== undefined) expect(got!.image).to.equal(want.image ?? undefined);
        });
      });

      it('reads no items beyond those expected', () => {
        expect(result.items.map((item) => item.href)).to.deep.equal(
          feed.items.filter((want) => result.items.some((item) => item.href === want.href)).map((want) => want.href),
        );
      });

      if (feed.warns)
        it(`says once that ${feed.warns}`, () => {
          expect(result.warnings.filter((message) => message.includes(feed.warns!))).to.have.length(1);
        });
    });
  }
});

/** Teasers a list renders, waiting until it settles (the test's timeout bounds the wait). */
async function settledList(src: string): Promise<HTMLElement & { updateComplete: Promise<boolean> }> {
  const el = document.createElement('gz-teaser-list') as HTMLElement & { updateComplete: Promise<boolean> };
  el.setAttribute('lang', 'en');
  document.body.append(el);
  el.setAttribute('src', src);
  await el.updateComplete;
  while (el.matches(':state(loading)')) await new Promise((r) => requestAnimationFrame(r));
  await el.updateComplete;
  return el;
}

describe('feed corpus in <gz-teaser-list src>, served by the test server', () => {
  before(async () => {
    await import('../src/components/teaser-list/teaser-list.js');
  });
  for (const [file, feed] of Object.entries(corpus)) {
    it(`${file}: ${feed.error ? 'the error state' : `${feed.items.length} teasers`}${feed.warns ? ', one warning' : ''}`, async () => {
      const query = new URLSearchParams({ type: feed.type ?? '' });
      if (feed.bom) query.set('bom', '');
      const warnings = captureWarnings();
      let el: Awaited<ReturnType<typeof settledList>> | undefined;
      try {
        el = await settledList(`/api/test-feeds/corpus/${file}?${query}`);
        const teasers = el.shadowRoot!.querySelectorAll('[part~=item]');
        if (feed.error) {
          expect(el.matches(':state(error)')).to.equal(true);
          expect(warnings.messages()).to.have.length(1);
        } else {
          expect(teasers).to.have.length(feed.items.length);
          expect([...teasers].map((t) => t.querySelector('[part~=teaser-link]')?.textContent)).to.deep.equal(
            feed.items.map((item) => item.title),
          );
          const warned = warnings.messages().filter((message) => message.includes(feed.warns ?? '\u0000'));
          expect(warned).to.have.length(feed.warns ? 1 : 0);
        }
      } finally {
        warnings.restore();
        el?.remove();
      }
    });
  }
});
