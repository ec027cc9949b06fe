// @ts-check
import { reportCase, writeCounts } from './cases.mjs';

/**
 * Collects named checks, prints one line each, reports each case to the page-check runner
 * (`scripts/pages.mjs`), and, run on its own, writes the counts for `.ci/run`'s summary.
 * @param {string} suite  file name under .test-results/
 */
export function results(suite) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  return {
    /**
     * @param {string} name
     * @param {() => unknown | Promise<unknown>} fn  throws to fail
     */
    async check(name, fn) {
      try {
        await fn();
        counts.passed++;
        console.log(`  ✓ ${name}`);
        reportCase({ name, status: 'pass' });
      } catch (error) {
        counts.failed++;
        const message = error instanceof Error ? error.message : String(error);
        console.log(`  ✗ ${name}\n      ${message}`);
        reportCase({ name, status: 'fail', error: message });
      }
    },
    /** Writes the counts; returns the exit code. */
    finish() {
      writeCounts(suite, counts);
      console.log(`${suite}: ${counts.passed} passed, ${counts.failed} failed`);
      return counts.failed ? 1 : 0;
    },
  };
}

/**
 * Fails the running check with `message` unless `condition` holds.
 * @param {unknown} condition
 * @param {string} message
 * @returns {asserts condition}
 */
export function assert(condition, message) {
  if (!condition) throw new Error(message);
}
