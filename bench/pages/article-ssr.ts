// The reference article page rendered once in Node with gazette/ssr (bench/vite.config.ts) and
// served as HTML with declarative shadow DOM; `gazette/hydrate.js` hydrates it after the first
// render. Measured: navigation start to the page laid out with this script run (the first render,
// as for the static DOM). The hydration that follows off the first render is reported as
// `hydrated` (navigation start to every element defined and hydrated, the page laid out again).
import { ready } from '../../src/hydrate.js';
import { done, gazetteRendered } from '../data.js';

void document.body.offsetHeight;
const first = performance.now();
// The profile (scripts/profile.mjs) ends its window at the first such mark: the first render.
performance.mark('gz-bench-done');
await ready;
await gazetteRendered();
void document.body.offsetHeight;
done(first, { hydrated: performance.now() });
