/** Minified CSS text; see minify-css.mjs. */
export function minifyCss(text: string, edges?: [start: boolean, end: boolean]): string;
