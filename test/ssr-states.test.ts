/**
 * Every element, in the states its stories show, server-rendered by `gazette/ssr` and hydrated
 * (issue 21): the server's HTML is put into the page with each element waiting to hydrate (as if
 * the scripts were delayed), then hydrated. Each state must hydrate without an error, keep every
 * node the server rendered (no second render), and show its content. Runs in the server-rendered
 * group of web-test-runner.config.mjs only (Lit's hydrate support must load first).
 */
import { expect, html } from '@open-wc/testing';
import { nothing, type TemplateResult } from 'lit';
import '../src/all.js';
import { bodyHtml, headline, published, section, standfirst } from './fixtures/article-de.js';
import * as author from './fixtures/author-card/author-de.js';
import { serverFixture, serverRendered } from './harness/fixture.js';
import { captureWarnings } from './helpers.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import sinon from 'sinon';

/** Every element in the container and in its elements' shadow roots. */
function composed(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? composed(el.shadowRoot) : [])]);
}

/** The nodes of every gazette element's shadow root. */
function shadowNodes(root: ParentNode): Element[] {
  return composed(root)
    .filter((el) => el.localName.startsWith('gz-') && el.shadowRoot)
    .flatMap((el) => [...el.shadowRoot!.querySelectorAll('*')]);
}

/** Each author card's separator and bio: shown or hidden (issue 21 item 10: the same before and after hydration). */
const bioParts = (root: ParentNode) =>
  composed(root)
    .filter((el) => el.localName === 'gz-author-card' && el.shadowRoot)
    .flatMap((el) =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('.separator, .bio')].map(
        (p) => `${el.getAttribute('name')} ${p.className}: ${p.hidden ? 'hidden' : 'shown'}`,
      ),
    );

/** `host > tag.class[part] "text"`, for the failure message. */
const nodeName = (node: Element) =>
  `${(node.getRootNode() as ShadowRoot).host?.localName ?? '?'} > ${node.localName}${node.className ? `.${node.className}` : ''}${
    node.getAttribute('part') ? `[part=${node.getAttribute('part')}]` : ''
  } "${node.textContent?.trim().slice(0, 30)}"`;

/** The text a reader sees: light DOM and shadow roots, without styles. */
const text = (root: Node): string => {
  let s = '';
  for (const n of root.childNodes) {
    if (n.nodeType === Node.TEXT_NODE) s += n.textContent;
    else if (n instanceof Element && n.localName !== 'style' && n.localName !== 'template')
      s += (n.shadowRoot ? text(n.shadowRoot) : '') + text(n);
  }
  return s.replace(/\s+/g, ' ');
};

const items = JSON.stringify([
  { url: '/a', title: 'Bayer-Aktie: Was Anleger jetzt wissen müssen', section: 'Finanzen', date: '2026-02-17' },
  { url: '/b', title: 'Mittelstand im Norden investiert wieder', section: 'Wirtschaft', brand: 'DWN' },
]);
// Each state's own photo URL: a photo already in the cache loads at once and replaces the initials
// right after hydration, which would read as a second render.
const card = (photo: string) =>
  html`<gz-author-card
    name=${author.name}
    href="/autoren/virgil-zolyom"
    job-title=${author.jobTitle}
    image="/test/fixtures/author-card/portrait.png?${photo}"
    ><p>${author.bio}</p></gz-author-card
  >`;
const header = (attrs: TemplateResult | typeof nothing) =>
  html`<gz-article-header section=${section} published=${published} time-zone="Europe/Berlin" ${attrs}
    ><h1>${headline}</h1>
    <p slot="standfirst">${standfirst}</p></gz-article-header
  >`;

/** [element, story state, template, text that must show after hydration] */
const STATES: [string, string, TemplateResult, string[]][] = [
  ['gz-article-header', 'Reference', header(nothing), ['Politik', '17.11.2024']],
  [
    'gz-article-header',
    'Kicker, live',
    html`<gz-article-header section=${section} published=${published} kicker="live"
      ><h1>${headline}</h1></gz-article-header
    >`,
    ['Politik'],
  ],
  [
    'gz-article-header',
    'English',
    html`<gz-article-header lang="en" section="Transport" published="2024-11-17T16:03:00Z" time-zone="Europe/London"
      ><h1>Night trains return</h1></gz-article-header
    >`,
    ['Transport', '17 Nov 2024'],
  ],
  ['gz-article-body', 'German', html`<gz-article-body>${unsafeHTML(bodyHtml)}</gz-article-body>`, ['Energiewende']],
  [
    'gz-article-body',
    'Table of contents',
    html`<gz-article-body toc anchors>${unsafeHTML(bodyHtml)}</gz-article-body>`,
    ['Inhalt'],
  ],
  ['gz-article-body', 'Progress bar', html`<gz-article-body progress>${unsafeHTML(bodyHtml)}</gz-article-body>`, []],
  [
    'gz-article-body',
    'Right to left',
    html`<gz-article-body lang="ar" dir="rtl" toc toc-label="المحتويات"
      ><h2>عنوان</h2>
      <p>نص.</p></gz-article-body
    >`,
    ['المحتويات'],
  ],
  ['gz-reading-time', 'Explicit minutes', html`<gz-reading-time minutes="7"></gz-reading-time>`, ['Lesezeit: 7 min']],
  [
    'gz-reading-time',
    'Label',
    html`<gz-reading-time minutes="4" label="Lesedauer: {minutes} Min."></gz-reading-time>`,
    ['Lesedauer: 4 Min.'],
  ],
  ['gz-reading-time', 'English', html`<gz-reading-time lang="en" minutes="3"></gz-reading-time>`, ['3 min']],
  ['gz-author-card', 'Reference page', card('card'), [author.name]],
  [
    'gz-author-card',
    'Compact byline',
    html`<gz-author-card layout="compact" name=${author.name}></gz-author-card>`,
    [author.name],
  ],
  [
    'gz-author-card',
    'Inline',
    html`<gz-author-card layout="inline" name=${author.name}></gz-author-card>`,
    [author.name],
  ],
  [
    'gz-author-card',
    'Missing photo (initials)',
    html`<gz-author-card name="Anna Berg"></gz-author-card>`,
    ['Anna Berg'],
  ],
  [
    'gz-author-card',
    'No bio, profile links slotted',
    html`<gz-author-card name="Anna Berg">
      <a slot="links" href="https://example.org/anna">Profil</a>
    </gz-author-card>`,
    ['Anna Berg', 'Profil'],
  ],
  [
    'gz-author-card',
    'Bio as bare text',
    html`<gz-author-card name="Anna Berg"> Schreibt über Häfen. </gz-author-card>`,
    ['Häfen'],
  ],
  [
    'gz-author-list',
    'Three authors',
    html`<gz-author-list
      >${card('list')}<gz-author-card name="Anna Berg" href="/autoren/anna-berg"></gz-author-card
      ><gz-author-card name="Jonas van der Meer"></gz-author-card
    ></gz-author-list>`,
    ['Von Virgil Zólyom, Anna Berg und Jonas van der Meer'],
  ],
  [
    'gz-author-list',
    'Byline only',
    html`<gz-author-list no-cards><gz-author-card name="Anna Berg"></gz-author-card></gz-author-list>`,
    ['Von Anna Berg'],
  ],
  [
    'gz-author-list',
    'English',
    html`<gz-author-list lang="en"
      ><gz-author-card name="Anna Berg"></gz-author-card><gz-author-card name="Jonas Petersen"></gz-author-card
    ></gz-author-list>`,
    ['By Anna Berg and Jonas Petersen'],
  ],
  [
    'gz-subscribe-button',
    'Logged in',
    html`<gz-subscribe-button
      topic="energiewende-ssr"
      topic-label="Energiewende"
      email="leser@example.de"
      action="/api/test-subscriptions/ssr/"
      no-remember
    ></gz-subscribe-button>`,
    ['Thema folgen'], // the topic is in the toggle's aria-label ("Thema folgen: Energiewende"),
  ],
  [
    'gz-subscribe-button',
    'Anonymous, compact',
    html`<gz-subscribe-button
      compact
      topic="energiewende-ssr-2"
      topic-label="Energiewende"
      action="/api/test-subscriptions/ssr/"
      no-remember
    ></gz-subscribe-button>`,
    [],
  ],
  [
    'gz-teaser',
    'Reference',
    html`<gz-teaser href="/finanzen/bayer" section="Finanzen" brand="DWN" date="2026-02-17"
      ><span slot="title">Bayer-Aktie: Was Anleger jetzt wissen müssen</span>Ein kurzer Auszug.</gz-teaser
    >`,
    ['Finanzen', '17.02.2026'],
  ],
  [
    'gz-teaser-list',
    'Data items',
    html`<gz-teaser-list heading="Mehr zum Thema" items=${items}></gz-teaser-list>`,
    ['Mehr zum Thema', 'Bayer-Aktie'],
  ],
  [
    'gz-teaser-list',
    'Rail',
    html`<gz-teaser-list layout="rail" items=${items}></gz-teaser-list>`,
    ['Mittelstand im Norden'],
  ],
];

describe('every element server-rendered and hydrated, in its stories’ states', function () {
  before(function () {
    // Hydration needs Lit's hydrate support loaded before the elements: the ssr group's page.
    if (!serverRendered) this.skip();
  });

  for (const [tag, state, template, expected] of STATES) {
    it(`<${tag}>: ${state}`, async () => {
      const errors: string[] = [];
      const onError = (e: ErrorEvent) => errors.push(e.message);
      const onRejection = (e: PromiseRejectionEvent) => errors.push(String(e.reason));
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onRejection);
      const warnings = captureWarnings();
      let server: Element[] = [];
      let serverText = '';
      let serverBio: string[] = [];
      try {
        let replaced: string[] = [];
        const wrapper = await serverFixture<HTMLElement>(html`<div lang="de">${template}</div>`, {
          beforeHydration: (container) => {
            server = shadowNodes(container);
            serverText = text(container);
            serverBio = bioParts(container);
          },
          // Right after hydration, before a photo loads or a feed arrives: nothing rendered anew.
          afterHydration: async (container) => {
            for (const node of composed(container))
              await (node as Element & { updateComplete?: Promise<unknown> }).updateComplete;
            replaced = server.filter((node) => !node.isConnected).map(nodeName);
          },
        });
        const el = wrapper.querySelector(tag)!;
        await (el as Element & { updateComplete: Promise<unknown> }).updateComplete;
        // One rendering step after hydration, in which the elements' observers (in view, slots)
        // report; the updates they cause are awaited next.
        await new Promise((r) => requestAnimationFrame(r));
        for (const node of composed(wrapper))
          await (node as Element & { updateComplete?: Promise<unknown> }).updateComplete;
        expect(server.length, 'the server rendered a shadow root').to.be.greaterThan(0);
        expect(replaced, 'server-rendered nodes replaced by hydration').to.deep.equal([]);
        expect(bioParts(wrapper), 'author card separator and bio, server → hydrated').to.deep.equal(serverBio);
        const truth = composed(wrapper)
          .filter((c) => c.localName === 'gz-author-card' && c.shadowRoot?.querySelector('.bio'))
          .flatMap((c) => {
            const bio = [...c.childNodes].some((n) => (n instanceof Element ? !n.slot : !!n.textContent!.trim()));
            return ['separator', 'bio'].map((p) => `${c.getAttribute('name')} ${p}: ${bio ? 'shown' : 'hidden'}`);
          });
        expect(bioParts(wrapper), 'author card separator and bio as its children say').to.deep.equal(truth);
        const shown = text(wrapper);
        for (const part of expected)
          expect(shown, `after hydration (server: ${serverText.slice(0, 200)})`).to.include(part);
        expect(errors, 'errors while hydrating').to.deep.equal([]);
      } finally {
        warnings.restore();
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onRejection);
      }
    });
  }
});

/**
 * A cached page is hydrated hours or days after the server rendered it, so the server's "now" and
 * the browser's differ. The render that hydrates must match the server's (a mismatch throws and
 * the element stops); the update after it shows what the browser's clock says. The server renders
 * with the real present; the browser's clock is faked to a later one.
 */
describe('<gz-article-header> hydrated long after the server rendered it', function () {
  let clock: sinon.SinonFakeTimers | undefined;
  before(function () {
    if (!serverRendered) this.skip();
  });
  afterEach(() => clock?.restore());

  const minutesAgo = (real: number, minutes: number) => new Date(real - minutes * 60_000).toISOString();
  /** Renders `template` on the server now, hydrates it with the browser's clock `later` ms ahead. */
  async function hydrateLater(template: TemplateResult, later: number) {
    const real = Date.now();
    let server: { updated: boolean; time: Element | null; text: string } | undefined;
    const wrapper = await serverFixture<HTMLElement>(html`<div lang="de">${template}</div>`, {
      beforeHydration: (container) => {
        const root = container.querySelector('gz-article-header')!.shadowRoot!;
        const time = root.querySelector('[part~="published"]');
        server = { updated: !!root.querySelector('[part~="updated"]'), time, text: time?.textContent ?? '' };
        clock = sinon.useFakeTimers({ now: real + later, toFake: ['Date'] });
      },
    });
    const el = wrapper.querySelector('gz-article-header')!;
    await el.updateComplete;
    return { el, root: el.shadowRoot!, server: server! };
  }

  it('an update line the server showed goes when the browser finds it no longer matters', async () => {
    const real = Date.now();
    // Ten minutes old on the server: shown (under 10 hours). Both on one day in the zone, so three
    // days later in the browser the same-day update of an older article is hidden.
    const zone = new Date(real).getUTCHours() === 0 ? 'Etc/GMT+6' : 'UTC';
    const { el, root, server } = await hydrateLater(
      html`<gz-article-header
        published=${minutesAgo(real, 12)}
        updated=${minutesAgo(real, 10)}
        time-zone=${zone}
        no-reading-time
        ><h1>Titel</h1></gz-article-header
      >`,
      3 * 24 * 3_600_000,
    );
    expect(server.updated, 'the server rendered the update line').to.be.true;
    expect(root.querySelector('[part~="updated"]'), 'the update line after hydration').to.equal(null);
    expect(el.matches(':state(updated)')).to.be.false;
    expect(root.querySelector('[part~="published"]') === server.time, 'the server’s <time> kept').to.be.true;
  });

  it('a relative date reads from the browser’s clock, in the server’s <time>', async () => {
    const real = Date.now();
    const { el, root, server } = await hydrateLater(
      html`<gz-article-header published=${minutesAgo(real, 10)} relative time-zone="UTC" no-reading-time
        ><h1>Titel</h1></gz-article-header
      >`,
      2 * 3_600_000,
    );
    expect(server.text, 'the server renders the absolute date').to.match(/\d\d\.\d\d\.\d{4}, \d\d:\d\d/);
    const time = root.querySelector('[part~="published"]');
    expect(time === server.time, 'the server’s <time> kept').to.be.true;
    expect(time!.querySelector('[aria-hidden="true"]')!.textContent!.trim()).to.equal('vor 2 Stunden');
    expect(el.matches(':state(relative)')).to.be.true;
  });
});
