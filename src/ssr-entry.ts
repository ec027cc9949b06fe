/**
 * `gazette/ssr`: see `./ssr.ts`. This entry loads it only after checking that `@lit-labs/ssr`, an
 * optional peer dependency, is installed, so a missing one fails with what to install rather than
 * a bare `ERR_MODULE_NOT_FOUND` (static imports fail before any code of the module could say so).
 *
 * @module
 */
import { missingPeer } from './internal/peer.js';
import type * as Ssr from './ssr.js';

export type { RenderOptions, RenderResult } from './ssr.js';

const ssr: typeof Ssr = await import('./ssr.js').catch(missingPeer('gazette/ssr', ['@lit-labs/ssr']));

/** {@inheritDoc Ssr.render} */
export const render: typeof Ssr.render = ssr.render;
/** {@inheritDoc Ssr.renderToString} */
export const renderToString: typeof Ssr.renderToString = ssr.renderToString;
