// @ts-check
/**
 * E-mail addresses as the service stores them: one spelling per reader. Trimmed, NFC, the domain
 * IDNA-encoded (`bücher.de` and `xn--bcher-kva.de` are one domain) and the whole address
 * lower-cased; RFC 5321 lengths; control, format (bidi overrides, zero-width) and unpaired
 * surrogate characters refused rather than stripped (a stripped address is someone else's).
 */
import { domainToASCII } from 'node:url';

/** Local part: printable, no spaces, quotes, brackets or separators (quoted local parts are refused). */
const LOCAL = /^[^\s@<>()[\]\\,;:"]+$/u;
/** Domain after IDNA: letters, digits, hyphens, at least two labels, no empty label. */
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u;

/**
 * @param {unknown} input
 * @returns {string | undefined} the address as stored, or undefined when it is not one
 */
export function normalizeAddress(input) {
  if (typeof input !== 'string' || input.length > 512) return undefined;
  if (!input.isWellFormed()) return undefined;
  const trimmed = input.trim().normalize('NFC');
  if (FORBIDDEN.test(trimmed)) return undefined;
  const at = trimmed.lastIndexOf('@');
  if (at < 1) return undefined;
  const local = trimmed.slice(0, at).toLowerCase();
  const domain = domainToASCII(trimmed.slice(at + 1)).toLowerCase();
  if (!LOCAL.test(local) || Buffer.byteLength(local) > 64) return undefined;
  if (!domain || !DOMAIN.test(domain) || domain.length > 255) return undefined;
  const address = `${local}@${domain}`;
  return Buffer.byteLength(address) <= 254 ? address : undefined;
}

/** `l…r@example.de`: enough to follow a log, never the whole address. */
export function maskAddress(/** @type {string} */ address) {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  return `${local.slice(0, 1)}…@${address.slice(at + 1)}`;
}

/** Control characters in log lines are escaped, so a hostile topic cannot forge a log line. */
export function escapeLog(/** @type {string} */ text) {
  return text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Topics: 1–200 characters, no control or format characters, NFC. */
export function normalizeTopic(/** @type {unknown} */ input) {
  if (typeof input !== 'string' || !input.isWellFormed()) return undefined;
  const topic = input.trim().normalize('NFC');
  if (!topic || topic.length > 200 || FORBIDDEN.test(topic)) return undefined;
  return topic;
}
