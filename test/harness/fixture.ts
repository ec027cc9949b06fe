/**
 * The suite's `fixture`: @open-wc/testing's in the client-rendered run, and in the server-rendered
 * run (the `ssr` group of web-test-runner.config.mjs) the same template rendered on the server by
 * `gazette/ssr` (test/harness/ssr-plugin.mjs), parsed with its declarative shadow roots, and
 * hydrated as `gazette/hydrate.js` does: Lit's hydrate support is loaded before the elements, the
 * template's own bindings (properties, listeners) are hydrated by `@lit-labs/ssr-client`, then each
 * element takes over its server-rendered shadow root. A hydration error fails the test.
 *
 * A test file changes only its import line (`import { fixture } from './helpers.js'`) to run both
 * ways. A test that cannot start from server output (it changes the element before its first
 * render, or needs a node the server cannot send) imports `clientFixture` instead, with a note.
 */
// The one place that may use it: every test reaches it through this module.
// eslint-disable-next-line no-restricted-imports
import { fixture as openWcFixture, fixtureCleanup, nextFrame } from '@open-wc/testing';
import { hydrate } from '@lit-labs/ssr-client';
import { executeServerCommand } from '@web/test-runner-commands';
import { html, noChange, nothing, type TemplateResult } from 'lit';
import { adoptPageStyles } from '../../src/internal/tokens.js';
import { CLIENT_ONLY_TESTS } from './server-exceptions.js';

/** Whether this page is the server-rendered run (set by its test runner HTML). */
export const serverRendered: boolean = (globalThis as { gzRender?: string }).gzRender === 'server';

if (serverRendered) {
  beforeEach(function () {
    // A server-rendered test does more (a round trip to the server, hydration) than its client twin.
    this.currentTest?.timeout(Math.max(this.currentTest.timeout(), 15_000));
    const title = this.currentTest?.fullTitle() ?? '';
    const reason = CLIENT_ONLY_TESTS.find(([pattern]) => pattern.test(title))?.[1];
    // Skipped in the server-rendered run only, with its reason in server-exceptions.ts.
    if (reason) this.skip();
  });
}

/** Gazette's tags: a page that registered one of them renders elements. */
const TAGS = [
  'article-body',
  'article-header',
  'author-card',
  'author-list',
  'reading-time',
  'subscribe-button',
  'teaser',
  'teaser-list',
];

/**
 * Before a file's first test (each file runs in a page of its own), what a page pays once is paid
 * here, outside any test's limit: the page-wide sheets' chunk, which every element's first render
 * waits for, and, server-rendered, a first round trip to the server and a first hydration. Without
 * it a file's first test carried that cold cost (up to 5 s on a loaded machine). Files that use
 * `accessible()` warm axe as well (test/harness/axe.ts).
 */
before(async function () {
  this.timeout(Math.max(this.timeout(), 60_000));
  if (!TAGS.some((tag) => customElements.get(`gz-${tag}`))) return;
  await adoptPageStyles();
  if (serverRendered) (await serverFixture<HTMLElement>(html`<p>warm</p>`)).parentElement!.remove();
});

/** Renders in the browser only, in both runs. */
export const clientFixture = openWcFixture;

/** The server-rendered fixtures' containers, removed after each test as @open-wc/testing removes its own. */
const containers: HTMLElement[] = [];
/** Counts finished tests: a fixture still rendering when its test timed out must not outlive it. */
let finished = 0;
afterEach(() => {
  finished++;
  // @open-wc/testing registers this itself only when mocha is already loaded as it is first
  // imported; test/harness/chai-elements.ts imports it earlier, before the test framework, so
  // without this line every fixture stayed in the page (duplicate ids, timers, focus from earlier
  // tests). Calling it twice is harmless.
  fixtureCleanup();
  const lost = containers.flatMap(textInEndMarkers);
  for (const container of containers.splice(0)) container.remove();
  if (lost.length)
    throw new Error(
      `text written into a Lit part's end marker after hydration, never shown: ${lost.map((t) => JSON.stringify(t)).join(', ')}` +
        " (a binding server-rendered as '' and set later: render `nothing` instead of '')",
    );
});

/**
 * Text a hydrated element wrote into a comment instead of the page. Lit's hydration records a
 * server-rendered '' as a committed text value although the server sent no text node between the
 * part's markers (`<!--lit-part--><!--/lit-part-->`); the first non-empty value after it is then
 * written into the end marker (lit-html's _commitText sets `nextSibling.data`). A reader sees
 * nothing: <gz-subscribe-button>'s "not sent, send now?" was lost this way.
 */
function textInEndMarkers(root: Node): string[] {
  const lost: string[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      const before = child.previousSibling;
      if (
        child.nodeType === Node.COMMENT_NODE &&
        before?.nodeType === Node.COMMENT_NODE &&
        /^lit-part\b/.test((before as Comment).data) &&
        !/^(\/?lit-|\?|$)/.test((child as Comment).data)
      )
        lost.push((child as Comment).data);
      if (child instanceof Element && child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  walk(root);
  return lost;
}

/** The page's own timer, before any test fakes it. */
const realSetTimeout = window.setTimeout;

/**
 * Runs the server command with its response timer on the page's real clock. @web/test-runner's
 * web socket sets a 20 s timer per command (and never clears it): under a test's fake clock
 * (`sinon.useFakeTimers`) that timer was counted as the element's, e.g. the author card's photo
 * timeout "started" for a photo far below the viewport. The first `setTimeout` after the command
 * starts is that timer; any later one is the test's again.
 */
async function onRealClock<T>(command: () => Promise<T>): Promise<T> {
  const faked = window.setTimeout;
  // sinon's fake timers carry their clock.
  if (!('clock' in faked)) return command();
  const once = ((...args: Parameters<typeof setTimeout>) => {
    window.setTimeout = faked;
    return realSetTimeout.apply(window, args);
  }) as typeof setTimeout;
  window.setTimeout = once;
  try {
    return await command();
  } finally {
    if (window.setTimeout === once) window.setTimeout = faked;
  }
}

/** What the server gets for a template value; see test/harness/ssr-worker.mjs. */
function serialize(value: unknown): unknown {
  if (value === nothing) return { $: 'nothing' };
  if (value === noChange) return { $: 'noChange' };
  if (value === undefined) return { $: 'undefined' };
  if (typeof value === 'function') return { $: 'function' };
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(serialize);
  if ('_$litType$' in value) {
    const t = value as TemplateResult;
    return { $: 'template', type: t['_$litType$'], strings: [...t.strings], values: t.values.map(serialize) };
  }
  if ('_$litDirective$' in value) {
    const d = value as { _$litDirective$: { name: string }; values: unknown[] };
    if (d._$litDirective$.name === 'UnsafeHTMLDirective') return { $: 'unsafeHTML', value: d.values[0] };
    // A ref has no server-side meaning (Lit's server render skips element bindings); hydrating the
    // template in the browser sets it on the server-rendered element.
    if (d._$litDirective$.name === 'RefDirective') return { $: 'nothing' };
    throw new Error(`the server-rendered fixture cannot send the ${d._$litDirective$.name} directive`);
  }
  if (value instanceof Date) return { $: 'date', value: value.toISOString() };
  if (value instanceof Node) throw new Error('the server-rendered fixture cannot send a DOM node');
  return { $: 'json', value };
}

/**
 * Renders `template` on the server, puts the HTML into the page and hydrates it; resolves with the
 * first element, as @open-wc/testing's `fixture` does.
 */
export async function serverFixture<T extends Element>(
  template: TemplateResult,
  {
    beforeHydration,
    afterHydration,
  }: {
    /** Sees the page as the server sent it, before any element hydrates. */
    beforeHydration?: (container: HTMLElement) => void;
    /** Sees it right after the elements' first (hydrating) update, before anything asynchronous. */
    afterHydration?: (container: HTMLElement) => Promise<void> | void;
  } = {},
): Promise<T> {
  const test = finished;
  const answer = await onRealClock(() =>
    executeServerCommand<{ html?: string; error?: string }, unknown>('gz-ssr-render', {
      template: serialize(template),
      lang: document.documentElement.lang || undefined,
    }),
  );
  if (!answer?.html) throw new Error(`server rendering failed: ${answer?.error ?? 'no answer'}`);
  if (finished !== test) throw new Error('the test ended before its server-rendered fixture arrived');
  const container = document.createElement('div');
  document.body.append(container);
  containers.push(container);
  container.setHTMLUnsafe(answer.html);
  // The page as the server sent it, before any element hydrates (as if its scripts were delayed).
  beforeHydration?.(container);
  hydrate(template, container);
  // Top-level elements wait (defer-hydration) until the template's bindings are in place.
  const deferred = [...container.querySelectorAll('[defer-hydration]')];
  for (const el of deferred) el.removeAttribute('defer-hydration');
  for (const el of deferred) await (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  await afterHydration?.(container);
  // As @open-wc/testing's fixture does after rendering: the page's first rendering step with the
  // elements in it (their observers' first reports) has run.
  await nextFrame();
  return container.firstElementChild as T;
}

const isTemplate = (value: unknown): value is TemplateResult =>
  typeof value === 'object' && value !== null && '_$litType$' in value;

/**
 * @open-wc/testing's `fixture` in the client-rendered run; `serverFixture` in the server-rendered
 * one. A string or a call with options (`parentNode`, `render`) renders in the browser in both.
 */
export function fixture<T extends Element>(
  template: Parameters<typeof openWcFixture>[0],
  options?: Parameters<typeof openWcFixture>[1],
): Promise<T> {
  return serverRendered && !options && isTemplate(template)
    ? serverFixture<T>(template)
    : openWcFixture<T>(template, options);
}
