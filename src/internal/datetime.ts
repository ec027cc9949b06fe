/**
 * Gazette's date logic, in one module shared by `<gz-article-header>` and `<gz-teaser>`: strict
 * ISO 8601 parsing, absolute dates in the element's language and a chosen time zone, and the
 * relative form ("vor 2 Stunden", "2 hours ago").
 */

import { intl } from './intl.js';

/** `YYYY-MM-DD` alone, or with `THH:MM`, optional seconds and fraction, optional `Z`/offset. */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export interface ParsedDate {
  date: Date;
  /** The value had no time: show it as a date only, the same day in every time zone. */
  dateOnly: boolean;
  /** The value's own UTC offset in minutes (`+01:00` → 60), when it gives one. */
  offset?: number;
}

/**
 * Parses an ISO 8601 date or date-time. Returns `undefined` for anything else: `Date.parse`
 * accepts strings like "17 Nov" or "2024" whose meaning depends on the browser, so they are refused.
 */
export function parseIsoDate(value: unknown): ParsedDate | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_8601.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59)) return undefined;
  const dateOnly = h === undefined;
  // The date from the matched fields (no second parse of the string); a date alone is a calendar
  // day: anchored at UTC noon and formatted in UTC, so no zone moves it.
  const ms = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  const offset =
    zone === undefined
      ? undefined
      : zone === 'Z'
        ? 0
        : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const fields = [Number(y), month - 1, day, dateOnly ? 12 : Number(h), Number(mi ?? 0), Number(s ?? 0), ms] as const;
  // (`Date.UTC` and the `Date` constructor read years 0-99 as 1900-1999: those go through the string.)
  const date =
    fields[0] < 100
      ? new Date(dateOnly ? `${y}-${mo}-${d}T12:00Z` : value.trim().replace(' ', 'T'))
      : dateOnly || offset !== undefined
        ? new Date(Date.UTC(...fields) - (offset ?? 0) * 60_000)
        : new Date(...fields);
  if (
    Number.isNaN(date.getTime()) ||
    (offset !== undefined && (Math.abs(offset) >= 24 * 60 || Number(zone!.slice(-2)) > 59))
  )
    return undefined;
  // Reject days that do not exist (2024-02-31 would roll over to March).
  if (dateOnly && date.getUTCDate() !== day) return undefined;
  return offset === undefined ? { date, dateOnly } : { date, dateOnly, offset };
}

const zones = new Map<string, boolean>();

/** Whether `Intl` knows an IANA time zone name (asked once per name). */
export function isValidTimeZone(zone: unknown): zone is string {
  // IANA names are short; a longer value is not one (and is not worth a cache entry).
  if (typeof zone !== 'string' || !zone || zone.length > 64) return false;
  let valid = zones.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    zones.set(zone, valid);
  }
  return valid;
}

/**
 * What is known of a zone name without asking `Intl` (whose first use starts ICU: tens of
 * milliseconds on a first render): `true`/`false` once `isValidTimeZone` has asked, else
 * `undefined`.
 */
export function knownTimeZone(zone: string): boolean | undefined {
  return zones.get(zone);
}

// ── Dates without Intl ────────────────────────────────────────────────────────────────────────
// The first Intl object of a page starts ICU, which costs about as much as rendering a static
// article page. For the languages Gazette ships (German and British English, the formats its
// elements use) the text is built from the date's fields and these names; the tests compare every
// month, weekday and hour with Intl's own output. Other languages and zones go through Intl.

const NAMES: Record<string, { days: string[]; months: string[]; short: string[] }> = {
  de: {
    days: 'Sonntag Montag Dienstag Mittwoch Donnerstag Freitag Samstag'.split(' '),
    months: 'Januar Februar März April Mai Juni Juli August September Oktober November Dezember'.split(' '),
    short: [],
  },
  en: {
    days: 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' '),
    months: 'January February March April May June July August September October November December'.split(' '),
    short: 'Jan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec'.split(' '),
  },
};
/** The locales whose dates are built from NAMES: their `dateLocale` is de-DE or en-GB. */
const FAST: Record<string, 'de' | 'en'> = { de: 'de', 'de-DE': 'de', en: 'en', 'en-GB': 'en' };

interface Fields {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
}

// Offsets learnt from Intl, per zone and instant (minutes): later renders use them without asking.
const offsets = new Map<string, number>();

/**
 * The UTC offset of `zone` at `date` (minutes), asked of Intl once per zone and instant. Returns
 * `undefined` for a zone Intl does not know.
 */
export function zoneOffset(zone: string, date: Date): number | undefined {
  const key = `${zone}|${date.getTime()}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (!isValidTimeZone(zone)) return undefined;
    const parts = formatter('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: zone,
    }).formatToParts(date);
    const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
    offset = Math.round((wall - Math.floor(date.getTime() / 60_000) * 60_000) / 60_000);
    offsets.set(key, offset);
  }
  return offset;
}

/**
 * Zones that have kept the EU's summer time since 1997 (last Sunday of March to last Sunday of
 * October, 01:00 UTC), with their standard offset in minutes: for these a first render knows the
 * offset of any instant without Intl. The caller's idle check (`zoneOffset`) still asks Intl, so
 * a change of rules costs one re-render, never a wrong date.
 */
const EU_ZONES: Record<string, number> = {};
for (const [offset, names] of [
  [0, 'London Dublin Lisbon'],
  [
    60,
    'Berlin Vienna Zurich Paris Brussels Amsterdam Luxembourg Rome Madrid Copenhagen Oslo Stockholm Warsaw Prague Budapest Bratislava Ljubljana Zagreb',
  ],
  [120, 'Helsinki Tallinn Riga Vilnius Athens Bucharest Sofia'],
] as const)
  for (const name of names.split(' ')) EU_ZONES[`Europe/${name}`] = offset;

/** The Sunday (UTC day of month) on or before the last day of a month. */
const lastSunday = (year: number, month: number) => {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
};

/**
 * The offset a first render takes for `zone` at a parsed date-time without asking Intl: the EU
 * rule for the zones above (1997 on), else the value's own offset other than `Z` (a local offset
 * is the CMS's zone, nearly always the one named); `undefined` where only Intl can tell.
 */
export function provisionalOffset(parsed: ParsedDate, zone: string): number | undefined {
  const standard = EU_ZONES[zone];
  const year = parsed.date.getUTCFullYear();
  if (standard !== undefined && year >= 1997) {
    const t = parsed.date.getTime();
    const summer = t >= Date.UTC(year, 2, lastSunday(year, 2), 1) && t < Date.UTC(year, 9, lastSunday(year, 9), 1);
    return standard + (summer ? 60 : 0);
  }
  return parsed.offset || undefined;
}

/**
 * A date's calendar fields in a zone without Intl, or `undefined` where that needs Intl: a date
 * alone in UTC, the reader's zone from `Date`, a named zone from an offset Intl gave before, or
 * (with `assumeOffset`, for a first render) the value's own offset.
 */
function fields(parsed: ParsedDate, timeZone: string | undefined, assumeOffset: boolean): Fields | undefined {
  const { date } = parsed;
  if (!parsed.dateOnly && !timeZone) {
    return {
      year: date.getFullYear(),
      month: date.getMonth(),
      day: date.getDate(),
      weekday: date.getDay(),
      hour: date.getHours(),
      minute: date.getMinutes(),
    };
  }
  let offset = 0;
  if (!parsed.dateOnly && timeZone !== 'UTC') {
    const known = offsets.get(`${timeZone}|${date.getTime()}`);
    if (known !== undefined) offset = known;
    else {
      const assumed =
        assumeOffset && knownTimeZone(timeZone!) !== false ? provisionalOffset(parsed, timeZone!) : undefined;
      if (assumed === undefined) return undefined;
      offset = assumed;
    }
  }
  const shifted = new Date(date.getTime() + offset * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth(),
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The locale whose conventions a language's dates follow when no region is given. */
function dateLocale(lang: string): string {
  if (lang === 'de') return 'de-DE';
  if (lang === 'en') return 'en-GB';
  return lang;
}

const formatter = (lang: string, options: Intl.DateTimeFormatOptions) =>
  intl(Intl.DateTimeFormat, dateLocale(lang), options);

export interface FormatOptions {
  /** IANA zone to show the time in; default the reader's. Ignored for date-only values. */
  timeZone?: string;
  /** Show the time too (default true for date-times). */
  time?: boolean;
  /**
   * Take `provisionalOffset` (the EU rule, or the value's own offset other than `Z`) as
   * `timeZone`'s until Intl has given the zone's (a first render that must not start ICU; the
   * caller checks the zone later with `zoneOffset`).
   */
  assumeOffset?: boolean;
}

/**
 * The short absolute form: `17.11.2024, 16:03` (de), `17 Nov 2024, 16:03` (en), or the locale's
 * medium date and short time; date only for date-only values or `time: false`.
 */
export function formatAbsolute(
  parsed: ParsedDate,
  lang: string,
  { timeZone, time = true, assumeOffset = false }: FormatOptions = {},
): string {
  const fast = FAST[lang];
  const f = fast && fields(parsed, timeZone, assumeOffset);
  if (f) {
    const clock = time && !parsed.dateOnly ? `, ${pad(f.hour)}:${pad(f.minute)}` : '';
    return fast === 'de'
      ? `${pad(f.day)}.${pad(f.month + 1)}.${f.year}${clock}`
      : `${f.day} ${NAMES.en!.short[f.month]} ${f.year}${clock}`;
  }
  const numeric = lang.split('-')[0] === 'de';
  const options: Intl.DateTimeFormatOptions = numeric
    ? { day: '2-digit', month: '2-digit', year: 'numeric' }
    : { day: 'numeric', month: 'short', year: 'numeric' };
  if (time && !parsed.dateOnly)
    Object.assign(options, { hour: '2-digit', minute: '2-digit', hourCycle: lang.startsWith('en-US') ? 'h12' : 'h23' });
  options.timeZone = parsed.dateOnly ? 'UTC' : timeZone;
  return formatter(lang, options).format(parsed.date);
}

/** The long form for titles and accessible names: "Sonntag, 17. November 2024 um 16:03". */
export function formatFull(
  parsed: ParsedDate,
  lang: string,
  { timeZone, assumeOffset = false }: FormatOptions = {},
): string {
  const fast = FAST[lang];
  const f = fast && fields(parsed, timeZone, assumeOffset);
  if (f) {
    const names = NAMES[fast]!;
    const clock = parsed.dateOnly ? '' : ` ${fast === 'de' ? 'um' : 'at'} ${pad(f.hour)}:${pad(f.minute)}`;
    return `${names.days[f.weekday]}, ${f.day}${fast === 'de' ? '.' : ''} ${names.months[f.month]} ${f.year}${clock}`;
  }
  return formatter(lang, {
    dateStyle: 'full',
    ...(parsed.dateOnly ? { timeZone: 'UTC' } : { timeStyle: 'short', timeZone }),
  }).format(parsed.date);
}

/** The calendar day (`YYYY-MM-DD`) of a date in a time zone: for "same day" comparisons. */
export function dayIn(date: Date, timeZone?: string, assumedOffset?: number): string {
  const f = fields({ date, dateOnly: false, offset: assumedOffset }, timeZone, assumedOffset !== undefined);
  if (f) return `${f.year}-${pad(f.month + 1)}-${pad(f.day)}`;
  return formatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(date);
}

/**
 * "vor 2 Stunden" / "2 hours ago" while the date is less than `threshold` ms in the past (default
 * 24 hours), else `undefined`: the caller shows the absolute form. A date up to 5 minutes in the
 * future (a clock slightly off) reads as now.
 */
export function formatRelative(date: Date, now: Date, lang: string, threshold = 24 * 3_600_000): string | undefined {
  const elapsed = now.getTime() - date.getTime();
  if (elapsed >= threshold || elapsed < -5 * 60_000) return undefined;
  const minutes = Math.floor(Math.max(elapsed, 0) / 60_000);
  const [n, unit] =
    minutes < 1
      ? [0, 'second' as const]
      : minutes < 60
        ? [minutes, 'minute' as const]
        : [Math.floor(minutes / 60), 'hour' as const];
  // German and English without Intl (the same text as RelativeTimeFormat's; the tests compare).
  const fast = FAST[lang];
  if (fast && n < 1000) {
    if (n === 0) return fast === 'de' ? 'jetzt' : 'now';
    if (fast === 'en') return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
    return `vor ${n} ${unit === 'minute' ? 'Minute' : 'Stunde'}${n === 1 ? '' : 'n'}`;
  }
  return intl(Intl.RelativeTimeFormat, lang, { numeric: 'auto' }).format(n === 0 ? 0 : -n, unit);
}

export interface UpdatedRuleOptions {
  /** IANA zone whose calendar days count as "the same day"; default the reader's. */
  timeZone?: string;
  /** An update no later than this many ms after publication is not an update. Default 1 minute. */
  tolerance?: number;
  /** An update less than this many ms ago is recent and always shown. Default 10 hours. */
  recent?: number;
}

/**
 * Whether an article's update time is worth showing beside its publication time, after the BBC
 * News rule: the update must come more than `tolerance` (1 minute) after publication, and then
 * it shows when it fell on another day than the publication, when both fell on today, or when it
 * is recent (under 10 hours old). A same-day correction to yesterday's article stays quiet.
 * Days are calendar days in `timeZone`.
 */
export function shouldShowUpdated(
  published: Date,
  updated: Date,
  now: Date,
  { timeZone, tolerance = 60_000, recent = 10 * 3_600_000 }: UpdatedRuleOptions = {},
): boolean {
  if (updated.getTime() - published.getTime() <= tolerance) return false;
  const updatedDay = dayIn(updated, timeZone);
  if (dayIn(published, timeZone) !== updatedDay) return true;
  if (updatedDay === dayIn(now, timeZone)) return true;
  return now.getTime() - updated.getTime() < recent;
}

let idleQueue: (() => void)[] | undefined;

/**
 * Runs `check` when the page is idle (after a first render that took a value's offset for its
 * zone); `true` from it means the offset was wrong or the zone unknown and the caller re-renders.
 */
export function whenIdle(check: () => void): void {
  // One idle callback for every check queued before it runs (100 headers: one, not 100 with a timer each).
  if (idleQueue) {
    idleQueue.push(check);
    return;
  }
  idleQueue = [check];
  const run = () => {
    const queue = idleQueue!;
    idleQueue = undefined;
    for (const queued of queue) queued();
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1_000 });
  else setTimeout(run, 0);
}
