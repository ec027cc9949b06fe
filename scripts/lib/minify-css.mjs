// @ts-check
/**
 * The CSS minifier behind `lit-css.mjs`, without imports so the browser tests can load it.
 * See `lit-css.mjs` for what it removes and keeps.
 */

const SPACE = /\s/;
/** No whitespace is needed on either side of these. */
const TIGHT = new Set(['{', '}', ';', ',', '>']);
/** No whitespace is needed after these (a space before `:` or `(` can matter: `a :hover`, `not (…)`). */
const OPEN = new Set([':', '(']);

/**
 * Minified CSS text. `edges` says whether the text starts and ends the stylesheet (`[true, true]`
 * for a whole sheet); at an interpolation (`${…}`) whitespace is kept as one space, since the
 * value put there is unknown.
 * @param {string} text
 * @param {[boolean, boolean]} [edges]
 * @returns {string}
 */
export function minifyCss(text, [start, end] = [true, true]) {
  let out = '';
  /** A whitespace run was skipped and not yet written. */
  let pending = false;
  let i = 0;
  const n = text.length;
  const last = () => out[out.length - 1];
  while (i < n) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? n : close + 2;
      // A comment separates tokens like whitespace does (`a/**/b` is two identifiers).
      pending = true;
      continue;
    }
    if (SPACE.test(c)) {
      pending = true;
      i++;
      continue;
    }
    if (pending) {
      const before = last();
      if (before === undefined ? !start : !TIGHT.has(before) && !OPEN.has(before) && !TIGHT.has(c) && c !== ')')
        out += ' ';
      pending = false;
    }
    if (c === '}' && last() === ';') out = out.slice(0, -1);
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '\\') {
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  if (pending && !end && out !== '') out += ' ';
  return out;
}
