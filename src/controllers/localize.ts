import { html, isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { de } from '../translations/de.js';
import { en } from '../translations/en.js';
import { intl } from '../internal/intl.js';
import type { PartialTerms, Terms } from '../translations/terms.js';

const FALLBACK = 'en';
const RTL_LANGUAGES = new Set(['ar', 'arc', 'dv', 'fa', 'ha', 'he', 'khw', 'ks', 'ku', 'ps', 'sd', 'ur', 'yi']);

const translations = new Map<string, Terms>([
  ['en', en],
  ['de', de],
]);

/** For a registered translation, the terms it left out, which English fills in. */
const filledIn = new WeakMap<Terms, ReadonlySet<string>>();

/**
 * Adds or replaces the terms of a language (`fr`, `de-CH`, ...). Terms it leaves out come from
 * English, and elements mark them `lang="en"` (see `LocalizeController.fallbackLang`). Elements
 * that are connected re-render with the new terms.
 */
export function registerTranslation(...list: PartialTerms[]): void {
  for (const terms of list) {
    const merged = { ...en, ...terms } as Terms;
    const missing = Object.keys(en).filter((key) => !key.startsWith('$') && terms[key as keyof Terms] === undefined);
    if (missing.length && !terms.$code.toLowerCase().startsWith('en')) filledIn.set(merged, new Set(missing));
    translations.set(terms.$code.toLowerCase(), merged);
  }
  for (const controller of connected) controller.refresh(true);
}

const canonical = new Map<string, string>();

/** Turns any attribute value into a locale Intl accepts; bad values become English. */
export function canonicalLocale(value: string | null | undefined): string {
  if (!value) return FALLBACK;
  let locale = canonical.get(value);
  if (locale === undefined) {
    try {
      locale = Intl.getCanonicalLocales(value.trim())[0] ?? FALLBACK;
    } catch {
      locale = FALLBACK;
    }
    // Asked once per distinct value: 1,000 teasers in one language ask once, not 1,000 times.
    if (canonical.size < 1_000) canonical.set(value, locale);
  }
  return locale;
}

/**
 * Units written without Intl for the languages Gazette ships (the reading time's "3 Minuten" on a
 * first render must not start ICU): [one, other], for `unit(name, n, 'long')`.
 */
const LONG_UNITS: Record<string, [string, string]> = {
  'de|minute': ['Minute', 'Minuten'],
  'en|minute': ['minute', 'minutes'],
};
/** Whole numbers below 1,000 read the same in German and English without Intl (no grouping). */
const plainNumber = (language: string, value: number, options?: object) =>
  !options && (language === 'de' || language === 'en') && Number.isInteger(value) && value >= 0 && value < 1_000;

function termsFor(locale: string): Terms | undefined {
  const lower = locale.toLowerCase();
  return translations.get(lower) ?? translations.get(lower.split('-')[0]!);
}

/** The closest `attr` value on the element or its ancestors, crossing shadow roots. */
function closestAttribute(start: Element, attr: 'lang' | 'dir'): string | null {
  let node: Node | null = start;
  while (node) {
    if (node instanceof Element) {
      const value = node.getAttribute(attr);
      if (value) return value;
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return null;
}

// One observer for the whole document watches `lang` and `dir` on every element, so a language
// switch on an ancestor re-renders the elements below it without one observer per element.
const connected = new Set<LocalizeController>();
let observer: MutationObserver | undefined;

function watch(controller: LocalizeController) {
  connected.add(controller);
  if (!observer && typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(() => {
      for (const c of connected) c.refresh();
    });
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang', 'dir'],
      subtree: true,
    });
  }
}

function unwatch(controller: LocalizeController) {
  connected.delete(controller);
  if (connected.size === 0) {
    observer?.disconnect();
    observer = undefined;
  }
}

/** What an element's context speaks during server rendering, where there are no ancestors to read. */
export interface ServerLocale {
  lang?: string | null;
  dir?: string | null;
}

// Server rendering only: each element's controller, for gazette/ssr to resolve before it renders.
const onServer = new WeakMap<Element, LocalizeController>();

/**
 * Server rendering (`gazette/ssr`): resolves the element's language from its own `lang`/`dir`,
 * else `context` (its host's, or the render's `lang` option), before the element renders.
 * Returns what it resolved, the context of elements rendered in its shadow root. @internal
 */
export function localizeOnServer(host: Element, context: ServerLocale): ServerLocale | undefined {
  const controller = onServer.get(host);
  controller?.refresh(false, (attr) => host.getAttribute(attr) || context[attr] || null);
  return controller && { lang: controller.lang, dir: controller.dir };
}

/**
 * Resolves an element's language and direction (its own `lang`/`dir`, else the nearest ancestor's,
 * else `<html>`'s, else English), gives it typed terms, and formats numbers, units, lists, plurals
 * and dates with `Intl` in that language. The host re-renders when the resolved language changes.
 */
export class LocalizeController implements ReactiveController {
  private _lang = FALLBACK;
  private _dir: 'ltr' | 'rtl' = 'ltr';
  private _terms: Terms = en;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    if (isServer) onServer.set(host, this);
  }

  /**
   * The language the element speaks: the nearest `lang`, canonicalised (`de-DE`), when Gazette has
   * terms for it, else English. Put it on the rendered text's wrapper with `dir`.
   */
  get lang(): string {
    return this._lang;
  }

  /** The direction: the nearest `dir`, else the language's; left to right when falling back. */
  get dir(): 'ltr' | 'rtl' {
    return this._dir;
  }

  /** The language part alone (`de` for `de-AT`). */
  get language(): string {
    return this._lang.split('-')[0]!;
  }

  get terms(): Terms {
    return this._terms;
  }

  hostConnected(): void {
    this.refresh();
    watch(this);
  }

  hostDisconnected(): void {
    unwatch(this);
  }

  /** Re-reads `lang` and `dir`; asks the host to update when they changed (or when `force`). */
  refresh(
    force = false,
    read: (attr: 'lang' | 'dir') => string | null = (attr) => closestAttribute(this.host, attr),
  ): void {
    const requested = canonicalLocale(read('lang'));
    const known = termsFor(requested);
    // Without terms for the requested language the element speaks English throughout: English
    // words, English number formats, left to right. Half-translated text ("26 دقيقة read") helps
    // no one and confuses screen readers.
    const lang = known ? requested : FALLBACK;
    const dirAttr = read('dir');
    const dir = !known
      ? en.$dir
      : dirAttr === 'rtl' || dirAttr === 'ltr'
        ? dirAttr
        : RTL_LANGUAGES.has(lang.split('-')[0]!.toLowerCase())
          ? 'rtl'
          : 'ltr';
    if (!force && lang === this._lang && dir === this._dir) return;
    this._lang = lang;
    this._dir = dir;
    this._terms = known ?? en;
    this.host.requestUpdate();
  }

  /**
   * `'en'` when the term `key` is missing from the element's language and English fills it in,
   * else `undefined`: put it in the `lang` of what carries the term (with `ifDefined`), so a
   * screen reader speaks the English words with English rules, not the element's language's.
   */
  fallbackLang(key: keyof Terms): 'en' | undefined {
    return filledIn.get(this._terms)?.has(key) ? FALLBACK : undefined;
  }

  /**
   * A term's text for a text position, wrapped in `<span lang="en" dir="ltr">` when it is an
   * English fallback (`fallbackLang`), else the text itself.
   */
  mark<T>(key: keyof Terms, text: T): T | ReturnType<typeof html> {
    return this.fallbackLang(key) ? html`<span lang=${FALLBACK} dir="ltr">${text}</span>` : text;
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    if (plainNumber(this.language, value, options)) return String(value);
    return intl(Intl.NumberFormat, this._lang, options).format(value);
  }

  /** A number with a unit, e.g. `unit('minute', 3, 'long')` → "3 Minuten" / "3 minutes". */
  unit(unit: string, value: number, display: 'short' | 'long' | 'narrow' = 'short'): string {
    const words = display === 'long' && plainNumber(this.language, value) && LONG_UNITS[`${this.language}|${unit}`];
    if (words) return `${value} ${words[value === 1 ? 0 : 1]}`;
    return this.number(value, { style: 'unit', unit, unitDisplay: display });
  }

  list(items: string[], options?: Intl.ListFormatOptions): string {
    return intl(Intl.ListFormat, this._lang, options).format(items);
  }

  plural(value: number, options?: Intl.PluralRulesOptions): Intl.LDMLPluralRule {
    return intl(Intl.PluralRules, this._lang, options).select(value);
  }

  date(value: Date, options?: Intl.DateTimeFormatOptions): string {
    return intl(Intl.DateTimeFormat, this._lang, options).format(value);
  }

  relativeTime(value: number, unit: Intl.RelativeTimeFormatUnit, options?: Intl.RelativeTimeFormatOptions): string {
    return intl(Intl.RelativeTimeFormat, this._lang, options).format(value, unit);
  }
}
