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
