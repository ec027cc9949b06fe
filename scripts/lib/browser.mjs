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

/** Launches headless Chromium through playwright-core. */
export function launch() {
  return chromium.launch({ executablePath, args: chromiumArgs, headless: true });
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
