/**
 * One cache of `Intl` objects for the page, per kind, locale and options: building one costs far
 * more than using it (the first starts ICU), and every element and helper asks for the same few.
 */
const cache = new Map<string, unknown>();

type IntlConstructor<T, O> = new (locale?: string, options?: O) => T;

export function intl<T, O extends object>(make: IntlConstructor<T, O>, locale: string | undefined, options?: O): T {
  const key = `${make.name}|${locale ?? ''}|${options ? JSON.stringify(options) : ''}`;
  let value = cache.get(key) as T | undefined;
  if (!value) cache.set(key, (value = new make(locale, options)));
  return value;
}
