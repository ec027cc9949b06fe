import { expect, waitUntil } from '@open-wc/testing';
import { discover } from '../src/autoloader.js';
import { captureWarnings } from './helpers.js';

/**
 * The CDN autoloader's discovery (src/autoloader.ts), from the sources: the built file, its chunk
 * graph and its requests are checked on real pages by scripts/check-package.mjs.
 */
describe('autoloader', () => {
  it('defines a tag a shadow root of the page holds, once discover() is given that root', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<gz-reading-time minutes="3"></gz-reading-time>';
    // The document's observer does not see into shadow roots.
    expect(customElements.get('gz-reading-time')).to.equal(undefined);
    discover(root);
    await customElements.whenDefined('gz-reading-time');
    const badge = root.querySelector('gz-reading-time') as HTMLElement & { updateComplete: Promise<unknown> };
    await badge.updateComplete;
    expect(badge.shadowRoot?.textContent).to.include('3 min');
    host.remove();
  });

  it('defines a tag created by script and added to the document later', async () => {
    const card = document.createElement('gz-author-card');
    card.setAttribute('name', 'Anna Berg');
    document.body.append(card);
    await customElements.whenDefined('gz-author-card');
    await (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(card.shadowRoot?.textContent).to.include('Anna Berg');
    card.remove();
  });

  it('warns once about an unknown gz- tag, however often it appears, and never throws', () => {
    const warnings = captureWarnings();
    try {
      const box = document.createElement('div');
      box.innerHTML = '<gz-nope></gz-nope><gz-nope></gz-nope>';
      discover(box);
      discover(box);
      expect(() => discover(document.createElement('gz-nope'))).not.to.throw();
      expect(warnings.messages().filter((m) => m.includes('<gz-nope>'))).to.have.length(1);
    } finally {
      warnings.restore();
    }
  });

  it('leaves tags that are not gz- alone', () => {
    const warnings = captureWarnings();
    try {
      const box = document.createElement('div');
      box.innerHTML = '<other-widget></other-widget><x-gz-reading-time></x-gz-reading-time>';
      discover(box);
      expect(warnings.messages()).to.deep.equal([]);
    } finally {
      warnings.restore();
    }
  });
});

describe('autoloader: a chunk that does not load', () => {
  /**
   * Has the test server fail the next `times` requests for `path` with `status`
   * (test/server/fail-requests.mjs); returns the undo.
   */
  function failNext(path: string, status: number, times: number): () => void {
    const id = Math.random().toString(36).slice(2);
    document.cookie = `gz-fail=${encodeURIComponent(`${id}~${path}~${status}~${times}`)}; path=/`;
    return () => (document.cookie = 'gz-fail=; path=/; max-age=0');
  }

  /** Collects the page's unhandled rejections until `stop()`. */
  function unhandledRejections(): { reasons: unknown[]; stop: () => void } {
    const reasons: unknown[] = [];
    const listener = (event: PromiseRejectionEvent) => reasons.push(event.reason);
    window.addEventListener('unhandledrejection', listener);
    return { reasons, stop: () => window.removeEventListener('unhandledrejection', listener) };
  }

  /**
   * Whether this browser asks again for a module whose request failed (whatwg/html#10327: Chromium
   * does with its field-trial config, not under the test runner's `--disable-field-trial-config`),
   * or keeps the failure for the page's lifetime (the older rule).
   */
  async function refetchesFailedModules(): Promise<boolean> {
    const undo = failNext('/test/helpers.js', 500, 1);
    try {
      const probe = `/test/helpers.ts?probe=${Math.random()}`;
      await import(/* @vite-ignore */ probe).catch(() => undefined);
      return await import(/* @vite-ignore */ probe).then(
        () => true,
        () => false,
      );
    } finally {
      undo();
    }
  }

  it('asks once more for a chunk answered with 500, warns naming the tag and the URL, never rejects', async () => {
    const refetches = await refetchesFailedModules();
    const undo = failNext('/components/teaser/teaser.js', 500, 1);
    const warnings = captureWarnings();
    const rejections = unhandledRejections();
    const teaser = document.createElement('gz-teaser');
    try {
      document.body.append(teaser);
      // Defined once the second request arrives, or a second warning where the browser keeps the failure.
      await waitUntil(() => customElements.get('gz-teaser') || warnings.messages().length === 2, 'defined or warned');
      const calls = (console.warn as unknown as { getCalls: () => { args: unknown[] }[] }).getCalls();
      expect(calls[0]?.args[0]).to.equal('Gazette autoloader: <gz-teaser> did not load: trying once more.');
      // The error printed with it names the URL.
      expect(String(calls[0]?.args[1])).to.match(/127\.0\.0\.1:\d+\/src\/components\/teaser\/teaser\.[jt]s/);
      if (refetches) {
        expect(customElements.get('gz-teaser'), 'defined by the second request').not.to.equal(undefined);
        expect(calls).to.have.length(1);
      } else {
        expect(calls[1]?.args[0]).to.equal('Gazette autoloader: <gz-teaser> did not load.');
      }
      expect(rejections.reasons).to.deep.equal([]);
    } finally {
      teaser.remove();
      rejections.stop();
      warnings.restore();
      undo();
    }
  });

  it('after a second failure (404) warns again, never rejects, and asks anew when the tag is next found', async () => {
    const refetches = await refetchesFailedModules();
    const undo = failNext('/components/author-list/author-list.js', 404, 2);
    const warnings = captureWarnings();
    const rejections = unhandledRejections();
    const box = document.createElement('div');
    try {
      box.innerHTML = '<gz-author-list></gz-author-list>';
      document.body.append(box);
      await waitUntil(() => warnings.messages().length === 2, 'two warnings');
      expect(warnings.messages()).to.deep.equal([
        'Gazette autoloader: <gz-author-list> did not load: trying once more.',
        'Gazette autoloader: <gz-author-list> did not load.',
      ]);
      expect(customElements.get('gz-author-list')).to.equal(undefined);
      // Another one appears: asked for again (a third warning where the browser keeps failures).
      box.append(document.createElement('gz-author-list'));
      if (refetches) {
        await customElements.whenDefined('gz-author-list');
        expect(warnings.messages()).to.have.length(2);
      } else {
        await waitUntil(() => warnings.messages().length >= 3, 'a third warning');
        expect(warnings.messages()[2]).to.equal('Gazette autoloader: <gz-author-list> did not load: trying once more.');
      }
      expect(rejections.reasons).to.deep.equal([]);
    } finally {
      box.remove();
      rejections.stop();
      warnings.restore();
      undo();
    }
  });
});
