// The reference article page rendered once in Node with gazette/ssr (bench/vite.config.ts) and
// served as HTML with declarative shadow DOM; the script hydrates it. Measured: navigation start to
// every element hydrated and the page laid out.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import '../../src/all.js';
import { done, gazetteRendered } from '../data.js';

await gazetteRendered();
void document.body.offsetHeight;
done(performance.now());
