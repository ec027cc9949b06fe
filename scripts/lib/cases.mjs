// @ts-check
/**
 * The one results format of the page checks. Under `scripts/pages.mjs` (which sets GZ_CASES) a
 * check script reports each case as one JSON line `{name, status, error?, flaky?}` appended to that
 * file, and the runner turns them into node:test results; run on its own, a script writes its
 * counts to `.test-results/<suite>.json` as before.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';

/** Whether a runner collects the cases (and the counts are its business, not the script's). */
export const underRunner = Boolean(process.env.GZ_CASES);

/**
 * @typedef {{ name: string, status: 'pass' | 'fail' | 'skip', error?: string, flaky?: boolean }} Case
 */

/** Reports one case to the runner (nothing when the script runs on its own). @param {Case} c */
export function reportCase(c) {
  if (process.env.GZ_CASES) appendFileSync(process.env.GZ_CASES, `${JSON.stringify(c)}\n`);
}

/**
 * Writes a script's own counts file, unless a runner collects its cases.
 * @param {string} suite
 * @param {{ passed: number, failed: number, skipped?: number, flaky?: number }} counts
 */
export function writeCounts(suite, counts) {
  if (underRunner) return;
  mkdirSync('.test-results', { recursive: true });
  writeFileSync(`.test-results/${suite}.json`, JSON.stringify(counts));
}
