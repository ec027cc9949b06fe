// @ts-check
/**
 * Warning codes (after `npm run build:cdn`; a step of `npm test`). The production builds print a
 * code per warning, the development builds the sentence (scripts/lib/warnings.mjs). Checks that
 * - every code is unique to its sentence and README's "Warnings" table lists exactly the sources'
 *   codes and sentences (`--write` rewrites the table from the sources);
 * - `dist/cdn/gazette.js` carries no warning sentence, `dist/cdn/dev/gazette.js` all of the main
 *   chunk's;
 * - in Chromium, the production file prints `<gz-author-card>: GZ-…` with where to look it up, and
 *   the development file prints the sentence that README's row for that code gives.
 *
 *   npm run build:cdn && node scripts/check-warnings.mjs [--write]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collectConsole, launch } from './lib/browser.mjs';
import { assert, results } from './lib/results.mjs';
import { serveStatic } from './lib/static-server.mjs';
import { allWarnings } from './lib/warnings.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const README = `${ROOT}README.md`;
const START = '<!-- warnings:start (node scripts/check-warnings.mjs --write) -->';
const END = '<!-- warnings:end -->';

const warnings = allWarnings(ROOT);
/** One row per code, in source order; the element is the source folder. */
const rows = new Map(warnings.map((w) => [w.code, w]));

/** README's table, as the sources say it should be. */
function table() {
  const escape = (/** @type {string} */ text) => text.replaceAll('|', '\\|').replaceAll('<', '&lt;');
  const where = (/** @type {string} */ file) => {
    const element = /src\/components\/([^/]+)\//.exec(file)?.[1];
    return element ? `\`<gz-${element}>\`` : 'any element';
  };
  return [
    START,
    '| code | element | warning (`…`: the value it names) |',
    '|---|---|---|',
    ...[...rows.values()].map((w) => `| ${w.code} | ${where(w.file)} | ${escape(w.text)} |`),
    END,
  ].join('\n');
}

const readme = readFileSync(README, 'utf8');
const at = readme.indexOf(START);
const end = readme.indexOf(END);
if (process.argv.includes('--write')) {
  if (at < 0 || end < 0) throw new Error(`README.md has no ${START} … ${END} block`);
  // Formatted as `npm run lint` checks it (prettier pads the table's cells).
  const prettier = await import('prettier');
  const text = readme.slice(0, at) + table() + readme.slice(end + END.length);
  const config = await prettier.resolveConfig(README);
  writeFileSync(README, await prettier.format(text, { ...config, parser: 'markdown', filepath: README }));
  console.log(`README.md: ${rows.size} warning codes written`);
  process.exit(0);
}

const suite = results('warnings');
await suite.check('each code names one sentence', () => {
  const texts = new Map();
  for (const w of warnings) {
    const other = texts.get(w.code);
    assert(other === undefined || other === w.text, `${w.code} is both "${other}" and "${w.text}"`);
    texts.set(w.code, w.text);
  }
});
/** The table's rows as cells, whitespace as prettier pads it set aside. */
const cells = (/** @type {string} */ text) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('| GZ-'))
    .map((line) =>
      line
        .split(/\s+\|\s+/)
        .map((cell) => cell.replace(/^\|\s*|\s*\|$/g, '').trim())
        .join(' | '),
    );
await suite.check('README lists every code with its sentence (node scripts/check-warnings.mjs --write)', () => {
  assert(at >= 0 && end > at, 'README.md has no warnings table block');
  const have = cells(readme.slice(at, end));
  const want = cells(table());
  const extra = have.filter((row) => !want.includes(row));
  const missing = want.filter((row) => !have.includes(row));
  assert(
    extra.length + missing.length === 0,
    `README.md's warnings table differs: not in the sources ${JSON.stringify(extra)}, missing ${JSON.stringify(missing)}`,
  );
});

const prod = `${ROOT}dist/cdn/gazette.js`;
const dev = `${ROOT}dist/cdn/dev/gazette.js`;
assert(existsSync(prod) && existsSync(dev), 'run npm run build:cdn first');
const prodCode = readFileSync(prod, 'utf8');
// Unminified, the development file keeps double-quoted strings, so a sentence's `"` reads `\"` there.
const devCode = readFileSync(dev, 'utf8').replace(/\\(["'])/g, '$1');
/** A stretch of a sentence's own words, as the minified file has it (no `${…}`). */
const longest = (/** @type {string} */ text) => text.split('…').toSorted((a, b) => b.length - a.length)[0] ?? '';
const inMain = warnings.filter((w) => prodCode.includes(`"${w.code}"`) || prodCode.includes(`\`${w.code}\``));
await suite.check('the production file carries codes, not sentences', () => {
  assert(inMain.length > 20, `only ${inMain.length} codes in gazette.js`);
  const left = warnings.filter((w) => prodCode.includes(longest(w.text)));
  assert(left.length === 0, `sentences left in gazette.js: ${left.map((w) => w.text).join(' / ')}`);
});
await suite.check('the development file carries the sentences, not codes', () => {
  const missing = inMain.filter((w) => !devCode.includes(longest(w.text)));
  assert(missing.length === 0, `sentences missing from dev/gazette.js: ${missing.map((w) => w.text).join(' / ')}`);
  assert(!/["`]GZ-[0-9a-z]{4}["`]/.test(devCode), 'dev/gazette.js carries a code');
});

const server = await serveStatic(ROOT);
const browser = await launch();
try {
  /** The console warnings of a page with a nameless author card, loading `script`. */
  const warningsOf = async (/** @type {string} */ script) => {
    const page = await browser.newPage();
    const seen = collectConsole(page);
    await page.route('**/warnings.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><script type="module" src="${script}"></script><gz-author-card></gz-author-card>`,
      }),
    );
    await page.goto(`${server.origin}/warnings.html`);
    await page.waitForFunction(() => customElements.get('gz-author-card'));
    await page.evaluate(() => /** @type {any} */ (document.querySelector('gz-author-card')).updateComplete);
    await page.close();
    return seen;
  };
  const nameless = warnings.find((w) => w.text.startsWith('has no name') && w.file.includes('author-card'));
  assert(nameless, 'the author card\'s "has no name" warning is gone: pick another for this check');
  await suite.check('gazette.js prints the code and where to look it up', async () => {
    const { warnings: printed, errors } = await warningsOf('/dist/cdn/gazette.js');
    assert(errors.length === 0, errors.join('\n'));
    assert(
      printed.some((t) => t.startsWith(`<gz-author-card>: ${nameless.code} (see "Warnings" in Gazette's README`)),
      `printed: ${JSON.stringify(printed)}`,
    );
  });
  await suite.check("dev/gazette.js prints the sentence README's row gives for that code", async () => {
    const { warnings: printed, errors } = await warningsOf('/dist/cdn/dev/gazette.js');
    assert(errors.length === 0, errors.join('\n'));
    const row = cells(readme).find((line) => line.startsWith(`${nameless.code} |`)) ?? '';
    const sentence = row.split(' | ')[2]?.replaceAll('&lt;', '<') ?? '';
    assert(sentence.length > 0, `no README row for ${nameless.code}`);
    assert(
      printed.some(
        (t) =>
          t === `<gz-author-card>: ${sentence.replaceAll('…', '')}` ||
          t.startsWith(`<gz-author-card>: ${sentence.split('…')[0]}`),
      ),
      `printed: ${JSON.stringify(printed)}, README: ${sentence}`,
    );
  });
} finally {
  await browser.close();
  await server.close();
}
process.exitCode = suite.finish();
