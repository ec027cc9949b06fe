// @ts-check
/**
 * A test-server middleware that fails the requests a test page asks it to, for the autoloader's
 * tests of a chunk that does not load. The page sets the cookie `gz-fail=<id>~<path>~<status>~<n>`:
 * the first `n` requests whose path ends with `path` (`.js` or `.ts`: the test server serves the
 * sources under either) are answered with `status` (404, 500) and no module. `id` (a fresh one per
 * test) keeps each test's count apart. A cookie goes with every page of the origin, so a file that
 * uses this runs alone, in a browser of its own (`ALONE` in web-test-runner.config.mjs).
 *
 * @type {import('@web/dev-server-core').Middleware}
 */
export async function failRequests(context, next) {
  const rule = /(?:^|;\s*)gz-fail=([^;]+)/.exec(context.get('cookie'))?.[1];
  const [id, path, status, times] = decodeURIComponent(rule ?? '').split('~');
  if (rule && path && context.path.replace(/\.ts$/, '.js').endsWith(path)) {
    const key = `${id}~${path}`;
    const count = failed.get(key) ?? 0;
    if (count < Number(times)) {
      failed.set(key, count + 1);
      context.status = Number(status);
      // Never from the browser's cache: a retry is a request.
      context.set('cache-control', 'no-store');
      context.body = `failed on purpose (${count + 1} of ${times})`;
      return;
    }
  }
  await next();
}

/** How many requests each rule has failed so far. */
const failed = new Map();
