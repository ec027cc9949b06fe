// @ts-check
/**
 * Story smoke check: opens every story of the built Storybook in Chromium and fails a story on a
 * page error, a console error, Storybook's error display (a render error or a failing `play`), or
 * an axe-core violation.
 *
 *   npx storybook build --quiet -o storybook-static
 *   node scripts/story-smoke.mjs [--globals 'theme:dark;locale:ar']
 *
 * `--globals` adds Storybook globals to every story's URL, to check the toolbar's other states.
 * Several sets separated by `|` take turns, story by story (the first story gets the first set,
 * the second the second, ...): one pass checks each story in one of them, at the cost of one.
 * Prints one line per story, writes {passed, failed, skipped, flaky} to .test-results/stories.json
 * and exits 1 when a story failed. A story whose browser crashed is retried once in a relaunched
 * browser; passing then, it counts as passed and is listed as flaky. Stories without the `test` tag (`tags: ['!test']`) are skipped.
 * CHROME_PATH overrides the browser (default /usr/bin/chromium); nothing is downloaded.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { browserGone, noBackgroundingArgs, resilientBrowser } from './lib/browser.mjs';
import { reportCase, writeCounts } from './lib/cases.mjs';
import { serveStatic } from './lib/static-server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STATIC_DIR = path.join(ROOT, 'storybook-static');
/** The counts file under .test-results/ (`--results`), one per pass so passes add up. */
let resultsName = 'stories';
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** Two cores: two stories at a time keeps the machine busy without starving the browser. */
const CONCURRENCY = 2;
const STORY_TIMEOUT_MS = 30_000;

/**
 * @typedef {{ type: string, id: string, title: string, name: string, tags?: string[] }} IndexEntry
 * @typedef {{ status: 'ok' | 'fail' | 'skip', reasons: string[], notes: string[] }} StoryResult
 */

/**
 * Waits until Storybook has finished with the story, in the page. Storybook's StoryRender steps
 * through loading, rendering, play, afterEach and ends in phase `finished` (even after an
 * exception, which it shows in the error display). Polling that phase, rather than listening on
 * the channel, cannot miss an event that fired before we subscribed, and it covers play functions
 * and async loaders, which "#storybook-root has children" would not. Missing stories and errors
 * before a render exists show the error display instead.
 * @param {string} storyId
 */
function storybookSettled(storyId) {
  const body = document.body;
  if (body.classList.contains('sb-show-errordisplay') || body.classList.contains('sb-show-nopreview')) return true;
  const preview = /** @type {any} */ (window).__STORYBOOK_PREVIEW__;
  const render = preview?.currentRender;
  return render?.id === storyId && ['finished', 'aborted'].includes(render.phase);
}

/**
 * Runs in the page before Storybook: records the channel events that report a failed story. A
 * failing `play` does not show the error display (Storybook logs it and marks the story in the
 * Interactions panel), so these events, with the console, are how this script learns of it. The
 * channel is caught as Storybook assigns it to its global; without it nothing is recorded and the
 * other checks still run.
 */
function recordStoryEvents() {
  const w = /** @type {any} */ (window);
  /** @type {string[]} */
  const events = (w.__gzSmokeEvents = []);
  let channel;
  Object.defineProperty(w, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      const message = (/** @type {any} */ e) => e?.message ?? e?.description ?? e?.title ?? String(e);
      value.on('playFunctionThrewException', (/** @type {any} */ e) =>
        events.push(`play function threw: ${message(e)}`),
      );
      value.on('unhandledErrorsWhilePlaying', (/** @type {any[]} */ errors) =>
        events.push(...errors.map((e) => `unhandled error while playing: ${message(e)}`)),
      );
      value.on('storyErrored', (/** @type {any} */ e) => events.push(`story errored: ${message(e)}`));
      value.on('storyFinished', (/** @type {any} */ e) => {
        if (e?.status === 'error') events.push('Storybook reports the story as failed');
      });
    },
  });
}

/** Waits for the Lit elements in the story to finish updating, then for two frames (recounts). */
async function elementsSettled() {
  const root = document.querySelector('#storybook-root');
  const elements = [...(root?.querySelectorAll('*') ?? [])].filter((el) => el.localName.includes('-'));
  await Promise.all(elements.map((el) => /** @type {any} */ (el).updateComplete));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/**
 * Runs axe-core on the story, honouring the story's `parameters.a11y` as the a11y addon does
 * (`disable`, `test: 'off' | 'todo' | 'error'`, `config`, `options`, `context`).
 *
 * The default context is `#storybook-root`, not the document: the iframe's `<html>`, `<title>` and
 * landmarks are Storybook's, and axe skips its page-level rules (document-title, html-has-lang,
 * landmark-one-main, page-has-heading-one, bypass) when the context is not the whole page. `region`
 * is off as in the addon: an isolated component has no page landmarks to sit in.
 * @returns {Promise<{ mode: string, violations: { id: string, impact: string | null, help: string, targets: string[] }[] }>}
 */
async function runAxe() {
  const w = /** @type {any} */ (window);
  const a11y = w.__STORYBOOK_PREVIEW__?.currentRender?.story?.parameters?.a11y ?? {};
  const mode = a11y.disable === true || a11y.test === 'off' ? 'off' : a11y.test === 'todo' ? 'todo' : 'error';
  if (mode === 'off') return { mode, violations: [] };
  const axe = w.axe;
  axe.reset();
  axe.configure({
    ...a11y.config,
    rules: [{ id: 'region', enabled: false }, ...(a11y.config?.rules ?? [])],
  });
  const context = a11y.context ?? { include: ['#storybook-root'] };
  const result = await axe.run(context, { ...a11y.options, resultTypes: ['violations'] });
  return {
    mode,
    violations: result.violations.map((/** @type {any} */ v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((/** @type {any} */ n) => n.target.join(' ')),
    })),
  };
}

/**
 * Runs in the page: makes Storybook render another story in the iframe it already loaded, as its
 * manager does when a reader picks a story in the sidebar (the channel's `setCurrentStory`, which
 * the preview answers by tearing the last story down and rendering the new one). The error display
 * of the last story is cleared first, so `storybookSettled` waits for the new story's outcome.
 * @param {string} storyId
 */
function showStory(storyId) {
  const w = /** @type {any} */ (window);
  w.__gzSmokeEvents.length = 0;
  document.body.classList.remove('sb-show-errordisplay', 'sb-show-nopreview');
  /** @type {HTMLElement | null} */ (document.activeElement)?.blur?.();
  window.scrollTo(0, 0);
  w.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: 'story' });
}

/**
 * One loaded Storybook iframe, reused story after story: loading the iframe (Storybook's preview,
 * every story file's imports, axe-core) took most of each story's 2 to 10 s when every story had a
 * fresh context. `result` is the story being checked; the page's listeners report into it.
 * @typedef {{ browser: import('playwright-core').Browser, page: import('playwright-core').Page,
 *   context: import('playwright-core').BrowserContext, result: StoryResult | undefined }} StoryPage
 */

/**
 * Opens the iframe on the story `entry`, with the global set `extraGlobals`.
 * @param {import('playwright-core').Browser} browser
 * @param {string} base
 * @param {IndexEntry} entry
 * @param {string} extraGlobals
 * @returns {Promise<StoryPage>}
 */
async function openStoryPage(browser, base, entry, extraGlobals) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  /** @type {StoryPage} */
  const slot = { browser, page, context, result: undefined };
  const report = (/** @type {string} */ reason) => slot.result?.reasons.push(reason);
  await page.addInitScript(recordStoryEvents);
  page.on('pageerror', (error) => report(`page error: ${error.message}`));
  page.on('console', (message) => {
    // A failed load is reported with its URL below; Chromium's console line does not name it.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      report(`console error: ${message.text().split('\n')[0]}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) report(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    report(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown error'})`);
  });
  // The addon's own automatic axe run is switched off (a11y.manual): this script runs axe itself,
  // once, after the elements settled, with the project's axe-core and the same parameters. Globals
  // given in the URL stay for every story the page shows afterwards.
  const globals = ['a11y.manual:!true', extraGlobals].filter(Boolean).join(';');
  const url = `${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=story&globals=${encodeURIComponent(globals)}`;
  await page.goto(url, { waitUntil: 'load', timeout: STORY_TIMEOUT_MS });
  await page.addScriptTag({ path: AXE_PATH });
  return slot;
}

/**
 * Checks one story in `slot`'s page (the page has just been opened on it when `fresh`).
 * @param {StoryPage} slot
 * @param {IndexEntry} entry
 * @param {boolean} fresh
 * @returns {Promise<StoryResult>}
 */
async function checkStory(slot, entry, fresh) {
  /** @type {StoryResult} */
  const result = { status: 'ok', reasons: [], notes: [] };
  const { page } = slot;
  slot.result = result;
  try {
    if (!fresh) await page.evaluate(showStory, entry.id);
    await page.waitForFunction(storybookSettled, entry.id, { timeout: STORY_TIMEOUT_MS, polling: 50 });

    const shown = await page.evaluate(() => {
      const body = document.body;
      const error = body.classList.contains('sb-show-errordisplay');
      const message = document.querySelector('#error-message')?.textContent?.trim() ?? '';
      const missing = body.classList.contains('sb-show-nopreview');
      // Any element but Storybook's inner root and the preview's wrapper counts, or some text.
      const root = document.querySelector('#storybook-root');
      const content = root?.querySelector(':not(#root-inner, [data-story-wrapper])') || root?.textContent?.trim();
      const events = /** @type {string[]} */ (/** @type {any} */ (window).__gzSmokeEvents ?? []);
      return { error, message, missing, empty: !content, events: [...new Set(events)] };
    });
    result.reasons.push(...shown.events);
    if (shown.error) result.reasons.push(`Storybook error display: ${shown.message.split('\n')[0] || '(no message)'}`);
    else if (shown.missing) result.reasons.push('Storybook shows "no preview": the story was not found');
    else if (shown.empty) result.reasons.push('the story rendered nothing into #storybook-root');
    else {
      await page.evaluate(elementsSettled);
      const { mode, violations } = await page.evaluate(runAxe);
      const described = violations.map(
        (v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.slice(0, 3).join(', ')}`,
      );
      if (mode === 'error') result.reasons.push(...described.map((d) => `axe: ${d}`));
      else if (mode === 'todo') result.notes.push(...described.map((d) => `axe (todo): ${d}`));
      else result.notes.push('axe off for this story');
    }
  } catch (error) {
    if (browserGone(error)) throw error;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    result.reasons.push(
      message.includes('Timeout') ? `did not finish rendering within ${STORY_TIMEOUT_MS / 1000} s` : message,
    );
  } finally {
    slot.result = undefined;
  }
  if (result.reasons.length) result.status = 'fail';
  return result;
}

async function main() {
  const { values } = parseArgs({
    options: { globals: { type: 'string', default: '' }, results: { type: 'string', default: 'stories' } },
  });
  resultsName = values.results.replace(/[^\w-]/g, '');
  const started = Date.now();

  /** @type {IndexEntry[]} */
  let entries;
  try {
    const index = JSON.parse(await readFile(path.join(STATIC_DIR, 'index.json'), 'utf8'));
    entries = Object.values(index.entries);
  } catch {
    console.error(
      'story-smoke: no storybook-static/index.json; run `npx storybook build --quiet -o storybook-static` first.',
    );
    reportCase({ name: 'storybook-static/index.json exists', status: 'fail', error: 'run the storybook build first' });
    writeCounts(resultsName, { passed: 0, failed: 1, skipped: 0 });
    process.exit(1);
  }
  const stories = entries.filter((entry) => entry.type === 'story');

  const { origin: base, close } = await serveStatic(STATIC_DIR);
  const globalSets = (values.globals ?? '').split('|');
  const chromium = resilientBrowser(noBackgroundingArgs);
  const counts = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
  try {
    let next = 0;
    const worker = async () => {
      /** This worker's loaded iframes, one per global set. @type {Map<string, StoryPage>} */
      const pages = new Map();
      /**
       * Checks `entry` in this worker's page for `globals`, opening one when there is none yet (or
       * the browser was relaunched). A page that failed a story or went away is closed, so a stuck
       * or broken page never carries over into the next story.
       * @param {import('playwright-core').Browser} browser
       * @param {IndexEntry} entry
       * @param {string} globals
       * @returns {Promise<StoryResult>}
       */
      const check = async (browser, entry, globals) => {
        let slot = pages.get(globals);
        const fresh = !slot || slot.browser !== browser || slot.page.isClosed();
        try {
          if (fresh) {
            await slot?.context.close().catch(() => undefined);
            pages.delete(globals);
            slot = await openStoryPage(browser, base, entry, globals);
            pages.set(globals, slot);
          }
          const result = await checkStory(/** @type {StoryPage} */ (slot), entry, fresh);
          if (result.status === 'fail') {
            pages.delete(globals);
            await slot?.context.close().catch(() => undefined);
          }
          return result;
        } catch (error) {
          pages.delete(globals);
          await slot?.context.close().catch(() => undefined);
          if (browserGone(error)) throw error;
          const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
          return { status: 'fail', reasons: [`could not open the story: ${message}`], notes: [] };
        }
      };
      while (next < stories.length) {
        const position = next++;
        const entry = /** @type {IndexEntry} */ (stories[position]);
        const globals = globalSets[position % globalSets.length] ?? '';
        const label = `${entry.title} › ${entry.name} (${entry.id})${globalSets.length > 1 ? ` [${globals}]` : ''}`;
        if (!(entry.tags ?? []).includes('test')) {
          counts.skipped++;
          console.log(`skip  ${label}`);
          reportCase({ name: label, status: 'skip' });
          continue;
        }
        /** @type {StoryResult} */
        let result;
        let flaky = false;
        const storyStarted = Date.now();
        try {
          ({ value: result, flaky } = await chromium.run((browser) => check(browser, entry, globals)));
        } catch (error) {
          result = { status: 'fail', reasons: [`browser crashed twice: ${String(error).split('\n')[0]}`], notes: [] };
        }
        if (result.status === 'ok') {
          counts.passed++;
          if (flaky) counts.flaky++;
          const seconds = ((Date.now() - storyStarted) / 1000).toFixed(1);
          console.log(
            `${flaky ? 'FLAKY' : 'ok   '} ${label} ${seconds} s${flaky ? ' (passed after a browser restart)' : ''}`,
          );
          reportCase({ name: label, status: 'pass', flaky });
        } else {
          counts.failed++;
          console.log(`FAIL  ${label}`);
          reportCase({ name: label, status: 'fail', error: result.reasons.join('\n') });
        }
        for (const reason of result.reasons) console.log(`        ${reason}`);
        for (const note of result.notes) console.log(`        note: ${note}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  } finally {
    await chromium.close();
    await close();
  }

  writeCounts(resultsName, counts);
  console.log(`story-smoke: ${stories.length} stories in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(
    `stories: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${counts.flaky ? `, ${counts.flaky} flaky` : ''}`,
  );
  if (counts.passed === 0 && counts.failed === 0) console.error('story-smoke: no story was checked.');
  if (counts.failed > 0 || counts.passed === 0) process.exitCode = 1;
}

await main();
