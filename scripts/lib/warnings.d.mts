import type { Plugin } from 'vite';

export const MIN_TEXT: number;
/** The code of a warning's text (`${…}` as `…`). */
export function warningCode(text: string): string;
export interface Warning {
  start: number;
  end: number;
  text: string;
  code: string;
}
/** The warnings of one module. */
export function findWarnings(code: string, id: string): Warning[];
/** Every warning of `src/`, in file order. */
export function allWarnings(root: string): (Warning & { file: string })[];
/** Vite plugin for production builds: each warning's message becomes its code. */
export function warningCodes(): Plugin;
