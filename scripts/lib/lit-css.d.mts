import type { Plugin } from 'vite';

export { minifyCss } from './minify-css.mjs';
/** A transformed module with its source map back to the original. */
export interface Edited {
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
/** The module with its `css` templates minified, with a source map; undefined when there are none. */
export function minifyCssTemplates(code: string, id: string): Edited | undefined;
/** Vite plugin: minifies `css` templates in `src/`. */
export function litCss(): Plugin;
/** Calls `visit` for every node of an ESTree AST (from Vite's `parseSync`). */
export function walk(
  node: unknown,
  visit: (node: { type: string; start: number; end: number; [key: string]: unknown }) => void,
): void;
/** Applies sorted, non-overlapping one-line edits to `code`, with a source map back to it. */
export function applyEdits(code: string, file: string, edits: { start: number; end: number; text: string }[]): Edited;
