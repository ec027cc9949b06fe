// The reference article page rendered once in Node with gazette/ssr (bench/vite.config.ts) and
// served as HTML with declarative shadow DOM; `gazette/hydrate.js` hydrates it after the first
// render. The first render is measured as for the static DOM, by an inline script at the end of the
// body (article-ssr.html): navigation start to the parsed page laid out, declarative shadow roots
// attached, before this module runs. The hydration that follows off the first render is reported as
// `hydrated`: navigation start to every element defined and hydrated and the page laid out again.
// `?measure=hydrated` makes that the page's result (`npm run bench` reports both rows).
// The bench harness (../data.js) is imported only after the first render: its module builds an
// Intl.DateTimeFormat at top level (the first Intl object starts ICU, tens of ms), which the
// static page, whose timing is an inline script, does not pay either.
import { ready } from '../../src/hydrate.js';

const first = (window as unknown as { gzBenchFirst: number }).gzBenchFirst;
const { done, gazetteRendered } = await import('../data.js');
await ready;
await gazetteRendered();
void document.body.offsetHeight;
const hydrated = performance.now();
if (new URLSearchParams(location.search).get('measure') === 'hydrated') done(hydrated, { first, hydrated });
else done(first, { hydrated });
