/**
 * The hostile suite: every public attribute and property of every element in
 * custom-elements.json gets every string of the corpus (Gazette's own XSS vectors in
 * test/corpus/xss.json and the Big List of Naughty Strings). After each input it checks, by walking
 * the DOM: no forbidden element (script, iframe, object, embed, base, meta, form, link), no URL
 * outside http(s)/mailto/tel, no inline event handler; and, across the run: no tripwire or dialog
 * call, no uncaught exception or unhandled rejection. New attributes are covered as soon as the
 * manifest lists them. The summary line is written for `npm test` to print.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../src/all.js';
import { inspect, installTripwire, watchDocument, watchUncaught, type Finding } from './hostile/inspect.js';

interface ManifestMember {
  kind: string;
  name: string;
  static?: boolean;
  readonly?: boolean;
  privacy?: string;
  attribute?: string;
}
interface ManifestDeclaration {
  tagName?: string;
  attributes?: { name: string; fieldName?: string }[];
  members?: ManifestMember[];
}

async function loadJson<T>(path: string, hint: string): Promise<T> {
  const response = await fetch(new URL(path, import.meta.url));
  if (!response.ok) throw new Error(`${path} is missing: ${hint}`);
  return (await response.json()) as T;
}

const manifest = await loadJson<{ modules: { declarations?: ManifestDeclaration[] }[] }>(
  '../custom-elements.json',
  'run `npm run analyze` (npm test does) before the browser tests',
);
const corpus = [
  ...(await loadJson<string[]>('./corpus/xss.json', 'the committed corpus')),
  ...(await loadJson<string[]>('../node_modules/big-list-of-naughty-strings/blns.json', 'npm install')),
];
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

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
const BASELINES: Record<string, { attributes: Record<string, string>; children?: string }> = {
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

const totals = { tried: 0, executed: 0, uncaught: 0, findings: 0 };

/** Waits for the element's update, but never longer than a frame-ish: a hung update is a finding too. */
async function settle(el: Element) {
  const update = (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  await Promise.race([update, new Promise((r) => setTimeout(r, 50))]);
}

describe('hostile inputs', function () {
  this.timeout(600_000);

  let tripwire: ReturnType<typeof installTripwire>;
  let uncaught: ReturnType<typeof watchUncaught>;
  let documentWatch: ReturnType<typeof watchDocument>;
  let quiet: sinon.SinonStub[];

  before(() => {
    tripwire = installTripwire();
    uncaught = watchUncaught();
    documentWatch = watchDocument();
    // Bad input warns by design; the suite counts outcomes, not warnings.
    quiet = [sinon.stub(console, 'warn'), sinon.stub(console, 'error')];
  });

  after(async () => {
    quiet.forEach((stub) => stub.restore());
    tripwire.restore();
    uncaught.restore();
    documentWatch.restore();
  });

  it('finds elements to attack in the manifest, each with a baseline', () => {
    expect(elements.map((d) => d.tagName)).to.include('gz-reading-time');
    expect(elements.map((d) => d.tagName).filter((tag) => !BASELINES[tag!])).to.deep.equal([]);
    expect(corpus.length).to.be.greaterThan(500);
  });

  for (const decl of elements) {
    const tag = decl.tagName!;
    const attributes = (decl.attributes ?? []).map((a) => a.name);
    const properties = writableProperties(decl);

    it(`<${tag}>: ${attributes.length} attributes and ${properties.length} properties survive the corpus`, async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<article lang="de"><p id="gz-hostile-text">Ein kurzer Text.</p></article>`,
      );
      const findings: Finding[] = [];
      const paths: [kind: 'attribute' | 'property', name: string][] = [
        ...attributes.map((name) => ['attribute', name] as ['attribute', string]),
        ...properties.map((name) => ['property', name] as ['property', string]),
      ];
      for (const [kind, name] of paths) {
        const el = document.createElement(tag) as HTMLElement & Record<string, unknown>;
        const baseline = BASELINES[tag] ?? { attributes: {} };
        for (const [attribute, value] of Object.entries(baseline.attributes)) el.setAttribute(attribute, value);
        // Test-only markup from the table above, never from the corpus.
        if (baseline.children) el.innerHTML = baseline.children;
        wrapper.append(el);
        await settle(el);
        for (const value of corpus) {
          totals.tried++;
          try {
            if (kind === 'attribute') el.setAttribute(name, value);
            else el[name] = value;
          } catch (error) {
            findings.push({ kind: 'forbidden element', detail: `setting ${kind} ${name} threw: ${String(error)}` });
          }
          await settle(el);
          for (const finding of inspect(el))
            findings.push({ ...finding, detail: `${kind} ${name}: ${finding.detail}` });
        }
        el.remove();
      }
      wrapper.remove();
      // Vectors that fire later (an image's error event) get their chance before the count.
      await new Promise((r) => setTimeout(r, 100));
      totals.findings += findings.length;
      expect(findings.slice(0, 5), `${findings.length} findings`).to.deep.equal([]);
    });
  }

  /** Escapes a string for XML text and attributes, as a feed generator would. */
  // XML 1.0 cannot carry these characters at all, escaped or not.
  // eslint-disable-next-line no-control-regex
  const notXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
  const xml = (value: string) => value.replace(notXml, '').replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

  const feeds: [format: string, type: string, make: (v: string) => string][] = [
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

  for (const [format, type, make] of feeds) {
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
        for (const teaser of list.shadowRoot?.querySelectorAll('gz-teaser') ?? []) {
          rendered++;
          for (const finding of inspect(teaser))
            findings.push({ ...finding, detail: `${format} teaser: ${finding.detail}` });
        }
      }
      list.remove();
      totals.findings += findings.length;
      expect(findings.slice(0, 5), `${findings.length} findings`).to.deep.equal([]);
      // The values did reach the teasers: most corpus strings are a usable title and relative link.
      expect(rendered, 'teasers rendered from hostile feeds').to.be.greaterThan(corpus.length / 4);
    });
  }

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

  it('executed nothing and threw nothing, over the whole run', async () => {
    await new Promise((r) => setTimeout(r, 300));
    totals.executed = tripwire.calls() + documentWatch.added().length;
    totals.uncaught = uncaught.errors().length;
    const line = `hostile inputs: ${totals.tried} tried, ${totals.executed} executed, ${totals.uncaught} uncaught`;
    await executeServerCommand('gz-hostile-summary', { line });
    expect(documentWatch.added(), 'forbidden elements added to the document').to.deep.equal([]);
    expect(uncaught.errors().slice(0, 5), 'uncaught').to.deep.equal([]);
    expect(tripwire.calls(), 'tripwire calls').to.equal(0);
    expect(totals.tried).to.be.greaterThan(0);
  });
});
