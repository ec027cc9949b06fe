// @ts-check
/**
 * The page-level checks as one runner's specs: every check script that drives Chromium (and the
 * builds and packing they need) runs here under `node:test`, with one shared browser, one retry
 * policy and one results format.
 *
 *   node --test-reporter=spec --test-reporter-destination=stdout \
 *     --test-reporter=./scripts/lib/node-test-counts.mjs --test-reporter-destination=.test-results/pages.json \
 *     scripts/pages.mjs [--jobs 2] [--only cls,a11y-walk]
 *
 * - Specs: each is one check script (or build command) run as a child process, in its lane. Lanes
 *   run side by side (`--jobs`, default 2: the machine's two cores); a lane runs its specs in
 *   order, which is how order constraints are kept (the a11y walk reuses the demo page check-cls
 *   builds; story smoke and visual need the Storybook build).
 * - One browser: the runner starts one Chromium (`launchShared`) and hands its endpoint to every
 *   spec (GZ_BROWSER_WS); `launch()` in scripts/lib/browser.mjs connects to it. The memory check
 *   (V8 flags) and the durability check (persistent profiles) start their own.
 * - One results format: each spec reports its cases as JSON lines (scripts/lib/cases.mjs); they
 *   become node:test subtests of the spec, counted by node-test-counts.mjs into pages.json.
 * - Retry policy: when the browser went away under a spec (the shared browser died, or a case or the
 *   script's output says "Target page, context or browser has been closed" or a crash), the browser
 *   is restarted and the spec runs once more; a case that only passed then is reported flaky
 *   (a `flaky:` diagnostic, counted in the summary). A spec that crashes, hangs past its deadline or
 *   reports no case is one failed case with the end of its output.
 * - Output: every line a spec prints is shown live, prefixed with its id, and kept in
 *   .test-results/logs/<id>.log; each spec's wall time goes to .test-results/timing/pages.json
 *   (scripts/test.mjs names the slowest).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { parseArgs } from 'node:util';
import { browserGone, launchShared } from './lib/browser.mjs';

const root = resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: { jobs: { type: 'string', default: process.env.GZ_PAGE_JOBS ?? '2' }, only: { type: 'string' } },
});

/**
 * @typedef {{ id: string, name: string, lane: 'a' | 'b', command: string, timeout?: number }} Spec
 * @typedef {{ name: string, status: 'pass' | 'fail' | 'skip', error?: string, flaky?: boolean }} Case
 */

/**
 * Lane a: the package and page checks; lane b: Storybook and what reads its build, then React and
 * the consumer app, which need no lane of their own. @type {Spec[]}
 */
const SPECS = [
  { id: 'memory', lane: 'a', name: 'memory check', command: 'node scripts/memory-check.mjs' },
  { id: 'package', lane: 'a', name: 'package checks', command: 'node scripts/check-package.mjs' },
  { id: 'pages', lane: 'a', name: 'hostile host pages', command: 'node scripts/check-pages.mjs' },
  { id: 'cls', lane: 'a', name: 'layout shift before upgrade', command: 'node scripts/check-cls.mjs' },
  // The demo page check-cls just built (bench/dist/demo): built once, not again here.
  {
    id: 'a11y-walk',
    lane: 'a',
    name: 'keyboard walk and announcements',
    command: 'node scripts/check-a11y.mjs --no-build --only keyboard,announcements',
  },
  {
    id: 'a11y-tree',
    lane: 'a',
    name: 'accessibility tree and forced colours',
    command: 'node scripts/check-a11y.mjs --no-build --only ax,forced',
  },
  { id: 'ssr', lane: 'a', name: 'server rendering', command: 'node scripts/check-ssr.mjs' },
  {
    id: 'subscribe-durability',
    lane: 'a',
    name: 'subscribe durability (page close)',
    command: 'node scripts/check-subscribe-durability.mjs',
  },
  {
    id: 'release',
    lane: 'a',
    name: 'release dry run: publint, attw, tarball contents',
    command: 'node scripts/release.mjs --dry-run',
  },
  {
    id: 'warnings',
    lane: 'b',
    name: 'warning codes: README table, production codes, development sentences',
    command: 'node scripts/check-warnings.mjs',
  },
  // `npm run build` analysed the sources already; `build-storybook` would write
  // custom-elements.json again while lane a reads it.
  {
    id: 'storybook-build',
    lane: 'b',
    name: 'storybook build',
    command: 'npx storybook build --quiet -o storybook-static',
  },
  { id: 'docs', lane: 'b', name: 'docs pages: API tables, no raw markdown', command: 'node scripts/check-docs.mjs' },
  { id: 'stories', lane: 'b', name: 'story smoke check (light, de)', command: 'node scripts/story-smoke.mjs' },
  // The toolbar's other states take turns story by story in one pass (each story is checked in
  // light/de and in one of these): four full passes took 10 of CI's 20 minutes.
  {
    id: 'stories-themes',
    lane: 'b',
    name: 'story smoke check (dark en | broadsheet ar | tabloid en, in turn)',
    command:
      "node scripts/story-smoke.mjs --globals 'theme:dark;locale:en|theme:broadsheet;locale:ar|theme:tabloid;locale:en' --results stories-themes",
  },
  { id: 'visual', lane: 'b', name: 'visual regression', command: 'node scripts/visual.mjs' },
  // Not tied to a lane: here they even the two out (npm test of 05:17 UTC: lane a 377 s, b 240 s).
  { id: 'react', lane: 'b', name: 'React wrappers', command: 'node scripts/check-react.mjs' },
  {
    id: 'consumer',
    lane: 'b',
    name: 'consumer app from the packed tarball',
    command: 'node scripts/check-consumer.mjs',
  },
];

const only = options.only?.split(',');
const specs = SPECS.filter((s) => !only || only.includes(s.id));
if (only && specs.length !== only.length) {
  throw new Error(`--only: unknown spec in ${options.only}; known: ${SPECS.map((s) => s.id).join(', ')}`);
}
const jobs = Math.max(1, Number(options.jobs) || 1);
/** Lanes side by side; with --jobs 1, one after the other. */
const lanes = [...new Set(specs.map((s) => s.lane))].map((lane) => specs.filter((s) => s.lane === lane));

for (const dir of ['logs', 'cases', 'timing']) mkdirSync(resolve(root, '.test-results', dir), { recursive: true });

/** The shared browser: restarted before the next spec when it died; `generation` counts starts. */
const shared = {
  /** @type {import('playwright-core').BrowserServer | undefined} */ server: undefined,
  generation: 0,
  alive: false,
  /** @type {Promise<string> | undefined} */ starting: undefined,
  /** The endpoint of a running browser, started (again) when needed. @returns {Promise<string>} */
  endpoint() {
    if (this.alive && this.server) return Promise.resolve(this.server.wsEndpoint());
    this.starting ??= launchShared().then((server) => {
      this.server = server;
      this.generation++;
      this.alive = true;
      this.starting = undefined;
      server.process().once('exit', () => (this.alive = false));
      return server.wsEndpoint();
    });
    return this.starting;
  },
};

/** @type {Record<string, number>} */
const timing = {};

/** The specs running now: each in its own process group, ended with the runner (Ctrl-C). */
const running = new Set();
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    for (const pid of running) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    process.exit(130);
  });
}

/**
 * Runs one spec's command once; resolves with its cases, exit and whether the browser went away.
 * @param {Spec} spec
 * @param {number} attempt
 */
async function runOnce(spec, attempt) {
  const endpoint = await shared.endpoint();
  const generation = shared.generation;
  const casesFile = resolve(root, '.test-results/cases', `${spec.id}.${attempt}.ndjson`);
  rmSync(casesFile, { force: true });
  const log = createWriteStream(resolve(root, '.test-results/logs', `${spec.id}${attempt ? `.${attempt}` : ''}.log`));
  const child = spawn(spec.command, {
    cwd: root,
    shell: true,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', GZ_CASES: casesFile, GZ_BROWSER_WS: endpoint },
  });
  /** The last lines, for a crash report. @type {string[]} */
  const tail = [];
  const prefix = `  │ ${spec.id}${attempt ? ` (retry)` : ''} `;
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (/** @type {string} */ chunk) => {
      log.write(chunk);
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        process.stdout.write(`${prefix}${line}\n`);
        tail.push(line);
        if (tail.length > 30) tail.shift();
      }
    });
  }
  // A deadline, not a synchronisation: a hung spec is killed and reported, the others go on.
  const deadline = spec.timeout ?? 15 * 60_000;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-(/** @type {number} */ (child.pid)), 'SIGKILL');
    } catch {
      // already gone
    }
  }, deadline);
  const started = Date.now();
  running.add(child.pid);
  const code = await new Promise((done) => child.once('close', (c) => done(c ?? 1)));
  running.delete(child.pid);
  clearTimeout(timer);
  log.end();
  timing[spec.name] = (timing[spec.name] ?? 0) + (Date.now() - started) / 1000;
  /** @type {Case[]} */
  const cases = existsSync(casesFile)
    ? readFileSync(casesFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];
  const failed = cases.filter((c) => c.status === 'fail');
  if (timedOut) {
    cases.push({ name: `${spec.id} finishes within ${deadline / 60_000} min`, status: 'fail', error: tail.join('\n') });
  } else if (code !== 0 && failed.length === 0) {
    cases.push({ name: `${spec.id} exits cleanly`, status: 'fail', error: `exit ${code}:\n${tail.join('\n')}` });
  } else if (cases.length === 0) {
    cases.push({ name: `${spec.id} reports its cases`, status: code === 0 ? 'pass' : 'fail', error: tail.join('\n') });
  }
  const wentAway =
    shared.generation !== generation ||
    !shared.alive ||
    cases.some((c) => c.status === 'fail' && browserGone(c.error ?? '')) ||
    (code !== 0 && browserGone(tail.join('\n')));
  return { cases, wentAway };
}

/**
 * One spec: runs it, once more when the browser went away, and reports its cases as subtests.
 * @param {import('node:test').TestContext} t
 * @param {Spec} spec
 */
async function runSpec(t, spec) {
  let { cases, wentAway } = await runOnce(spec, 0);
  /** Names that failed the first time: passing on the retry makes them flaky. */
  let firstFailures = new Set();
  if (wentAway && cases.some((c) => c.status === 'fail')) {
    firstFailures = new Set(cases.filter((c) => c.status === 'fail').map((c) => c.name));
    t.diagnostic(`the browser went away under ${spec.id}; restarted, running the spec once more`);
    ({ cases } = await runOnce(spec, 1));
  }
  for (const c of cases) {
    const flaky = c.status === 'pass' && (c.flaky || firstFailures.has(c.name));
    await t.test(c.name, { skip: c.status === 'skip' }, (ct) => {
      if (flaky) ct.diagnostic('flaky: passed on retry after the browser went away');
      if (c.status === 'fail') {
        const error = new Error(c.error ?? 'failed');
        error.stack = c.error ?? 'failed';
        throw error;
      }
    });
  }
}

const started = Date.now();
test('page checks', { concurrency: jobs }, async (t) => {
  try {
    await Promise.all(
      lanes.map((lane) =>
        t.test(`lane ${lane[0]?.lane}: ${lane.map((s) => s.id).join(', ')}`, async (lt) => {
          for (const spec of lane) await lt.test(spec.name, (st) => runSpec(st, spec));
        }),
      ),
    );
  } finally {
    await shared.server?.close().catch(() => undefined);
    writeFileSync(resolve(root, '.test-results/timing/pages.json'), JSON.stringify(timing));
    const slowest = Object.entries(timing)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([name, s]) => `${name} ${s.toFixed(0)} s`);
    t.diagnostic(
      `page checks: ${specs.length} specs in ${lanes.length} lanes, ${jobs} at a time, ` +
        `${((Date.now() - started) / 1000).toFixed(0)} s; slowest: ${slowest.join(', ')}`,
    );
  }
});
