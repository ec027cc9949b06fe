// @ts-check
/**
 * Sums the test counts every suite wrote to `.test-results/*.json` and prints one line:
 * `tests: N passed, N failed` (plus skipped and flaky when any; a flaky test is counted in passed
 * too). A step that failed without writing its
 * counts (a crash, a lint error) is reported by `scripts/test.mjs` as one failed test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export function summarize(dir = '.test-results') {
  const total = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
  if (existsSync(dir)) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const counts = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
      total.passed += counts.passed ?? 0;
      total.failed += counts.failed ?? 0;
      total.skipped += counts.skipped ?? 0;
      total.flaky += counts.flaky ?? 0;
    }
  }
  return total;
}

export function summaryLine(total = summarize()) {
  return `tests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}${
    total.flaky ? `, ${total.flaky} flaky (passed on retry after a browser crash)` : ''
  }`;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(summaryLine());
