import type { Plugin } from 'vite';
import type { Edited } from './lit-css.mjs';

/** The module with `@property`/`@state` compiled into `static properties`; undefined when there are none. */
export function staticProperties(code: string, id: string): Edited | undefined;
/** Vite plugin: `@property`/`@state` in `src/` compiled into `static properties`. */
export function litStaticProperties(): Plugin;
