// @ts-check
/**
 * Gazette's console warnings in two builds, as Lit ships its own:
 * - the development build (the sources as they are: tests, Storybook, `npm start`; the npm
 *   package's `development` export condition; `dist/cdn/dev/gazette.js`) prints full sentences;
 * - the production build prints a short code per warning instead (`<gz-author-card>: GZ-1x2b`),
 *   which README's "Warnings" table explains. Its sentences are replaced at build time by this
 *   plugin, so no call site changes and the minified file carries none of them.
 *
 * A warning is a `warnOnce(element, message)` or `warnPage(label, message)` call whose message is a
 * string or template literal.
 * Its code is derived from the message's text with every `${…}` shown as `…`: the table and the
 * build take both from the same source, so a code and its sentence cannot drift apart (a reworded
 * warning gets a new code). `node scripts/warnings.mjs` checks the README's table against the
 * sources; `--write` rewrites it.
 *
 * Messages with little text of their own (under MIN_TEXT characters besides their `${…}`, such as
 * `src="${src}": ${message}`, which passes on a warning worded elsewhere) are kept whole: a code
 * would hide what they carry and save nothing.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from 'vite';
import { applyEdits, sourceRewrite, walk } from './lit-css.mjs';

export const MIN_TEXT = 16;

/**
 * The code of a warning's text (`${…}` as `…`): `GZ-` and four base-36 characters of its SHA-256.
 * @param {string} text
 */
export function warningCode(text) {
  const hex = createHash('sha256').update(text).digest('hex').slice(0, 12);
  return `GZ-${(BigInt(`0x${hex}`) % 36n ** 4n).toString(36).padStart(4, '0')}`;
}

/**
 * @typedef {{ start: number, end: number, text: string, code: string }} Warning
 *   `start`/`end`: the message argument's span in the module; `text`: its wording with `…` for
 *   every `${…}`
 */

/**
 * The warnings of one module.
 * @param {string} code  TypeScript or JavaScript
 * @param {string} id  the module's file name (its extension picks the parser)
 * @returns {Warning[]}
 */
export function findWarnings(code, id) {
  if (!code.includes('warnOnce(') && !code.includes('warnPage(')) return [];
  const { program } = parseSync(id, code);
  /** @type {Warning[]} */
  const found = [];
  walk(program, (node) => {
    if (node.type !== 'CallExpression') return;
    const callee = /** @type {{ type: string, name?: string }} */ (node.callee);
    const args = /** @type {({ type: string, start: number, end: number, [key: string]: unknown })[]} */ (
      node.arguments
    );
    if (callee.type !== 'Identifier' || !/^warn(Once|Page)$/.test(callee.name ?? '') || args.length !== 2) return;
    const message = args[1];
    /** @type {string | undefined} */
    let text;
    let own = 0;
    if (message.type === 'Literal' && typeof message.value === 'string') {
      text = message.value;
      own = text.length;
    } else if (message.type === 'TemplateLiteral') {
      const quasis = /** @type {{ value: { cooked: string } }[]} */ (message.quasis);
      text = quasis.map((q) => q.value.cooked).join('…');
      own = quasis.reduce((n, q) => n + q.value.cooked.length, 0);
    }
    if (text === undefined || own < MIN_TEXT) return;
    found.push({ start: message.start, end: message.end, text, code: warningCode(text) });
  });
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Every warning of `src/`, with the element folder (or `internal`, …) it belongs to, in file order.
 * @param {string} root  the repository
 */
export function allWarnings(root) {
  const src = join(root, 'src');
  /** @type {(Warning & { file: string })[]} */
  const all = [];
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    for (const w of findWarnings(readFileSync(path, 'utf8'), path)) all.push({ ...w, file: relative(root, path) });
  }
  return all.sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start);
}

/**
 * Vite plugin for production builds: each warning's message becomes its code.
 * @returns {import('vite').Plugin}
 */
export function warningCodes() {
  return sourceRewrite('gz-warning-codes', (code, id) => {
    const warnings = findWarnings(code, id);
    if (warnings.length === 0) return undefined;
    return applyEdits(
      code,
      id,
      warnings.map(({ start, end, code }) => ({ start, end, text: JSON.stringify(code) })),
    );
  });
}
