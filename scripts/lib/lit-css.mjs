// @ts-check
/**
 * Minifies the CSS of Lit `css` tagged templates at build time (npm, CDN and the size script's
 * per-element builds): the JavaScript minifier leaves template text as it is, so every element's
 * styles would ship with their comments and indentation.
 *
 * Only what CSS ignores goes: comments, and whitespace where the CSS syntax has no use for it
 * (around `{ } ; , >`, after `:` and `(`, before `)`, at either end, the `;` before `}`); other
 * whitespace runs become one space. Strings and escapes are copied as they are. A space before `:`
 * or `(` is kept (`a :hover` is not `a:hover`, `not (…)` is not `not(…)`), as are spaces around
 * `+ - * /` (`calc(1px + 2%)`). The
 * browser test `test/lit-css.test.ts` checks that every stylesheet of `src/` parses to the same
 * CSSOM before and after.
 *
 * `html` templates are not touched: their whitespace is text.
 */
import { parseSync } from 'vite';

import { minifyCss } from './minify-css.mjs';

export { minifyCss };

/**
 * @typedef {{ type: string, start: number, end: number, [key: string]: unknown }} Node
 */

/**
 * Calls `visit` for every node of an ESTree AST.
 * @param {unknown} node
 * @param {(node: Node) => void} visit
 */
export function walk(node, visit) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  const record = /** @type {Record<string, unknown>} */ (node);
  if (typeof record.type === 'string') visit(/** @type {Node} */ (record));
  for (const key in record) if (key !== 'parent') walk(record[key], visit);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** @param {number} value */
function vlq(value) {
  let v = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v) digit |= 32;
    out += BASE64[digit];
  } while (v);
  return out;
}

/**
 * Applies edits to `code` and returns the result with a source map back to `code`: copied text
 * maps character for character (a segment at each edit and line start), each replacement maps to
 * where the text it replaces began.
 * @param {string} code
 * @param {string} file
 * @param {{ start: number, end: number, text: string }[]} edits  sorted, not overlapping
 */
export function applyEdits(code, file, edits) {
  let out = '';
  /** @type {string[][]} */
  const lines = [[]];
  let outColumn = 0;
  // Original line and column of each offset, computed as the scan advances.
  let origLine = 0;
  let origColumn = 0;
  let origOffset = 0;
  const advanceTo = (/** @type {number} */ offset) => {
    for (; origOffset < offset; origOffset++) {
      if (code[origOffset] === '\n') {
        origLine++;
        origColumn = 0;
      } else origColumn++;
    }
  };
  let previous = { outColumn: 0, line: 0, column: 0 };
  const segment = () => {
    const line = lines[lines.length - 1];
    const fields = [outColumn - previous.outColumn, 0, origLine - previous.line, origColumn - previous.column];
    line.push(fields.map(vlq).join(''));
    previous = { outColumn, line: origLine, column: origColumn };
  };
  const copy = (/** @type {number} */ from, /** @type {number} */ to) => {
    advanceTo(from);
    segment();
    for (let i = from; i < to; i++) {
      out += code[i];
      advanceTo(i + 1);
      if (code[i] === '\n') {
        lines.push([]);
        outColumn = 0;
        previous = { ...previous, outColumn: 0 };
        if (i + 1 < to) segment();
      } else outColumn++;
    }
  };
  let at = 0;
  for (const edit of edits) {
    copy(at, edit.start);
    advanceTo(edit.start);
    segment();
    out += edit.text;
    // Replacements here hold no newline (minified CSS); count columns only.
    outColumn += edit.text.length;
    at = edit.end;
  }
  copy(at, code.length);
  return {
    code: out,
    map: {
      version: 3,
      file,
      sources: [file],
      sourcesContent: [code],
      names: [],
      mappings: lines.map((segments) => segments.join(',')).join(';'),
    },
  };
}

/**
 * The module with the text of its `css` tagged templates minified, or `undefined` when it has none.
 * @param {string} code  TypeScript or JavaScript
 * @param {string} id  the module's file name (its extension picks the parser)
 */
export function minifyCssTemplates(code, id) {
  if (!code.includes('css`')) return undefined;
  const { program } = parseSync(id, code);
  /** @type {{ start: number, end: number, text: string }[]} */
  const edits = [];
  walk(program, (node) => {
    if (node.type !== 'TaggedTemplateExpression') return;
    const tag = /** @type {Node & { name?: string }} */ (node.tag);
    if (tag.type !== 'Identifier' || tag.name !== 'css') return;
    const quasis = /** @type {(Node & { value: { raw: string } })[]} */ (
      /** @type {{ quasis: unknown[] }} */ (node.quasi).quasis
    );
    quasis.forEach((quasi, index) => {
      // A template element's span includes its delimiters: `…${, }…${ or }…`.
      const start = quasi.start + 1;
      const end = start + quasi.value.raw.length;
      const text = minifyCss(quasi.value.raw, [index === 0, index === quasis.length - 1]);
      if (text !== quasi.value.raw) edits.push({ start, end, text });
    });
  });
  if (edits.length === 0) return undefined;
  edits.sort((a, b) => a.start - b.start);
  return applyEdits(code, id, edits);
}

/**
 * A Vite build plugin that rewrites the TypeScript sources in `src/` before they are compiled: the
 * shape the css minifier, the warning codes and the static properties share.
 * @param {string} name
 * @param {(code: string, id: string) => ReturnType<typeof applyEdits> | undefined} rewrite
 * @returns {import('vite').Plugin}
 */
export function sourceRewrite(name, rewrite) {
  return {
    name,
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id.split('?')[0] ?? '')) return undefined;
      return rewrite(code, id);
    },
  };
}

/**
 * Vite plugin: minifies `css` templates in `src/` (TypeScript, before it is compiled).
 * @returns {import('vite').Plugin}
 */
export function litCss() {
  return sourceRewrite('gz-lit-css', minifyCssTemplates);
}
