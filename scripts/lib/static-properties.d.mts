import type { Plugin } from 'vite';

/** The module with `@property`/`@state` compiled into `static properties`; undefined when it has none. */
export function staticProperties(
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
/** Vite plugin: `@property`/`@state` in `src/` compiled into `static properties`. */
export function litStaticProperties(): Plugin;
