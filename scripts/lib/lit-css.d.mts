import type { Plugin } from 'vite';

export { minifyCss } from './minify-css.mjs';
/** The module with its `css` templates minified, with a source map; undefined when there are none. */
export function minifyCssTemplates(
  code: string,
  id: string,
):
  | {
      code: string;
      map: {
        version: number;
        file: string;
        sources: string[];
        sourcesContent: string[];
        names: string[];
        mappings: string;
      };
    }
  | undefined;
/** Vite plugin: minifies `css` templates in `src/`. */
export function litCss(): Plugin;
