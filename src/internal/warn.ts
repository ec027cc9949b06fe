import { isServer } from 'lit';

/**
 * Console warnings for authoring mistakes (bad attribute values, missing targets). Each distinct
 * message is printed once per element, so a value that stays wrong does not flood the console on
 * every render.
 */
const issued = new WeakMap<object, Set<string>>();

declare const __GZ_DEV__: boolean | undefined;

/**
 * Whether this is the development build: warnings as full sentences. The production builds define
 * `__GZ_DEV__` false and carry a code per warning instead (scripts/lib/warnings.mjs); the sources
 * as they are (tests, Storybook, `npm start`) are the development build.
 */
export const DEV: boolean = typeof __GZ_DEV__ === 'boolean' ? __GZ_DEV__ : true;

export function warnOnce(source: Element, message: string): void {
  // A message quoting a 1 MB attribute helps no one and costs the console dearly.
  if (message.length > 500) message = `${message.slice(0, 500)}…`;
  let seen = issued.get(source);
  if (!seen) issued.set(source, (seen = new Set()));
  if (seen.has(message)) return;
  seen.add(message);
  message = withHint(message);
  // A server (gazette/ssr) prints the message alone: its element is a stand-in, not a page node.
  if (isServer) console.warn(`<${source.localName}>: ${message}`);
  else console.warn(`<${source.localName}>: ${message}`, source);
}

/** The production build's code (GZ-1x2b) with where its sentence is; a sentence as it is. */
const withHint = (message: string) =>
  !DEV && /^GZ-\w{4}$/.test(message)
    ? `${message} (see "Warnings" in Gazette's README, or load its development build)`
    : message;

/**
 * A warning about the page rather than one element's value (a second copy of Gazette, the script
 * loaded with a query), printed at once as `label: message`. Like `warnOnce`'s, its message is a
 * code in the production build (scripts/lib/warnings.mjs), so put what it names in `label`.
 */
export function warnPage(label: string, message: string): void {
  console.warn(`${label}: ${withHint(message)}`);
}

/** Forgets the warnings an element has printed, so a value that becomes wrong again warns again. */
export function resetWarnings(source: Element): void {
  issued.delete(source);
}

/** The longest label (kicker, section, updated and reading-time labels) an element shows. */
export const MAX_LABEL = 200;

/**
 * A text attribute cut to `max` characters, with one warning when it was longer: a CMS never
 * means a 1 MB label, and laying one out froze the page for seconds.
 */
export function capped(source: Element, attribute: string, value: string, max = MAX_LABEL): string {
  if (value.length <= max) return value;
  warnOnce(source, `${attribute} is ${value.length} characters long; only its first ${max} are shown.`);
  return value.slice(0, max);
}
