/**
 * The first module of every page in the server-rendered run (web-test-runner.config.mjs, group
 * `ssr`): as `gazette/hydrate.js`, Lit's hydrate support must run before `lit-element` is
 * evaluated, so elements take over their server-rendered shadow roots. It also tells the suite's
 * `fixture` (test/harness/fixture.ts) to render on the server.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';

(globalThis as { gzRender?: string }).gzRender = 'server';
