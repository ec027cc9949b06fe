// @ts-check
/**
 * Docs smoke check (after `npm run build-storybook`): opens every docs page of the built Storybook
 * in Chromium and fails a page that
 * - documents an element (`Elements/…`) without an API table with rows (the manifest was missing
 *   or did not name the element), or
 * - shows raw markdown: a table row (`| a | b |`), `**bold**` or a backtick outside code.
 *
 *   npm run build-storybook && node scripts/check-docs.mjs
 *
 * Writes {passed, failed} to .test-results/docs.json. CHROME_PATH overrides the browser.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './lib/browser.mjs';
import { assert, results } from './lib/results.mjs';
import { serveStatic } from './lib/static-server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STATIC_DIR = path.join(ROOT, 'storybook-static');
const suite = results('docs');

/** @type {{ entries: Record<string, { type: string, id: string, title: string }> }} */
const index = JSON.parse(await readFile(path.join(STATIC_DIR, 'index.json'), 'utf8'));
const docs = Object.values(index.entries).filter((entry) => entry.type === 'docs');

/** The docs page's visible prose: its text without code, pre and the stories' canvases. */
function prose() {
  const root = document.querySelector('#storybook-docs');
  if (!root) return '';
  const copy = /** @type {HTMLElement} */ (root.cloneNode(true));
  for (const el of copy.querySelectorAll('pre, code, textarea, .docs-story, .sbdocs-preview, style, script'))
    el.remove();
  return copy.textContent ?? '';
}

const server = await serveStatic(STATIC_DIR);
const browser = await launch();
try {
  const page = await browser.newPage();
  for (const entry of docs) {
    await suite.check(
      `${entry.title}: ${entry.title.startsWith('Elements/') ? 'API table, ' : ''}no raw markdown`,
      async () => {
        await page.goto(`${server.origin}/iframe.html?viewMode=docs&id=${entry.id}`, { waitUntil: 'load' });
        await page.waitForSelector('#storybook-docs .sbdocs-content', { timeout: 30_000 });
        if (entry.title.startsWith('Elements/')) {
          const rows = await page
            .waitForFunction(() => document.querySelectorAll('.docblock-argstable tbody tr').length, null, {
              timeout: 30_000,
            })
            .then((handle) => handle.jsonValue())
            .catch(() => 0);
          assert(rows > 0, 'no API table (is custom-elements.json built before Storybook?)');
          const categories = await page.$$eval(
            '.docblock-argstable tbody tr[title], .docblock-argstable tbody tr',
            (trs) => trs.map((tr) => tr.textContent?.trim().toLowerCase() ?? ''),
          );
          for (const category of ['attributes', 'css shadow parts']) {
            assert(
              categories.some((text) => text.startsWith(`hide ${category}`)),
              `the API table has no "${category}" section`,
            );
          }
        }
        const text = await page.evaluate(prose);
        const raw = [
          [/^\s*\|.*\|\s*$/m, 'a markdown table row'],
          [/\*\*[^*\s][^*]*\*\*/, '**bold** markdown'],
          [/`/, 'a backtick'],
        ].filter(([pattern]) => /** @type {RegExp} */ (pattern).test(text));
        assert(
          raw.length === 0,
          `raw markdown: ${raw.map(([, what]) => what).join(', ')} (${text.match(/.{0,40}(\||\*\*|`).{0,40}/)?.[0]})`,
        );
      },
    );
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(suite.finish());
