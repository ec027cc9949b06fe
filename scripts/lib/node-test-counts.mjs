// @ts-check
/**
 * A node:test reporter that writes `{"passed","failed","skipped","flaky"}` for the `.ci/run`
 * summary:
 * `node --test-reporter=spec --test-reporter-destination=stdout
 *   --test-reporter=./scripts/lib/node-test-counts.mjs --test-reporter-destination=.test-results/x.json`.
 * Counts the leaves of the tree: a test with subtests (the page runner's lanes and specs) is a
 * group, as a suite is. node:test reports pass and fail events in definition order, children before
 * their parent, so a test is a group exactly when the event before it is one level deeper. A
 * `flaky:` diagnostic (scripts/pages.mjs: passed on retry after the browser went away) counts a
 * flaky test, which is counted in passed too.
 * @param {AsyncIterable<{ type: string, data: { nesting?: number, message?: string, details?: { type?: string }, skip?: unknown, todo?: unknown } }>} source
 */
export default async function* counts(source) {
  const total = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
  let previous = -1;
  for await (const event of source) {
    if (event.type === 'test:diagnostic' && event.data.message?.startsWith('flaky:')) total.flaky++;
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const nesting = event.data.nesting ?? 0;
    const group = previous === nesting + 1 || event.data.details?.type === 'suite';
    previous = nesting;
    if (group) continue;
    if (event.type === 'test:pass') {
      if (event.data.skip || event.data.todo) total.skipped++;
      else total.passed++;
    } else total.failed++;
  }
  yield JSON.stringify(total);
}
