import { expect, html, nextFrame, waitUntil } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import './harness/axe.js';
import { until } from './harness/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../src/components/author-card/author-card.js';
import { PHOTO_TIMEOUT_MS, type GzAuthorCard } from '../src/components/author-card/author-card.component.js';
import { colorFor } from '../src/components/author-card/initials.js';
import { captureWarnings, frameAndUpdate, part } from './helpers.js';

const PORTRAIT = '/test/fixtures/author-card/portrait.png';
/**
 * A photo URL the test server answers with a real 404. The runner lists every 404 a test page
 * caused except those ending in `favicon.ico`; the name keeps the expected 404 out of that list,
 * so the test prints nothing.
 */
const MISSING = '/test/fixtures/author-card/no-such-photo/favicon.ico';
let stalls = 0;
/** A photo URL the test server never answers (see test/fixtures/author-card/stall.mjs). */
const stalled = () => `/__stall/photo-${++stalls}.png`;

const BIO = 'Virgil Zólyom, geboren 1979 in Flensburg, schreibt seit zwölf Jahren über Energie und Landespolitik.';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Renders one card inside a wrapper with a language (German by default). */
async function card(
  template: ReturnType<typeof html>,
  { lang = 'de', dir }: { lang?: string; dir?: string } = {},
): Promise<GzAuthorCard> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang} dir=${dir ?? (lang === 'he' ? 'rtl' : 'ltr')} style="inline-size: 32rem">${template}</div>`,
  );
  const el = wrapper.querySelector('gz-author-card')!;
  await el.updateComplete;
  return el;
}

async function loaded(el: GzAuthorCard): Promise<void> {
  await waitUntil(() => !el.matches(':state(loading)'), 'the photo never settled', { timeout: 4000 });
  await el.updateComplete;
}

/**
 * Whether the photo's timeout gets scheduled on the fake clock: a condition polled in real frames
 * under a deadline (30 frames), true as soon as it holds. (Waiting for an observer of the test's own
 * to report on the photo box was not enough: server-rendered, the card observes it only after the
 * update that follows hydration.)
 */
async function timerStarted(clock: sinon.SinonFakeTimers): Promise<boolean> {
  await until(() => clock.countTimers() > 0, 30);
  return clock.countTimers() > 0;
}

describe('<gz-author-card>', () => {
  describe('card layout', () => {
    it('shows initials, name, job title, separator and bio', async () => {
      const el = await card(
        html`<gz-author-card name="Virgil Zólyom" job-title="Korrespondent in Kiel"><p>${BIO}</p></gz-author-card>`,
      );
      expect(text(part(el, 'name'))).to.equal('Virgil Zólyom');
      expect(text(part(el, 'job-title'))).to.equal('Korrespondent in Kiel');
      expect(text(part(el, 'initials'))).to.equal('VZ');
      expect(part(el, 'initials')!.getAttribute('aria-hidden')).to.equal('true');
      expect(part(el, 'photo')).to.equal(null);
      const separator = part(el, 'separator') as HTMLElement;
      expect(text(separator)).to.equal('* * *');
      expect(separator.hidden).to.be.false;
      expect(separator.getAttribute('aria-hidden')).to.equal('true');
      const slot = part(el, 'bio')!.querySelector('slot')!;
      expect(slot.assignedElements()[0]!.textContent).to.equal(BIO);
      expect(el.matches(':state(initials)')).to.be.true;
      expect(el.layout).to.equal('card');
      await expect(el).to.be.accessible();
    });

    it('paints the initials on the colour derived from the name, with no empty circle', async () => {
      const el = await card(html`<gz-author-card name="Virgil Zólyom"></gz-author-card>`);
      const initials = part(el, 'initials') as HTMLElement;
      const probe = document.createElement('span');
      probe.style.color = colorFor('Virgil Zólyom');
      document.body.append(probe);
      const expected = getComputedStyle(probe).color;
      probe.remove();
      expect(getComputedStyle(initials).backgroundColor).to.equal(expected);
      expect(initials.getBoundingClientRect().width).to.be.greaterThan(40);
    });

    it('hides separator and bio when there is no bio, and shows them when one is added later', async () => {
      const el = await card(html`<gz-author-card name="Virgil Zólyom"></gz-author-card>`);
      expect((part(el, 'separator') as HTMLElement).hidden).to.be.true;
      expect((part(el, 'bio') as HTMLElement).hidden).to.be.true;
      const p = document.createElement('p');
      p.textContent = BIO;
      el.append(p);
      await frameAndUpdate(el);
      expect((part(el, 'separator') as HTMLElement).hidden).to.be.false;
      expect((part(el, 'bio') as HTMLElement).hidden).to.be.false;
    });

    it('links the name to the author page', async () => {
      const el = await card(html`<gz-author-card name="Virgil Zólyom" href="/autoren/virgil-zolyom"></gz-author-card>`);
      const link = part(el, 'name')!.querySelector('a')!;
      expect(link.getAttribute('href')).to.equal('/autoren/virgil-zolyom');
      expect(text(link)).to.equal('Virgil Zólyom');
    });

    it('shows a person glyph with a German or English name when the name has no letters', async () => {
      const de = await card(html`<gz-author-card name="— · —"></gz-author-card>`);
      const glyph = part(de, 'initials')!;
      expect(glyph.getAttribute('role')).to.equal('img');
      expect(glyph.getAttribute('aria-label')).to.equal('Person ohne Foto');
      expect(glyph.querySelector('svg')).to.exist;
      await expect(de).to.be.accessible();
      const en = await card(html`<gz-author-card name="???"></gz-author-card>`, { lang: 'en' });
      expect(part(en, 'initials')!.getAttribute('aria-label')).to.equal('Person without a photo');
    });

    it('shows an emoji-only name’s emoji whole', async () => {
      const el = await card(html`<gz-author-card name="🦊"></gz-author-card>`);
      expect(text(part(el, 'initials'))).to.equal('🦊');
    });
  });

  describe('photo', () => {
    it('loads lazily and asynchronously in a reserved box, then replaces the initials', async () => {
      const el = await card(html`<gz-author-card name="Virgil Zólyom" image=${PORTRAIT}></gz-author-card>`);
      const img = part(el, 'photo') as HTMLImageElement;
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('decoding')).to.equal('async');
      expect(img.getAttribute('width')).to.equal('96');
      expect(img.getAttribute('height')).to.equal('96');
      const box = el.shadowRoot!.querySelector('.avatar')!;
      const before = box.getBoundingClientRect();
      const nameBefore = part(el, 'name')!.getBoundingClientRect();
      await loaded(el);
      expect(el.matches(':state(photo)')).to.be.true;
      expect(part(el, 'initials')).to.equal(null);
      expect(img.naturalWidth).to.equal(8);
      const after = box.getBoundingClientRect();
      expect([after.width, after.height]).to.deep.equal([before.width, before.height]);
      expect(part(el, 'name')!.getBoundingClientRect().left).to.equal(nameBefore.left);
      await expect(el).to.be.accessible();
    });

    it('accepts a photo without intrinsic size (an SVG with only a viewBox)', async () => {
      const svg = new URL('./fixtures/author-card/viewbox-only.svg', import.meta.url).href;
      const el = await card(html`<gz-author-card name="Virgil Zólyom" image=${svg}></gz-author-card>`);
      await loaded(el);
      expect(el.matches(':state(photo)')).to.be.true;
    });

    it('shows initials under a photo that is still loading, never an empty circle', async () => {
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        const el = await card(html`<gz-author-card name="Virgil Zólyom" image=${stalled()}></gz-author-card>`);
        expect(el.matches(':state(loading)')).to.be.true;
        expect(text(part(el, 'initials'))).to.equal('VZ');
        expect(getComputedStyle(part(el, 'photo')!).opacity).to.equal('0');
        clock.restore();
        await expect(el).to.be.accessible();
      } finally {
        clock.restore();
      }
    });

    it('falls back to initials when the photo 404s, with one warning', async () => {
      const warnings = captureWarnings();
      try {
        const el = await card(html`<gz-author-card name="Virgil Zólyom" image=${MISSING}></gz-author-card>`);
        await loaded(el);
        expect(el.matches(':state(initials)')).to.be.true;
        expect(part(el, 'photo')).to.equal(null);
        expect(text(part(el, 'initials'))).to.equal('VZ');
        expect(warnings.messages()).to.have.length(1);
        expect(warnings.messages()[0]).to.contain('could not be loaded');
        await expect(el).to.be.accessible();
      } finally {
        warnings.restore();
      }
    });

    it('falls back to initials when the photo is still loading 3 seconds after it came into view', async () => {
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        const el = await card(html`<gz-author-card name="Virgil Zólyom" image=${stalled()}></gz-author-card>`);
        expect(await timerStarted(clock)).to.be.true;
        clock.tick(PHOTO_TIMEOUT_MS - 1);
        await el.updateComplete;
        expect(el.matches(':state(loading)')).to.be.true;
        expect(part(el, 'photo')).to.exist;
        clock.tick(1);
        await el.updateComplete;
        expect(el.matches(':state(loading)')).to.be.false;
        expect(el.matches(':state(initials)')).to.be.true;
        expect(part(el, 'photo')).to.equal(null);
        expect(text(part(el, 'initials'))).to.equal('VZ');
      } finally {
        clock.restore();
      }
    });

    it('does not start the timeout for a lazy photo far below the viewport', async () => {
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        const wrapper = await fixture(
          html`<div lang="de">
            <div style="block-size: 5000px"></div>
            <gz-author-card name="Virgil Zólyom" image=${stalled()}></gz-author-card>
          </div>`,
        );
        const el = wrapper.querySelector('gz-author-card')!;
        await el.updateComplete;
        expect(await timerStarted(clock)).to.be.false;
        el.scrollIntoView();
        expect(await timerStarted(clock)).to.be.true;
      } finally {
        clock.restore();
      }
    });

    it('clears its timer on disconnect', async () => {
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        const el = await card(html`<gz-author-card name="Virgil Zólyom" image=${stalled()}></gz-author-card>`);
        expect(await timerStarted(clock)).to.be.true;
        el.remove();
        expect(clock.countTimers()).to.equal(0);
      } finally {
        clock.restore();
      }
    });

    it('starts over when the image changes', async () => {
      const warnings = captureWarnings();
      try {
        const el = await card(html`<gz-author-card name="Virgil Zólyom" image=${MISSING}></gz-author-card>`);
        await loaded(el);
        expect(el.matches(':state(initials)')).to.be.true;
        el.image = PORTRAIT;
        await el.updateComplete;
        expect(el.matches(':state(loading)')).to.be.true;
        await loaded(el);
        expect(el.matches(':state(photo)')).to.be.true;
      } finally {
        warnings.restore();
      }
    });
  });

  describe('alt text', () => {
    it('drops the file-name alt "avtor1": alt="" and one warning', async () => {
      const warnings = captureWarnings();
      try {
        const el = await card(
          html`<gz-author-card name="Virgil Zólyom" image=${PORTRAIT} image-alt="avtor1"></gz-author-card>`,
        );
        await loaded(el);
        const img = part(el, 'photo')!;
        expect(img.getAttribute('alt')).to.equal('');
        expect(el.shadowRoot!.innerHTML).not.to.contain('avtor1');
        expect(warnings.messages()).to.have.length(1);
        expect(warnings.messages()[0]).to.contain('image-alt="avtor1"');
        await expect(el).to.be.accessible();
      } finally {
        warnings.restore();
      }
    });

    for (const alt of ['IMG_2034.jpg', 'photo', 'image', 'DSC_0001']) {
      it(`drops "${alt}"`, async () => {
        const warnings = captureWarnings();
        try {
          const el = await card(
            html`<gz-author-card name="Virgil Zólyom" image=${PORTRAIT} image-alt=${alt}></gz-author-card>`,
          );
          expect(part(el, 'photo')!.getAttribute('alt')).to.equal('');
          expect(warnings.messages()).to.have.length(1);
        } finally {
          warnings.restore();
        }
      });
    }

    it('treats the photo as decorative without image-alt, and when image-alt repeats the name', async () => {
      const plain = await card(html`<gz-author-card name="Virgil Zólyom" image=${PORTRAIT}></gz-author-card>`);
      expect(part(plain, 'photo')!.getAttribute('alt')).to.equal('');
      const named = await card(
        html`<gz-author-card name="Virgil Zólyom" image=${PORTRAIT} image-alt="Virgil Zólyom"></gz-author-card>`,
      );
      expect(part(named, 'photo')!.getAttribute('alt')).to.equal('');
    });

    it('passes on a real description', async () => {
      const alt = 'Virgil Zólyom auf dem Deich bei Husum, im Hintergrund Windräder';
      const el = await card(
        html`<gz-author-card name="Virgil Zólyom" image=${PORTRAIT} image-alt=${alt}></gz-author-card>`,
      );
      await loaded(el);
      expect(part(el, 'photo')!.getAttribute('alt')).to.equal(alt);
      await expect(el).to.be.accessible();
    });
  });

  describe('links', () => {
    const LINKS = 'https://zolyom.example/ mailto:virgil@zolyom.example https://norden.social/@zolyom';

    it('names each link in German', async () => {
      const el = await card(html`<gz-author-card name="Virgil Zólyom" links=${LINKS}></gz-author-card>`);
      const links = [...part(el, 'links')!.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('aria-label'))).to.deep.equal([
        'Website von Virgil Zólyom',
        'E-Mail an Virgil Zólyom',
        'Virgil Zólyom auf Mastodon',
      ]);
      expect(links.map((a) => text(a))).to.deep.equal(['Website', 'E-Mail', 'Mastodon']);
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
        'https://zolyom.example/',
        'mailto:virgil@zolyom.example',
        'https://norden.social/@zolyom',
      ]);
      expect(part(el, 'links')!.querySelector('ul')!.getAttribute('aria-label')).to.equal('Links von Virgil Zólyom');
      await expect(el).to.be.accessible();
    });

    it('names each link in English', async () => {
      const el = await card(html`<gz-author-card name="Virgil Zólyom" links=${LINKS}></gz-author-card>`, {
        lang: 'en',
      });
      const labels = [...part(el, 'links')!.querySelectorAll('a')].map((a) => a.getAttribute('aria-label'));
      expect(labels).to.deep.equal(['Virgil Zólyom’s website', 'Email Virgil Zólyom', 'Virgil Zólyom on Mastodon']);
    });

    it('re-renders in the new language when an ancestor switches', async () => {
      const el = await card(
        html`<gz-author-card name="Virgil Zólyom" links="https://zolyom.example/"></gz-author-card>`,
      );
      el.parentElement!.setAttribute('lang', 'en');
      await frameAndUpdate(el);
      expect(part(el, 'links')!.querySelector('a')!.getAttribute('aria-label')).to.equal('Virgil Zólyom’s website');
    });

    it('shows links from the links slot, and hides the part when there are none', async () => {
      const bare = await card(html`<gz-author-card name="Virgil Zólyom"></gz-author-card>`);
      expect((part(bare, 'links') as HTMLElement).hidden).to.be.true;
      const el = await card(
        html`<gz-author-card name="Virgil Zólyom"><a slot="links" href="/autoren/vz/rss">RSS-Feed</a></gz-author-card>`,
      );
      await frameAndUpdate(el);
      expect((part(el, 'links') as HTMLElement).hidden).to.be.false;
    });

    it('reaches name and links with Tab, in reading order', async () => {
      const el = await card(
        html`<gz-author-card
          name="Virgil Zólyom"
          href="/autoren/vz"
          links="https://zolyom.example/ mailto:v@zolyom.example"
          ><p>${BIO}</p></gz-author-card
        >`,
      );
      const button = document.createElement('button');
      button.textContent = 'Start';
      el.before(button);
      button.focus();
      const visited: string[] = [];
      for (let i = 0; i < 3; i++) {
        await sendKeys({ press: 'Tab' });
        visited.push(el.shadowRoot!.activeElement?.getAttribute('href') ?? 'outside');
      }
      expect(visited).to.deep.equal(['/autoren/vz', 'https://zolyom.example/', 'mailto:v@zolyom.example']);
      button.remove();
    });
  });

  describe('compact layout', () => {
    it('is a byline with a small photo: "Von Virgil Zólyom"', async () => {
      const el = await card(
        html`<gz-author-card layout="compact" name="Virgil Zólyom" href="/autoren/vz" image=${PORTRAIT}
          ><p>${BIO}</p></gz-author-card
        >`,
      );
      expect(text(part(el, 'byline'))).to.equal('Von Virgil Zólyom');
      expect(part(el, 'byline')!.querySelector('a')!.getAttribute('href')).to.equal('/autoren/vz');
      expect(part(el, 'photo')!.getAttribute('width')).to.equal('40');
      expect(part(el, 'bio')).to.equal(null);
      expect(part(el, 'job-title')).to.equal(null);
      await loaded(el);
      await expect(el).to.be.accessible();
    });

    it('says "By …" in English, with initials without a photo', async () => {
      const el = await card(html`<gz-author-card layout="compact" name="Virgil Zólyom"></gz-author-card>`, {
        lang: 'en',
      });
      expect(text(part(el, 'byline'))).to.equal('By Virgil Zólyom');
      expect(text(part(el, 'initials'))).to.equal('VZ');
      await expect(el).to.be.accessible();
    });
  });

  describe('inline layout', () => {
    it('is the name only, inline in text', async () => {
      const wrapper = await fixture(
        html`<p lang="de">
          Ein Kommentar von
          <gz-author-card layout="inline" name="Virgil Zólyom" href="/autoren/vz" image=${PORTRAIT}
            ><span>Bio</span></gz-author-card
          >.
        </p>`,
      );
      const el = wrapper.querySelector('gz-author-card')!;
      await el.updateComplete;
      expect(getComputedStyle(el).display).to.equal('inline');
      expect(text(part(el, 'name'))).to.equal('Virgil Zólyom');
      expect(el.shadowRoot!.querySelector('img, [part~="initials"], [part~="bio"]')).to.equal(null);
      expect(el.matches(':state(initials)') || el.matches(':state(photo)')).to.be.false;
      await expect(wrapper).to.be.accessible();
    });
  });

  describe('direction', () => {
    it('puts the photo at the start of the line in right-to-left text', async () => {
      const el = await card(html`<gz-author-card name="Virgil Zólyom"></gz-author-card>`, { lang: 'en', dir: 'rtl' });
      expect(part(el, 'base')!.getAttribute('dir')).to.equal('rtl');
      const avatar = el.shadowRoot!.querySelector('.avatar')!.getBoundingClientRect();
      const name = part(el, 'name')!.getBoundingClientRect();
      expect(avatar.left).to.be.greaterThan(name.left);
      await expect(el).to.be.accessible();
    });

    // Arabic has no translation: the card's own words fall back to English, left to right (README,
    // "Languages"), but the bio is the page's text and must read in the page's direction.
    const ARABIC_BIO = 'فيرجيل زوليوم صحفي يكتب عن الطاقة في كيل منذ عام 2009.';
    /** The bio paragraph's direction, and at which edge of the bio its (one) line of text sits. */
    function bioLayout(el: GzAuthorCard): { direction: string; startsAt: 'left' | 'right' } {
      const paragraph = el.querySelector('p')!;
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      const runs = [...range.getClientRects()];
      const left = Math.min(...runs.map((r) => r.left));
      const right = Math.max(...runs.map((r) => r.right));
      const box = paragraph.getBoundingClientRect();
      return {
        direction: getComputedStyle(paragraph).direction,
        startsAt: box.right - right < left - box.left ? 'right' : 'left',
      };
    }

    it('lays an Arabic bio out right to left on a right-to-left page whose language has no translation', async () => {
      const el = await card(html`<gz-author-card name="Virgil Zólyom"><p>${ARABIC_BIO}</p></gz-author-card>`, {
        lang: 'ar',
        dir: 'rtl',
      });
      expect(part(el, 'base')!.getAttribute('dir')).to.equal('ltr');
      expect(bioLayout(el)).to.deep.equal({ direction: 'rtl', startsAt: 'right' });
      await expect(el).to.be.accessible();
    });

    it('takes the bio’s direction from the page, not from its first letter', async () => {
      const rtl = await card(html`<gz-author-card name="Virgil Zólyom"><p>BBC ${ARABIC_BIO}</p></gz-author-card>`, {
        lang: 'ar',
        dir: 'rtl',
      });
      expect(bioLayout(rtl).direction).to.equal('rtl');
      const ltr = await card(html`<gz-author-card name="Virgil Zólyom"><p>${ARABIC_BIO} Kiel.</p></gz-author-card>`, {
        lang: 'de',
      });
      expect(bioLayout(ltr)).to.deep.equal({ direction: 'ltr', startsAt: 'left' });
    });

    it('turns the bio with the page when the page’s direction changes later', async () => {
      const el = await card(html`<gz-author-card name="Virgil Zólyom"><p>${ARABIC_BIO}</p></gz-author-card>`, {
        lang: 'ar',
        dir: 'ltr',
      });
      expect(bioLayout(el).direction).to.equal('ltr');
      el.parentElement!.dir = 'rtl';
      await el.updateComplete;
      expect(bioLayout(el)).to.deep.equal({ direction: 'rtl', startsAt: 'right' });
    });
  });

  describe('bad input', () => {
    for (const name of [undefined, '', '   ']) {
      it(`shows nothing and warns once without a name (${JSON.stringify(name)})`, async () => {
        const warnings = captureWarnings();
        try {
          const el = await card(
            html`<gz-author-card name=${name ?? (undefined as unknown as string)} image=${PORTRAIT}
              ><p>${BIO}</p></gz-author-card
            >`,
          );
          el.requestUpdate();
          await el.updateComplete;
          // A server-rendered shadow root keeps its <style>: no content is what counts.
          expect([...el.shadowRoot!.children].filter((c) => c.localName !== 'style')).to.have.length(0);
          expect(el.getBoundingClientRect().height).to.equal(0);
          expect(el.matches(':state(empty)')).to.be.true;
          expect(warnings.messages()).to.have.length(1);
          expect(warnings.messages()[0]).to.contain('no name');
          await expect(el).to.be.accessible();
        } finally {
          warnings.restore();
        }
      });
    }

    it('does not overflow with a 200-character name or a 60-character word', async () => {
      const long = Array.from({ length: 20 }, (_, i) => `Nachname${i}`).join('-') + ' ' + 'X'.repeat(60);
      const wrapper = await fixture(
        html`<div lang="de" style="inline-size: 240px">
          <gz-author-card name=${long.slice(0, 200)} job-title=${'Y'.repeat(60)}
            ><p>${'Z'.repeat(60)}</p></gz-author-card
          >
          <gz-author-card layout="compact" name=${'W'.repeat(60)}></gz-author-card>
        </div>`,
      );
      for (const el of wrapper.querySelectorAll('gz-author-card')) {
        await el.updateComplete;
        const base = part(el, 'base') as HTMLElement;
        expect(base.scrollWidth).to.be.at.most(240);
        expect(el.getBoundingClientRect().width).to.be.at.most(240);
      }
      expect(wrapper.scrollWidth).to.be.at.most(240);
    });

    it('shows HTML in the name as text and runs nothing', async () => {
      const tripwire = sinon.spy();
      (window as unknown as { tripwire: () => void }).tripwire = tripwire;
      const name = '<img src=x onerror="tripwire()">Virgil';
      const el = await card(html`<gz-author-card name=${name} links="https://zolyom.example/"></gz-author-card>`);
      // No <img> is the proof; the frame only gives a handler scheduled by one a chance to run.
      await nextFrame();
      expect(text(part(el, 'name'))).to.equal(name);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(tripwire.called).to.be.false;
      expect(part(el, 'links')!.querySelector('a')!.getAttribute('aria-label')).to.equal(`Website von ${name}`);
    });

    const hostile = [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      '  javascript:alert(1)',
      'java\tscript:alert(1)',
      '\u0000javascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
    ];
    for (const url of hostile) {
      it(`drops the URL ${JSON.stringify(url)} from href and image, with a warning each`, async () => {
        const warnings = captureWarnings();
        try {
          const el = await card(html`<gz-author-card name="Virgil Zólyom" href=${url} image=${url}></gz-author-card>`);
          expect(el.shadowRoot!.querySelector('a')).to.equal(null);
          expect(part(el, 'photo')).to.equal(null);
          expect(text(part(el, 'initials'))).to.equal('VZ');
          expect(warnings.messages()).to.have.length(2);
          expect(warnings.messages().join(' ')).to.contain('href=').and.to.contain('image=');
        } finally {
          warnings.restore();
        }
      });
    }

    it('drops hostile profile links with one warning and keeps the safe ones', async () => {
      const warnings = captureWarnings();
      try {
        const el = await card(
          html`<gz-author-card
            name="Virgil Zólyom"
            links="JavaScript:alert(1) https://zolyom.example/ data:text/html,x vbscript:x"
          ></gz-author-card>`,
        );
        const links = [...part(el, 'links')!.querySelectorAll('a')];
        expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://zolyom.example/']);
        expect(warnings.messages()).to.have.length(1);
        expect(warnings.messages()[0]).to.contain('JavaScript:alert(1)');
      } finally {
        warnings.restore();
      }
    });

    it('refuses a data: photo, with a warning, and shows initials', async () => {
      const dataUrl =
        'data:image/svg+xml,' +
        encodeURIComponent(
          '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>',
        );
      const warnings = captureWarnings();
      try {
        const el = await card(html`<gz-author-card name="Virgil Zólyom" image=${dataUrl}></gz-author-card>`);
        expect(el.shadowRoot!.querySelector('img')).to.equal(null);
        expect(el.matches(':state(initials)')).to.be.true;
        expect(warnings.messages().filter((m) => m.includes('image='))).to.have.length(1);
      } finally {
        warnings.restore();
      }
    });

    it('warns once for an unknown layout and shows the card', async () => {
      const warnings = captureWarnings();
      try {
        const el = await card(html`<gz-author-card name="Virgil Zólyom" layout="poster"></gz-author-card>`);
        expect(el.shadowRoot!.querySelector('.card')).to.exist;
        expect(warnings.messages()).to.have.length(1);
        expect(warnings.messages()[0]).to.contain('layout="poster"');
      } finally {
        warnings.restore();
      }
    });
  });
});
