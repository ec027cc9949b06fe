/**
 * The CDN bundle's entry (`dist/cdn/gazette.js`, `gazette.iife.js`): every element, registered.
 *
 * The ES module's on-demand chunks (the subscribe form, feed reading, the sanitizer, JSON-LD)
 * import what they share from `./gazette.js`, the file's plain URL. A page that loads it as
 * `gazette.js?v=3` would load and run that second URL as a second copy when a chunk arrives;
 * this says so once, with what to do, instead of leaving the page with two copies and a warning
 * per tag.
 *
 * @module
 */
export * from './all.js';
import { VERSION } from './internal/version.js';
import { warnPage } from './internal/warn.js';

// In the IIFE (one file, no chunks) `import.meta` is an empty object: nothing to check.
const self = (import.meta as { url?: string }).url ?? '';
if (/[?#]/.test(self)) {
  warnPage(
    `Gazette ${VERSION}: gazette.js loaded as ${self}`,
    `its on-demand chunks import "./gazette.js" without the query and would load a second copy: version the path instead.`,
  );
}
