import { formatAbsolute, formatFull, formatRelative, parseIsoDate } from '../../internal/datetime.js';

/** A teaser's date: as shown, as read, and whether it is relative (needs the clock). */
export interface TeaserDate {
  iso?: string;
  /** `17.02.2026`, `17 Feb 2026`, or "vor 2 Stunden". */
  text?: string;
  /** What a screen reader says: the long date ("Dienstag, 17. Februar 2026") or the relative form. */
  spoken?: string;
  relative?: boolean;
  /** The value was given but is not ISO 8601 (the caller warns). */
  invalid?: boolean;
}

/** Absolute dates by language and value: a list's items share a few dates, each formatted once. */
const absolute = new Map<string, TeaserDate>();

/**
 * The date of a teaser, shared by `<gz-teaser>` and `<gz-teaser-list>`. `now` is given only for
 * relative dates (and only in a browser): items of the last 24 hours read "vor 2 Stunden".
 */
export function teaserDate(value: string | null | undefined, lang: string, now?: Date): TeaserDate {
  if (!value) return {};
  const key = `${lang} ${value}`;
  let known = absolute.get(key);
  if (known && !now) return known;
  const parsed = parseIsoDate(value);
  if (!parsed) return { invalid: true };
  const relative = now && !parsed.dateOnly ? formatRelative(parsed.date, now, lang) : undefined;
  if (relative !== undefined) return { iso: value.trim(), text: relative, spoken: relative, relative: true };
  if (!known) {
    known = {
      iso: value.trim(),
      text: formatAbsolute(parsed, lang, { time: false }),
      spoken: formatFull(parsed, lang),
    };
    if (absolute.size > 1000) absolute.clear();
    absolute.set(key, known);
  }
  return known;
}
