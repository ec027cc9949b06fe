/**
 * Property-based tests (fast-check) for the pure parts: what must hold for every input, not only
 * for the examples the element tests use.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { countText, readingMinutes } from '../src/components/reading-time/count.js';
import { canonicalLocale } from '../src/controllers/localize.js';
import { formatAbsolute, parseIsoDate } from '../src/internal/datetime.js';
import { safeUrl } from '../src/internal/url.js';
import { slugify } from '../src/components/article-body/slug.js';
import { ELLIPSIS, truncate } from '../src/components/teaser/truncate.js';
import { normalizeItem, normalizeItems } from '../src/components/teaser-list/items.js';
import { parseJsonFeed } from '../src/components/teaser-list/feed.js';

const runs = { numRuns: 300 };
const count = fc.record({
  words: fc.nat({ max: 1_000_000 }),
  characters: fc.nat({ max: 1_000_000 }),
  images: fc.nat({ max: 500 }),
});

describe('properties', function () {
  // Hundreds of generated cases per property: generous time for a loaded 2-core machine.
  this.timeout(60_000);

  it('reading minutes are a whole number ≥ 1, never NaN, at any valid speed', () => {
    fc.assert(
      fc.property(count, fc.double({ min: 1, max: 10_000, noNaN: true }), (c, wpm) => {
        const minutes = readingMinutes(c, wpm);
        return Number.isInteger(minutes) && minutes >= 1;
      }),
      runs,
    );
  });

  it('reading minutes never fall when words, characters or images grow', () => {
    fc.assert(
      fc.property(count, fc.nat({ max: 10_000 }), fc.constantFrom('words', 'characters', 'images'), (c, more, key) => {
        return readingMinutes({ ...c, [key]: c[key] + more }) >= readingMinutes(c);
      }),
      runs,
    );
  });

  it('adding a word never lowers the word count, in any script', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const before = countText(text, 'de');
        const after = countText(`${text} Wort`, 'de');
        return after.words >= before.words && before.words >= 0 && before.characters >= 0;
      }),
      runs,
    );
  });

  it('every URL safeUrl accepts parses to an allowed protocol', () => {
    const schemes = fc.constantFrom(
      'javascript:',
      'JaVaScRiPt:',
      'data:',
      'vbscript:',
      'http:',
      'https:',
      'mailto:',
      'file:',
      '',
    );
    const noise = fc.string({
      unit: fc.constantFrom('\u0000', '\t', '\n', ' ', '\u001f', 'a', '/', ':', '&', '#', '%'),
      maxLength: 6,
    });
    fc.assert(
      fc.property(noise, schemes, noise, fc.webUrl(), (pre, scheme, mid, rest) => {
        const value = `${pre}${scheme}${mid}${rest}`;
        const safe = safeUrl(value, { schemes: ['http:', 'https:', 'mailto:'] });
        if (safe === undefined) return true;
        const protocol = new URL(safe, 'https://base.example/').protocol;
        return ['http:', 'https:', 'mailto:'].includes(protocol);
      }),
      { numRuns: 1000 },
    );
  });

  it('safeUrl never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (value) => {
        safeUrl(value);
        return true;
      }),
      runs,
    );
  });

  it('date parsing never throws, and what it accepts formats without NaN or Invalid Date', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        ),
        (value) => {
          const parsed = parseIsoDate(value);
          if (!parsed) return true;
          const text = formatAbsolute(parsed, 'de', { timeZone: 'Europe/Berlin' });
          return !/NaN|Invalid/.test(text);
        },
      ),
      runs,
    );
  });

  it('any lang attribute becomes a locale Intl accepts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (value) => {
        const locale = canonicalLocale(value);
        new Intl.NumberFormat(locale).format(1);
        return typeof locale === 'string' && locale.length > 0;
      }),
      runs,
    );
    expect(canonicalLocale('de-de')).to.equal('de-DE');
  });

  const graphemes = (text: string) => [...new Intl.Segmenter('de', { granularity: 'grapheme' }).segment(text)].length;
  const germanish = fc.array(
    fc.oneof(
      fc.constantFrom(
        'Donaudampfschifffahrt',
        '1,3',
        '13.000',
        'Bayer-Aktie',
        '„Zitat“',
        '👨‍👩‍👧',
        'e\u0301',
        '日本語',
        'Straße',
      ),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
    ),
    { maxLength: 40 },
  );

  it('a truncated excerpt is never longer than the limit, and never cuts a word or a grapheme', () => {
    fc.assert(
      fc.property(germanish, fc.integer({ min: 2, max: 200 }), (words, max) => {
        const text = words
          .join(' ')
          .replace(/\s+/gu, ' ')
          .trim()
          .replace(/(\.\.\.|…)$/u, '');
        const cut = truncate(text, max, 'de');
        expect(graphemes(cut)).to.be.at.most(max);
        if (cut === text) return true;
        expect(cut.endsWith(ELLIPSIS)).to.be.true;
        const kept = cut.slice(0, -ELLIPSIS.length);
        expect(text.startsWith(kept)).to.be.true;
        // No lone surrogate and no broken grapheme at the cut.
        expect(/[\ud800-\udbff]$/.test(kept)).to.be.false;
        expect(graphemes(kept) + graphemes(text.slice(kept.length))).to.equal(graphemes(text));
        // The cut falls before a space, unless the first word alone is longer than the limit
        // (then it is cut between graphemes, as documented).
        const next = text.slice(kept.length);
        const firstWordTooLong = graphemes(text.split(' ')[0]!) > max - 1;
        const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text);
        expect(kept === '' || /^\s/u.test(next) || /^[\p{P}\s]/u.test(next) || firstWordTooLong || unspaced).to.be.true;
        return true;
      }),
      runs,
    );
  });

  it('slugs are stable, URL-safe and non-empty for any text with a letter or digit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.constantFrom('de', 'en', 'fr'), (text, lang) => {
        const slug = slugify(text, lang);
        expect(slugify(text, lang)).to.equal(slug);
        expect(slug).to.match(/^[\p{Ll}\p{Lo}\p{Lm}\p{N}-]*$/u);
        expect(slug.length).to.be.at.most(64);
        expect(slug.startsWith('-') || slug.endsWith('-')).to.be.false;
        if (/[\p{L}\p{N}]/u.test(text)) expect(slug.length).to.be.greaterThan(0);
        return true;
      }),
      runs,
    );
  });

  it('a normalised item object changed in any field normalizeItem reads is normalised again', () => {
    // normalizeItems remembers each object's result with the values of the fields it was made
    // from (items.ts, `fields`/`unchanged`, two hand-written lists). Here the fields are found by
    // recording what normalizeItem reads, with each read field left out in turn (`href` hides
    // `url`), so a field added to normalizeItem and not to both lists fails this test.
    const good: Record<string, string> = {
      title: 'T', href: 'https://a.example/1', url: 'https://a.example/2', id: 'i', excerpt: 'e', summary: 's',
      section: 'x', category: 'c', brand: 'b', date: '2026-01-01', image: 'https://a.example/i.jpg',
      imageAlt: 'a', image_alt: 'a2', srcset: 'https://a.example/i.jpg 1x',
    }; // prettier-ignore
    const readBy = (values: Record<string, string>): Set<string> => {
      const read = new Set<string>();
      const probe = new Proxy(values, {
        get: (target, key: string) => {
          read.add(key);
          return target[key];
        },
      });
      normalizeItem(probe, { missing: 0, unsafe: 0 });
      return read;
    };
    const probes: Record<string, string>[] = [{ ...good }];
    const seen = new Set<string>();
    for (let i = 0; i < probes.length; i++) {
      for (const key of readBy(probes[i]!)) {
        expect(key in good, `normalizeItem reads "${key}": add it to this test's object`).to.be.true;
        if (seen.has(key)) continue;
        seen.add(key);
        const without = { ...probes[i]! };
        delete without[key];
        probes.push(without);
      }
    }
    for (const probe of probes) {
      for (const key of seen) {
        const raw: Record<string, string> = { ...probe };
        normalizeItems([raw]);
        raw[key] = key === 'date' ? '2026-02-02' : key === 'title' ? 'U' : `${good[key]}?changed`;
        const fresh = normalizeItem({ ...raw }, { missing: 0, unsafe: 0 });
        expect(normalizeItems([raw]).items[0], `after a change of "${key}"`).to.deep.equal(fresh);
      }
    }
    expect([...seen].sort()).to.deep.equal(Object.keys(good).sort());
  });

  it('items and JSON feeds from any JSON never throw outside the documented FeedError', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        normalizeItems(value);
        normalizeItems([value, value]);
        try {
          parseJsonFeed(JSON.stringify(value));
        } catch (error) {
          expect((error as Error).name).to.equal('FeedError');
        }
        return true;
      }),
      runs,
    );
  });
});
