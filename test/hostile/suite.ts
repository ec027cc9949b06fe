/**
 * The hostile suite's shared part: every public attribute and property of every element in
 * custom-elements.json gets every string of the corpus (Gazette's own XSS vectors in
 * test/corpus/xss.json and the Big List of Naughty Strings). After each input it checks, by walking
 * the DOM: no forbidden element (script, iframe, object, embed, base, meta, form, link), no URL
 * outside http(s)/mailto/tel, no inline event handler; and, across each file's run: no tripwire or
 * dialog call, no uncaught exception or unhandled rejection. New attributes are covered as soon as
 * the manifest lists them.
 *
 * The work is split over test/hostile-*.test.ts (each well under the runner's 180 s limit, and run
 * two at a time): the elements in `PARTS`, the feeds, the subscription endpoint. Each corpus string
 * is set on every path of an element at once (one element per attribute or property), and all of
 * them settle together: one wait per string instead of one per string and path.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/all.js';
import { inspect, installTripwire, watchDocument, watchUncaught, type Finding } from './inspect.js';

interface ManifestMember {
  kind: string;
  name: string;
  static?: boolean;
  readonly?: boolean;
  privacy?: string;
  attribute?: string;
}
export interface ManifestDeclaration {
  tagName?: string;
  attributes?: { name: string; fieldName?: string }[];
  members?: ManifestMember[];
}

async function loadJson<T>(path: string, hint: string): Promise<T> {
  const response = await fetch(new URL(path, import.meta.url));
  if (!response.ok) throw new Error(`${path} is missing: ${hint}`);
  return (await response.json()) as T;
}

// Through the package's own export (`gazette/custom-elements.json`, served by the runner's
// gz-package-exports plugin), as a consumer reads it; `npm test` builds it once, before this suite.
const manifest = await loadJson<{ modules: { declarations?: ManifestDeclaration[] }[] }>(
  '/__gazette/custom-elements.json',
  'run `npm run analyze` (npm test does, in its build step) before the browser tests',
);
export const corpus = [
  ...(await loadJson<string[]>('../corpus/xss.json', 'the committed corpus')),
  ...(await loadJson<string[]>('../../node_modules/big-list-of-naughty-strings/blns.json', 'npm install')),
];
export const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

/** Which file attacks which elements: every element of the manifest must be in one part. */
export const PARTS: Record<string, string[]> = {
  header: ['gz-article-header'],
  body: ['gz-article-body', 'gz-reading-time'],
  authors: ['gz-author-card', 'gz-author-list', 'gz-subscribe-button'],
  teasers: ['gz-teaser', 'gz-teaser-list'],
};

/** Writable public properties, including those without an attribute. */
function writableProperties(decl: ManifestDeclaration): string[] {
  return (decl.members ?? [])
    .filter((m) => m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public')
    .map((m) => m.name);
}

/**
 * A valid setup per element that makes it render fully (all its parts), so each hostile value
 * reaches a real binding. A new element must add its own: the suite fails without one.
 */
export const BASELINES: Record<string, { attributes: Record<string, string>; children?: string }> = {
  'gz-reading-time': { attributes: { minutes: '3', for: 'gz-hostile-text' } },
  'gz-author-card': {
    attributes: {
      name: 'Virgil Zólyom',
      href: '/autoren/virgil-zolyom',
      image: '/demo/authors/virgil-zolyom.svg',
      'image-alt': 'Porträt von Virgil Zólyom',
      'job-title': 'Redakteur',
      links: 'https://example.org mailto:vz@example.org',
    },
    children: '<p>Kurzbiografie.</p>',
  },
  'gz-article-header': {
    attributes: {
      section: 'Politik',
      'section-href': '/politik',
      kicker: 'analysis',
      published: '2024-11-17T16:03:00+01:00',
      updated: '2024-11-18T09:30:00+01:00',
      'time-zone': 'Europe/Berlin',
      'reading-time-for': 'gz-hostile-text',
      'json-ld': '',
    },
    children: '<h1>Überschrift</h1><p slot="standfirst">Vorspann.</p>',
  },
  'gz-article-body': {
    attributes: { toc: '', anchors: '', progress: '' },
    children:
      '<h2>Ein Zwischentitel</h2><p>Erster Absatz mit <a href="https://example.org">Link</a>.</p><h3>Unterpunkt</h3><p>Zweiter Absatz.</p>',
  },
  'gz-teaser': {
    attributes: {
      href: '/finanzen/bayer-aktie',
      section: 'Finanzen',
      brand: 'DWN',
      date: '2026-02-17',
      relative: '',
      image: '/test/fixtures/teaser/bild.svg',
      'image-alt': 'Ein Diagramm',
      srcset: '/test/fixtures/teaser/bild.svg 1x',
      'heading-level': '3',
    },
    children: '<span slot="title">Bayer-Aktie: Was Anleger jetzt wissen müssen</span>Ein kurzer Auszug.',
  },
  'gz-teaser-list': {
    // Data items take precedence over src, so hostile src values are never fetched.
    attributes: {
      heading: 'Mehr zum Thema',
      layout: 'rail',
      items: JSON.stringify([
        {
          href: '/a',
          title: 'Erster Artikel',
          section: 'Politik',
          date: '2026-02-17',
          image: '/test/fixtures/teaser/bild.svg',
        },
        { href: 'https://example.org/b', title: 'Zweiter Artikel', excerpt: 'Auszug', brand: 'DWN' },
      ]),
    },
  },
  'gz-subscribe-button': {
    attributes: {
      topic: 'energiewende',
      'topic-label': 'Energiewende',
      action: '/api/test-subscriptions/hostile/',
      email: 'leserin@example.org',
      'no-remember': '',
    },
  },
  'gz-author-list': {
    attributes: {},
    children:
      '<gz-author-card name="Anna Beispiel" href="/a"></gz-author-card><gz-author-card name="Bernd Probe" href="/b"></gz-author-card>',
  },
};

export const totals = { tried: 0, executed: 0, uncaught: 0, findings: 0 };

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Waits for the elements' updates, but never past the next frame: a hung update is a finding too. */
export async function settle(...els: Element[]): Promise<void> {
  const updates = els.map((el) => (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete);
  await Promise.race([Promise.all(updates), frame()]);
}

/** Waits until every image under `root` (shadow roots too) has loaded or failed, or 30 frames passed. */
export async function imagesSettled(root: ParentNode): Promise<void> {
  const images = (node: ParentNode): HTMLImageElement[] =>
    [...node.querySelectorAll('*')].flatMap((el) => [
      ...(el instanceof HTMLImageElement ? [el] : []),
      ...(el.shadowRoot ? images(el.shadowRoot) : []),
    ]);
  for (let i = 0; i < 30 && images(root).some((img) => !img.complete); i++) await frame();
  await frame();
}

/**
 * The watchers for one file: tripwire, uncaught errors, forbidden elements added to the document;
 * warnings and errors from bad input are silenced (the suite counts outcomes). Call inside
 * `describe`, and `checkRun()` last.
 */
const watchers: {
  tripwire?: ReturnType<typeof installTripwire>;
  uncaught?: ReturnType<typeof watchUncaught>;
  document?: ReturnType<typeof watchDocument>;
} = {};

export function watchRun(): void {
  let quiet: sinon.SinonStub[];

  before(() => {
    watchers.tripwire = installTripwire();
    watchers.uncaught = watchUncaught();
    watchers.document = watchDocument();
    quiet = [sinon.stub(console, 'warn'), sinon.stub(console, 'error')];
  });

  after(() => {
    quiet.forEach((stub) => stub.restore());
    watchers.tripwire?.restore();
    watchers.uncaught?.restore();
    watchers.document?.restore();
  });
}

/** The file's closing test (call last in `describe`): sends the file's counts for `npm test`. */
export function checkRun(): void {
  it('executed nothing and threw nothing, over the whole file', async () => {
    await frame();
    await frame();
    const added = watchers.document?.added() ?? [];
    const errors = watchers.uncaught?.errors() ?? [];
    const calls = watchers.tripwire?.calls() ?? 0;
    totals.executed = calls + added.length;
    totals.uncaught = errors.length;
    await executeServerCommand('gz-hostile-summary', { ...totals });
    expect(added, 'forbidden elements added to the document').to.deep.equal([]);
    expect(errors.slice(0, 5), 'uncaught').to.deep.equal([]);
    expect(calls, 'tripwire calls').to.equal(0);
    expect(totals.tried).to.be.greaterThan(0);
  });
}

/**
 * Every attribute and property of each element in `tags` gets every corpus string; with `slice`
 * ([i, n]) only every n-th path from the i-th, so one element's paths can be spread over n files.
 */
export function attackElements(tags: string[], slice: [index: number, count: number] = [0, 1]): void {
  const [index, count] = slice;
  for (const tag of tags) {
    const decl = elements.find((d) => d.tagName === tag);
    it(`<${tag}>: every attribute and property${count > 1 ? ` (part ${index + 1} of ${count})` : ''} survives the corpus`, async () => {
      expect(decl, `${tag} is in the manifest`).to.exist;
      const attributes = (decl!.attributes ?? []).map((a) => a.name);
      const properties = writableProperties(decl!);
      const wrapper = document.createElement('article');
      wrapper.lang = 'de';
      wrapper.innerHTML = '<p id="gz-hostile-text">Ein kurzer Text.</p>';
      document.body.append(wrapper);
      const findings: Finding[] = [];
      const baseline = BASELINES[tag] ?? { attributes: {} };
      // One element per path, each in its baseline state.
      const targets = [
        ...attributes.map((name) => ({ kind: 'attribute' as const, name })),
        ...properties.map((name) => ({ kind: 'property' as const, name })),
      ]
        .filter((_, i) => i % count === index)
        .map((path) => {
          const el = document.createElement(tag) as HTMLElement & Record<string, unknown>;
          for (const [attribute, value] of Object.entries(baseline.attributes)) el.setAttribute(attribute, value);
          // Test-only markup from the table above, never from the corpus.
          if (baseline.children) el.innerHTML = baseline.children;
          wrapper.append(el);
          return { ...path, el };
        });
      const all = targets.map((t) => t.el);
      await settle(...all);
      for (const value of corpus) {
        for (const { kind, name, el } of targets) {
          totals.tried++;
          try {
            if (kind === 'attribute') el.setAttribute(name, value);
            else el[name] = value;
          } catch (error) {
            findings.push({ kind: 'forbidden element', detail: `setting ${kind} ${name} threw: ${String(error)}` });
          }
        }
        await settle(...all);
        for (const { kind, name, el } of targets)
          for (const finding of inspect(el))
            findings.push({ ...finding, detail: `${kind} ${name}: ${finding.detail}` });
      }
      // Vectors that fire later (an image's error event) get their chance before the count.
      await imagesSettled(wrapper);
      wrapper.remove();
      totals.findings += findings.length;
      expect(findings.slice(0, 5), `${findings.length} findings`).to.deep.equal([]);
      const paths = attributes.length + properties.length;
      expect(targets.length, 'paths attacked').to.equal(Math.ceil((paths - index) / count));
    });
  }
}

/** Escapes a string for XML text and attributes, as a feed generator would. */
// XML 1.0 cannot carry these characters at all, escaped or not.
// eslint-disable-next-line no-control-regex
const notXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const xml = (value: string) => value.replace(notXml, '').replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const FEEDS: [format: string, type: string, make: (v: string) => string][] = [
  [
    'JSON Feed',
    'application/feed+json',
    (v) =>
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: v,
        items: [{ id: v, url: v, title: v, summary: v, content_html: v, image: v, date_published: v, tags: [v] }],
      }),
  ],
  [
    'RSS',
    'application/rss+xml',
    (v) =>
      `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>${xml(v)}</title><item><title>${xml(v)}</title><link>${xml(v)}</link><description>${xml(v)}</description><category>${xml(v)}</category><pubDate>${xml(v)}</pubDate><enclosure url="${xml(v)}" type="image/jpeg"/><media:content url="${xml(v)}" medium="image"/></item></channel></rss>`,
  ],
  [
    'Atom',
    'application/atom+xml',
    (v) =>
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${xml(v)}</title><entry><title type="html">${xml(v)}</title><link href="${xml(v)}"/><summary type="html">${xml(v)}</summary><updated>${xml(v)}</updated><category term="${xml(v)}"/></entry></feed>`,
  ],
];

/** Every field of a JSON Feed, RSS and Atom feed gets every corpus string. */
export function attackFeeds(): void {
  for (const [format, type, make] of FEEDS) {
    it(`<gz-teaser-list>: every field of a ${format} feed survives the corpus`, async () => {
      const list = document.createElement('gz-teaser-list');
      list.setAttribute('lang', 'de');
      document.body.append(list);
      const findings: Finding[] = [];
      let i = 0;
      let rendered = 0;
      for (const value of corpus) {
        totals.tried++;
        const body = make(value);
        list.fetcher = (async () => new Response(body, { headers: { 'content-type': type } })) as typeof fetch;
        list.setAttribute('src', `/feeds/hostile-${format}-${i++}.xml`);
        // The feed task: request, parse, render.
        for (let wait = 0; wait < 4; wait++) await settle(list);
        for (const finding of inspect(list)) findings.push({ ...finding, detail: `${format}: ${finding.detail}` });
        // The list renders its items in its own shadow root, which inspect(list) has walked.
        rendered += list.shadowRoot?.querySelectorAll('[part~=item]').length ?? 0;
      }
      list.remove();
      totals.findings += findings.length;
      expect(findings.slice(0, 5), `${findings.length} findings`).to.deep.equal([]);
      // The values did reach the teasers: most corpus strings are a usable title and relative link.
      expect(rendered, 'teasers rendered from hostile feeds').to.be.greaterThan(corpus.length / 4);
    });
  }
}

/** The subscription endpoint answers with every corpus string, as bodies and statuses. */
export function attackEndpoint(): void {
  it('<gz-subscribe-button>: the endpoint’s answers survive the corpus, as bodies and statuses', async () => {
    const realFetch = window.fetch;
    const findings: Finding[] = [];
    const statuses = [200, 201, 400, 409, 422];
    try {
      let n = 0;
      for (const value of corpus) {
        const status = statuses[n++ % statuses.length]!;
        totals.tried++;
        const bodies = [value, JSON.stringify({ status: value, message: value, errors: { email: value } })];
        window.fetch = (async () =>
          new Response(bodies[n % 2], { status, headers: { 'content-type': 'application/json' } })) as typeof fetch;
        const button = document.createElement('gz-subscribe-button');
        for (const [name, attr] of Object.entries({
          topic: `hostile-${n}`,
          'topic-label': 'Energiewende',
          action: '/api/hostile-subscriptions',
          email: 'leserin@example.org',
          'no-remember': '',
          'max-retries': '0',
        })) {
          button.setAttribute(name, attr);
        }
        document.body.append(button);
        await settle(button);
        button.shadowRoot?.querySelector('button')?.click();
        for (let wait = 0; wait < 4; wait++) await settle(button);
        for (const finding of inspect(button))
          findings.push({ ...finding, detail: `HTTP ${status}: ${finding.detail}` });
        button.remove();
      }
    } finally {
      window.fetch = realFetch;
    }
    totals.findings += findings.length;
    expect(findings.slice(0, 5), `${findings.length} findings`).to.deep.equal([]);
  });
}
