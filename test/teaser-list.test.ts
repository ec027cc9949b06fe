import { expect, html, nextFrame, oneEvent } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import sinon from 'sinon';
import '../src/components/teaser-list/teaser-list.js';
import type { GzTeaserList } from '../src/components/teaser-list/teaser-list.component.js';
import { graphemeLength } from '../src/components/teaser/truncate.js';
import { rfc822ToIso } from '../src/components/teaser-list/feed.js';
import type { TeaserItem } from '../src/components/teaser-list/items.js';
import type { GzTeaserSelectEvent } from '../src/events/teaser-select.js';
import { captureWarnings, part } from './helpers.js';
import { intersectionReported, until } from './harness/wait.js';
import './harness/axe.js';

const FIXTURES = '/test/fixtures/teaser/';
const API = '/api/test-feeds/';

interface ListAttrs {
  src?: string;
  lang?: string;
  dir?: string;
  layout?: string;
  max?: string;
  exclude?: string;
  items?: string;
  heading?: string;
  timeout?: string;
  brand?: string;
}

async function list(attrs: ListAttrs = {}, setup?: (el: GzTeaserList) => void): Promise<GzTeaserList> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${attrs.lang ?? 'de'} dir=${ifDefined(attrs.dir)}>
      <gz-teaser-list
        layout=${ifDefined(attrs.layout)}
        max=${ifDefined(attrs.max)}
        exclude=${ifDefined(attrs.exclude)}
        items=${ifDefined(attrs.items)}
        heading=${ifDefined(attrs.heading)}
        timeout=${ifDefined(attrs.timeout)}
        brand=${ifDefined(attrs.brand ?? 'DWN')}
      ></gz-teaser-list>
    </div>`,
  );
  const el = wrapper.querySelector('gz-teaser-list')!;
  setup?.(el);
  if (attrs.src) el.setAttribute('src', attrs.src);
  await el.updateComplete;
  return el;
}

/** The data items: teasers the list renders itself (parts `item teaser teaser-base`). */
const teasers = (el: GzTeaserList) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=item]')];
/** A part of a data item, `null` when missing or hidden. */
const tpart = (item: Element, name: string) => {
  const found = item.querySelector<HTMLElement>(`[part~=teaser-${name}]`);
  return found && !found.hidden ? found : null;
};
const titleOf = (item: Element) => tpart(item, 'link')!.textContent!;
/** A label as shown: its capitals copy (the label is also there, visually hidden, for reading). */
const shown = (part: Element | null | undefined) => part?.querySelector('.caps')?.textContent ?? undefined;
const sectionOf = (item: Element) => shown(tpart(item, 'section'));
const hrefOf = (item: Element) => (tpart(item, 'link') as HTMLAnchorElement).href;
const excerptOf = (item: Element) => tpart(item, 'excerpt')!.textContent!;
const states = (el: GzTeaserList) => ['loading', 'empty', 'error'].filter((s) => el.matches(`:state(${s})`));

/** Waits until the feed has settled into teasers, an empty or an error state. */
async function settled(el: GzTeaserList): Promise<void> {
  await el.updateComplete;
  await until(() => !el.matches(':state(loading)') && (teasers(el).length > 0 || states(el).length > 0));
}

async function loaded(attrs: ListAttrs): Promise<GzTeaserList> {
  const el = await list(attrs);
  await settled(el);
  return el;
}

function checkFeedTeasers(el: GzTeaserList, images: number) {
  const all = teasers(el);
  expect(all).to.have.length(8);
  const first = all[0]!;
  expect(titleOf(first)).to.equal(
    'Bayer-Aktie springt nach Glyphosat-Vergleich um 13 Prozent: Anleger hoffen auf das Ende der Klagewelle in den USA',
  );
  expect(sectionOf(first)).to.equal('Finanzen');
  expect(shown(tpart(first, 'brand'))).to.equal('DWN');
  expect(tpart(first, 'date')!.textContent!.trim()).to.equal('17.02.2026');
  // Read as the long date, not as digits.
  expect(tpart(first, 'date')!.getAttribute('aria-hidden')).to.equal('true');
  expect(first.textContent).to.contain('Dienstag, 17. Februar 2026');
  expect(tpart(first, 'link')!.getAttribute('href')).to.equal(
    'https://dwn.example/finanzen/bayer-aktie-glyphosat-vergleich',
  );
  expect(all.map(sectionOf)).to.deep.equal([
    'Finanzen', 'Unternehmen', 'Politik', 'Wirtschaft', 'Finanzen', 'Unternehmen', 'Politik', 'Wirtschaft',
  ]); // prettier-ignore
  for (const t of all) {
    const excerpt = excerptOf(t);
    expect(graphemeLength(excerpt)).to.be.within(100, 140);
    expect(excerpt.endsWith('…')).to.equal(true);
    expect(excerpt).not.to.contain('<p>');
  }
  expect(all.filter((t) => t.querySelector('img'))).to.have.length(images);
  const list = part(el, 'list')!;
  expect(list.getAttribute('role')).to.equal('list');
  expect(el.shadowRoot!.querySelectorAll('[role=listitem]')).to.have.length(8);
}

describe('<gz-teaser-list>', () => {
  describe('feeds served by the test server', () => {
    it('reads a JSON Feed 1.1', async () => {
      const el = await loaded({ src: `${FIXTURES}feed.json` });
      checkFeedTeasers(el, 4);
      expect(el.shownItems[0]!.id).to.equal('dwn-1000');
      await expect(el).to.be.accessible();
    });

    it('reads RSS 2.0, with images from media:content and enclosure', async () => {
      const el = await loaded({ src: `${FIXTURES}feed.rss.xml` });
      checkFeedTeasers(el, 8);
      expect(teasers(el)[0]!.querySelector('img')!.alt).to.equal('Symbolbild zu Finanzen');
      expect(tpart(teasers(el)[0]!, 'date')!.getAttribute('datetime')).to.equal('2026-02-17T09:30:00+01:00');
      await expect(el).to.be.accessible();
    });

    it('reads Atom 1.0, with images from enclosure links', async () => {
      const el = await loaded({ src: `${FIXTURES}feed.atom.xml` });
      checkFeedTeasers(el, 4);
      expect(el.shownItems[1]!.id).to.equal('urn:dwn:1001');
      await expect(el).to.be.accessible();
    });

    it('decodes the encoding an XML feed declares and resolves its links against the feed', async () => {
      const el = await loaded({ src: `${API}latin1.xml` });
      const [teaser] = teasers(el);
      expect(titleOf(teaser!)).to.contain('Wirtschaftsprüfer schlagen Alarm: Größere');
      expect(hrefOf(teaser!)).to.equal(new URL(`${API}artikel/wirtschaftspruefer-alarm`, location.href).href);
      expect(teaser!.querySelector('img')!.src).to.equal(new URL(`${API}bild.svg`, location.href).href);
    });

    it('applies max and exclude', async () => {
      const el = await loaded({
        src: `${FIXTURES}feed.json`,
        max: '3',
        exclude: 'https://dwn.example/finanzen/bayer-aktie-glyphosat-vergleich#kommentare',
      });
      expect(teasers(el).map(sectionOf)).to.deep.equal(['Unternehmen', 'Politik', 'Wirtschaft']);
    });

    it('applies max to a 1,000-item feed', async () => {
      const el = await loaded({ src: `${API}many?n=1000`, max: '8' });
      expect(teasers(el)).to.have.length(8);
      const all = await loaded({ src: `${API}many?n=1000` });
      expect(teasers(all)).to.have.length(1000);
      expect(all.shownItems[999]!.title).to.contain('Nummer 1000');
    });

    it('shows the error state for a 50 MB response, reading only up to the cap', async () => {
      const warnings = captureWarnings();
      try {
        const el = await loaded({ src: `${API}huge` });
        expect(states(el)).to.deep.equal(['error']);
        expect(warnings.messages().join()).to.contain('larger than 2097152 bytes');
        // The client cancelled the stream: the server stopped long before 50 MB.
        let stats = { sent: 0, closed: false };
        for (;;) {
          stats = await (await fetch(`${API}huge-stats`)).json();
          if (stats.closed) break;
          await new Promise((r) => requestAnimationFrame(r));
        }
        expect(stats.sent).to.be.above(2 * 1024 * 1024);
        expect(stats.sent).to.be.below(20 * 1024 * 1024);
        const declared = await loaded({ src: `${API}huge-declared` });
        expect(states(declared)).to.deep.equal(['error']);
      } finally {
        warnings.restore();
      }
    });

    it('stops reading the stream at a smaller max-bytes', async () => {
      const warnings = captureWarnings();
      try {
        const el = await list({}, (e) => e.setAttribute('max-bytes', '1000'));
        el.src = `${FIXTURES}feed.json`;
        await settled(el);
        expect(states(el)).to.deep.equal(['error']);
        expect(warnings.messages().join()).to.contain('larger than 1000 bytes');
      } finally {
        warnings.restore();
      }
    });

    const bad: [string, string, string][] = [
      ['an HTML page', 'html', 'content type "text/html"'],
      ['HTML labelled as XML', 'html-as-xml', 'neither an RSS nor an Atom feed'],
      ['broken JSON', 'broken-json', 'not valid JSON'],
      ['a server error', 'error', 'answered 500'],
    ];
    for (const [name, path, message] of bad) {
      it(`shows the error state with a retry for ${name}`, async () => {
        const warnings = captureWarnings();
        try {
          const el = await loaded({ src: `${API}${path}` });
          expect(states(el)).to.deep.equal(['error']);
          expect(part(el, 'message')!.textContent).to.contain('Die Artikel konnten nicht geladen werden.');
          expect(part(el, 'retry')!.textContent!.trim()).to.equal('Erneut versuchen');
          expect(warnings.messages()).to.have.length(1);
          expect(warnings.messages()[0]).to.contain(message);
          expect((window as { __gzPwned?: boolean }).__gzPwned).to.equal(undefined);
          await expect(el).to.be.accessible();
        } finally {
          warnings.restore();
        }
      });
    }

    it('reads an RSS feed sent as text/plain: the root element decides, not the content type', async () => {
      const el = await loaded({ src: `${API}wrong-type` });
      expect(states(el)).to.deep.equal([]);
      expect(teasers(el)).to.have.length(1);
    });

    it('refuses a feed whose DOCTYPE declares entities: none is expanded', async () => {
      const warnings = captureWarnings();
      try {
        const el = await loaded({ src: `${FIXTURES}doctype.xml` });
        expect(states(el)).to.deep.equal(['error']);
        expect(warnings.messages()[0]).to.contain('DOCTYPE');
        expect(el.shadowRoot!.textContent).not.to.contain('lol');
      } finally {
        warnings.restore();
      }
    });

    it('gives up after the timeout (fake clock) and shows the error state', async () => {
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const warnings = captureWarnings();
      try {
        const el = await list({ src: `${API}slow`, timeout: '5000' });
        expect(states(el)).to.deep.equal(['loading']);
        clock.tick(4999);
        await el.updateComplete;
        expect(states(el)).to.deep.equal(['loading']);
        clock.tick(1);
        await settled(el);
        expect(states(el)).to.deep.equal(['error']);
        expect(warnings.messages()[0]).to.contain('within 5000 ms');
      } finally {
        warnings.restore();
        clock.restore();
      }
    });
  });

  describe('states', () => {
    it('shows skeletons with the teasers reserved height while loading', async () => {
      let release: (r: Response) => void = () => {};
      const el = await list({}, (e) => {
        e.fetcher = () => new Promise<Response>((resolve) => (release = resolve));
        e.max = 3;
      });
      el.src = 'feed.json';
      await el.updateComplete;
      expect(states(el)).to.deep.equal(['loading']);
      const skeletons = el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=skeleton]');
      expect(skeletons).to.have.length(3);
      expect(skeletons[0]!.getBoundingClientRect().height).to.be.at.least(192);
      expect(skeletons[0]!.getAttribute('aria-hidden')).to.equal('true');
      expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('Artikel werden geladen …');
      await expect(el).to.be.accessible();
      release(await fetch(`${FIXTURES}feed.json`));
      await settled(el);
      expect(teasers(el)).to.have.length(3);
      expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('');
    });

    it('shows the empty state for an empty list', async () => {
      const el = await list({}, (e) => (e.items = []));
      expect(states(el)).to.deep.equal(['empty']);
      expect(part(el, 'message')!.textContent).to.equal('Zurzeit gibt es hier keine Artikel.');
      expect(part(el, 'list')!.getAttribute('role')).to.equal('none');
      await expect(el).to.be.accessible();
    });

    it('retries from the error state with the keyboard', async () => {
      let calls = 0;
      const warnings = captureWarnings();
      try {
        const el = await list({}, (e) => {
          e.fetcher = (input, init) => (++calls === 1 ? Promise.reject(new TypeError('offline')) : fetch(input, init));
        });
        el.src = `${FIXTURES}feed.json`;
        await settled(el);
        expect(states(el)).to.deep.equal(['error']);
        part(el, 'retry')!.focus();
        await sendKeys({ press: 'Enter' });
        await until(() => teasers(el).length === 8);
        expect(calls).to.equal(2);
        expect(states(el)).to.deep.equal([]);
        expect(warnings.messages()).to.have.length(1);
      } finally {
        warnings.restore();
      }
    });

    it('ignores a stale response for an old src', async () => {
      const pending: Record<string, (r: Response) => void> = {};
      const el = await list({}, (e) => {
        // This fetcher ignores the abort signal on purpose: a slow answer arrives after the new one.
        e.fetcher = (input) => new Promise<Response>((resolve) => (pending[String(input)] = resolve));
      });
      el.src = `${FIXTURES}feed.atom.xml`;
      await el.updateComplete;
      el.src = `${FIXTURES}feed.json`;
      await el.updateComplete;
      pending[`${FIXTURES}feed.json`]!(await fetch(`${FIXTURES}feed.json`));
      await settled(el);
      expect(el.shownItems[0]!.id).to.equal('dwn-1000');
      const stale = await fetch(`${FIXTURES}feed.atom.xml`);
      pending[`${FIXTURES}feed.atom.xml`]!(stale);
      // Two rendering frames, not a time: the stale answer's continuation (and its body read, if
      // the list reads it) has run, and any update it caused has rendered.
      await nextFrame();
      await nextFrame();
      await el.updateComplete;
      expect(el.shownItems[0]!.id).to.equal('dwn-1000');
    });

    it('aborts the request when disconnected and loads again when reconnected', async () => {
      const signals: AbortSignal[] = [];
      const el = await list({}, (e) => {
        e.fetcher = (input, init) => {
          signals.push(init!.signal!);
          return fetch(input, init);
        };
      });
      el.src = `${API}slow`;
      await el.updateComplete;
      const parent = el.parentElement!;
      el.remove();
      expect(signals[0]!.aborted).to.equal(true);
      el.src = `${FIXTURES}feed.json`;
      parent.append(el);
      await settled(el);
      expect(teasers(el)).to.have.length(8);
    });
  });

  describe('items as data', () => {
    const ITEMS: TeaserItem[] = [
      {
        href: '/a',
        title: 'Erster Artikel mit einem Titel',
        section: 'Politik',
        date: '2026-02-17',
        excerpt: 'Text A',
      },
      { href: '/b', title: 'Zweiter Artikel mit einem Titel', section: 'Finanzen', date: 'gestern' },
    ];

    it('renders the items property', async () => {
      const el = await list({}, (e) => (e.items = ITEMS));
      expect(teasers(el)).to.have.length(2);
      // A date that does not parse: no date shown.
      expect(tpart(teasers(el)[1]!, 'date') === null).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('renders data items in the first update, with no loading flash', async () => {
      const host = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
      const el = document.createElement('gz-teaser-list');
      el.items = ITEMS;
      host.append(el);
      await el.updateComplete;
      expect(teasers(el)).to.have.length(2);
      expect(el.shadowRoot!.querySelector('[part~=skeleton]') === null).to.equal(true);
      expect(states(el)).to.deep.equal([]);
    });

    it('reads a JSON items attribute', async () => {
      const el = await list({ items: JSON.stringify(ITEMS) });
      expect(teasers(el)).to.have.length(2);
    });

    it('warns once about invalid JSON and shows the empty state', async () => {
      const warnings = captureWarnings();
      try {
        const el = await list({ items: '[{"href": "/a", "title": ' });
        expect(states(el)).to.deep.equal(['empty']);
        expect(warnings.messages()).to.have.length(1);
        expect(warnings.messages()[0]).to.contain('not valid JSON');
      } finally {
        warnings.restore();
      }
    });

    it('drops items without title or link, and unsafe links in any spelling', async () => {
      const warnings = captureWarnings();
      try {
        const el = await list({}, (e) => {
          e.items = [
            { href: '/ok', title: 'Bleibt', image: 'javascript:alert(1)' },
            { href: '/no-title' },
            { title: 'Ohne Link' },
            { href: 'javascript:alert(1)', title: 'Böse 1' },
            { href: '  JavaScript:alert(1)', title: 'Böse 2' },
            { href: 'java\nscript:alert(1)', title: 'Böse 3' },
            { href: 'data:text/html,<script>alert(1)</script>', title: 'Böse 4' },
            { href: 'VBSCRIPT:msgbox(1)', title: 'Böse 5' },
            null,
            'kein Objekt',
          ] as unknown as TeaserItem[];
        });
        const all = teasers(el);
        expect(all).to.have.length(1);
        expect(all[0]!.querySelector('img') === null).to.equal(true);
        expect(warnings.messages()).to.have.length(2);
        expect(warnings.messages()[0]).to.contain('4 item(s) without a title or a link');
        expect(warnings.messages()[1]).to.contain('5 item(s) with a link');
      } finally {
        warnings.restore();
      }
    });

    it('shows HTML in titles as text and runs no script', async () => {
      const hostile = '<img src=x onerror="window.__gzPwned = true"><script>window.__gzPwned = true</script>';
      const el = await list({}, (e) => (e.items = [{ href: '/x', title: hostile, excerpt: hostile }]));
      const teaser = teasers(el)[0]!;
      expect(titleOf(teaser)).to.equal(hostile);
      expect(teaser.querySelector('img, script') === null).to.equal(true);
      // An image that fails as the hostile one would: once its error fired, an onerror had its chance.
      const probe = new Image();
      const failed = oneEvent(probe, 'error');
      probe.src = '/no-such-image.png';
      await failed;
      expect((window as { __gzPwned?: boolean }).__gzPwned).to.equal(undefined);
    });

    it('cuts data excerpts at max-chars with one "…"', async () => {
      const excerpt =
        'Die Bundesfinanzministeriumsvorlage sieht 13.000 neue Stellen und ein Wachstum von 1,3 Prozent vor.';
      const el = await list({}, (e) => {
        e.maxChars = 50;
        e.items = [{ href: '/x', title: 'Titel', excerpt }];
      });
      expect(teasers(el)[0]!.textContent).to.contain('Die Bundesfinanzministeriumsvorlage sieht 13.000…');
    });
  });

  describe('slotted teasers', () => {
    it('lists slotted teasers as list items, also when added later', async () => {
      const el = await fixture<GzTeaserList>(
        html`<gz-teaser-list lang="de">
          <gz-teaser href="/a"><span slot="title">Eins</span></gz-teaser>
        </gz-teaser-list>`,
      );
      await el.updateComplete;
      const first = el.querySelector('gz-teaser')!;
      expect(first.getAttribute('role')).to.equal('listitem');
      expect(first.headingLevel).to.equal(3);
      expect(part(el, 'list')!.getAttribute('role')).to.equal('list');
      await expect(el).to.be.accessible();
      const second = document.createElement('gz-teaser');
      second.href = '/b';
      second.append(Object.assign(document.createElement('span'), { slot: 'title', textContent: 'Zwei' }));
      el.append(second);
      await until(() => second.getAttribute('role') === 'listitem');
      expect(states(el)).to.deep.equal([]);
      await second.updateComplete;
      const link = part(second, 'link')!;
      link.addEventListener('click', (e) => e.preventDefault());
      const selected = oneEvent(el, 'gz-teaser-select');
      link.click();
      const event = (await selected) as GzTeaserSelectEvent;
      expect(event.detail.position).to.equal(2);
    });

    it('renders the slotted teasers on screen in the first frame, leaves far ones unrendered, and lets their focus ring through', async () => {
      const el = await fixture<GzTeaserList>(
        html`<gz-teaser-list lang="de">
          ${Array.from(
            { length: 40 },
            (_, i) => html`<gz-teaser href="/${i}"><span slot="title">Artikel ${i + 1}</span></gz-teaser>`,
          )}
        </gz-teaser-list>`,
      );
      const slotted = [...el.querySelectorAll('gz-teaser')];
      await Promise.all(slotted.map((t) => t.updateComplete));
      // "In the first frame" is what is tested: the first rendering step after the list's, counted.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const rendered = (t: HTMLElement) => part(t, 'link')!.checkVisibility({ contentVisibilityAuto: true });
      const onScreen = slotted.filter((t) => t.getBoundingClientRect().top < innerHeight);
      expect(onScreen.length).to.be.above(0);
      expect(onScreen.every(rendered)).to.equal(true);
      expect(rendered(slotted.at(-1)!)).to.equal(false);
      // The ring (the link's ::after outline, offset outside the teaser) fits in the widened clip.
      const ring = getComputedStyle(part(slotted[0]!, 'link')!, '::after');
      const reach =
        parseFloat(ring.getPropertyValue('outline-offset')) + parseFloat(ring.getPropertyValue('outline-width'));
      part(slotted[0]!, 'link')!.focus();
      const focused = getComputedStyle(part(slotted[0]!, 'link')!, '::after');
      expect(focused.getPropertyValue('outline-style')).to.not.equal('');
      expect(parseFloat(getComputedStyle(slotted[0]!).overflowClipMargin)).to.be.at.least(reach);
      expect(reach).to.be.above(0);
      el.layout = 'grid';
      await el.updateComplete;
      expect(getComputedStyle(slotted[0]!).contentVisibility).to.equal('visible');
    });
  });

  describe('rendering its items itself', () => {
    const many = (n: number): TeaserItem[] =>
      Array.from({ length: n }, (_, i) => ({
        href: `/artikel/${i + 1}`,
        title: `Artikel ${i + 1}`,
        excerpt: 'Die Lage bleibt angespannt, doch erste Zahlen deuten auf eine Wende hin. '.repeat(3),
        section: 'Politik',
        date: '2026-02-17',
      }));

    it('renders data items in its own shadow root, one list item each, no <gz-teaser> inside', async () => {
      const el = await list({}, (e) => (e.items = many(3)));
      expect(teasers(el)).to.have.length(3);
      expect(el.shadowRoot!.querySelector('gz-teaser') === null).to.equal(true);
      expect(teasers(el).every((t) => t.getAttribute('role') === 'listitem')).to.equal(true);
      expect(teasers(el)[0]!.getAttribute('part')).to.equal('item teaser teaser-base');
      await expect(el).to.be.accessible();
    });

    it('changes only the changed item when one item of a new array differs', async () => {
      const data = many(50);
      const el = await list({}, (e) => (e.items = data));
      const before = teasers(el);
      const touched = new Set<Element>();
      const observer = new MutationObserver((records) => {
        for (const r of records) {
          const node = r.target instanceof Element ? r.target : r.target.parentElement;
          const item = node?.closest('[part~=item]');
          touched.add(item ?? node!);
        }
      });
      observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
      el.items = data.map((item, i) => (i === 20 ? { ...item, title: 'Neu' } : item));
      await el.updateComplete;
      observer.disconnect();
      expect([...touched].length).to.equal(1);
      expect([...touched][0] === before[20]).to.equal(true);
      expect(teasers(el).every((t, i) => t === before[i])).to.equal(true);
      expect(titleOf(teasers(el)[20]!)).to.equal('Neu');
    });

    it('shows an item changed in place once a new array holds it', async () => {
      const data = many(5).map((item) => ({ ...item }));
      const el = await list({}, (e) => (e.items = data));
      data[3]!.title = 'Im Objekt geändert';
      data[3]!.excerpt = 'Neuer Anriss';
      el.items = [...data];
      await el.updateComplete;
      expect(titleOf(teasers(el)[3]!)).to.equal('Im Objekt geändert');
      expect(excerptOf(teasers(el)[3]!)).to.equal('Neuer Anriss');
      expect(titleOf(teasers(el)[2]!)).to.equal(data[2]!.title);
    });

    it('watches an item added by an update for its impression, and keeps watching the others', async () => {
      const seen: string[] = [];
      const data = many(2);
      const el = await list({}, (e) => (e.items = data));
      el.addEventListener('gz-teaser-impression', (e) => seen.push(e.detail.href));
      await until(() => seen.length === 2);
      // One item changed (same keys): nothing new to watch, nothing reported twice.
      el.items = data.map((item, i) => (i === 1 ? { ...item, title: 'Neu' } : item));
      await el.updateComplete;
      const added = { href: '/neu', title: 'Ein neuer Artikel' };
      el.items = [added, ...data];
      await el.updateComplete;
      await until(() => seen.length === 3);
      expect(seen[2]).to.equal(new URL('/neu', document.baseURI).href);
      expect(new Set(seen).size).to.equal(3);
    });

    it('lets a router take a click over: a canceled gz-teaser-select cancels the navigation', async () => {
      const el = await list({}, (e) => (e.items = many(2)));
      const link = tpart(teasers(el)[1]!, 'link')!;
      const selected: GzTeaserSelectEvent[] = [];
      el.addEventListener('gz-teaser-select', (e) => {
        selected.push(e);
        e.preventDefault();
      });
      let navigated: boolean | undefined;
      const onClick = (e: Event) => {
        navigated = !e.defaultPrevented;
        e.preventDefault();
      };
      document.addEventListener('click', onClick);
      try {
        link.click();
      } finally {
        document.removeEventListener('click', onClick);
      }
      expect(selected).to.have.length(1);
      expect(selected[0]!.cancelable).to.equal(true);
      expect(selected[0]!.detail.position).to.equal(2);
      expect(navigated).to.equal(false);
    });

    it('renders every item on screen in the first frame, leaves far ones unrendered, and shifts nothing while scrolled', async () => {
      const shifts: number[] = [];
      const observer = new PerformanceObserver((entries) => {
        for (const entry of entries.getEntries() as (PerformanceEntry & { value: number })[]) shifts.push(entry.value);
      });
      observer.observe({ type: 'layout-shift' });
      const el = await list({}, (e) => (e.items = many(60)));
      // "In the first frame" is what is tested: the first rendering step after the list's, counted.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const rendered = (item: HTMLElement) => tpart(item, 'link')!.checkVisibility({ contentVisibilityAuto: true });
      const onScreen = teasers(el).filter((t) => t.getBoundingClientRect().top < innerHeight);
      expect(onScreen.length).to.be.above(0);
      expect(onScreen.every(rendered)).to.equal(true);
      expect(rendered(teasers(el).at(-1)!)).to.equal(false);
      // Still in the tree for find-in-page and assistive technology: only rendering is skipped.
      expect(titleOf(teasers(el).at(-1)!)).to.equal('Artikel 60');
      for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
        window.scrollTo(0, y);
        // The rendering steps while scrolling are what is tested (content-visibility, layout shifts).
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }
      expect(rendered(teasers(el).at(-1)!)).to.equal(true);
      observer.disconnect();
      window.scrollTo(0, 0);
      expect(shifts.reduce((a, b) => a + b, 0)).to.equal(0);
    });

    it('draws the focus ring of a list item outside it, unclipped; grid and rail items render whole', async () => {
      const el = await list({}, (e) => (e.items = many(2)));
      tpart(teasers(el)[0]!, 'link')!.focus();
      // Back out and in with the keyboard, so the link matches :focus-visible.
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement === tpart(teasers(el)[0]!, 'link')).to.equal(true);
      const ring = getComputedStyle(teasers(el)[0]!);
      expect(ring.outlineStyle).to.equal('solid');
      expect(parseFloat(ring.outlineOffset)).to.be.above(0);
      for (const layout of ['grid', 'rail']) {
        el.layout = layout as GzTeaserList['layout'];
        await el.updateComplete;
        expect(getComputedStyle(teasers(el)[0]!).contentVisibility).to.equal('visible');
      }
    });

    it('lays grid rows out at one height', async () => {
      const items = many(6).map((item, i) =>
        i % 3 === 0 ? { ...item, image: `${FIXTURES}bild.svg`, excerpt: 'Kurz.' } : item,
      );
      const el = await list({ layout: 'grid' }, (e) => (e.items = items));
      el.style.inlineSize = '800px';
      el.style.display = 'block';
      await el.updateComplete;
      const heights = teasers(el).map((t) => Math.round(t.getBoundingClientRect().height));
      expect(new Set(heights).size).to.equal(1);
    });
  });

  describe('focus and announcements', () => {
    /** A list whose feed fails, then answers as `next` says. */
    async function failing(lang = 'de') {
      const answers: ((r: Response | Error) => void)[] = [];
      const el = await list({ lang }, (e) => {
        e.fetcher = () =>
          new Promise<Response>((resolve, reject) =>
            answers.push((r) => (r instanceof Error ? reject(r) : resolve(r))),
          );
      });
      el.src = `${FIXTURES}feed.json`;
      await el.updateComplete;
      await until(() => answers.length === 1);
      answers[0]!(new TypeError('offline'));
      await settled(el);
      return { el, answers };
    }
    const status = (el: GzTeaserList) => el.shadowRoot!.querySelector('[role=status]')!.textContent!.trim();

    it('keeps focus on "Erneut versuchen" during the reload and after a renewed failure, announcing it', async () => {
      const warnings = captureWarnings();
      try {
        const { el, answers } = await failing();
        expect(status(el)).to.equal('Die Artikel konnten nicht geladen werden.');
        const retry = part(el, 'retry')!;
        retry.focus();
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        expect(states(el)).to.deep.equal(['loading']);
        expect(el.shadowRoot!.activeElement === retry).to.equal(true);
        expect(retry.getAttribute('aria-disabled')).to.equal('true');
        expect(status(el)).to.equal('Artikel werden geladen …');
        await until(() => answers.length === 2);
        answers[1]!(new TypeError('offline'));
        await until(() => states(el)[0] === 'error');
        await el.updateComplete;
        expect(el.shadowRoot!.activeElement === part(el, 'retry')).to.equal(true);
        expect(status(el)).to.equal('Die Artikel konnten nicht geladen werden.');
        await expect(el).to.be.accessible();
        // Success: the button goes, focus moves on to the first teaser.
        await sendKeys({ press: 'Enter' });
        await until(() => answers.length === 3);
        answers[2]!(await fetch(`${FIXTURES}feed.json`));
        await until(() => teasers(el).length === 8);
        await el.updateComplete;
        expect(el.shadowRoot!.activeElement === tpart(teasers(el)[0]!, 'link')).to.equal(true);
        expect(status(el)).to.equal('');
      } finally {
        warnings.restore();
      }
    });

    it('announces an empty feed after a retry, and moves focus to the message', async () => {
      const warnings = captureWarnings();
      try {
        const { el, answers } = await failing();
        part(el, 'retry')!.focus();
        await sendKeys({ press: 'Enter' });
        await until(() => answers.length === 2);
        answers[1]!(
          new Response(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Leer', items: [] }), {
            headers: { 'content-type': 'application/feed+json' },
          }),
        );
        await until(() => states(el)[0] === 'empty');
        await el.updateComplete;
        expect(status(el)).to.equal(el.shadowRoot!.querySelector('[part~=message]')!.textContent!.trim());
        expect(status(el)).to.not.equal('');
        expect(el.shadowRoot!.activeElement === part(el, 'message')).to.equal(true);
      } finally {
        warnings.restore();
      }
    });

    it("announces a failure in the element's language", async () => {
      const warnings = captureWarnings();
      try {
        const { el } = await failing('en');
        expect(status(el)).to.equal('The articles could not be loaded.');
      } finally {
        warnings.restore();
      }
    });

    it('scrolls a teaser that takes focus fully into the rail', async () => {
      const el = await loaded({ src: `${FIXTURES}feed.json`, layout: 'rail' });
      el.style.inlineSize = '600px';
      await el.updateComplete;
      const scroller = part(el, 'list')!;
      part(el, 'next')!.focus();
      for (const item of teasers(el)) {
        await sendKeys({ press: 'Tab' });
        expect(el.shadowRoot!.activeElement === tpart(item, 'link')).to.equal(true);
        const inside = () => {
          const box = scroller.getBoundingClientRect();
          const rect = item.getBoundingClientRect();
          return rect.left >= box.left - 0.5 && rect.right <= box.right + 0.5;
        };
        // A smooth scroll takes some frames: wait for it to end (a bounded number of frames).
        for (let frame = 0; frame < 90 && !inside(); frame++) await new Promise((r) => requestAnimationFrame(r));
        expect(inside(), `teaser ${teasers(el).indexOf(item) + 1}`).to.equal(true);
      }
    });

    it('keeps the focus ring of a disabled rail control at full contrast', async () => {
      const el = await loaded({ src: `${FIXTURES}feed.json`, layout: 'rail' });
      const previous = part(el, 'previous')!;
      expect(previous.getAttribute('aria-disabled')).to.equal('true');
      previous.focus();
      expect(getComputedStyle(previous).opacity).to.equal('1');
    });
  });

  describe('title, layouts and events', () => {
    it('is titled "Mehr zum Thema", "More on this topic" in English, or as given', async () => {
      const heading = (el: GzTeaserList) => {
        const h = part(el, 'heading')!;
        return { level: h.getAttribute('aria-level'), text: h.querySelector('slot')!.textContent!.trim() };
      };
      expect(heading(await list())).to.deep.equal({ level: '2', text: 'Mehr zum Thema' });
      expect(heading(await list({ lang: 'en' }))).to.deep.equal({ level: '2', text: 'More on this topic' });
      expect(heading(await list({ heading: 'Neueste Artikel' })).text).to.equal('Neueste Artikel');
    });

    for (const layout of ['list', 'grid', 'rail']) {
      it(`passes axe in the ${layout} layout`, async () => {
        const el = await loaded({ src: `${FIXTURES}feed.json`, layout });
        expect(el.getAttribute('layout')).to.equal(layout);
        await expect(el).to.be.accessible();
      });
    }

    it('lays the grid out in columns', async () => {
      const el = await loaded({ src: `${FIXTURES}feed.json`, layout: 'grid' });
      el.style.inlineSize = '800px';
      await el.updateComplete;
      const columns = getComputedStyle(part(el, 'list')!).gridTemplateColumns.split(' ');
      expect(columns.length).to.be.at.least(2);
    });

    it('scrolls the rail with snap points and keyboard-reachable controls', async () => {
      const el = await loaded({ src: `${FIXTURES}feed.json`, layout: 'rail' });
      el.style.inlineSize = '600px';
      await el.updateComplete;
      const scroller = part(el, 'list')!;
      expect(getComputedStyle(scroller).scrollSnapType).to.equal('inline mandatory');
      expect(scroller.scrollWidth).to.be.greaterThan(scroller.clientWidth);
      const previous = part(el, 'previous')!;
      const next = part(el, 'next')!;
      expect(previous.getAttribute('aria-label')).to.equal('Vorherige Artikel');
      expect(previous.getAttribute('aria-disabled')).to.equal('true');
      // Tab reaches the controls before the teasers.
      const before = document.createElement('button');
      before.textContent = 'vorher';
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement === next).to.equal(true);
      const scrolled = oneEvent(scroller, 'scrollend');
      await sendKeys({ press: 'Enter' });
      await scrolled;
      expect(scroller.scrollLeft).to.be.greaterThan(0);
      await until(() => previous.getAttribute('aria-disabled') === 'false');
      before.remove();
    });

    it('scrolls the rail the other way in right-to-left text', async () => {
      const el = await loaded({ src: `${FIXTURES}feed.json`, layout: 'rail', dir: 'rtl' });
      el.style.inlineSize = '600px';
      await el.updateComplete;
      const scroller = part(el, 'list')!;
      const scrolled = oneEvent(scroller, 'scrollend');
      part(el, 'next')!.click();
      await scrolled;
      expect(scroller.scrollLeft).to.be.lessThan(0);
      await expect(el).to.be.accessible();
    });

    it('passes position and id with gz-teaser-select from a feed teaser', async () => {
      const el = await loaded({ src: `${FIXTURES}feed.json` });
      const third = teasers(el)[2]!;
      const link = tpart(third, 'link')!;
      link.addEventListener('click', (e) => e.preventDefault());
      const selected = oneEvent(el, 'gz-teaser-select');
      link.click();
      const event = (await selected) as GzTeaserSelectEvent;
      expect(event.detail).to.deep.equal({
        id: 'dwn-1002',
        href: 'https://dwn.example/politik/bundestag-haushalt-2027',
        position: 3,
      });
    });

    it('fires one impression per visible teaser', async () => {
      const seen: string[] = [];
      const wrapper = await fixture<HTMLDivElement>(
        html`<div @gz-teaser-impression=${(e: CustomEvent) => seen.push(e.detail.id)}></div>`,
      );
      const el = document.createElement('gz-teaser-list');
      el.setAttribute('lang', 'de');
      el.src = `${FIXTURES}feed.json`;
      el.max = 2;
      wrapper.append(el);
      await settled(el);
      // The first teaser (with its 16:9 image) fills the 600 px viewport; the second is below it.
      await until(() => seen.length === 1);
      expect(seen).to.deep.equal(['dwn-1000']);
      teasers(el)[1]!.scrollIntoView();
      await until(() => seen.length === 2);
      teasers(el)[0]!.scrollIntoView();
      teasers(el)[1]!.scrollIntoView();
      // Had the teasers' observer counted them again, it would have reported by now.
      await intersectionReported(teasers(el)[1]!);
      expect(seen).to.deep.equal(['dwn-1000', 'dwn-1001']);
      window.scrollTo(0, 0);
    });
  });

  describe('rfc822ToIso()', () => {
    it('converts RSS dates and refuses others', () => {
      expect(rfc822ToIso('Tue, 17 Feb 2026 09:30:00 +0100')).to.equal('2026-02-17T09:30:00+01:00');
      expect(rfc822ToIso('17 Feb 2026 09:30 GMT')).to.equal('2026-02-17T09:30:00Z');
      expect(rfc822ToIso('gestern')).to.equal(undefined);
      expect(rfc822ToIso('Tue, 17 Foo 2026 09:30:00 +0100')).to.equal(undefined);
    });
  });
});
