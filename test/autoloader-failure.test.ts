import { expect, waitUntil } from '@open-wc/testing';
import '../src/autoloader.js';
import { captureWarnings } from './helpers.js';

/**
 * The CDN autoloader when a chunk does not load (src/autoloader.ts, from the sources). The test
 * server fails the requests a page names in a cookie (test/server/fail-requests.mjs); a cookie is
 * shared by every page of the origin, so other test files loading the same modules at the same time
 * would get the failures. This file therefore runs alone, in a browser of its own, after the other
 * browser tests (`GZ_WTR_ALONE=1`, web-test-runner.config.mjs; a step of scripts/test.mjs).
 */
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
