/**
 * Gazette's date logic, in one module shared by `<gz-article-header>` and `<gz-teaser>`: strict
 * ISO 8601 parsing, absolute dates in the element's language and a chosen time zone, and the
 * relative form ("vor 2 Stunden", "2 hours ago").
 */

/** `YYYY-MM-DD` alone, or with `THH:MM`, optional seconds and fraction, optional `Z`/offset. */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export interface ParsedDate {
  date: Date;
  /** The value had no time: show it as a date only, the same day in every time zone. */
  dateOnly: boolean;
}

/**
 * Parses an ISO 8601 date or date-time. Returns `undefined` for anything else: `Date.parse`
 * accepts strings like "17 Nov" or "2024" whose meaning depends on the browser, so they are refused.
 */
export function parseIsoDate(value: unknown): ParsedDate | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_8601.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59)) return undefined;
  const dateOnly = h === undefined;
  // A date alone is a calendar day: anchor it at UTC noon and format it in UTC, so no zone moves it.
  const date = dateOnly ? new Date(Date.UTC(Number(y), month - 1, day, 12)) : new Date(value.trim().replace(' ', 'T'));
  if (Number.isNaN(date.getTime())) return undefined;
  // Reject days that do not exist (2024-02-31 would roll over to March).
  if (dateOnly && date.getUTCDate() !== day) return undefined;
  return { date, dateOnly };
}

/** Whether `Intl` knows an IANA time zone name. */
export function isValidTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || !zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The locale whose conventions a language's dates follow when no region is given. */
function dateLocale(lang: string): string {
  if (lang === 'de') return 'de-DE';
  if (lang === 'en') return 'en-GB';
  return lang;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lang + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(dateLocale(lang), options)));
  return f;
}

export interface FormatOptions {
  /** IANA zone to show the time in; default the reader's. Ignored for date-only values. */
  timeZone?: string;
  /** Show the time too (default true for date-times). */
  time?: boolean;
}

/**
 * The short absolute form: `17.11.2024, 16:03` (de), `17 Nov 2024, 16:03` (en), or the locale's
 * medium date and short time; date only for date-only values or `time: false`.
 */
export function formatAbsolute(
  parsed: ParsedDate,
  lang: string,
  { timeZone, time = true }: FormatOptions = {},
): string {
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
export function formatFull(parsed: ParsedDate, lang: string, { timeZone }: FormatOptions = {}): string {
  return formatter(lang, {
    dateStyle: 'full',
    ...(parsed.dateOnly ? { timeZone: 'UTC' } : { timeStyle: 'short', timeZone }),
  }).format(parsed.date);
}

/** The calendar day (`YYYY-MM-DD`) of a date in a time zone: for "same day" comparisons. */
export function dayIn(date: Date, timeZone?: string): string {
  return formatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(date);
}

const relativeCache = new Map<string, Intl.RelativeTimeFormat>();

/**
 * "vor 2 Stunden" / "2 hours ago" while the date is less than `threshold` ms in the past (default
 * 24 hours), else `undefined`: the caller shows the absolute form. A date up to 5 minutes in the
 * future (a clock slightly off) reads as now.
 */
export function formatRelative(date: Date, now: Date, lang: string, threshold = 24 * 3_600_000): string | undefined {
  const elapsed = now.getTime() - date.getTime();
  if (elapsed >= threshold || elapsed < -5 * 60_000) return undefined;
  let rtf = relativeCache.get(lang);
  if (!rtf) relativeCache.set(lang, (rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })));
  const minutes = Math.floor(Math.max(elapsed, 0) / 60_000);
  if (minutes < 1) return rtf.format(0, 'second');
  if (minutes < 60) return rtf.format(-minutes, 'minute');
  return rtf.format(-Math.floor(minutes / 60), 'hour');
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
