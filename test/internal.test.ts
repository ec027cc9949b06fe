import { expect } from '@open-wc/testing';
import {
  dayIn,
  formatAbsolute,
  formatFull,
  formatRelative,
  isValidTimeZone,
  parseIsoDate,
  provisionalOffset,
  zoneOffset,
} from '../src/internal/datetime.js';
import { hydrating } from '../src/internal/hydration.js';
import { safeUrl } from '../src/internal/url.js';

describe('safeUrl', () => {
  it('keeps http(s) and relative URLs', () => {
    expect(safeUrl('https://example.org/a?b#c')).to.equal('https://example.org/a?b#c');
    expect(safeUrl('  http://example.org ')).to.equal('http://example.org/');
    expect(safeUrl('/politik')).to.equal('/politik');
    expect(safeUrl('../bild.jpg')).to.equal('../bild.jpg');
    expect(safeUrl('#top')).to.equal('#top');
  });

  const hostile = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u0001\u001fjavascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:image/svg+xml,<svg onload=alert(1)>',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://example.org/x',
  ];
  for (const url of hostile) {
    it(`drops ${JSON.stringify(url)}`, () => {
      expect(safeUrl(url)).to.equal(undefined);
    });
  }

  it('allows mailto and tel only when asked, and relative only when allowed', () => {
    expect(safeUrl('mailto:a@b.de')).to.equal(undefined);
    expect(safeUrl('mailto:a@b.de', { schemes: ['https:', 'mailto:'] })).to.equal('mailto:a@b.de');
    expect(safeUrl('/a', { relative: false })).to.equal(undefined);
  });

  it('refuses non-strings and empty values', () => {
    for (const value of [undefined, null, 42, {}, '', '   ']) expect(safeUrl(value)).to.equal(undefined);
  });
});

describe('datetime', () => {
  it('parses ISO 8601 dates and date-times, and nothing else', () => {
    expect(parseIsoDate('2024-11-17T16:03:00+01:00')!.date.toISOString()).to.equal('2024-11-17T15:03:00.000Z');
    expect(parseIsoDate('2024-11-17T15:03Z')!.dateOnly).to.be.false;
    expect(parseIsoDate('2026-02-17')!.dateOnly).to.be.true;
    for (const bad of [
      '17.11.2024',
      'Nov 17 2024',
      '2024',
      '2024-13-01',
      '2024-02-31',
      '2024-11-17T25:00Z',
      'NaN',
      '',
      null,
      5,
    ]) {
      expect(parseIsoDate(bad), String(bad)).to.equal(undefined);
    }
  });

  it('formats the reference dateline in German and English', () => {
    const published = parseIsoDate('2024-11-17T16:03:00+01:00')!;
    expect(formatAbsolute(published, 'de', { timeZone: 'Europe/Berlin' })).to.equal('17.11.2024, 16:03');
    expect(formatAbsolute(published, 'en', { timeZone: 'Europe/Berlin' })).to.equal('17 Nov 2024, 16:03');
    expect(formatFull(published, 'de', { timeZone: 'Europe/Berlin' })).to.equal('Sonntag, 17. November 2024 um 16:03');
  });

  it('moves the date across midnight with the time zone', () => {
    const late = parseIsoDate('2024-11-17T23:30:00Z')!;
    expect(formatAbsolute(late, 'de', { timeZone: 'Europe/Berlin' })).to.equal('18.11.2024, 00:30');
    expect(formatAbsolute(late, 'de', { timeZone: 'America/New_York' })).to.equal('17.11.2024, 18:30');
    expect(dayIn(late.date, 'Europe/Berlin')).to.equal('2024-11-18');
  });

  it('shows a date-only value as the same day in every zone', () => {
    const day = parseIsoDate('2026-02-17')!;
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Berlin']) {
      expect(formatAbsolute(day, 'de', { timeZone: zone })).to.equal('17.02.2026');
    }
  });

  it('builds German and British English dates without Intl exactly as Intl does', () => {
    // The fast path (no ICU start-up) against Intl itself: every month and weekday, hours around
    // midnight, date-only values, the reader's zone and named zones with their offsets learnt.
    const intl = (lang: string, options: Intl.DateTimeFormatOptions, date: Date) =>
      new Intl.DateTimeFormat(lang, options).format(date);
    for (let month = 1; month <= 12; month++) {
      for (const [day, time] of [
        [1, '00:05'],
        [9, '09:30'],
        [17, '16:03'],
        [28, '23:59'],
      ] as const) {
        const m = String(month).padStart(2, '0');
        const d = String(day).padStart(2, '0');
        const dateOnly = parseIsoDate(`2024-${m}-${d}`)!;
        const local = parseIsoDate(`2024-${m}-${d}T${time}:00`)!;
        const zoned = parseIsoDate(`2024-${m}-${d}T${time}:00+01:00`)!;
        zoneOffset('Europe/Berlin', zoned.date);
        const short = (lang: string, utc: boolean, zone?: string): Intl.DateTimeFormatOptions => ({
          ...(lang.startsWith('de')
            ? { day: '2-digit', month: '2-digit', year: 'numeric' }
            : { day: 'numeric', month: 'short', year: 'numeric' }),
          ...(utc ? { timeZone: 'UTC' } : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }),
        });
        for (const [lang, locale] of [
          ['de', 'de-DE'],
          ['de-DE', 'de-DE'],
          ['en', 'en-GB'],
          ['en-GB', 'en-GB'],
        ] as const) {
          expect(formatAbsolute(dateOnly, lang)).to.equal(intl(locale, short(lang, true), dateOnly.date));
          expect(formatFull(dateOnly, lang)).to.equal(
            intl(locale, { dateStyle: 'full', timeZone: 'UTC' }, dateOnly.date),
          );
          expect(formatAbsolute(local, lang)).to.equal(intl(locale, short(lang, false), local.date));
          expect(formatFull(local, lang)).to.equal(intl(locale, { dateStyle: 'full', timeStyle: 'short' }, local.date));
          const berlin = { timeZone: 'Europe/Berlin' };
          expect(formatAbsolute(zoned, lang, berlin)).to.equal(
            intl(locale, short(lang, false, 'Europe/Berlin'), zoned.date),
          );
          expect(formatFull(zoned, lang, berlin)).to.equal(
            intl(locale, { dateStyle: 'full', timeStyle: 'short', ...berlin }, zoned.date),
          );
        }
      }
    }
  });

  it("takes a value's own offset for a zone only when asked to, and Intl's once it is known", () => {
    const summer = parseIsoDate('2024-07-01T12:00:00+05:00')!;
    // Without assumeOffset the zone's real offset is used (Berlin is +02:00 in July)...
    expect(formatAbsolute(summer, 'de', { timeZone: 'Europe/Berlin' })).to.equal('01.07.2024, 09:00');
    // ...which, once learnt, wins over the value's offset for a first render too.
    expect(zoneOffset('Europe/Berlin', summer.date)).to.equal(120);
    expect(formatAbsolute(summer, 'de', { timeZone: 'Europe/Berlin', assumeOffset: true })).to.equal(
      '01.07.2024, 09:00',
    );
    const other = parseIsoDate('2024-07-02T12:00:00+05:00')!;
    expect(formatAbsolute(other, 'de', { timeZone: 'Asia/Karachi', assumeOffset: true })).to.equal('02.07.2024, 12:00');
    expect(zoneOffset('Europe/Berlin', summer.date)).to.equal(120);
    expect(zoneOffset('Mars/Olympus', summer.date)).to.equal(undefined);
  });

  it("reads a date-time's instant from its fields exactly as Date parses the string", () => {
    for (const value of [
      '2024-11-17T16:03:00+01:00',
      '2024-11-17T16:03:00-05:30',
      '2024-11-17T16:03:00+0100',
      '2024-11-17T16:03Z',
      '2024-11-17T16:03:59.5Z',
      '2024-11-17T16:03:00.123456789-05:30',
      '2024-11-17T16:03',
      '2024-11-17 16:03:07',
      '2024-03-31T02:30',
      '2024-02-30T10:00Z',
      '0050-01-01T10:00Z',
      '0099-12-31T23:00',
    ]) {
      expect(parseIsoDate(value)!.date.getTime(), value).to.equal(new Date(value.replace(' ', 'T')).getTime());
    }
    expect(parseIsoDate('0050-06-01')!.date.toISOString()).to.equal('0050-06-01T12:00:00.000Z');
    expect(parseIsoDate('2024-11-17T16:03:00+24:00')).to.equal(undefined);
    expect(parseIsoDate('2024-11-17T16:03:00+01:60')).to.equal(undefined);
  });

  it("knows the EU zones' offsets without Intl exactly as Intl gives them", () => {
    // Every hour around both changes of 1997, 2024 and 2031, and the middle of each month.
    const instants: number[] = [];
    for (const year of [1997, 2024, 2031]) {
      for (const month of [2, 9]) {
        const last = new Date(Date.UTC(year, month + 1, 0));
        const sunday = Date.UTC(year, month, last.getUTCDate() - last.getUTCDay());
        for (let h = -4; h <= 6; h++) instants.push(sunday + h * 3_600_000, sunday + h * 3_600_000 - 60_000);
      }
      for (let month = 0; month < 12; month++) instants.push(Date.UTC(year, month, 15, 12));
    }
    for (const zone of ['Europe/London', 'Europe/Lisbon', 'Europe/Berlin', 'Europe/Zurich', 'Europe/Helsinki']) {
      for (const t of instants) {
        const parsed = { date: new Date(t), dateOnly: false, offset: 0 };
        expect(provisionalOffset(parsed, zone), `${zone} ${new Date(t).toISOString()}`).to.equal(
          zoneOffset(zone, parsed.date),
        );
      }
    }
    // Other zones: the value's own offset, never `Z`'s.
    expect(provisionalOffset(parseIsoDate('2024-07-01T12:00+05:00')!, 'Asia/Karachi')).to.equal(300);
    expect(provisionalOffset(parseIsoDate('2024-07-01T12:00Z')!, 'America/New_York')).to.equal(undefined);
    expect(provisionalOffset(parseIsoDate('1990-07-01T12:00Z')!, 'Europe/Berlin')).to.equal(undefined);
  });

  it('writes the German and English relative form without Intl exactly as Intl does', () => {
    const now = new Date('2024-11-17T18:03:00Z');
    for (const lang of ['de', 'de-DE', 'en', 'en-GB']) {
      const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
      for (const seconds of [-299, -1, 0, 30, 59, 60, 61, 119, 120, 300, 3_599, 3_600, 3_601, 7_199, 7_200, 86_399]) {
        const minutes = Math.floor(Math.max(seconds, 0) / 60);
        const expected =
          minutes < 1
            ? rtf.format(0, 'second')
            : minutes < 60
              ? rtf.format(-minutes, 'minute')
              : rtf.format(-Math.floor(minutes / 60), 'hour');
        expect(formatRelative(new Date(now.getTime() - seconds * 1_000), now, lang), `${lang} ${seconds}`).to.equal(
          expected,
        );
      }
      // A long `relative-hours`: digits grouped as Intl groups them.
      for (const hours of [999, 1_000, 12_345])
        expect(formatRelative(new Date(now.getTime() - hours * 3_600_000), now, lang, Infinity)).to.equal(
          rtf.format(-hours, 'hour'),
        );
    }
  });

  it('knows valid time zones', () => {
    expect(isValidTimeZone('Europe/Berlin')).to.be.true;
    expect(isValidTimeZone('Mars/Olympus')).to.be.false;
    expect(isValidTimeZone('')).to.be.false;
  });

  it('gives the relative form below the threshold only', () => {
    const now = new Date('2024-11-17T18:03:00Z');
    expect(formatRelative(new Date('2024-11-17T16:03:00Z'), now, 'de')).to.equal('vor 2 Stunden');
    expect(formatRelative(new Date('2024-11-17T16:03:00Z'), now, 'en')).to.equal('2 hours ago');
    expect(formatRelative(new Date('2024-11-17T17:58:00Z'), now, 'en')).to.equal('5 minutes ago');
    expect(formatRelative(new Date('2024-11-17T18:02:30Z'), now, 'en')).to.equal('now');
    expect(formatRelative(new Date('2024-11-16T18:03:01Z'), now, 'en')).to.equal('23 hours ago');
    expect(formatRelative(new Date('2024-11-16T18:03:00Z'), now, 'en')).to.equal(undefined);
    expect(formatRelative(new Date('2024-11-17T19:03:00Z'), now, 'en')).to.equal(undefined);
  });
});

describe('hydrating', () => {
  const element = (flags: Record<string, unknown>) =>
    Object.assign(document.createElement('div'), flags) as unknown as Parameters<typeof hydrating>[0];

  it("sees Lit's hydration flag under its development and its production (mangled) name", () => {
    expect(hydrating(element({}))).to.be.false;
    expect(hydrating(element({ _$needsHydration: true }))).to.be.true;
    // @lit-labs/ssr-client's production build sets `_$AG`: pages built for production hydrate with it.
    expect(hydrating(element({ _$AG: true }))).to.be.true;
    expect(hydrating(element({ _$AG: false, hasUpdated: true }))).to.be.false;
  });
});
