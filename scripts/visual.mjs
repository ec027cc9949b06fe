// @ts-check
/**
 * Visual regression: screenshots of the full-page stories of the built Storybook, compared pixel
 * by pixel (pixelmatch) with the baselines committed in `test/visual/`.
 *
 *   npm run build-storybook
 *   npm run test:visual               compare; on a difference, writes actual and diff PNGs
 *                                     to .test-results/visual/ and exits 1
 *   npm run test:visual -- --update   write the current screenshots as the new baselines
 *
 * Deterministic by construction: a fixed viewport and device scale, the Europe/Berlin time zone
 * and a German browser locale, light colour scheme, reduced motion plus a stylesheet that stops
 * every animation, transition and caret, fixed dates in the fixtures, and fonts that come with
 * Debian (DejaVu, Liberation: the stacks' fallbacks). The baselines are for Debian's Chromium and
 * fonts; on another system, run with --update first and keep those baselines local.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { launch } from './lib/browser.mjs';
import { reportCase, writeCounts } from './lib/cases.mjs';
import { serveStatic } from './lib/static-server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STATIC_DIR = path.join(ROOT, 'storybook-static');
const BASELINES = path.join(ROOT, 'test/visual');
const OUTPUT = path.join(ROOT, '.test-results/visual');
const VIEWPORT = { width: 800, height: 900 };
/** pixelmatch's per-pixel colour threshold (0 to 1) and the share of pixels that may differ. */
const THRESHOLD = 0.1;
const MAX_DIFF_RATIO = 0.0005;

/**
 * The shots: story id, Storybook globals, whether to capture the whole page, forced colours.
 * @type {{ name: string, id: string, globals: string, fullPage: boolean, forcedColors?: boolean }[]}
 */
const SHOTS = [
  { name: 'reference-de', id: 'pages-reference-article--german', globals: 'theme:light;locale:de', fullPage: true },
  {
    name: 'reference-en-dark',
    id: 'pages-reference-article--english',
    globals: 'theme:dark;locale:en',
    // The first screen only (dark, English labels), to keep the committed baselines small.
    fullPage: false,
  },
  {
    name: 'live-blog-tabloid',
    id: 'pages-live-blog--election-night',
    globals: 'theme:tabloid;locale:de',
    fullPage: true,
  },
  { name: 'author-broadsheet', id: 'pages-author-page--german', globals: 'theme:broadsheet;locale:de', fullPage: true },
  {
    name: 'reference-de-forced-colors',
    id: 'pages-reference-article--german',
    globals: 'theme:light;locale:de',
    fullPage: false,
    forcedColors: true,
  },
];

const FREEZE = `*, *::before, *::after {
  animation: none !important;
  transition: none !important;
  caret-color: transparent !important;
  scroll-behavior: auto !important;
}`;

/**
 * In the page, synchronous (waitForFunction would take an async function's promise as truthy):
 * Storybook finished the story with the requested globals applied (the wrapper has the theme's
 * class and the page is inside it), and in view every image has loaded and no element is
 * loading or sanitizing (a lazy photo below the fold loads once the viewport grows to the page).
 * @param {{ id: string, theme: string }} expected
 */
function ready({ id, theme }) {
  const w = /** @type {any} */ (window);
  const render = w.__STORYBOOK_PREVIEW__?.currentRender;
  if (!render || render.id !== id || render.phase !== 'finished') return false;
  if (!document.querySelector(`[data-story-wrapper].gz-theme-${theme} .gz-page`)) return false;
  const all = (/** @type {Document | ShadowRoot} */ root) => {
    /** @type {Element[]} */
    const found = [];
    for (const el of root.querySelectorAll('*')) {
      found.push(el);
      if (el.shadowRoot) found.push(...all(el.shadowRoot));
    }
    return found;
  };
  const elements = all(document);
  // Images in view have loaded (lazy ones below the fold load once the viewport grows).
  const inView = (/** @type {Element} */ el) => el.getBoundingClientRect().top < window.innerHeight;
  const loading = (/** @type {Element} */ el) =>
    el.localName === 'img' && !(/** @type {HTMLImageElement} */ (el).complete);
  if (elements.some((el) => loading(el) && inView(el))) return false;
  const busy = (/** @type {Element} */ el) => {
    try {
      return el.matches(':state(loading), :state(sanitizing)');
    } catch {
      return false;
    }
  };
  return !elements.some((el) => busy(el) && inView(el));
}

/** In the page: every custom element finished updating, the fonts loaded, two frames painted. */
async function settle() {
  const elements = [...document.querySelectorAll('*')].filter((el) => el.localName.includes('-'));
  await Promise.all(elements.map((el) => /** @type {any} */ (el).updateComplete));
  await document.fonts.ready;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} base
 * @param {typeof SHOTS[number]} shot
 */
async function capture(browser, base, shot) {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    colorScheme: 'light',
    reducedMotion: 'reduce',
    forcedColors: shot.forcedColors ? 'active' : 'none',
  });
  const page = await context.newPage();
  try {
    const globals = `a11y.manual:!true;${shot.globals}`;
    await page.goto(`${base}/iframe.html?id=${shot.id}&viewMode=story&globals=${encodeURIComponent(globals)}`);
    await page.addStyleTag({ content: FREEZE });
    const theme = /theme:(\w+)/.exec(shot.globals)?.[1] ?? 'light';
    await page.waitForFunction(ready, { id: shot.id, theme }, { timeout: 30_000, polling: 100 });
    await page.evaluate(settle);
    if (shot.fullPage) {
      // Grow the viewport to the page, so lazy images load and the shot is the page as laid out.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: VIEWPORT.width, height });
      await page.evaluate(settle);
    }
    await page.waitForFunction(ready, { id: shot.id, theme }, { timeout: 30_000, polling: 100 });
    return await page.screenshot({ fullPage: shot.fullPage, animations: 'disabled', caret: 'hide' });
  } finally {
    await context.close();
  }
}

async function main() {
  const { values } = parseArgs({ options: { update: { type: 'boolean', default: false } } });
  if (!existsSync(path.join(STATIC_DIR, 'index.json'))) {
    console.error('visual: no storybook-static/; run `npm run build-storybook` first.');
    process.exit(1);
  }
  await mkdir(BASELINES, { recursive: true });
  await mkdir(OUTPUT, { recursive: true });
  const { origin, close } = await serveStatic(STATIC_DIR);
  const browser = await launch();
  const counts = { passed: 0, failed: 0 };
  try {
    for (const shot of SHOTS) {
      const file = path.join(BASELINES, `${shot.name}.png`);
      const actual = await capture(browser, origin, shot);
      if (values.update || !existsSync(file)) {
        await writeFile(file, actual);
        console.log(`${values.update ? 'updated' : 'NEW   '} ${shot.name} (${shot.id}, ${shot.globals})`);
        if (!values.update) {
          // A missing baseline is a failure: CI must not pass by writing its own baselines.
          counts.failed++;
          console.log('        no baseline was committed; it is written now, review and commit it');
          reportCase({ name: shot.name, status: 'fail', error: 'no baseline was committed' });
        } else counts.passed++;
        continue;
      }
      const expected = PNG.sync.read(await readFile(file));
      const got = PNG.sync.read(actual);
      let reason = '';
      if (expected.width !== got.width || expected.height !== got.height) {
        reason = `size ${got.width}×${got.height}, baseline ${expected.width}×${expected.height}`;
      } else {
        const diff = new PNG({ width: got.width, height: got.height });
        const pixels = pixelmatch(expected.data, got.data, diff.data, got.width, got.height, { threshold: THRESHOLD });
        const ratio = pixels / (got.width * got.height);
        if (ratio > MAX_DIFF_RATIO) {
          reason = `${pixels} pixels differ (${(ratio * 100).toFixed(3)} %, allowed ${MAX_DIFF_RATIO * 100} %)`;
          await writeFile(path.join(OUTPUT, `${shot.name}.diff.png`), PNG.sync.write(diff));
        }
      }
      if (reason) {
        counts.failed++;
        await writeFile(path.join(OUTPUT, `${shot.name}.actual.png`), actual);
        console.log(`FAIL  ${shot.name} (${shot.id}, ${shot.globals}): ${reason}`);
        console.log(
          `        see .test-results/visual/${shot.name}.{actual,diff}.png; if intended: npm run test:visual -- --update`,
        );
        reportCase({ name: `${shot.name} (${shot.id}, ${shot.globals})`, status: 'fail', error: reason });
      } else {
        counts.passed++;
        console.log(`ok    ${shot.name} (${shot.id}, ${shot.globals})`);
        reportCase({ name: `${shot.name} (${shot.id}, ${shot.globals})`, status: 'pass' });
      }
    }
  } finally {
    await browser.close();
    await close();
  }
  writeCounts('visual', counts);
  console.log(`visual: ${counts.passed} passed, ${counts.failed} failed`);
  if (counts.failed) process.exitCode = 1;
}

await main();
