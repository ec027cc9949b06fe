// @ts-check
/**
 * What only a keyboard and screen-reader walk-through shows (issue 20), on the built demo page
 * (the reference article, `vite build --mode demo`), German and English (`<html lang="en">`), with
 * the subscribe endpoint and the feed answered by the check itself:
 *
 * - keyboard walk: each interactive element's states reached by keyboard; after every step the
 *   focused element (deep, through shadow roots) must not be `<body>`;
 * - announcement log: every text change of every live region (role=status/alert, aria-live) across
 *   follow, unfollow, refused address, network error, retry, feed error, empty, retry;
 * - accessibility tree: CDP `Accessibility.getFullAXTree`, roles and names only, before and after
 *   a follow, German and English;
 * - forced colours: each element's states screenshotted with `forcedColors: 'active'` and compared
 *   pixel by pixel (pixelmatch) like scripts/visual.mjs.
 *
 * Expectations are data in test/a11y/ (announcements, trees, known focus losses) and
 * test/visual/forced-colors/ (PNGs). After an intended change:
 *
 *   node scripts/check-a11y.mjs --update     writes the current log, trees and shots as expected
 *   node scripts/check-a11y.mjs --only ax    one part: keyboard | announcements | ax | forced
 *
 * `test/a11y/focus-known.json` lists focus losses known today (each step's name): such a step
 * passes while it loses focus and fails once it no longer does, so the list is emptied as the
 * elements are fixed (with --update). Any other loss fails.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { build } from 'vite';
import { collectConsole, launch } from './lib/browser.mjs';
import { assert, results } from './lib/results.mjs';
import { serveStatic } from './lib/static-server.mjs';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'bench/dist/demo');
const expected = resolve(root, 'test/a11y');
const shots = resolve(root, 'test/visual/forced-colors');
const actualDir = resolve(root, '.test-results/a11y');
const { values } = parseArgs({
  options: { update: { type: 'boolean', default: false }, only: { type: 'string' }, 'no-build': { type: 'boolean' } },
});
const update = !!values.update;
const parts = values.only ? values.only.split(',') : ['keyboard', 'announcements', 'ax', 'forced'];
// One result file per part set, so the two steps of npm test count apart.
const suite = results(parts.includes('ax') || parts.includes('forced') ? 'a11y-tree' : 'a11y-walk');
const THRESHOLD = 0.1;
const MAX_DIFF_RATIO = 0.0005;
const FREEZE = `*, *::before, *::after { animation: none !important; transition: none !important;
  caret-color: transparent !important; scroll-behavior: auto !important; }`;

if (!values['no-build'] || !existsSync(resolve(out, 'index.html')))
  await build({ configFile: resolve(root, 'vite.config.ts'), mode: 'demo', logLevel: 'silent' });
cpSync(resolve(root, 'demo/authors'), resolve(out, 'authors'), { recursive: true });
mkdirSync(expected, { recursive: true });
mkdirSync(shots, { recursive: true });
mkdirSync(actualDir, { recursive: true });

const server = await serveStatic(out);
const browser = await launch();

/** Endpoint answers the page gets, set per step: a JSON status and body, or a dropped connection. */
/** @typedef {{ status: number, body?: object } | 'abort'} Answer */

/**
 * A page on the demo, in `lang`, with the subscribe endpoint and the feed under the check's
 * control, every live region recorded, and the subscribe buttons retrying at once.
 * @param {'de' | 'en'} lang
 * @param {{ forcedColors?: boolean }} [options]
 */
async function open(lang, options = {}) {
  const context = await browser.newContext({
    viewport: { width: 1000, height: 900 },
    deviceScaleFactor: 1,
    locale: lang === 'de' ? 'de-DE' : 'en-GB',
    timezoneId: 'Europe/Berlin',
    colorScheme: 'light',
    reducedMotion: 'reduce',
    forcedColors: options.forcedColors ? 'active' : 'none',
  });
  const page = await context.newPage();
  const console = collectConsole(page);
  /** @type {{ answer: Answer, feed: { status: number, body: string } | undefined }} */
  const control = { answer: { status: 200, body: { status: 'subscribed' } }, feed: undefined };
  await page.route('**/api/subscriptions**', async (route) => {
    const answer = control.answer;
    if (answer === 'abort') return route.abort('connectionrefused');
    await route.fulfill({
      status: answer.status,
      contentType: 'application/json',
      body: answer.body ? JSON.stringify(answer.body) : '',
    });
  });
  // The static server does not know .xml; the demo's dev server serves the feed as RSS.
  await page.route('**/feeds/latest.xml', (route) =>
    route.fulfill({ contentType: 'application/rss+xml', body: readFileSync(resolve(out, 'feeds/latest.xml')) }),
  );
  await page.route('**/feeds/check-a11y.xml*', async (route) => {
    const feed = control.feed ?? { status: 500, body: '' };
    await route.fulfill({ status: feed.status, contentType: 'application/rss+xml', body: feed.body });
  });
  await page.route(/\/(index\.html)?$/, async (route) => {
    const response = await route.fetch();
    let html = await response.text();
    if (lang === 'en') html = html.replace('<html lang="de">', '<html lang="en">');
    // One attempt per click: the walk sees the error at once instead of after the backoff.
    html = html.replaceAll('<gz-subscribe-button', '<gz-subscribe-button max-retries="0"');
    await route.fulfill({ response, body: html });
  });
  await page.addInitScript(recordLiveRegions);
  // The time of the last activation, as the subscribe button reads it (the click's timeStamp).
  await page.addInitScript(() =>
    addEventListener('click', (e) => Object.assign(window, { __gzActivatedAt: e.timeStamp }), true),
  );
  await page.goto(server.origin + '/');
  await settle(page);
  await page.waitForFunction(
    () => (document.querySelector('gz-teaser-list')?.shadowRoot?.querySelectorAll('[part~=item]').length ?? 0) > 0,
    undefined,
    { timeout: 15_000 },
  );
  await settle(page);
  await page.evaluate(() => /** @type {any} */ (window.__gzLive.length = 0));
  return { page, context, control, console };
}

/** In the page, before any script: records every live region's text whenever it changes. */
function recordLiveRegions() {
  const w = /** @type {any} */ (window);
  w.__gzLive = [];
  const last = new WeakMap();
  const LIVE = '[role="status"], [role="alert"], [aria-live]:not([aria-live="off"])';
  const label = (/** @type {Element} */ region) => {
    const host = /** @type {ShadowRoot} */ (region.getRootNode()).host;
    const key = host?.getAttribute('topic') ?? host?.getAttribute('src') ?? '';
    return `${host ? host.localName : 'document'}${key ? `[${key}]` : ''}`;
  };
  const scan = (/** @type {Document | ShadowRoot} */ root) => {
    for (const region of root.querySelectorAll(LIVE)) {
      const text = (region.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (last.get(region) === text) continue;
      const first = !last.has(region);
      last.set(region, text);
      if (first && !text) continue;
      if (text) w.__gzLive.push(`${label(region)}: ${text}`);
    }
  };
  const watch = (/** @type {Document | ShadowRoot} */ root) =>
    new MutationObserver(() => scan(root)).observe(root, { subtree: true, childList: true, characterData: true });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const shadow = attach.call(this, init);
    watch(shadow);
    return shadow;
  };
  document.addEventListener('DOMContentLoaded', () => watch(document));
}

/** Every custom element updated, two frames painted. */
async function settle(/** @type {import('playwright-core').Page} */ page) {
  await page.evaluate(async () => {
    const all = (/** @type {Document | ShadowRoot} */ r) => {
      /** @type {Element[]} */ const found = [];
      for (const el of r.querySelectorAll('*')) {
        if (el.localName.includes('-')) found.push(el);
        if (el.shadowRoot) found.push(...all(el.shadowRoot));
      }
      return found;
    };
    await Promise.all(all(document).map((el) => /** @type {any} */ (el).updateComplete));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/** The focused element, deep, as `host > element.class[part]`; "body" when focus fell out. */
function focusedPath() {
  let active = document.activeElement;
  const path = [];
  while (active) {
    const part = active.getAttribute('part');
    path.push(
      active === document.body
        ? 'body'
        : `${active.localName}${active.getAttribute('topic') ? `[${active.getAttribute('topic')}]` : ''}${part ? `[part=${part}]` : ''}`,
    );
    const inner = active.shadowRoot?.activeElement;
    if (!inner) break;
    active = inner;
  }
  return path.join(' > ') || 'nothing';
}

const readJson = (/** @type {string} */ file, /** @type {any} */ fallback) =>
  existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : fallback;
const writeJson = (/** @type {string} */ file, /** @type {any} */ value) =>
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');

const SUB = 'gz-subscribe-button[topic="energiewende"]';
const LIST = 'gz-teaser-list';
const RSS_EMPTY =
  '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><link>/</link><description>x</description></channel></rss>';

/**
 * The flows, each a list of steps. A step does something by keyboard and waits until the
 * elements settle; the keyboard walk checks focus after each, the log records what was announced.
 * @typedef {{ page: import('playwright-core').Page, control: any }} Ctx
 * @type {{ element: string, flow: string, steps: [string, (c: Ctx) => Promise<void>][] }[]}
 */
const FLOWS = [
  {
    element: 'gz-subscribe-button',
    flow: 'follow, unfollow, refused address, network error, retry',
    steps: [
      ['toggle focused', async ({ page }) => page.locator(`${SUB} [part~="button"]`).focus()],
      ['Enter opens the form', async ({ page }) => page.keyboard.press('Enter')],
      [
        'a refused address, submitted with Enter',
        async ({ page, control }) => {
          control.answer = { status: 422, body: { error: 'invalid', field: 'email' } };
          await page.keyboard.type('leser@example.com');
          await page.keyboard.press('Enter');
        },
      ],
      [
        'a network error on the corrected address',
        async ({ page, control }) => {
          control.answer = 'abort';
          await page.keyboard.press('Control+A');
          await page.keyboard.type('leserin@example.com');
          await page.keyboard.press('Enter');
        },
      ],
      [
        'retry, focused and pressed, succeeds: follow',
        async ({ page, control }) => {
          control.answer = { status: 200, body: { status: 'subscribed' } };
          await page.locator(`${SUB} [part~="retry"]`).focus();
          await page.keyboard.press('Enter');
        },
      ],
      [
        'unfollow with Enter on the toggle',
        async ({ page, control }) => {
          control.answer = { status: 200, body: { status: 'unsubscribed' } };
          await page.locator(`${SUB} [part~="button"]`).focus();
          // A reader's pause: activations within 500 ms of the previous one are one series, and the
          // button holds back the rest of a series that changed its state (a double press must not
          // undo a follow, issue 17). Waits until the page's clock is past that window.
          await page.waitForFunction(
            () => performance.now() - (Reflect.get(window, '__gzActivatedAt') ?? -Infinity) >= 500,
            undefined,
            { polling: 'raf' },
          );
          await page.keyboard.press('Enter');
        },
      ],
    ],
  },
  {
    element: 'gz-article-body',
    flow: 'heading anchor focused, anchors switched off',
    steps: [
      [
        'Tab from the first heading reaches its anchor',
        async ({ page }) => {
          await page
            .locator('gz-article-body h2')
            .first()
            .evaluate((h) => {
              h.setAttribute('tabindex', '-1');
              /** @type {HTMLElement} */ (h).focus();
            });
          await page.keyboard.press('Tab');
        },
      ],
      [
        'anchors switched off under the focused anchor',
        async ({ page }) => {
          await page.evaluate(() => document.querySelector('gz-article-body')?.removeAttribute('anchors'));
        },
      ],
      [
        'anchors back, Tab reaches the anchor again',
        async ({ page }) => {
          await page.evaluate(() => document.querySelector('gz-article-body')?.setAttribute('anchors', ''));
          await settle(page);
          await page.keyboard.press('Tab');
        },
      ],
    ],
  },
  {
    element: 'gz-teaser-list',
    flow: 'feed error, retry (empty), retry (error)',
    steps: [
      [
        'the feed fails',
        async ({ page, control }) => {
          control.feed = { status: 500, body: '' };
          await page.evaluate(
            (sel) => document.querySelector(sel)?.setAttribute('src', './feeds/check-a11y.xml'),
            LIST,
          );
        },
      ],
      ['retry focused', async ({ page }) => page.locator(`${LIST} [part~="retry"]`).focus()],
      [
        'retry pressed: the feed is empty',
        async ({ page, control }) => {
          control.feed = { status: 200, body: RSS_EMPTY };
          await page.keyboard.press('Enter');
        },
      ],
      [
        'the feed fails again, retry pressed: fails again',
        async ({ page, control }) => {
          control.feed = { status: 500, body: '' };
          await page.evaluate(
            (sel) => document.querySelector(sel)?.setAttribute('src', './feeds/check-a11y.xml?2'),
            LIST,
          );
          await settle(page);
          await page.locator(`${LIST} [part~="retry"]`).focus();
          await page.keyboard.press('Enter');
        },
      ],
    ],
  },
];

/** Waits until no subscribe button is pending and no list is loading. */
async function quiet(/** @type {import('playwright-core').Page} */ page) {
  await settle(page);
  await page.waitForFunction(
    () => {
      const busy = (/** @type {Element | null} */ el) => {
        try {
          return !!el?.matches(':state(pending), :state(loading), :state(retrying)');
        } catch {
          return false;
        }
      };
      return ![...document.querySelectorAll('gz-subscribe-button, gz-teaser-list')].some(busy);
    },
    undefined,
    { timeout: 10_000, polling: 50 },
  );
  await settle(page);
}

/** Runs every flow once per language; returns focus per step and the announcements per flow. */
async function walk(/** @type {'de' | 'en'} */ lang) {
  const { page, context, control } = await open(lang);
  /** @type {Record<string, string>} */ const focus = {};
  /** @type {Record<string, string[]>} */ const log = {};
  try {
    for (const { element, flow, steps } of FLOWS) {
      await page.evaluate(() => /** @type {any} */ (window.__gzLive.length = 0));
      for (const [name, step] of steps) {
        await step({ page, control });
        await quiet(page);
        focus[`${lang} ${element}: ${name}`] = await page.evaluate(focusedPath);
      }
      log[`${element}: ${flow}`] = await page.evaluate(() => [.../** @type {any} */ (window).__gzLive]);
    }
  } finally {
    await context.close();
  }
  return { focus, log };
}

/**
 * Roles and names of the page's accessibility tree, indented by depth, for a snapshot. Text
 * (StaticText) is listed where no paragraph, heading or link above it already holds it: kickers,
 * labels, dates, status messages, so a case or wording regression there shows too.
 */
async function axTree(/** @type {import('playwright-core').Page} */ page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = /** @type {{ nodes: any[] }} */ (await cdp.send('Accessibility.getFullAXTree'));
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const SILENT = new Set(['InlineTextBox', 'LineBreak', 'none', 'generic', 'LayoutTable']);
  const HOLDS_TEXT = new Set(['paragraph', 'heading', 'link', 'button']);
  /** @type {string[]} */ const lines = [];
  const visit = (/** @type {any} */ node, /** @type {number} */ depth, /** @type {boolean} */ inText) => {
    const role = node.role?.value ?? '';
    const name = (node.name?.value ?? '').replace(/\s+/g, ' ').trim();
    const text = role === 'StaticText';
    const shown =
      !node.ignored && role !== 'InlineTextBox' && (text ? !inText && !!name : !(SILENT.has(role) && !name));
    if (shown) lines.push(`${'  '.repeat(depth)}${role}${name ? ` "${name}"` : ''}`);
    for (const id of node.childIds ?? []) {
      const child = byId.get(id);
      if (child) visit(child, shown ? depth + 1 : depth, inText || (!node.ignored && HOLDS_TEXT.has(role)));
    }
  };
  visit(nodes[0], 0, false);
  await cdp.detach();
  return lines.join('\n') + '\n';
}

/** Compares `text` with the snapshot `file` (or writes it with --update); throws with the first differences. */
function compareText(/** @type {string} */ file, /** @type {string} */ text) {
  const path = resolve(expected, file);
  if (update || !existsSync(path)) {
    writeFileSync(path, text);
    assert(update, `${file}: no snapshot was committed; written now, review and commit it`);
    return;
  }
  const want = readFileSync(path, 'utf8').split('\n');
  const got = text.split('\n');
  const diffs = [];
  for (let i = 0; i < Math.max(want.length, got.length) && diffs.length < 8; i++)
    if (want[i] !== got[i]) diffs.push(`line ${i + 1}:\n        expected ${want[i]}\n        actual   ${got[i]}`);
  if (diffs.length) writeFileSync(resolve(actualDir, file), text);
  assert(
    diffs.length === 0,
    `${file} differs (actual in .test-results/a11y/; if intended, --update):\n      ${diffs.join('\n      ')}`,
  );
}

/** Compares a screenshot with its baseline like scripts/visual.mjs (or writes it with --update). */
function comparePng(/** @type {string} */ name, /** @type {Buffer} */ actual) {
  const file = resolve(shots, `${name}.png`);
  if (update || !existsSync(file)) {
    writeFileSync(file, actual);
    assert(update, `${name}: no baseline was committed; written now, review and commit it`);
    return;
  }
  const want = PNG.sync.read(readFileSync(file));
  const got = PNG.sync.read(actual);
  let reason = '';
  if (want.width !== got.width || want.height !== got.height)
    reason = `size ${got.width}×${got.height}, baseline ${want.width}×${want.height}`;
  else {
    const diff = new PNG({ width: got.width, height: got.height });
    const pixels = pixelmatch(want.data, got.data, diff.data, got.width, got.height, { threshold: THRESHOLD });
    if (pixels / (got.width * got.height) > MAX_DIFF_RATIO) {
      reason = `${pixels} pixels differ`;
      writeFileSync(resolve(actualDir, `${name}.diff.png`), PNG.sync.write(diff));
    }
  }
  if (reason) writeFileSync(resolve(actualDir, `${name}.actual.png`), actual);
  assert(!reason, `${name}: ${reason} (see .test-results/a11y/${name}.{actual,diff}.png; if intended, --update)`);
}

/** Follows Energiewende by keyboard (form, address, Enter) and waits for the answer. */
async function follow(/** @type {import('playwright-core').Page} */ page) {
  await page.locator(`${SUB} [part~="button"]`).focus();
  await page.keyboard.press('Enter');
  await quiet(page);
  await page.keyboard.type('leser@example.com');
  await page.keyboard.press('Enter');
  await quiet(page);
}

console.log('a11y');
try {
  if (parts.includes('keyboard') || parts.includes('announcements')) {
    const known = /** @type {string[]} */ (readJson(resolve(expected, 'focus-known.json'), []));
    const announcements = readJson(resolve(expected, 'announcements.json'), {});
    /** @type {Record<string, string>} */ const focusAll = {};
    /** @type {Record<string, Record<string, string[]>>} */ const logAll = {};
    for (const lang of /** @type {const} */ (['de', 'en'])) {
      const { focus, log } = await walk(lang);
      Object.assign(focusAll, focus);
      logAll[lang] = log;
    }
    if (parts.includes('keyboard')) {
      const lost = Object.keys(focusAll).filter((step) => /(^|> )body$|^nothing$/.test(focusAll[step] ?? ''));
      if (update) writeJson(resolve(expected, 'focus-known.json'), lost);
      writeJson(resolve(actualDir, 'focus.json'), focusAll);
      for (const step of Object.keys(focusAll)) {
        await suite.check(`keyboard: ${step} → ${focusAll[step]}`, () => {
          const isLost = lost.includes(step);
          if (update) return;
          if (known.includes(step))
            assert(isLost, `focus no longer falls to <body> here: remove "${step}" from test/a11y/focus-known.json`);
          else assert(!isLost, 'focus fell to <body>');
        });
      }
    }
    if (parts.includes('announcements')) {
      if (update) writeJson(resolve(expected, 'announcements.json'), logAll);
      else writeJson(resolve(actualDir, 'announcements.json'), logAll);
      for (const lang of Object.keys(logAll))
        for (const [flow, got] of Object.entries(logAll[lang] ?? {}))
          await suite.check(`announcements (${lang}) ${flow}: ${got.length}`, () => {
            if (update) return;
            const want = announcements[lang]?.[flow];
            assert(want, 'no expected announcements committed (run with --update)');
            assert(
              JSON.stringify(want) === JSON.stringify(got),
              `expected\n        ${want.join('\n        ')}\n      actual\n        ${got.join('\n        ')}`,
            );
          });
    }
  }

  if (parts.includes('ax')) {
    for (const lang of /** @type {const} */ (['de', 'en'])) {
      await suite.check(`accessibility tree (${lang}), before and after a follow`, async () => {
        const { page, context, console: seen } = await open(lang);
        try {
          compareText(`ax-${lang}.txt`, await axTree(page));
          await follow(page);
          compareText(`ax-${lang}-followed.txt`, await axTree(page));
          assert(seen.errors.length === 0, seen.errors.join('\n'));
        } finally {
          await context.close();
        }
      });
    }
  }

  if (parts.includes('forced')) {
    await suite.check('forced colours: every element in each state', async () => {
      const { page, context, control } = await open('de', { forcedColors: true });
      await page.addStyleTag({ content: FREEZE });
      /** @type {string[]} */ const failures = [];
      const shot = async (/** @type {string} */ name, /** @type {string} */ selector) => {
        await quiet(page);
        const target = page.locator(selector).first();
        await target.scrollIntoViewIfNeeded();
        try {
          comparePng(name, await target.screenshot({ animations: 'disabled', caret: 'hide' }));
        } catch (error) {
          failures.push(error instanceof Error ? error.message : String(error));
        }
      };
      try {
        await shot('header', 'gz-article-header');
        // The live kicker: its dot and label in system colours.
        await page.evaluate(() => document.querySelector('gz-article-header')?.setAttribute('kicker', 'live'));
        await shot('header-live', 'gz-article-header [part~="section"]');
        await page.locator('gz-article-body a.gz-anchor').first().focus();
        await shot('body-anchor-focused', 'gz-article-body h2:first-of-type');
        await shot('author-card', 'gz-author-card');
        await shot('teaser-list', LIST);
        await page.locator(`${LIST} [part~="teaser-link"]`).first().focus();
        await shot('teaser-focused', `${LIST} [part~="item"] >> nth=0`);
        await shot('subscribe-idle', SUB);
        await page.locator(`${SUB} [part~="button"]`).focus();
        await shot('subscribe-focused', SUB);
        await page.keyboard.press('Enter');
        await shot('subscribe-form', SUB);
        control.answer = { status: 422, body: { error: 'invalid', field: 'email' } };
        await page.keyboard.type('leser@example.com');
        await page.keyboard.press('Enter');
        await shot('subscribe-refused', SUB);
        control.answer = 'abort';
        await page.keyboard.press('Enter');
        await shot('subscribe-error', SUB);
        control.answer = { status: 200, body: { status: 'subscribed' } };
        await page.locator(`${SUB} [part~="retry"]`).click();
        await page.mouse.move(0, 0);
        await shot('subscribe-followed', SUB);
        control.feed = { status: 500, body: '' };
        await page.evaluate((sel) => document.querySelector(sel)?.setAttribute('src', './feeds/check-a11y.xml'), LIST);
        await shot('teaser-list-error', LIST);
        control.feed = { status: 200, body: RSS_EMPTY };
        await page.locator(`${LIST} [part~="retry"]`).click();
        await shot('teaser-list-empty', LIST);
      } finally {
        await context.close();
      }
      assert(failures.length === 0, failures.join('\n      '));
    });
  }
} finally {
  await browser.close();
  await server.close();
}

process.exit(suite.finish());
