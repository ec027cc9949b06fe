// The reference article page rendered once in Node with gazette/ssr (bench/vite.config.ts) and
// served as HTML with declarative shadow DOM; `gazette/hydrate.js` hydrates it after the first
// render. Measured: navigation start to the page laid out with this script run (the first render,
// as for the static DOM). The hydration that follows off the first render is reported as
// `hydrated` (navigation start to every element defined and hydrated, the page laid out again).
// The bench harness (../data.js) is imported only after the first render: its module builds an
// Intl.DateTimeFormat at top level (the first Intl object starts ICU, tens of ms), which the
// static page, whose timing is an inline script, does not pay either.
import { ready } from '../../src/hydrate.js';

void document.body.offsetHeight;
const first = performance.now();
// The profile (scripts/profile.mjs) ends its window at the first such mark: the first render.
performance.mark('gz-bench-done');
const { done, gazetteRendered } = await import('../data.js');
await ready;
await gazetteRendered();
void document.body.offsetHeight;
done(first, { hydrated: performance.now() });
