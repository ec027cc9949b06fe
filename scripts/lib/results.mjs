// @ts-check
import { mkdirSync, writeFileSync } from 'node:fs';

/**
 * Collects named checks, prints one line each, and writes the counts for `.ci/run`'s summary.
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
      } catch (error) {
        counts.failed++;
        console.log(`  ✗ ${name}\n      ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    /** Writes the counts; returns the exit code. */
    finish() {
      mkdirSync('.test-results', { recursive: true });
      writeFileSync(`.test-results/${suite}.json`, JSON.stringify(counts));
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
