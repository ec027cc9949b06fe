// @ts-check
/**
 * Upper-bound variants of a built bench's server-rendered article page (`article-ssr.html`), for
 * `bench/ab.mjs`: each edits the page's HTML so that one design can be measured before it is
 * built. The variants are bounds of first-render CPU, not working pages: they are not
 * hydration-correct.
 *
 *   node bench/ssr-variants.mjs <built dir> <out dir> --light gz-reading-time,gz-author-card
 *   node bench/ssr-variants.mjs <built dir> <out dir> --no-module
 *
 * - `--light <tags>`: the first element of each tag loses its declarative shadow root; its shadow
 *   content becomes light DOM (without Lit's comment markers) and its `<style>` moves once into
 *   `<head>`, scoped by the tag name (`:host` → the tag, others prefixed by it): the page attaches
 *   fewer shadow roots and parses fewer `<style>`s, as "light-DOM markup styled by ssr.css until
 *   hydration" would.
 * - `--no-module`: no module script or module preload; the first-render mark is set by an inline
 *   script at the end of `<body>`, as on the static page: the floor of the server's HTML alone.
 *
 * The out dir is a copy of the built dir with only that page changed.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { light: { type: 'string' }, 'no-module': { type: 'boolean', default: false } },
});
const [from, to] = positionals.map((p) => resolve(p));
if (!from || !to)
  throw new Error('usage: node bench/ssr-variants.mjs <built dir> <out dir> [--light tags] [--no-module]');
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true });
const file = resolve(to, 'pages/article-ssr.html');
let html = readFileSync(file, 'utf8');

/** Splits a selector list at its top-level commas. */
function selectors(/** @type {string} */ list) {
  const out = [''];
  let depth = 0;
  for (const c of list) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) out.push('');
    else out[out.length - 1] += c;
  }
  return out.map((s) => s.trim());
}

/** A shadow root's CSS as document CSS for `tag`'s light DOM (comments and strings with braces are not expected). */
function scope(/** @type {string} */ css, /** @type {string} */ tag) {
  let out = '';
  /** @type {string[]} */
  const stack = [];
  for (const [, text, brace] of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]*)([{}])/g)) {
    if (brace === '}') {
      out += `${text}}`;
      stack.pop();
      continue;
    }
    const prelude = text.trim();
    if (prelude.startsWith('@')) stack.push(/keyframes/.test(prelude) ? 'keyframes' : 'at');
    else if (stack.at(-1) === 'keyframes') stack.push('step');
    else {
      stack.push('rule');
      out += selectors(prelude)
        .map((s) =>
          s
            .replace(/:host\(([^)]*)\)/g, `${tag}$1`)
            .replace(/:host/g, tag)
            .replace(/::slotted\(([^)]*)\)/g, '> $1')
            .replace(/^(?!gz-)/, `${tag} `),
        )
        .join(',');
      out += '{';
      continue;
    }
    out += `${prelude}{`;
  }
  return out;
}

if (values.light) {
  let css = '';
  for (const tag of values.light.split(',')) {
    const root = new RegExp(
      `(<${tag}[^>]*>)<template shadowroot="open" shadowrootmode="open"><style>([\\s\\S]*?)</style>([\\s\\S]*?)</template>`,
    ).exec(html);
    if (!root) throw new Error(`no declarative shadow root of <${tag}> in ${file}`);
    css += scope(root[2], tag);
    const content = root[3].replace(/<!--[\s\S]*?-->/g, '').replace(/<\?>/g, '');
    html = html.replace(root[0], () => `${root[1]}<div class="gz-ssr-light">${content}</div>`);
  }
  html = html.replace('</head>', () => `<style>${css}</style></head>`);
}

if (values['no-module']) {
  html = html
    .replace(/<script type="module"[^>]*><\/script>\s*/g, '')
    .replace(/<link rel="modulepreload"[^>]*>\s*/g, '');
  const at = html.lastIndexOf('</body>');
  html = `${html.slice(0, at)}<script>
      void document.body.offsetHeight;
      performance.mark('gz-bench-done');
      window.gzBenchInfo = { result: performance.now() };
      window.tachometerResult = window.gzBenchInfo.result;
    </script>
  ${html.slice(at)}`;
}
writeFileSync(file, html);
