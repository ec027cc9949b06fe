declare const __GZ_VERSION__: string | undefined;

/** The library's version, set by the build; `dev` when the sources run unbundled (tests). */
export const VERSION: string = typeof __GZ_VERSION__ === 'string' ? __GZ_VERSION__ : 'dev';
