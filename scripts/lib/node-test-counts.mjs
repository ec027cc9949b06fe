// @ts-check
/**
 * A node:test reporter that writes `{"passed","failed","skipped"}` for the `.ci/run` summary:
 * `node --test --test-reporter=spec --test-reporter-destination=stdout
 *   --test-reporter=./scripts/lib/node-test-counts.mjs --test-reporter-destination=.test-results/x.json`.
 * Counts tests, not suites.
 * @param {AsyncIterable<{ type: string, data: { details?: { type?: string }, skip?: unknown, todo?: unknown } }>} source
 */
export default async function* counts(source) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.data?.details?.type === 'suite') continue;
    if (event.type === 'test:pass') {
      if (event.data.skip || event.data.todo) total.skipped++;
      else total.passed++;
    } else if (event.type === 'test:fail') total.failed++;
  }
  yield JSON.stringify(total);
}
