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
});
