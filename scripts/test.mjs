// @ts-check
/**
 * `npm test`: lint, type-check, build, the size budgets, the memory check, the browser test suite,
 * the package checks, the story smoke checks and the visual regression test, in that order. Every
 * step runs even when an earlier one failed, so one run shows every problem; the exit code is
 * non-zero when any failed. At the end it prints the total wall time and the three slowest steps;
 * the last line sums every test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { summaryLine } from './summary.mjs';

/** @type {[name: string, command: string, resultFile?: string][]} */
const steps = [
  ['lint', 'npm run --silent lint', 'lint'],
  ['type-check', 'npm run --silent typecheck', 'typecheck'],
  ['build', 'npm run --silent build', 'build'],
  [
    'size budget logic',
    'node --test --test-reporter=spec --test-reporter-destination=stdout ' +
      '--test-reporter=./scripts/lib/node-test-counts.mjs --test-reporter-destination=.test-results/size-logic.json ' +
      'scripts/size-budget.test.mjs',
    'size-logic',
  ],
  ['size budgets', 'node scripts/size-budget.mjs', 'size'],
  [
    'warning codes: README table, production codes, development sentences',
    'node scripts/check-warnings.mjs',
    'warnings',
  ],
  [
    'subscription service (SQLite, PostgreSQL, SMTP, faults, CSRF, mail flow in Chromium)',
    'node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout ' +
      '--test-reporter=./scripts/lib/node-test-counts.mjs --test-reporter-destination=.test-results/server.json ' +
      'test/server/service.test.mjs test/server/store.test.mjs test/server/faults.test.mjs test/server/csrf.test.mjs test/server/mail-flow.test.mjs',
    'server',
  ],
  ['memory check', 'node scripts/memory-check.mjs', 'memory'],
  ['browser tests', 'npx web-test-runner', 'unit'],
  ['package checks', 'node scripts/check-package.mjs', 'package'],
  ['hostile host pages', 'node scripts/check-pages.mjs', 'pages'],
  ['layout shift before upgrade', 'node scripts/check-cls.mjs', 'cls'],
  ['React wrappers', 'node scripts/check-react.mjs', 'react'],
  ['consumer app from the packed tarball', 'node scripts/check-consumer.mjs', 'consumer'],
  ['server rendering', 'node scripts/check-ssr.mjs', 'ssr'],
  // The demo page check-cls just built (bench/dist/demo): built once, not again here.
  [
    'keyboard walk and announcements',
    'node scripts/check-a11y.mjs --no-build --only keyboard,announcements',
    'a11y-walk',
  ],
  ['accessibility tree and forced colours', 'node scripts/check-a11y.mjs --no-build --only ax,forced', 'a11y-tree'],
  ['subscribe durability (page close)', 'node scripts/check-subscribe-durability.mjs', 'subscribe-durability'],
  ['release dry run: publint, attw, tarball contents', 'node scripts/release.mjs --dry-run', 'release'],
  ['storybook build', 'npm run --silent build-storybook', 'storybook-build'],
  ['docs pages: API tables, no raw markdown', 'node scripts/check-docs.mjs', 'docs'],
  ['story smoke check (light, de)', 'node scripts/story-smoke.mjs', 'stories'],
  // The toolbar's other states take turns story by story in one pass (each story is checked in
  // light/de and in one of these): four full passes took 10 of CI's 20 minutes.
  [
    'story smoke check (dark en | broadsheet ar | tabloid en, in turn)',
    "node scripts/story-smoke.mjs --globals 'theme:dark;locale:en|theme:broadsheet;locale:ar|theme:tabloid;locale:en' --results stories-themes",
    'stories-themes',
  ],
  ['visual regression', 'node scripts/visual.mjs', 'visual'],
];

rmSync('.test-results', { recursive: true, force: true });
mkdirSync('.test-results', { recursive: true });

const failed = [];
/** @type {[name: string, seconds: number][]} */
const times = [];
const begun = Date.now();
for (const [name, command, result] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${command}`);
  const run = spawnSync(command, { shell: true, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  times.push([name, Number(seconds)]);
  const ok = run.status === 0;
  console.log(`${ok ? '✓' : '✗'} ${name} (${seconds} s)`);
  if (!ok) failed.push(name);
  // Steps that are checks rather than suites count as one test each; a suite that crashed before
  // writing its counts counts as one failure.
  const file = `.test-results/${result}.json`;
  if (!existsSync(file)) writeFileSync(file, JSON.stringify({ passed: ok ? 1 : 0, failed: ok ? 0 : 1 }));
}

console.log(failed.length ? `\nFailed: ${failed.join(', ')}` : '\nAll steps passed.');
const slowest = times.toSorted((a, b) => b[1] - a[1]).slice(0, 3);
console.log(
  `wall time: ${((Date.now() - begun) / 1000).toFixed(0)} s; slowest: ${slowest.map(([n, s]) => `${n} ${s.toFixed(0)} s`).join(', ')}`,
);
const hostile = '.test-results/hostile-summary.txt';
console.log(existsSync(hostile) ? readFileSync(hostile, 'utf8').trim() : 'hostile inputs: the suite did not finish');
console.log(summaryLine());
process.exit(failed.length ? 1 : 0);
