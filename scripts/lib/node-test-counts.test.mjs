// @ts-check
/** The counts reporter: leaves only, skips, flaky diagnostics (`node --test scripts/lib/node-test-counts.test.mjs`). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import counts from './node-test-counts.mjs';

/** @param {[type: string, nesting: number, extra?: object][]} events */
async function count(events) {
  async function* source() {
    for (const [type, nesting, extra] of events) yield { type, data: { nesting, ...extra } };
  }
  let out = '';
  for await (const chunk of counts(source())) out += chunk;
  return JSON.parse(out);
}

test('a test with subtests is a group: only the leaves count', async () => {
  // page checks > lane > spec > cases, reported children first, as node:test does.
  const total = await count([
    ['test:pass', 3],
    ['test:diagnostic', 3, { message: 'flaky: passed on retry after the browser went away' }],
    ['test:pass', 3, { skip: 'why' }],
    ['test:pass', 2],
    ['test:fail', 3],
    ['test:fail', 2],
    ['test:fail', 1],
    ['test:pass', 2],
    ['test:pass', 1],
    ['test:fail', 0],
    ['test:diagnostic', 0, { message: 'tests 10' }],
  ]);
  // Leaves: two passes at 3, a skip at 3, a fail at 3, and the empty spec at 2 under the second lane.
  assert.deepEqual(total, { passed: 2, failed: 1, skipped: 1, flaky: 1 });
});

test('a suite counts as a group even when empty', async () => {
  const total = await count([
    ['test:pass', 1],
    ['test:pass', 0, { details: { type: 'suite' } }],
    ['test:pass', 0, { details: { type: 'suite' } }],
  ]);
  assert.deepEqual(total, { passed: 1, failed: 0, skipped: 0, flaky: 0 });
});
