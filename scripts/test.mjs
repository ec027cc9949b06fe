// @ts-check
/**
 * `npm test`: lint and type-check (side by side), build, the size budgets, the subscription
 * service, the browser test suite, then the page-level checks as one runner's specs
 * (`scripts/pages.mjs`: package, hostile pages, layout shift, React, consumer, SSR, a11y walk,
 * durability, release dry run, memory, warnings, Storybook build, docs, story smoke, visual, in two
 * lanes). Every step runs even when an earlier one failed, so one run shows every problem; the exit
 * code is non-zero when any failed. At the end it prints the total wall time and the three slowest
 * steps (the page runner's specs count as steps); the last line sums every test.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { summaryLine } from './summary.mjs';

/**
 * name, command, counts file, and `together`: consecutive steps with the same `together` label
 * run side by side (their output is printed when each ends, not interleaved).
 * @type {[name: string, command: string, resultFile: string, together?: string][]}
 */
const steps = [
  // eslint, prettier and lit-analyzer (lint) and tsc (type-check) only read the sources.
  ['lint', 'npm run --silent lint', 'lint', 'static'],
  ['type-check', 'npm run --silent typecheck', 'typecheck', 'static'],
  ['build', 'npm run --silent build', 'build'],
  [
    'script logic (size budgets, test counts)',
    'node --test --test-reporter=spec --test-reporter-destination=stdout ' +
      '--test-reporter=./scripts/lib/node-test-counts.mjs --test-reporter-destination=.test-results/size-logic.json ' +
      'scripts/size-budget.test.mjs scripts/lib/node-test-counts.test.mjs',
    'size-logic',
  ],
  ['size budgets', 'node scripts/size-budget.mjs', 'size'],
  [
    'subscription service (SQLite, PostgreSQL, SMTP, faults, CSRF, mail flow in Chromium)',
    'node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout ' +
      '--test-reporter=./scripts/lib/node-test-counts.mjs --test-reporter-destination=.test-results/server.json ' +
      'test/server/service.test.mjs test/server/store.test.mjs test/server/faults.test.mjs test/server/csrf.test.mjs test/server/mail-flow.test.mjs',
    'server',
  ],
  ['browser tests', 'npx web-test-runner', 'unit'],
  // Files that fail requests on purpose, in a browser of their own (web-test-runner.config.mjs, ALONE).
  ['browser tests that fail requests (alone)', 'GZ_WTR_ALONE=1 npx web-test-runner', 'unit-alone'],
  [
    'page checks',
    'node --test-reporter=spec --test-reporter-destination=stdout ' +
      '--test-reporter=./scripts/lib/node-test-counts.mjs --test-reporter-destination=.test-results/pages.json ' +
      'scripts/pages.mjs',
    'pages',
  ],
];

rmSync('.test-results', { recursive: true, force: true });
mkdirSync('.test-results', { recursive: true });

const failed = [];
/** @type {[name: string, seconds: number][]} */
const times = [];
const begun = Date.now();

/**
 * Runs one step; `buffer` keeps its output until it ends (for steps that run side by side).
 * @param {(typeof steps)[number]} step
 * @param {boolean} buffer
 */
async function run([name, command, result], buffer) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${command}`);
  const child = spawn(command, {
    shell: true,
    stdio: buffer ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  /** @type {string[]} */ const output = [];
  child.stdout?.on('data', (chunk) => output.push(String(chunk)));
  child.stderr?.on('data', (chunk) => output.push(String(chunk)));
  const status = await new Promise((done) => child.once('close', (code) => done(code)));
  const seconds = (Date.now() - started) / 1000;
  times.push([name, seconds]);
  const ok = status === 0;
  if (buffer) console.log(`\n── ${name}\n${output.join('').trimEnd()}`);
  console.log(`${ok ? '✓' : '✗'} ${name} (${seconds.toFixed(1)} s)`);
  if (!ok) failed.push(name);
  // Steps that are checks rather than suites count as one test each; a suite that crashed before
  // writing its counts counts as one failure.
  const file = `.test-results/${result}.json`;
  if (!existsSync(file)) writeFileSync(file, JSON.stringify({ passed: ok ? 1 : 0, failed: ok ? 0 : 1 }));
}

/**
 * On a clean clone `.ci/run` compiles better-sqlite3 beside the first steps and names in
 * GZ_NATIVE_BUILD the file its exit status (and seconds) will land in: wait for that file (an
 * event, with a deadline) before the first step that opens a database.
 */
async function nativeBuild() {
  const marker = process.env.GZ_NATIVE_BUILD;
  if (!marker) return;
  const started = Date.now();
  console.log(`\n▶ waiting for the better-sqlite3 compile .ci/run started at install`);
  if (!existsSync(marker)) {
    await new Promise((done) => {
      const watcher = watch(dirname(marker), () => existsSync(marker) && finish());
      const deadline = setTimeout(finish, 20 * 60_000);
      function finish() {
        watcher.close();
        clearTimeout(deadline);
        done(undefined);
      }
      if (existsSync(marker)) finish();
    });
  }
  const [code, compiled] = existsSync(marker) ? readFileSync(marker, 'utf8').trim().split(' ') : ['timeout', '?'];
  const seconds = (Date.now() - started) / 1000;
  times.push(['waiting for the better-sqlite3 compile', seconds]);
  const ok = code === '0';
  console.log(`${ok ? '✓' : '✗'} better-sqlite3 compiled in ${compiled} s, waited ${seconds.toFixed(1)} s`);
  if (!ok) {
    failed.push('better-sqlite3 compile');
    const log = `${dirname(marker)}/.gz-native-build.log`;
    if (existsSync(log)) console.log(readFileSync(log, 'utf8').split('\n').slice(-30).join('\n'));
    writeFileSync('.test-results/native-build.json', JSON.stringify({ passed: 0, failed: 1 }));
  }
}

for (let i = 0; i < steps.length;) {
  if (steps[i]?.[0].startsWith('subscription service')) await nativeBuild();
  const together = steps[i]?.[3];
  let j = i + 1;
  while (together && j < steps.length && steps[j]?.[3] === together) j++;
  const group = steps.slice(i, j);
  await Promise.all(group.map((step) => run(step, group.length > 1)));
  i = j;
}

console.log(failed.length ? `\nFailed: ${failed.join(', ')}` : '\nAll steps passed.');
// The page runner's specs are steps too (they ran in two lanes inside "page checks").
const specTimes = '.test-results/timing/pages.json';
const specs = existsSync(specTimes) ? Object.entries(JSON.parse(readFileSync(specTimes, 'utf8'))) : [];
const slowest = [...times.filter(([n]) => n !== 'page checks' || !specs.length), ...specs]
  .toSorted((a, b) => b[1] - a[1])
  .slice(0, 3);
console.log(
  `wall time: ${((Date.now() - begun) / 1000).toFixed(0)} s; slowest: ${slowest.map(([n, s]) => `${n} ${s.toFixed(0)} s`).join(', ')}`,
);
const hostile = '.test-results/hostile-summary.txt';
console.log(existsSync(hostile) ? readFileSync(hostile, 'utf8').trim() : 'hostile inputs: the suite did not finish');
console.log(summaryLine());
process.exit(failed.length ? 1 : 0);
