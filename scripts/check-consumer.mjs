// @ts-check
/**
 * A new user's first hour, as a test (run after `npm run build`): `npm pack`s the package and
 * installs the tarball into a throwaway app from the local npm cache (`--prefer-offline`: the
 * registry is asked only for what the cache lacks, e.g. on a fresh machine), as a user would
 * install it; then, in Chromium:
 *
 * - npm app: a TypeScript file that uses every tag, event and property type type-checks (strict,
 *   against the tarball's .d.ts), builds with Vite, and renders on a page;
 * - CDN: a plain HTML page with the tarball's `dist/cdn/gazette.js` (and one with the IIFE in
 *   `<head>`, one with the autoloader `dist/cdn/gazette-autoloader.js`) renders every element;
 * - React: a .tsx app on `gazette/react` type-checks (event props' `currentTarget` is the element),
 *   builds and renders;
 * - the consumer's installed tree holds Gazette's runtime dependencies only: no dev tooling
 *   (chromedriver, test runner, Storybook), and no React or @lit/react until the app asks for them.
 *
 * The app uses this repository's Vite and TypeScript (tooling a user brings), never its
 * node_modules for the package. Install scripts never run (`--ignore-scripts`).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { collectConsole, launch } from './lib/browser.mjs';
import { assert, results } from './lib/results.mjs';
import { serveStatic } from './lib/static-server.mjs';

const root = resolve(import.meta.dirname, '..');
const suite = results('consumer');
const started = Date.now();
const app = resolve(root, 'node_modules/.cache/gz-consumer');
rmSync(app, { recursive: true, force: true });
mkdirSync(join(app, 'src'), { recursive: true });

/** @param {string} command @param {string[]} args @param {string} cwd */
const run = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe' });
const npm = (/** @type {string[]} */ args) =>
  run('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], app);

/** Every package folder under node_modules (scoped ones as `@scope/name`). */
function installed() {
  const modules = join(app, 'node_modules');
  return readdirSync(modules)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) => (name.startsWith('@') ? readdirSync(join(modules, name)).map((n) => `${name}/${n}`) : [name]))
    .sort();
}

const pack = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', app], root))[0];
const tarball = join(app, pack.filename);
writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'gz-consumer', private: true, type: 'module' }));

const step = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
await suite.check(`the tarball installs offline (${pack.entryCount} files, ${(pack.size / 1e3).toFixed(0)} kB)`, () => {
  npm(['install', tarball]);
});

await suite.check('the installed tree has no dev tooling and no React (optional peers)', () => {
  const tree = installed();
  const tooling = tree.filter((name) =>
    /^(chromedriver|tachometer|selenium-webdriver|storybook|@storybook\/|@web\/|vite|typescript|react|react-dom|@lit\/react|@types\/react)$/.test(
      name,
    ),
  );
  assert(tooling.length === 0, `installed with gazette: ${tooling.join(', ')}`);
  const expected = ['dompurify', 'gazette', 'lit'];
  for (const name of expected) assert(tree.includes(name), `${name} is missing from ${tree.join(', ')}`);
  assert(tree.length <= 10, `gazette installs ${tree.length} packages: ${tree.join(', ')}`);
});

await suite.check('source maps only beside the minified CDN files (README, "Install")', () => {
  const maps = pack.files.map((/** @type {{ path: string }} */ f) => f.path).filter((p) => p.endsWith('.map'));
  const misplaced = maps.filter(
    (/** @type {string} */ p) => !/^dist\/cdn\/(lang\/|autoloader\/)?[^/]+\.js\.map$/.test(p),
  );
  assert(misplaced.length === 0, `maps of unminified files: ${misplaced.join(', ')}`);
  assert(maps.includes('dist/cdn/gazette.js.map'), 'dist/cdn/gazette.js has no map');
});

await suite.check('React, react-dom and @lit/react install beside it offline', () => {
  npm(['install', 'react@19', 'react-dom@19', '@types/react@19', '@types/react-dom@19', '@lit/react@1']);
});

// The app: one file that uses every tag, event and property type, and one React file.
writeFileSync(
  join(app, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'bundler',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      jsx: 'react-jsx',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
    include: ['src'],
  }),
);
writeFileSync(
  join(app, 'src/main.ts'),
  `import 'gazette/all.js';
import {
  GzArticleBody, GzArticleHeader, GzAuthorCard, GzAuthorList, GzReadingTime, GzSubscribeButton, GzTeaser,
  GzTeaserList, GzSubscribeEvent, GzTeaserSelectEvent, VERSION, type TeaserItem, type SubscribeResult,
} from 'gazette';

const tags = {
  header: document.createElement('gz-article-header'),
  body: document.createElement('gz-article-body'),
  time: document.createElement('gz-reading-time'),
  card: document.createElement('gz-author-card'),
  list: document.createElement('gz-author-list'),
  button: document.createElement('gz-subscribe-button'),
  teasers: document.createElement('gz-teaser-list'),
  teaser: document.createElement('gz-teaser'),
} satisfies Record<string, HTMLElement>;
const classes: [HTMLElement, new () => HTMLElement][] = [
  [tags.header, GzArticleHeader], [tags.body, GzArticleBody], [tags.time, GzReadingTime], [tags.card, GzAuthorCard],
  [tags.list, GzAuthorList], [tags.button, GzSubscribeButton], [tags.teasers, GzTeaserList], [tags.teaser, GzTeaser],
];

tags.header.section = 'Politik';
tags.header.published = '2024-11-17T16:03:00+01:00';
tags.header.timeZone = 'Europe/Berlin';
tags.header.noReadingTime = true;
tags.header.innerHTML = '<h1>Netzausbau im Norden stockt</h1>';
tags.body.id = 'body';
tags.body.html = '<p>' + 'Wort '.repeat(700) + '</p>';
tags.time.for = 'body';
tags.time.minutes = 3;
const shown: number | undefined = tags.time.minutes;
tags.card.name = 'Virgil Zólyom';
tags.card.layout = 'compact';
tags.list.append(tags.card);
tags.button.topic = 'energiewende';
tags.button.topicLabel = 'Energiewende';
tags.button.action = '/api/subscriptions'; // never called: the host handles gz-subscribe itself
const result: SubscribeResult = 'subscribed';
tags.button.addEventListener('gz-subscribe', (event: GzSubscribeEvent) => {
  event.preventDefault();
  const topic: string = event.detail.topic;
  (event.currentTarget as GzSubscribeButton).complete(topic ? result : 'error');
});
const items: TeaserItem[] = [{ title: 'Bayer-Aktie: Was Anleger jetzt wissen müssen', href: '/a/1', date: '2026-02-17' }];
tags.teasers.items = items;
tags.teasers.layout = 'grid';
tags.teasers.addEventListener('gz-teaser-select', (event: GzTeaserSelectEvent) => {
  const position: number = event.detail.position;
  document.body.dataset['selected'] = String(position);
});
tags.teaser.href = '/a/2';
tags.teaser.innerHTML = '<span slot="title">Ein Teaser</span>';

const article = document.createElement('article');
article.lang = 'de';
article.append(tags.header, tags.time, tags.body, tags.list, tags.button, tags.teasers, tags.teaser);
document.body.append(article);
// Code that may run before the tags are defined waits for them.
await Promise.all(Object.values(tags).map((el) => customElements.whenDefined(el.localName)));
await Promise.all(Object.values(tags).map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
(window as unknown as { __gz: unknown }).__gz = {
  version: VERSION,
  shown,
  defined: classes.every(([el, cls]) => el instanceof cls),
  time: tags.time.shadowRoot?.querySelector('[part=label]')?.textContent?.trim(),
  header: tags.header.shadowRoot?.textContent ?? '',
};
`,
);
writeFileSync(
  join(app, 'src/react.tsx'),
  `import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GzArticleHeader, GzReadingTime, GzSubscribeButton } from 'gazette/react';

function App() {
  const [status, setStatus] = useState('idle');
  return (
    <article lang="de">
      <GzArticleHeader section="Politik" published="2024-11-17T15:03:00Z" timeZone="Europe/Berlin" noReadingTime>
        <h1>Netzausbau im Norden stockt</h1>
      </GzArticleHeader>
      <GzReadingTime id="rt" minutes={4} />
      <GzSubscribeButton
        id="follow"
        topic="energiewende"
        topicLabel="Energiewende"
        action="/api/subscriptions"
        email="leser@example.org"
        onGzSubscribe={(event) => {
          event.preventDefault();
          const button = event.currentTarget; // typed: the <gz-subscribe-button>
          // The host's own provider answers later (a synchronous complete() is issue 14's).
          void Promise.resolve().then(() => button.complete('subscribed'));
          setStatus(event.detail.topic);
        }}
      />
      <output id="status">{status}</output>
    </article>
  );
}
createRoot(document.getElementById('root')!).render(<App />);
`,
);
writeFileSync(
  join(app, 'index.html'),
  '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>npm</title></head><body><script type="module" src="/src/main.ts"></script></body></html>',
);
writeFileSync(
  join(app, 'react.html'),
  '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>React</title></head><body><div id="root"></div><script type="module" src="/src/react.tsx"></script></body></html>',
);

console.log(`  (installed at ${step()})`);
const tsc = resolve(root, 'node_modules/typescript/bin/tsc');
await suite.check('the app type-checks against the tarball (every tag, event, property; React props)', () => {
  try {
    run(process.execPath, [tsc, '-p', 'tsconfig.json'], app);
  } catch (error) {
    throw new Error(
      String(/** @type {{ stdout?: string }} */ (error).stdout ?? error)
        .trim()
        .slice(0, 2000),
      { cause: error },
    );
  }
});

let built = false;
await suite.check('the app builds with Vite', async () => {
  await build({
    configFile: false,
    root: app,
    logLevel: 'silent',
    // The app's own dependencies only: resolution starts from the app, never this repository.
    resolve: { preserveSymlinks: true },
    base: './',
    oxc: { jsx: { runtime: 'automatic' } },
    build: {
      outDir: join(app, 'dist'),
      rollupOptions: { input: { main: join(app, 'index.html'), react: join(app, 'react.html') } },
    },
  });
  built = true;
});
console.log(`  (type-checked and built at ${step()})`);
if (!built) process.exit(suite.finish());

// The CDN files from the installed package, on plain pages: the module and the IIFE in <head>.
mkdirSync(join(app, 'cdn'), { recursive: true });
const cdnPage = (/** @type {string} */ script) => `<!doctype html><html lang="de"><head><meta charset="utf-8">
<link rel="stylesheet" href="/node_modules/gazette/dist/preload.css">${script}</head><body><article>
<gz-article-header section="Politik" published="2024-11-17T16:03:00+01:00" time-zone="Europe/Berlin" reading-time-for="body"><h1>Netzausbau im Norden stockt</h1></gz-article-header>
<gz-article-body id="body"><p>${'Wort '.repeat(700)}</p></gz-article-body>
<gz-author-list><gz-author-card name="Virgil Zólyom" layout="compact"></gz-author-card><gz-author-card name="Anna Berg" layout="compact"></gz-author-card></gz-author-list>
<gz-subscribe-button topic="energiewende" topic-label="Energiewende" action="/api/subscriptions"></gz-subscribe-button>
<gz-teaser-list items='[{"title":"Bayer-Aktie","href":"/a/1","date":"2026-02-17"}]'></gz-teaser-list>
</article></body></html>`;
writeFileSync(
  join(app, 'cdn/module.html'),
  cdnPage('<script type="module" src="/node_modules/gazette/dist/cdn/gazette.js"></script>'),
);
writeFileSync(
  join(app, 'cdn/iife.html'),
  cdnPage('<script src="/node_modules/gazette/dist/cdn/gazette.iife.js"></script>'),
);
writeFileSync(
  join(app, 'cdn/autoloader.html'),
  cdnPage('<script type="module" src="/node_modules/gazette/dist/cdn/gazette-autoloader.js"></script>'),
);

const server = await serveStatic(app);
const browser = await launch();
try {
  const open = async (/** @type {string} */ url) => {
    const page = await browser.newPage();
    const log = collectConsole(page);
    await page.goto(url);
    /** Waits for `fn` in the page; on timeout, fails with `what` and the page's console errors. */
    const until = async (/** @type {() => unknown} */ fn, /** @type {string} */ what) => {
      try {
        await page.waitForFunction(fn, null, { timeout: 15_000 });
      } catch {
        throw new Error(`${what} did not happen; console errors: ${log.errors.join(' | ') || 'none'}`);
      }
    };
    return { page, log, until };
  };

  await suite.check('npm app: every element is defined and renders ("Lesezeit: 3 min", the dateline)', async () => {
    const { page, log, until } = await open(`${server.origin}/dist/index.html`);
    await until(() => /** @type {any} */ (window).__gz, 'the app finishing');
    const gz = await page.evaluate(() => /** @type {any} */ (window).__gz);
    assert(gz.defined, 'an element is not an instance of its class');
    assert(gz.shown === 3, `el.minutes = 3 reads back ${gz.shown}`);
    assert(gz.time === 'Lesezeit: 3 min', `reading time: ${gz.time}`);
    assert(gz.header.includes('17.11.2024, 16:03'), `header: ${gz.header.slice(0, 200)}`);
    assert(log.errors.length === 0, `console errors: ${log.errors.join(' | ')}`);
    assert(log.warnings.length === 0, `console warnings: ${log.warnings.join(' | ')}`);
    await page.close();
  });

  for (const kind of ['module', 'iife', 'autoloader']) {
    await suite.check(
      `CDN ${kind === 'iife' ? 'IIFE in <head>' : kind}: a plain page renders every element, no warning`,
      async () => {
        const { page, log, until } = await open(`${server.origin}/cdn/${kind}.html`);
        // <gz-article-body> keeps its text in light DOM; the others render into their shadow roots.
        const tags = ['gz-article-header', 'gz-author-list', 'gz-subscribe-button', 'gz-teaser-list'];
        // The autoloader defines each tag when its chunk arrives, in no set order.
        await until(
          () =>
            [...document.querySelectorAll('*')].every(
              (el) => !el.localName.startsWith('gz-') || el.matches(':defined'),
            ),
          'defining the elements',
        );
        const undefinedOrEmpty = await page.evaluate(async (names) => {
          await Promise.all(names.map((name) => /** @type {any} */ (document.querySelector(name))?.updateComplete));
          return names.filter((name) => !document.querySelector(name)?.shadowRoot?.textContent?.trim());
        }, tags);
        assert(undefinedOrEmpty.length === 0, `rendered nothing: ${undefinedOrEmpty.join(', ')}`);
        await until(
          () => document.querySelector('gz-author-list')?.shadowRoot?.textContent?.includes('Anna Berg'),
          'the byline',
        );
        const time = await page.evaluate(
          () =>
            document.querySelector('gz-article-header')?.shadowRoot?.querySelector('gz-reading-time')?.shadowRoot
              ?.textContent,
        );
        assert(time?.includes('Lesezeit: 3 min'), `header's reading time: ${time}`);
        const byline = await page.evaluate(
          () => document.querySelector('gz-author-list')?.shadowRoot?.textContent ?? '',
        );
        assert(byline.includes('Virgil Zólyom') && byline.includes('Anna Berg'), `byline: ${byline}`);
        assert(log.errors.length === 0, `console errors: ${log.errors.join(' | ')}`);
        assert(log.warnings.length === 0, `console warnings: ${log.warnings.join(' | ')}`);
        await page.close();
      },
    );
  }

  await suite.check('React: renders, and onGzSubscribe gets the button as a typed currentTarget', async () => {
    const { page, log, until } = await open(`${server.origin}/dist/react.html`);
    await until(() => document.querySelector('#rt')?.shadowRoot?.textContent?.includes('4 min'), 'rendering 4 min');
    await page.evaluate(() => customElements.whenDefined('gz-subscribe-button'));
    await page.locator('#follow button').click();
    await until(() => document.querySelector('#status')?.textContent === 'energiewende', 'the gz-subscribe prop');
    await until(
      () => document.querySelector('#follow')?.matches(':state(subscribed)'),
      'complete() from currentTarget',
    );
    assert(log.errors.length === 0, `console errors: ${log.errors.join(' | ')}`);
    assert(log.warnings.length === 0, `console warnings: ${log.warnings.join(' | ')}`);
    await page.close();
  });
} finally {
  await browser.close();
  await server.close();
}

console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
process.exit(suite.finish());
