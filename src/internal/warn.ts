import { isServer } from 'lit';

/**
 * Console warnings for authoring mistakes (bad attribute values, missing targets). Each distinct
 * message is printed once per element, so a value that stays wrong does not flood the console on
 * every render.
 */
const issued = new WeakMap<object, Set<string>>();

export function warnOnce(source: Element, message: string): void {
  let seen = issued.get(source);
  if (!seen) issued.set(source, (seen = new Set()));
  if (seen.has(message)) return;
  seen.add(message);
  // A server (gazette/ssr) prints the message alone: its element is a stand-in, not a page node.
  if (isServer) console.warn(`<${source.localName}>: ${message}`);
  else console.warn(`<${source.localName}>: ${message}`, source);
}

/** Forgets the warnings an element has printed, so a value that becomes wrong again warns again. */
export function resetWarnings(source: Element): void {
  issued.delete(source);
}
