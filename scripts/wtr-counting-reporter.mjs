// @ts-check
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A @web/test-runner reporter that writes the number of passed, failed and skipped tests to a JSON
 * file, so `.ci/run` can sum every suite in one line.
 * @param {string} file
 */
export function countingReporter(file) {
  return {
    /** @param {{ sessions: any[] }} args */
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      /** @param {any} suite */
      const walk = (suite) => {
        for (const test of suite.tests ?? []) {
          if (test.skipped) counts.skipped++;
          else if (test.passed) counts.passed++;
          else counts.failed++;
        }
        for (const child of suite.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load or threw outside a test counts as one failure.
        else if (!session.passed) counts.failed++;
        if (session.testResults && session.errors?.length) counts.failed += session.errors.length;
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(counts));
    },
  };
}
