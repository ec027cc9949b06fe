// @ts-check
/**
 * Checks the built package as a consumer sees it (run after `npm run build`):
 * - every element has its subpath export and its `sideEffects` entries;
 * - the npm modules keep Lit external; the CDN bundles inline it;
 * - a bundler that honours `sideEffects` keeps the registration of `gazette/<element>.js`, and
 *   importing `gazette` alone registers nothing;
 * - the CDN ES module and IIFE register every element, and both on one page warn, never throw;
 * - the CDN autoloader defines only the tags a page has (and later ones), requests an element's
 *   chunk and the chunks it imports at once, and warns once about an unknown `gz-` tag; its
 *   element chunks load under a strict CSP with Trusted Types.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, createServer } from 'vite';
import { collectConsole, launch } from './lib/browser.mjs';
import { PACKAGE_LIMITS, packageProblems } from './lib/package-contents.mjs';
import { assert, results } from './lib/results.mjs';
import { autoloaderBuild } from './size-budget.mjs';
import { serveStatic } from './lib/static-server.mjs';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const elements = readdirSync(resolve(root, 'src/components'));
const tags = elements.map((name) => `gz-${name}`);
const suite = results('package');

console.log('package');

await suite.check('every element has a subpath export, sideEffects entries and a manifest entry', () => {
  const manifest = JSON.parse(readFileSync(resolve(root, 'custom-elements.json'), 'utf8'));
  const manifestTags = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName)).filter(Boolean);
  for (const name of elements) {
    const target = pkg.exports[`./${name}.js`]?.default;
    assert(target === `./dist/components/${name}/${name}.js`, `exports["./${name}.js"] is missing or wrong`);
    assert(existsSync(resolve(root, target)), `${target} was not built`);
    assert(pkg.sideEffects.includes(target), `sideEffects lacks ${target}`);
    assert(pkg.sideEffects.includes(`./src/components/${name}/${name}.ts`), `sideEffects lacks the source of ${name}`);
    assert(manifestTags.includes(`gz-${name}`), `custom-elements.json lacks gz-${name}`);
  }
  for (const entry of ['.', './all.js', './custom-elements.json', './themes/*.css', './preload.css']) {
    assert(pkg.exports[entry], `exports lacks ${entry}`);
  }
  for (const theme of ['tokens', 'light', 'dark'])
    assert(existsSync(resolve(root, `dist/themes/${theme}.css`)), `dist/themes/${theme}.css missing`);
  assert(existsSync(resolve(root, 'dist/index.d.ts')), 'dist/index.d.ts missing');
  const preload = readFileSync(resolve(root, 'dist/preload.css'), 'utf8');
  for (const tag of tags) assert(preload.includes(`${tag}:not(:defined)`), `preload.css lacks ${tag}`);
});

await suite.check('the manifest is valid, and editors get every tag from vscode.html-custom-data.json', () => {
  const manifest = JSON.parse(readFileSync(resolve(root, 'custom-elements.json'), 'utf8'));
  assert(typeof manifest.schemaVersion === 'string' && Array.isArray(manifest.modules), 'manifest shape');
  const declarations = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
  for (const d of declarations) {
    assert(d.summary, `<${d.tagName}> has no @summary`);
    for (const a of d.attributes ?? []) assert(a.name && !a.name.startsWith('_'), `<${d.tagName}> attribute ${a.name}`);
  }
  const vscode = JSON.parse(readFileSync(resolve(root, 'vscode.html-custom-data.json'), 'utf8'));
  const vscodeTags = vscode.tags.map((t) => t.name).sort();
  assert(
    JSON.stringify(vscodeTags) === JSON.stringify(declarations.map((d) => d.tagName).sort()),
    `vscode tags: ${vscodeTags}`,
  );
});

await suite.check('npm pack ships only the decided paths, within the tarball limits', async () => {
  const { execSync } = await import('node:child_process');
  const [pack] = JSON.parse(
    execSync('npm pack --dry-run --json', { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  );
  const problems = packageProblems(pack);
  assert(problems.length === 0, problems.join('; '));
  const files = pack.files.map((/** @type {{ path: string }} */ f) => f.path);
  for (const needed of [
    'dist/index.js',
    'dist/index.d.ts',
    'dist/cdn/gazette.js',
    'dist/cdn/gazette.js.map',
    'dist/cdn/dev/gazette.js',
    'dist/cdn/gazette-autoloader.js',
    'dist/cdn/gazette-autoloader.js.map',
    'dist/development/index.js',
    'dist/themes/dark.css',
    'custom-elements.json',
    'server/index.mjs',
  ]) {
    assert(files.includes(needed), `the package lacks ${needed}`);
  }
  const { files: limit, packedKB, unpackedKB } = PACKAGE_LIMITS;
  console.log(
    `    ${pack.entryCount}/${limit} files, ${(pack.size / 1e3).toFixed(0)}/${packedKB} kB packed, ` +
      `${(pack.unpackedSize / 1e3).toFixed(0)}/${unpackedKB} kB unpacked`,
  );
});

await suite.check('the tarball rule refuses maps of unminified files, sources, tests and growth', () => {
  const ok = { entryCount: 1, size: 1e3, unpackedSize: 1e3, files: [{ path: 'dist/index.js' }] };
  assert(packageProblems(ok).length === 0, packageProblems(ok).join('; '));
  for (const path of [
    'dist/index.js.map',
    'dist/development/index.js.map',
    'dist/cdn/dev/gazette.js.map',
    'src/index.ts',
    'test/author-card.test.ts',
    'node_modules/lit/index.js',
    'storybook-static/index.html',
    '.env',
  ]) {
    assert(packageProblems({ ...ok, files: [{ path }] }).length === 1, `${path} would ship`);
  }
  const { files, packedKB, unpackedKB } = PACKAGE_LIMITS;
  const big = { ...ok, entryCount: files + 1, size: packedKB * 1e3 + 1, unpackedSize: unpackedKB * 1e3 + 1 };
  assert(packageProblems(big).length === 3, 'growth past the limits passes');
});

await suite.check('npm modules import Lit instead of bundling it', () => {
  const component = readFileSync(resolve(root, 'dist/components/reading-time/reading-time.component.js'), 'utf8');
  assert(/from "lit"/.test(component), 'reading-time.component.js does not import from "lit"');
  const all = readdirSync(resolve(root, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.js'),
  );
  for (const file of all) {
    if (file.startsWith('cdn/')) continue;
    const text = readFileSync(resolve(root, 'dist', file), 'utf8');
    assert(!text.includes('lit-html'), `${file} contains Lit's code`);
  }
});

// A consumer project: node_modules/gazette links to this package, so resolution, `exports` and
// `sideEffects` are read exactly as from an installed copy.
const consumer = resolve(root, 'node_modules/.cache/gz-consumer');
rmSync(consumer, { recursive: true, force: true });
mkdirSync(resolve(consumer, 'node_modules'), { recursive: true });
symlinkSync(root, resolve(consumer, 'node_modules/gazette'), 'dir');
const entries = {
  subpath: `import 'gazette/reading-time.js';`,
  index: `import { GzReadingTime } from 'gazette'; window.__classes = [GzReadingTime.name];`,
};
for (const [name, code] of Object.entries(entries)) {
  writeFileSync(resolve(consumer, `${name}.js`), code);
  await build({
    configFile: false,
    root: consumer,
    logLevel: 'silent',
    build: {
      outDir: resolve(consumer, `out-${name}`),
      minify: false,
      lib: { entry: resolve(consumer, `${name}.js`), formats: ['es'], fileName: 'bundle' },
    },
  });
}
mkdirSync(resolve(consumer, 'cdn'), { recursive: true });
writeFileSync(
  resolve(consumer, 'page.html'),
  `<!doctype html><html lang="de"><body><div id="t"><p>${'Wort '.repeat(766)}</p></div><gz-reading-time for="t"></gz-reading-time></body></html>`,
);
symlinkSync(resolve(root, 'dist/cdn'), resolve(consumer, 'cdn/dist'), 'dir');

const server = await serveStatic(consumer);
const browser = await launch();

/**
 * Serves the consumer's page.html to `page` with `html` added before `</body>` (and `headers`).
 * @param {import('playwright-core').Page} page
 * @param {string} html
 * @param {Record<string, string>} [headers]
 */
const servePage = (page, html, headers) =>
  page.route('**/page.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers,
      body: readFileSync(resolve(consumer, 'page.html'), 'utf8').replace('</body>', `${html}</body>`),
    }),
  );

/**
 * Opens the test page with the given scripts and reports what got defined.
 * @param {string[]} scripts  HTML script tags
 */
async function open(scripts) {
  const page = await browser.newPage();
  const { errors, warnings } = collectConsole(page);
  await servePage(page, scripts.join(''));
  await page.goto(`${server.origin}/page.html`);
  await page.waitForLoadState('load');
  // Module scripts have run by `load`, and a second copy's warning comes from its define(); the
  // element's first render follows: wait for it, and one frame.
  await page.evaluate(async () => {
    await /** @type {any} */ (document.querySelector('gz-reading-time'))?.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
  });
  const state = await page.evaluate((tags) => {
    const el = document.querySelector('gz-reading-time');
    return {
      defined: tags.filter((t) => customElements.get(t)),
      text: el?.shadowRoot?.querySelector('[part~=label]')?.textContent?.trim() ?? null,
      global: typeof (/** @type {any} */ (window).Gazette?.GzReadingTime),
      classes: /** @type {any} */ (window).__classes ?? [],
      // Each class's attributes and their option types, as Lit finalized them.
      attributes: Object.fromEntries(
        tags.map((t) => {
          const c = /** @type {any} */ (customElements.get(t));
          const byAttribute = new Map(
            [...(c?.elementProperties ?? [])].map(([name, o]) => [
              typeof o.attribute === 'string' ? o.attribute : String(name).toLowerCase(),
              o,
            ]),
          );
          const names = /** @type {string[]} */ ([...(c?.observedAttributes ?? [])]).sort();
          return [t, names.map((a) => `${a}:${byAttribute.get(a)?.type?.name ?? ''}`)];
        }),
      ),
    };
  }, tags);
  await page.close();
  return { ...state, errors, warnings };
}

try {
  await suite.check('a bundled import of gazette/reading-time.js registers <gz-reading-time>', async () => {
    const r = await open([`<script type="module" src="/out-subpath/bundle.js"></script>`]);
    assert(r.defined.includes('gz-reading-time'), `defined: ${r.defined}`);
    assert(r.text === 'Lesezeit: 3 min', `label: ${r.text}`);
    assert(r.errors.length === 0, r.errors.join('\n'));
  });

  await suite.check('a bundled import of gazette (classes only) registers nothing', async () => {
    const r = await open([`<script type="module" src="/out-index/bundle.js"></script>`]);
    assert(r.classes.includes('GzReadingTime'), 'the class was not imported');
    assert(r.defined.length === 0, `defined: ${r.defined}`);
  });

  await suite.check('the CDN ES module registers every element', async () => {
    const r = await open([`<script type="module" src="/cdn/dist/gazette.js"></script>`]);
    assert(r.defined.length === tags.length, `defined: ${r.defined} of ${tags}`);
    assert(r.text === 'Lesezeit: 3 min', `label: ${r.text}`);
    assert(r.errors.length === 0 && r.warnings.length === 0, [...r.errors, ...r.warnings].join('\n'));
  });

  await suite.check(
    "the CDN classes observe the manifest's attributes with its boolean types (static properties built from decorators)",
    async () => {
      const r = await open([`<script type="module" src="/cdn/dist/gazette.js"></script>`]);
      const manifest = JSON.parse(readFileSync(resolve(root, 'custom-elements.json'), 'utf8'));
      for (const d of manifest.modules.flatMap((/** @type {any} */ m) => m.declarations ?? [])) {
        if (!d.tagName) continue;
        const want = (d.attributes ?? [])
          .map((/** @type {any} */ a) => `${a.name}:${a.type?.text === 'boolean' ? 'Boolean' : ''}`)
          .sort();
        const have = (r.attributes[d.tagName] ?? [])
          .map((/** @type {string} */ a) => (a.endsWith(':Boolean') ? a : a.replace(/:.*$/, ':')))
          .sort();
        assert(
          JSON.stringify(have) === JSON.stringify(want),
          `<${d.tagName}>: built ${have.join(' ')}; manifest ${want.join(' ')}`,
        );
      }
    },
  );

  await suite.check(
    'the CDN ES module loaded with a query warns once: its lazy chunks would load a second copy',
    async () => {
      const r = await open([`<script type="module" src="/cdn/dist/gazette.js?v=3"></script>`]);
      assert(r.defined.length === tags.length, `defined: ${r.defined} of ${tags}`);
      const hints = r.warnings.filter((w) => w.includes('gazette.js?v=3') && /: GZ-\w{4} /.test(w));
      // Only the hint: the chunks a first render loads (page-styles) import nothing from
      // ./gazette.js, so no second copy is loaded until a lazy feature is used.
      assert(hints.length === 1 && r.warnings.length === 1, `warnings: ${r.warnings.join(' | ')}`);
      assert(r.errors.length === 0, r.errors.join('\n'));
    },
  );

  await suite.check('the CDN IIFE registers every element and exposes window.Gazette', async () => {
    const r = await open([`<script src="/cdn/dist/gazette.iife.js"></script>`]);
    assert(r.defined.length === tags.length, `defined: ${r.defined}`);
    assert(r.global === 'function', 'window.Gazette.GzReadingTime missing');
    assert(r.errors.length === 0, r.errors.join('\n'));
  });

  await suite.check('two copies on one page: a warning per tag, no error, the first copy stays', async () => {
    const r = await open([
      `<script src="/cdn/dist/gazette.iife.js"></script>`,
      `<script type="module" src="/cdn/dist/gazette.js"></script>`,
    ]);
    assert(r.errors.length === 0, r.errors.join('\n'));
    assert(r.text === 'Lesezeit: 3 min', `label: ${r.text}`);
    const dupes = r.warnings.filter((w) => w.includes('(held by Gazette') && /: GZ-\w{4} /.test(w));
    assert(dupes.length === tags.length, `warnings: ${r.warnings.join(' | ')}`);
  });
  /**
   * The badge's label once `<gz-reading-time>` is defined (by the autoloader, when its chunk arrives)
   * and rendered.
   * @param {import('playwright-core').Page} page
   */
  const badgeLabel = (page) =>
    page.evaluate(async () => {
      await customElements.whenDefined('gz-reading-time');
      const el = /** @type {any} */ (document.querySelector('gz-reading-time'));
      await el.updateComplete;
      return el.shadowRoot.querySelector('[part~=label]')?.textContent?.trim();
    });

  // The autoloader's graph as the build wrote it: for each tag, its chunk and the chunks it imports.
  const written = autoloaderBuild(readFileSync(resolve(root, 'dist/cdn/gazette-autoloader.js'), 'utf8'));
  /** The chunk files (relative to dist/cdn/) a tag needs, its own first. @param {string} key */
  const chunksOf = (key) => {
    const files = written?.graph[key];
    assert(files?.length, `the autoloader has no graph entry for ${key}`);
    return /** @type {string[]} */ (files);
  };

  await suite.check(
    'the CDN autoloader defines only the tags a page has, and tags added later (by script and as markup)',
    async () => {
      const page = await browser.newPage();
      const { errors, warnings } = collectConsole(page);
      /** @type {string[]} chunk files asked for, relative to dist/cdn/ */
      const asked = [];
      // Every chunk is held until all a first render needs has been asked for: a chunk the
      // browser finds only in another chunk's imports (a waterfall) would never be asked, and the
      // deadline below fails the check.
      const needed = [...new Set([...chunksOf('gz-reading-time'), ...chunksOf('page-styles')])];
      // A discovery that needs fewer bytes than gazette.js gets chunks (this one: 16 kB of 39).
      assert(written && written.all > 30_000, `gazette.js's size in the autoloader: ${written?.all}`);
      /** @type {() => void} */
      let release = () => {};
      const released = new Promise((r) => (release = () => r(undefined)));
      await page.route('**/cdn/dist/autoloader/**', async (route) => {
        asked.push(new URL(route.request().url()).pathname.replace('/cdn/dist/', ''));
        if (needed.every((f) => asked.includes(f))) release();
        await released;
        await route.continue();
      });
      await servePage(page, `<script type="module" src="/cdn/dist/gazette-autoloader.js?v=3"></script>`);
      await page.goto(`${server.origin}/page.html`);
      // A deadline for the waterfall case, not a synchronisation: the check ends as soon as all is asked.
      const deadline = setTimeout(release, 10_000);
      await released;
      clearTimeout(deadline);
      const missing = needed.filter((f) => !asked.includes(f));
      assert(missing.length === 0, `not asked for before a chunk arrived: ${missing.join(', ')} (asked: ${asked})`);
      const label = await badgeLabel(page);
      assert(label === 'Lesezeit: 3 min', `label: ${label}`);
      // Later: a card created by script, a teaser in markup as a CMS fragment would add it, and an
      // unknown tag in two separate insertions.
      const later = await page.evaluate(async () => {
        const card = document.createElement('gz-author-card');
        card.setAttribute('name', 'Anna Berg');
        document.body.append(card);
        document.body.insertAdjacentHTML(
          'beforeend',
          '<section><gz-teaser href="/a/1" date="2026-02-17"><span slot="title">Bayer-Aktie</span></gz-teaser><gz-foo></gz-foo></section>',
        );
        // Defined means the observer has handled the first insertion; then a second <gz-foo>.
        await Promise.all(['gz-author-card', 'gz-teaser'].map((t) => customElements.whenDefined(t)));
        document.body.append(document.createElement('gz-foo'));
        const teaser = /** @type {any} */ (document.querySelector('gz-teaser'));
        await Promise.all([/** @type {any} */ (card).updateComplete, teaser.updateComplete]);
        return {
          card: card.shadowRoot?.textContent ?? '',
          teaser: teaser.shadowRoot?.textContent ?? '',
          defined: [
            'gz-reading-time',
            'gz-author-card',
            'gz-teaser',
            'gz-article-header',
            'gz-article-body',
            'gz-author-list',
            'gz-subscribe-button',
            'gz-teaser-list',
          ].filter((t) => customElements.get(t)),
        };
      });
      assert(later.card.includes('Anna Berg'), `card: ${later.card.slice(0, 200)}`);
      assert(later.teaser.includes('2026'), `teaser: ${later.teaser.slice(0, 200)}`);
      const used = ['gz-reading-time', 'gz-author-card', 'gz-teaser'];
      assert(JSON.stringify(later.defined) === JSON.stringify(used), `defined: ${later.defined}`);
      const unused = [
        'gz-article-header',
        'gz-article-body',
        'gz-author-list',
        'gz-subscribe-button',
        'gz-teaser-list',
      ];
      const fetched = unused.filter((t) => asked.includes(chunksOf(t)[0]));
      assert(fetched.length === 0, `chunks of unused tags were requested: ${fetched}`);
      assert(new Set(asked).size === asked.length, `a chunk was requested twice: ${asked}`);
      const unknown = warnings.filter((w) => w.includes('<gz-foo>'));
      assert(unknown.length === 1 && warnings.length === 1, `warnings: ${warnings.join(' | ')}`);
      assert(errors.length === 0, errors.join('\n'));
      await page.close();
    },
  );

  await suite.check(
    'the CDN autoloader under a strict CSP with Trusted Types: its chunks load, 0 violations',
    async () => {
      const page = await browser.newPage();
      const { errors } = collectConsole(page);
      await page.addInitScript(() => {
        const w = /** @type {any} */ (window);
        w.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      /** @type {string[]} */
      const scripts = [];
      page.on('request', (r) => r.url().endsWith('.js') && scripts.push(new URL(r.url()).pathname));
      await servePage(page, `<script type="module" src="/cdn/dist/gazette-autoloader.js"></script>`, {
        'content-security-policy':
          "default-src 'self'; script-src 'self'; style-src 'self'; " +
          "require-trusted-types-for 'script'; trusted-types lit-html gazette dompurify",
      });
      await page.goto(`${server.origin}/page.html`);
      const label = await badgeLabel(page);
      assert(label === 'Lesezeit: 3 min', `label: ${label}`);
      // The element-chunk path (modulepreload links, then import()), not gazette.js.
      assert(
        !scripts.includes('/cdn/dist/gazette.js') && scripts.some((p) => p.endsWith('/autoloader/core.js')),
        `scripts: ${scripts.join(' ')}`,
      );
      const violations = await page.evaluate(() => /** @type {any} */ (window).__violations);
      assert(violations.length === 0, `violations: ${violations.join(' | ')}`);
      assert(errors.length === 0, errors.join('\n'));
      await page.close();
    },
  );

  await suite.check(
    'the CDN autoloader asks again for chunks that failed (core: 500, the badge: cut off) and renders',
    async () => {
      const page = await browser.newPage();
      const { errors, warnings } = collectConsole(page);
      await page.addInitScript(() => {
        const w = /** @type {any} */ (window);
        w.__rejections = [];
        window.addEventListener('unhandledrejection', (e) => w.__rejections.push(String(e.reason)));
      });
      /** @type {string[]} chunk files asked for, relative to dist/cdn/ */
      const asked = [];
      await page.route('**/cdn/dist/autoloader/**', async (route) => {
        const file = new URL(route.request().url()).pathname.replace('/cdn/dist/', '');
        asked.push(file);
        const first = asked.filter((f) => f === file).length === 1;
        if (first && file === 'autoloader/core.js') await route.fulfill({ status: 500, body: 'down' });
        else if (first && file === 'autoloader/reading-time.js') await route.abort('failed');
        else await route.continue();
      });
      await servePage(page, `<script type="module" src="/cdn/dist/gazette-autoloader.js"></script>`);
      await page.goto(`${server.origin}/page.html`);
      const label = await badgeLabel(page);
      assert(label === 'Lesezeit: 3 min', `label: ${label}`);
      for (const file of ['autoloader/core.js', 'autoloader/reading-time.js']) {
        const times = asked.filter((f) => f === file).length;
        assert(times === 2, `${file} asked for ${times} times (${asked.join(' ')})`);
      }
      // The browser's own lines for the failed requests are errors too; nothing else is.
      const other = errors.filter((e) => !/Failed to load resource|net::ERR_FAILED/.test(e));
      assert(other.length === 0, other.join('\n'));
      // Where the browser re-requests a failed module (Chromium, whatwg/html#10327), the import
      // after the failed preloads succeeds: no warning. Otherwise the second try warns.
      const stray = warnings.filter((w) => !w.startsWith('Gazette autoloader: <gz-reading-time> did not load'));
      assert(stray.length === 0, `warnings: ${stray.join(' | ')}`);
      const rejections = await page.evaluate(() => /** @type {any} */ (window).__rejections);
      assert(rejections.length === 0, `unhandled rejections: ${rejections.join(' | ')}`);
      await page.close();
    },
  );

  await suite.check('the demo page (npm start) shows "Lesezeit: 3 min" without console errors', async () => {
    const dev = await createServer({
      configFile: resolve(root, 'vite.config.ts'),
      logLevel: 'silent',
      server: { port: 0 },
    });
    await dev.listen();
    try {
      const page = await browser.newPage();
      const { errors } = collectConsole(page);
      const url = dev.resolvedUrls?.local[0] ?? '';
      await page.goto(url);
      const label = page.locator('gz-reading-time [part~=label]');
      await label.waitFor({ timeout: 15_000 });
      const text = (await label.textContent())?.trim();
      assert(text === 'Lesezeit: 3 min', `label: ${text}`);
      // <gz-article-header>: the reference dateline, 17.11.2024, 16:03, inside a <time datetime>.
      const time = page.locator('gz-article-header time[part~=published]');
      const date = (await time.locator('[aria-hidden]').textContent())?.trim();
      assert(date === '17.11.2024, 16:03', `date: ${date}`);
      assert((await time.getAttribute('datetime')) === '2024-11-17T16:03:00+01:00', 'datetime');
      assert(errors.length === 0, errors.join('\n'));
      await page.close();
    } finally {
      await dev.close();
    }
  });
} finally {
  await browser.close();
  await server.close();
}

process.exit(suite.finish());
