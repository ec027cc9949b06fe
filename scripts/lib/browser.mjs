// @ts-check
import { chromium } from 'playwright-core';

/** Debian's Chromium, or a local Chrome named by CHROME_PATH. Nothing here downloads a browser. */
export const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Pages that are not in front still get frames and timers: for checks that keep several pages open
 * at once (the story smoke check keeps a loaded page per toolbar setting), where a page in the
 * background would otherwise wait many seconds for an animation frame.
 */
export const noBackgroundingArgs = [
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

/** The arguments of the Chromium that `scripts/pages.mjs` shares between its checks. */
export const sharedArgs = [...chromiumArgs, ...noBackgroundingArgs];

/**
 * Headless Chromium through playwright-core, with `extraArgs` after the usual ones. Under the
 * page-check runner (`scripts/pages.mjs`, which sets GZ_BROWSER_WS) a check connects to the
 * runner's one browser instead of starting its own, when that browser has the arguments it asks
 * for; closing a connected browser only disconnects. When the shared browser is gone, the check
 * starts its own.
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launch(/** @type {string[]} */ extraArgs = []) {
  const shared = process.env.GZ_BROWSER_WS;
  if (shared && extraArgs.every((arg) => sharedArgs.includes(arg))) {
    try {
      return await chromium.connect(shared, { timeout: 10_000 });
    } catch {
      // The runner's browser went away; it relaunches it before the next check.
    }
  }
  return chromium.launch({ executablePath, args: [...chromiumArgs, ...extraArgs], headless: true });
}

/** Starts the browser the page-check runner shares between its checks (connect to `wsEndpoint()`). */
export function launchShared() {
  return chromium.launchServer({ executablePath, args: sharedArgs, headless: true });
}

/**
 * Collects what a page reports while a check runs: uncaught page errors and console errors in
 * `errors`, console warnings in `warnings`. Call it before navigating.
 * @param {import('playwright-core').Page} page
 * @returns {{ errors: string[], warnings: string[] }}
 */
export function collectConsole(page) {
  /** @type {string[]} */ const errors = [];
  /** @type {string[]} */ const warnings = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  return { errors, warnings };
}

/**
 * Records the page's layout shifts (those not caused by input) from its first paint, with the
 * nodes that moved. Call it before navigating; read them with `cumulativeLayoutShift`.
 * @param {import('playwright-core').Page} page
 */
export function recordLayoutShifts(page) {
  return page.addInitScript(() => {
    /** @type {any} */ (window).__gzShifts = [];
    new PerformanceObserver((list) => {
      for (const entry of /** @type {any[]} */ (list.getEntries())) {
        if (entry.hadRecentInput) continue;
        /** @type {any} */ (window).__gzShifts.push({
          value: entry.value,
          nodes: entry.sources.map((/** @type {any} */ s) => {
            const n = s.node;
            return n
              ? `${n.nodeName.toLowerCase()}${n.id ? `#${n.id}` : ''}${n.className ? `.${n.className}` : ''}`
              : '?';
          }),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/**
 * The page's cumulative layout shift so far (recorded by `recordLayoutShifts`); prints it and
 * each shift with the nodes that moved.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<number>}
 */
export async function cumulativeLayoutShift(page) {
  const shifts = /** @type {{ value: number, nodes: string[] }[]} */ (
    await page.evaluate(() => /** @type {any} */ (window).__gzShifts)
  );
  const cls = shifts.reduce((sum, s) => sum + s.value, 0);
  console.log(`      CLS ${cls.toFixed(3)} (${shifts.length} shifts)`);
  for (const s of shifts) console.log(`        ${s.value.toFixed(4)} ${s.nodes.join(', ')}`);
  return cls;
}

/**
 * Resolves once the page has settled, by conditions rather than time: every element's pending
 * update (shadow roots too) done, every image loaded or failed, fonts ready, then two frames
 * painted. Use it where a check once slept "long enough".
 * @param {import('playwright-core').Page} page
 */
export async function settled(page) {
  await page.waitForFunction(
    async () => {
      /** @type {Element[]} */ const all = [];
      const walk = (/** @type {ParentNode} */ node) => {
        for (const el of node.querySelectorAll('*')) {
          all.push(el);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      for (const el of all) await /** @type {any} */ (el).updateComplete;
      await document.fonts.ready;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      // Settled when nothing started meanwhile: no update pending, no image loading.
      return all.every(
        (el) =>
          !(/** @type {any} */ (el).isUpdatePending) &&
          !(el instanceof HTMLImageElement && el.loading !== 'lazy' && !el.complete),
      );
    },
    undefined,
    { timeout: 20_000, polling: 100 },
  );
}

/**
 * Resolves once a page whose scripts are held back has been parsed to its end, its stylesheets
 * applied and painted: the state a reader sees before the elements upgrade.
 * @param {import('playwright-core').Page} page
 * @param {string} last  a selector of the page's last part
 */
export async function paintedBeforeScripts(page, last) {
  await page.waitForSelector(last, { state: 'attached' });
  await page.waitForFunction(
    async () => {
      const sheets = [...document.querySelectorAll('link[rel="stylesheet"]')];
      if (!sheets.every((l) => /** @type {HTMLLinkElement} */ (l).sheet)) return false;
      await document.fonts.ready;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return true;
    },
    undefined,
    { timeout: 20_000, polling: 100 },
  );
}

/** Whether an error means the browser (or the page's target) went away, not that the check failed. */
export function browserGone(/** @type {unknown} */ error) {
  const message = error instanceof Error ? error.message : String(error);
  return /Target page, context or browser has been closed|Browser has been closed|Browser closed|browser has disconnected|Target crashed|Page crashed/i.test(
    message,
  );
}

/**
 * One Chromium for many checks that survives a crash: `browser()` hands out the running one
 * (relaunched if it died), `run(fn)` runs a check on it and, when the browser went away under the
 * check, relaunches it and runs the check once more. A check that only passed the second time is
 * reported `flaky`; a machine under load crashed the story smoke check this way and took `npm test`
 * down with it.
 */
export function resilientBrowser(/** @type {string[]} */ extraArgs = []) {
  /** @type {Promise<import('playwright-core').Browser> | undefined} */
  let current;
  const browser = async () => {
    const running = current && (await current.catch(() => undefined));
    if (running?.isConnected()) return running;
    current = launch(extraArgs);
    return current;
  };
  return {
    browser,
    /**
     * @template T
     * @param {(browser: import('playwright-core').Browser) => Promise<T>} fn
     * @returns {Promise<{ value: T, flaky: boolean }>}
     */
    async run(fn) {
      try {
        return { value: await fn(await browser()), flaky: false };
      } catch (error) {
        if (!browserGone(error)) throw error;
        console.log(
          `      the browser went away (${error instanceof Error ? error.message.split('\n')[0] : error}); retrying once`,
        );
        return { value: await fn(await browser()), flaky: true };
      }
    },
    async close() {
      const running = current && (await current.catch(() => undefined));
      await running?.close();
    },
  };
}
