/**
 * Dates as feeds write them, read as forgiving feed readers do: RFC 822/1123/2822 with what
 * publishers add to it (full day and month names, single-digit days and hours, two-digit years,
 * `UTC`, North American and a few European zone names, `AM`/`PM`, "March 12, 2015"), and W3C-DTF /
 * RFC 3339 (with or without seconds, in RSS too). The result is ISO 8601 as `<gz-teaser>` reads it.
 * Pure functions.
 */

const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');

/** Zone names in use in feeds, as hours from UTC. Ambiguous ones (IST, BST outside the UK) are not guessed beyond their common reading. */
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0, bst: 1, cet: 1, mez: 1, cest: 2, mesz: 2, eet: 2, eest: 3,
  est: -5, edt: -4, cst: -6, cdt: -5, mst: -7, mdt: -6, pst: -8, pdt: -7, akst: -9, akdt: -8, hst: -10,
  ast: -4, adt: -3, nst: -3.5, ndt: -2.5, jst: 9, kst: 9, aest: 10, aedt: 11,
}; // prettier-ignore

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day === new Date(Date.UTC(year, month - 1, day)).getUTCDate();
}

/** W3C-DTF / RFC 3339 / ISO 8601, lenient on seconds, `T`, zone and its colon. */
const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,5})?)?)?)?$/u;

function readIso(value: string): string | undefined {
  const m = ISO.exec(value);
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h, mi, s = '00', fraction = '', zone] = m;
  if (!validDay(Number(y), Number(mo), Number(d))) return undefined;
  if (h === undefined) return `${y}-${mo}-${d}`;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  let offset = 'Z';
  if (zone && /^[+-]/u.test(zone)) {
    const digits = zone.replace(':', '');
    offset = `${digits.slice(0, 3)}:${digits.slice(3) || '00'}`;
  } else if (zone && !/^z$/iu.test(zone)) {
    const hours = ZONES[zone.toLowerCase()];
    if (hours === undefined) return undefined;
    offset = offsetText(hours * 60);
  }
  return `${y}-${mo}-${d}T${pad(Number(h))}:${mi}:${s}${fraction}${offset}`;
}

/** RFC 822 and the ways publishers vary it, by its parts in any order. */
function readRfc822(value: string): string | undefined {
  let rest = ` ${value.toLowerCase().replace(/,/gu, ' ')} `;
  const take = (pattern: RegExp): RegExpExecArray | null => {
    const m = pattern.exec(rest);
    if (m) rest = rest.slice(0, m.index) + ' ' + rest.slice(m.index + m[0].length);
    return m;
  };
  const time = take(/\s(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\.\d+)?\s*([ap])?\.?m?\.?(?=\s)/u);
  const numeric = take(/\s([+-])(\d{2}):?(\d{2})(?=\s)/u);
  const named = numeric
    ? null
    : take(
        /\s(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s)([a-z]{1,5})(?=\s)(?![\s\S]*\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/u,
      );
  const month = take(/\s(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?=\s)/u);
  if (!month) return undefined;
  // What is left: the day name (dropped), the day and the year.
  const numbers = [...rest.matchAll(/\s(\d{1,4})(?:st|nd|rd|th)?(?=\s)/gu)].map((m) => m[1]!);
  const words = rest.replace(/\s(?:\d{1,4})(?:st|nd|rd|th)?(?=\s)/gu, ' ').trim();
  if (numbers.length !== 2 || (words && !/^[a-z]+\.?$/u.test(words))) return undefined;
  const [dayText, yearText] = numbers[0]!.length > 2 ? [numbers[1]!, numbers[0]!] : [numbers[0]!, numbers[1]!];
  if (dayText.length > 2 || (yearText.length !== 2 && yearText.length !== 4)) return undefined;
  let year = Number(yearText);
  if (yearText.length === 2) year += year < 50 ? 2000 : 1900;
  const monthNumber = MONTHS.indexOf(month[1]!) + 1;
  const day = Number(dayText);
  if (!validDay(year, monthNumber, day)) return undefined;
  let offset = 0;
  if (numeric) offset = (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
  else if (named) {
    const hours = ZONES[named[1]!];
    if (hours === undefined) return undefined;
    offset = hours * 60;
  }
  const [h, minute, second] = time ? [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)] : [0, 0, 0];
  let hour = h;
  if (time?.[4]) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (time[4] === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  return `${year}-${pad(monthNumber)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(Math.min(second, 59))}${offsetText(offset)}`;
}

/**
 * A feed's date as ISO 8601 (`2026-02-17T09:30:00+01:00`, or `2026-01-31` for a day), or
 * `undefined` when it cannot be read.
 */
export function parseFeedDate(value: string | undefined | null): string | undefined {
  const text = value?.replace(/\s+/gu, ' ').trim();
  if (!text) return undefined;
  return /^\d{4}(?:-|$)/u.test(text) ? readIso(text) : readRfc822(text);
}
