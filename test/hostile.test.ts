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
