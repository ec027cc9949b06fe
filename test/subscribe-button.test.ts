import { expect, html, oneEvent } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import sinon from 'sinon';
import '../src/components/subscribe-button/subscribe-button.js';
import type { GzSubscribeButton } from '../src/components/subscribe-button/subscribe-button.component.js';
import { forgetFollowedTopics } from '../src/components/subscribe-button/sync.js';
import type { GzSubscribeErrorEvent } from '../src/events/subscribe-error.js';
import type { GzSubscribeSuccessEvent } from '../src/events/subscribe-success.js';
import {
  bodyOf,
  endpoint,
  nextOutcome,
  states,
  statusText,
  toggle,
  until,
  type Endpoint,
} from './harness/subscribe-button.js';
import { captureWarnings, part } from './helpers.js';
import { pausedSince } from './harness/wait.js';
import './harness/axe.js';

interface Attrs {
  topic?: string;
  label?: string;
  action?: string;
  email?: string;
  lang?: string;
  compact?: boolean;
  subscribed?: boolean;
  noRemember?: boolean;
  unsubscribeMethod?: string;
}

let topics = 0;
/** A topic no other test uses, so remembered and synced state never leaks between tests. */
const freshTopic = () => `thema-${++topics}-${crypto.randomUUID().slice(0, 8)}`;

async function make(attrs: Attrs = {}): Promise<GzSubscribeButton> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${attrs.lang ?? 'de'}>
      <gz-subscribe-button
        topic=${ifDefined(attrs.topic)}
        topic-label=${ifDefined(attrs.label)}
        action=${ifDefined(attrs.action)}
        email=${ifDefined(attrs.email)}
        unsubscribe-method=${ifDefined(attrs.unsubscribeMethod)}
        ?compact=${!!attrs.compact}
        ?subscribed=${!!attrs.subscribed}
        ?no-remember=${!!attrs.noRemember}
      ></gz-subscribe-button>
    </div>`,
  );
  const el = wrapper.querySelector('gz-subscribe-button')!;
  await el.updateComplete;
  return el;
}

const input = (el: Element) => part(el, 'email') as HTMLInputElement | null;

/** The toggle's accessible name from its content: all text outside `aria-hidden` parts. */
function nameOf(button: HTMLElement): string {
  const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement!.closest('[aria-hidden="true"]')) text += node.textContent;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A reader's pause: the element holds back a toggle activation within the double-click interval
 * (500 ms) of the previous one after the state changed, so a real second click comes later.
 */
const readerPause = () => pausedSince(500);

/** Submits the open form with a typed address, as a reader would (typing events included). */
async function typeAndSubmit(el: GzSubscribeButton, email: string) {
  const field = input(el)!;
  field.value = email;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  (part(el, 'submit') as HTMLButtonElement).click();
}

describe('<gz-subscribe-button>', () => {
  let ep: Endpoint;
  beforeEach(async () => {
    forgetFollowedTopics();
    ep = await endpoint();
  });
  afterEach(() => {
    forgetFollowedTopics();
    sinon.restore();
  });

  describe('rendering', () => {
    it('shows "Thema folgen" with the topic in the accessible name, not pressed, idle', async () => {
      const el = await make({ topic: freshTopic(), label: 'Energiewende', action: ep.url });
      const button = toggle(el);
      expect(part(el, 'label')!.textContent!.trim()).to.equal('Thema folgen');
      expect(button.getAttribute('aria-label')).to.equal('Thema folgen: Energiewende');
      expect(nameOf(button)).to.equal('Thema folgen');
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      expect(states(el)).to.deep.equal(['idle']);
      expect(el.status).to.equal('idle');
      expect(el.following).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('speaks English: "Follow"', async () => {
      const el = await make({ topic: freshTopic(), label: 'Energy transition', action: ep.url, lang: 'en' });
      expect(part(el, 'label')!.textContent!.trim()).to.equal('Follow');
      expect(toggle(el).getAttribute('aria-label')).to.equal('Follow Energy transition');
    });

    it('falls back to the topic id when there is no label', async () => {
      const topic = freshTopic();
      const el = await make({ topic, action: ep.url });
      expect(toggle(el).getAttribute('aria-label')).to.equal(`Thema folgen: ${topic}`);
    });

    it('compact: the topic as text and a [+] button named "Thema folgen: Energiewende"', async () => {
      const el = await make({ topic: freshTopic(), label: 'Energiewende', action: ep.url, compact: true });
      expect(part(el, 'topic')!.textContent).to.equal('Energiewende');
      expect(part(el, 'icon')!.textContent).to.equal('+');
      expect(part(el, 'icon')!.getAttribute('aria-hidden')).to.equal('true');
      expect(part(el, 'label')).to.be.null;
      expect(toggle(el).getAttribute('aria-label')).to.equal('Thema folgen: Energiewende');
      expect(nameOf(toggle(el))).to.equal('');
      expect(getComputedStyle(el).display).to.equal('inline-block');
      await expect(el).to.be.accessible();
    });

    it('the check mark pops in, except for readers who prefer reduced motion', async () => {
      const el = await make({ topic: freshTopic(), action: ep.url, subscribed: true });
      expect(getComputedStyle(part(el, 'icon')!).animationName).to.equal('gz-subscribe-pop');
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        expect(getComputedStyle(part(el, 'icon')!).animationName).to.equal('none');
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('starts pressed when the publisher says the reader follows (subscribed)', async () => {
      const el = await make({ topic: freshTopic(), action: ep.url, subscribed: true });
      expect(toggle(el).getAttribute('aria-pressed')).to.equal('true');
      expect(part(el, 'icon')!.textContent).to.equal('✓');
      expect(states(el)).to.deep.equal(['subscribed', 'following']);
    });

    it('followed, it reads "Sie folgen" / "Following", still a pressed toggle', async () => {
      const de = await make({ topic: freshTopic(), label: 'Energiewende', action: ep.url, subscribed: true });
      expect(part(de, 'label')!.textContent).to.equal('Sie folgen');
      expect(toggle(de).getAttribute('aria-label')).to.equal('Sie folgen: Energiewende');
      expect(toggle(de).getAttribute('aria-pressed')).to.equal('true');
      const en = await make({ topic: freshTopic(), label: 'Energy', action: ep.url, subscribed: true, lang: 'en' });
      expect(part(en, 'label')!.textContent).to.equal('Following');
      expect(toggle(en).getAttribute('aria-label')).to.equal('Following Energy');
      await expect(de).to.be.accessible();
    });

    it('the name has no stray space before the colon (one aria-label, not two spans)', async () => {
      const el = await make({ topic: freshTopic(), label: 'Energiewende', action: ep.url });
      expect(toggle(el).getAttribute('aria-label')).not.to.contain(' :');
      expect(el.shadowRoot!.querySelector('.toggle .visually-hidden')).to.be.null;
    });
  });

  describe('following with a known address', () => {
    it('POSTs the contract, shows and announces "subscribed", fires gz-subscribe and gz-subscribe-success', async () => {
      const el = await make({ topic: freshTopic(), label: 'Energiewende', action: ep.url, email: 'leser@example.de' });
      const request = oneEvent(el, 'gz-subscribe');
      const done = oneEvent(el, 'gz-subscribe-success');
      toggle(el).click();
      const event = await request;
      expect(event.detail).to.deep.equal({ topic: el.topic, email: 'leser@example.de', locale: 'de' });
      expect(event.cancelable).to.be.true;
      expect(el.status).to.equal('pending');
      expect(toggle(el).getAttribute('aria-disabled')).to.equal('true');
      expect(statusText(el)).to.equal('Anmeldung für „Energiewende“ wird gesendet …');
      const success = (await done) as GzSubscribeSuccessEvent;
      expect(success.detail).to.deep.equal({ topic: el.topic, intent: 'subscribe', status: 'subscribed' });
      expect(success.detail).not.to.have.property('email');
      await el.updateComplete;
      expect(toggle(el).getAttribute('aria-pressed')).to.equal('true');
      expect(states(el)).to.deep.equal(['subscribed', 'following']);
      expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
      expect(statusText(el)).to.contain('Sie folgen jetzt dem Thema „Energiewende“');
      const [sent] = await ep.log();
      expect(sent!.method).to.equal('POST');
      expect(sent!.headers['content-type']).to.equal('application/json');
      expect(sent!.headers['idempotency-key']).to.match(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(bodyOf(sent!)).to.deep.equal({ topic: el.topic, email: 'leser@example.de', locale: 'de' });
      expect(await ep.records()).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('sends the English locale from an English page', async () => {
      const el = await make({ topic: freshTopic(), action: ep.url, email: 'reader@example.com', lang: 'en-GB' });
      toggle(el).click();
      await oneEvent(el, 'gz-subscribe-success');
      expect(bodyOf((await ep.log())[0]!)['locale']).to.equal('en-GB');
      expect(statusText(el)).to.match(/^You now follow/);
    });

    it('double opt-in: "check your inbox" state, pressed, success with status pending', async () => {
      ep = await endpoint({ doubleOptIn: true });
      const el = await make({ topic: freshTopic(), label: 'Energiewende', action: ep.url, email: 'leser@example.de' });
      toggle(el).click();
      const success = (await oneEvent(el, 'gz-subscribe-success')) as GzSubscribeSuccessEvent;
      expect(success.detail.status).to.equal('pending');
      await el.updateComplete;
      expect(states(el)).to.deep.equal(['confirming', 'following']);
      expect(toggle(el).getAttribute('aria-pressed')).to.equal('true');
      expect(statusText(el)).to.match(/^Fast geschafft: Bitte bestätigen Sie/);
      expect((await ep.records())[0]!.status).to.equal('pending');
      await expect(el).to.be.accessible();
    });

    it('409 (already subscribed) is a success', async () => {
      ep = await endpoint({ script: [{ status: 409, body: '{"status":"subscribed"}' }] });
      const el = await make({ topic: freshTopic(), action: ep.url, email: 'leser@example.de' });
      toggle(el).click();
      const success = (await oneEvent(el, 'gz-subscribe-success')) as GzSubscribeSuccessEvent;
      expect(success.detail.status).to.equal('subscribed');
      expect(el.status).to.equal('subscribed');
    });

    it('clicking a followed topic unfollows with DELETE and the same body; the record is gone', async () => {
      const el = await make({ topic: freshTopic(), label: 'Energiewende', action: ep.url, email: 'leser@example.de' });
      toggle(el).click();
      await oneEvent(el, 'gz-subscribe-success');
      await readerPause();
      const cancelable = oneEvent(el, 'gz-unsubscribe');
      const done = oneEvent(el, 'gz-subscribe-success');
      toggle(el).click();
      expect((await cancelable).cancelable).to.be.true;
      const success = (await done) as GzSubscribeSuccessEvent;
      expect(success.detail).to.deep.equal({ topic: el.topic, intent: 'unsubscribe', status: 'unsubscribed' });
      await el.updateComplete;
      expect(toggle(el).getAttribute('aria-pressed')).to.equal('false');
      expect(states(el)).to.deep.equal(['idle']);
      expect(statusText(el)).to.equal('Sie folgen dem Thema „Energiewende“ nicht mehr.');
      const log = await ep.log();
      expect(log.map((r) => r.method)).to.deep.equal(['POST', 'DELETE']);
      expect(bodyOf(log[1]!)).to.deep.equal({ topic: el.topic, email: 'leser@example.de', locale: 'de' });
      expect(log[1]!.headers['idempotency-key']).not.to.equal(log[0]!.headers['idempotency-key']);
      expect(await ep.records()).to.deep.equal([]);
    });

    it('unsubscribe-method="post" unfollows with POST and "intent": "unsubscribe"', async () => {
      const el = await make({
        topic: freshTopic(),
        action: ep.url,
        email: 'leser@example.de',
        unsubscribeMethod: 'post',
      });
      toggle(el).click();
      await oneEvent(el, 'gz-subscribe-success');
      await readerPause();
      toggle(el).click();
      await oneEvent(el, 'gz-subscribe-success');
      const log = await ep.log();
      expect(log[1]!.method).to.equal('POST');
      expect(bodyOf(log[1]!)['intent']).to.equal('unsubscribe');
      expect(await ep.records()).to.deep.equal([]);
    });

    it('ten rapid clicks send exactly one request', async () => {
      const el = await make({ topic: freshTopic(), action: ep.url, email: 'leser@example.de' });
      const done = oneEvent(el, 'gz-subscribe-success');
      for (let i = 0; i < 10; i++) toggle(el).click();
      await done;
      expect(await ep.log()).to.have.length(1);
      expect(await ep.records()).to.have.length(1);
      expect(el.following).to.be.true;
    });

    it('Enter held down on the button sends exactly one request', async () => {
      const el = await make({ topic: freshTopic(), action: ep.url, email: 'leser@example.de' });
      const done = oneEvent(el, 'gz-subscribe-success');
      toggle(el).focus();
      // The first down is a press, every further down is an auto-repeat (event.repeat).
      for (let i = 0; i < 10; i++) await sendKeys({ down: 'Enter' });
      await done;
      for (let i = 0; i < 5; i++) await sendKeys({ down: 'Enter' });
      await sendKeys({ up: 'Enter' });
      await el.updateComplete;
      expect(await ep.log()).to.have.length(1);
      expect(el.status).to.equal('subscribed');
    });
  });

  describe('the e-mail form', () => {
    it('opens from the button with a labelled field that gets focus', async () => {
      const el = await make({ topic: freshTopic(), label: 'Energiewende', action: ep.url });
      toggle(el).click();
      await el.updateComplete;
      const field = input(el)!;
      expect(field).to.exist;
      expect(field.type).to.equal('email');
      expect(field.required).to.be.true;
      expect(field.labels![0]!.textContent).to.equal('E-Mail-Adresse');
      expect(el.shadowRoot!.activeElement === field).to.be.true;
      expect(part(el, 'form')!.getAttribute('aria-label')).to.equal(
        'E-Mail bei neuen Artikeln zum Thema „Energiewende“',
      );
      expect(states(el)).to.deep.equal(['idle', 'open']);
      expect(await ep.log()).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('refuses an empty or invalid address with a message in the element language, sending nothing', async () => {
      const el = await make({ topic: freshTopic(), action: ep.url });
      toggle(el).click();
      await el.updateComplete;
      await typeAndSubmit(el, '');
      await el.updateComplete;
      expect(part(el, 'field-error')!.textContent).to.equal('Bitte geben Sie Ihre E-Mail-Adresse ein.');
      expect(input(el)!.validationMessage).to.equal('Bitte geben Sie Ihre E-Mail-Adresse ein.');
      expect(input(el)!.getAttribute('aria-invalid')).to.equal('true');
      expect(input(el)!.getAttribute('aria-describedby')).to.contain('field-error');
      await typeAndSubmit(el, 'kein-at-zeichen');
      await el.updateComplete;
      expect(part(el, 'field-error')!.textContent).to.match(/^Bitte geben Sie eine gültige E-Mail-Adresse ein/);
      expect(states(el)).to.include('invalid');
      expect(el.shadowRoot!.activeElement === input(el)).to.be.true;
      await expect(el).to.be.accessible();
      expect(await ep.log()).to.have.length(0);
    });

    it('explains an invalid address in English on an English page', async () => {
      const el = await make({ topic: freshTopic(), action: ep.url, lang: 'en' });
      toggle(el).click();
      await el.updateComplete;
      await typeAndSubmit(el, 'not an address');
      await el.updateComplete;
      expect(part(el, 'field-error')!.textContent).to.equal(
        'Please enter a valid email address, for example name@example.com.',
      );
    });

    it('submits a valid address, closes, moves focus to the status, remembers the address for unfollowing', async () => {
      const el = await make({ topic: freshTopic(), action: ep.url });
      toggle(el).click();
      await el.updateComplete;
      const done = oneEvent(el, 'gz-subscribe-success');
      input(el)!.focus();
      await typeAndSubmit(el, 'leser@example.de');
      await done;
      await el.updateComplete;
      await el.updateComplete;
      expect(part(el, 'form')).to.be.null;
      expect(el.shadowRoot!.activeElement === part(el, 'status')).to.be.true;
      // Unfollowing needs no form: the element still knows the address (in memory only).
      await readerPause();
      toggle(el).click();
      await oneEvent(el, 'gz-subscribe-success');
      expect(bodyOf((await ep.log())[1]!)['email']).to.equal('leser@example.de');
    });

    it('ten rapid submits send exactly one request', async () => {
      const el = await make({ topic: freshTopic(), action: ep.url });
      toggle(el).click();
      await el.updateComplete;
      input(el)!.value = 'leser@example.de';
      const done = oneEvent(el, 'gz-subscribe-success');
      for (let i = 0; i < 10; i++) (part(el, 'submit') as HTMLButtonElement).click();
      await done;
      expect(await ep.log()).to.have.length(1);
      expect(await ep.records()).to.have.length(1);
    });

    it('Enter held down in the field sends exactly one request, also after focus moves to the button', async () => {
      const el = await make({ topic: freshTopic(), action: ep.url });
      toggle(el).click();
      await el.updateComplete;
      input(el)!.value = 'leser@example.de';
      input(el)!.focus();
      const done = oneEvent(el, 'gz-subscribe-success');
      for (let i = 0; i < 10; i++) await sendKeys({ down: 'Enter' });
      await done;
      await el.updateComplete;
      // Still held: the repeats now reach the toggle, which must not unfollow.
      for (let i = 0; i < 5; i++) await sendKeys({ down: 'Enter' });
      await sendKeys({ up: 'Enter' });
      expect(await ep.log()).to.have.length(1);
      expect(el.following).to.be.true;
    });

    it('Escape and Cancel close the form and return focus to the button', async () => {
      const el = await make({ topic: freshTopic(), action: ep.url });
      toggle(el).click();
      await el.updateComplete;
      input(el)!.focus();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      await el.updateComplete;
      expect(part(el, 'form')).to.be.null;
      expect(el.shadowRoot!.activeElement === toggle(el)).to.be.true;
      await readerPause();
      toggle(el).click();
      await el.updateComplete;
      (part(el, 'cancel') as HTMLButtonElement).click();
      await el.updateComplete;
      await el.updateComplete;
      expect(part(el, 'form')).to.be.null;
      expect(el.shadowRoot!.activeElement === toggle(el)).to.be.true;
    });

    it('keyboard only: Tab to the button, Space opens, type, Enter submits (focus to the status); Shift+Tab, Enter unfollows', async () => {
      const el = await make({ topic: freshTopic(), action: ep.url });
      const before = document.createElement('button');
      before.textContent = 'vorher';
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement === toggle(el)).to.be.true;
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement === input(el)).to.be.true;
      await sendKeys({ type: 'leser@example.de' });
      const done = oneEvent(el, 'gz-subscribe-success');
      await sendKeys({ press: 'Enter' });
      await done;
      await el.updateComplete;
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement === part(el, 'status')).to.be.true;
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(el.shadowRoot!.activeElement === toggle(el)).to.be.true;
      await readerPause();
      const undone = oneEvent(el, 'gz-subscribe-success');
      await sendKeys({ press: 'Enter' });
      expect(((await undone) as GzSubscribeSuccessEvent).detail.status).to.equal('unsubscribed');
      before.remove();
    });

    it('shows slotted consent text in the form, described by the field', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="de">
          <gz-subscribe-button topic=${freshTopic()} action=${ep.url}>
            <p slot="consent">Mit dem Abo akzeptieren Sie unsere <a href="/datenschutz">Datenschutzerklärung</a>.</p>
          </gz-subscribe-button>
        </div>`,
      );
      const el = wrapper.querySelector('gz-subscribe-button')!;
      toggle(el).click();
      await el.updateComplete;
      await el.updateComplete;
      const consent = part(el, 'consent')!;
      expect(consent.hidden).to.be.false;
      expect(consent.querySelector('slot')!.assignedElements()[0]!.textContent).to.contain('Datenschutzerklärung');
      expect(input(el)!.getAttribute('aria-describedby')).to.contain('consent');
      await expect(el).to.be.accessible();
    });
  });

  describe('host control', () => {
    it('a cancelled gz-subscribe sends nothing; complete() reports the host result', async () => {
      const el = await make({ topic: freshTopic(), action: ep.url, email: 'leser@example.de' });
      el.addEventListener('gz-subscribe', (e) => e.preventDefault(), { once: true });
      const done = oneEvent(el, 'gz-subscribe-success');
      toggle(el).click();
      await el.updateComplete;
      expect(el.status).to.equal('pending');
      el.complete('pending');
      expect(((await done) as GzSubscribeSuccessEvent).detail.status).to.equal('pending');
      await el.updateComplete;
      expect(el.status).to.equal('confirming');
      expect(await ep.log()).to.have.length(0);
    });

    it('complete("invalid-email") opens the form with a field error; complete("error") shows the error', async () => {
      const el = await make({ topic: freshTopic(), action: ep.url, email: 'leser@example.de' });
      el.addEventListener('gz-subscribe', (e) => e.preventDefault());
      toggle(el).click();
      el.complete('invalid-email');
      await el.updateComplete;
      expect(part(el, 'field-error')!.textContent).to.equal(
        'Diese E-Mail-Adresse wurde nicht angenommen. Bitte prüfen Sie sie.',
      );
      expect(input(el)!.value).to.equal('leser@example.de');
      await typeAndSubmit(el, 'neu@example.de');
      const failed = oneEvent(el, 'gz-subscribe-error');
      el.complete('error');
      expect(((await failed) as GzSubscribeErrorEvent).detail.reason).to.equal('server');
      await el.updateComplete;
      expect(el.status).to.equal('error');
      expect(part(el, 'retry')).to.exist;
    });

    it('complete() with an unknown result warns and shows an error', async () => {
      const el = await make({ topic: freshTopic(), action: ep.url, email: 'leser@example.de' });
      el.addEventListener('gz-subscribe', (e) => e.preventDefault());
      toggle(el).click();
      const warnings = captureWarnings();
      el.complete('<b>ok</b>' as never);
      warnings.restore();
      expect(warnings.messages()[0]).to.contain('is not a known result');
      expect(el.status).to.equal('error');
      expect(el.following).to.be.false;
    });

    it('complete() with nothing waiting warns and changes nothing', async () => {
      const el = await make({ topic: freshTopic(), action: ep.url });
      const warnings = captureWarnings();
      el.complete('subscribed');
      warnings.restore();
      expect(warnings.messages()[0]).to.contain('no cancelled gz-subscribe is waiting');
      expect(el.status).to.equal('idle');
    });
  });

  describe('one state per topic', () => {
    it('every button for the topic on the page shows the same state; only topics are stored', async () => {
      const topic = freshTopic();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="de">
          <gz-subscribe-button topic=${topic} action=${ep.url} email="leser@example.de"></gz-subscribe-button>
          <gz-subscribe-button topic=${topic} action=${ep.url} email=" Leser@Example.de" compact></gz-subscribe-button>
          <gz-subscribe-button topic=${freshTopic()} action=${ep.url}></gz-subscribe-button>
        </div>`,
      );
      const [a, b, other] = [...wrapper.querySelectorAll('gz-subscribe-button')];
      // The reader's hash (SHA-256 of the normalised address) is computed before the buttons sync.
      await until(() => a!.reader !== '' && b!.reader !== '');
      expect(a!.reader === b!.reader).to.be.true;
      toggle(a!).click();
      await oneEvent(a!, 'gz-subscribe-success');
      await b!.updateComplete;
      expect(toggle(b!).getAttribute('aria-pressed')).to.equal('true');
      expect(b!.status).to.equal('subscribed');
      expect(toggle(other!).getAttribute('aria-pressed')).to.equal('false');
      const stored = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie;
      expect(stored).to.contain(topic);
      expect(stored.toLowerCase()).not.to.contain('leser@example.de');
    });

    it('a new button remembers a followed topic; no-remember ignores it', async () => {
      const topic = freshTopic();
      const first = await make({ topic, action: ep.url, email: 'leser@example.de' });
      toggle(first).click();
      await oneEvent(first, 'gz-subscribe-success');
      const again = await make({ topic, action: ep.url, email: 'leser@example.de' });
      await until(() => again.following);
      expect(again.following).to.be.true;
      const forgetful = await make({ topic, action: ep.url, noRemember: true });
      expect(forgetful.following).to.be.false;
    });

    it("follows the reader's other tabs (BroadcastChannel)", async () => {
      const topic = freshTopic();
      const el = await make({ topic, action: ep.url });
      const witness = await make({ topic, action: ep.url });
      const otherTab = new BroadcastChannel('gazette:subscribe-button');
      otherTab.postMessage({ topic, reader: 'browser', state: 'subscribed' });
      await new Promise<void>((resolve) => {
        const check = () => (el.following ? resolve() : requestAnimationFrame(check));
        check();
      });
      await el.updateComplete;
      expect(toggle(el).getAttribute('aria-pressed')).to.equal('true');
      // Garbage from another script on the channel changes nothing.
      otherTab.postMessage({ topic, reader: 'browser', state: '<img src=x onerror=alert(1)>' });
      otherTab.postMessage({ topic, state: 'unsubscribed' });
      // A channel opened after the buttons' gets each message after them (delivery follows creation
      // order): once it has the last one, the buttons have seen all three.
      const probe = new BroadcastChannel('gazette:subscribe-button');
      const delivered = new Promise<void>((resolve) => {
        probe.onmessage = (e) => e.data === null && resolve();
      });
      otherTab.postMessage(null);
      await delivered;
      probe.close();
      expect(el.following).to.be.true;
      // A removed button no longer listens; a connected one for the same topic still does.
      expect(witness.following).to.be.true;
      el.remove();
      otherTab.postMessage({ topic, reader: 'browser', state: 'unsubscribed' });
      await new Promise<void>((resolve) => {
        const check = () => (!witness.following ? resolve() : requestAnimationFrame(check));
        check();
      });
      expect(el.following).to.be.true;
      otherTab.close();
    });

    it("a button for another address never shows or changes this reader's follow", async () => {
      const topic = freshTopic();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="de">
          <gz-subscribe-button topic=${topic} action=${ep.url} email="a@example.de"></gz-subscribe-button>
          <gz-subscribe-button topic=${topic} action=${ep.url} email="b@example.de"></gz-subscribe-button>
          <gz-subscribe-button topic=${topic} action=${ep.url}></gz-subscribe-button>
        </div>`,
      );
      const [a, b, anonymous] = [...wrapper.querySelectorAll('gz-subscribe-button')];
      await until(() => a!.reader !== '' && b!.reader !== '');
      expect(a!.reader).to.match(/^[0-9a-f]{64}$/);
      expect(a!.reader === b!.reader).to.be.false;
      toggle(a!).click();
      await oneEvent(a!, 'gz-subscribe-success');
      await b!.updateComplete;
      expect(b!.following).to.be.false;
      expect(anonymous!.following).to.be.false;
      // A new page for b still does not follow; one for a does (remembered per reader).
      const laterB = await make({ topic, action: ep.url, email: 'b@example.de' });
      const laterA = await make({ topic, action: ep.url, email: 'a@example.de' });
      await until(() => laterA.following);
      expect(laterB.following).to.be.false;
      // b follows, then unfollows: a stays following throughout, and its record stays.
      toggle(b!).click();
      await oneEvent(b!, 'gz-subscribe-success');
      await readerPause();
      toggle(b!).click();
      await oneEvent(b!, 'gz-subscribe-success');
      expect(b!.following).to.be.false;
      expect(a!.following).to.be.true;
      expect(laterA.following).to.be.true;
      expect((await ep.records()).map((r) => r.email)).to.deep.equal(['a@example.de']);
    });

    it('an owner setting subscribed later changes the state; clicking then unfollows', async () => {
      const el = await make({ topic: freshTopic(), action: ep.url, email: 'leser@example.de' });
      el.subscribed = true;
      await el.updateComplete;
      expect(el.status).to.equal('subscribed');
      expect(toggle(el).getAttribute('aria-pressed')).to.equal('true');
      toggle(el).click();
      await oneEvent(el, 'gz-subscribe-success');
      expect((await ep.log())[0]!.method).to.equal('DELETE');
    });
  });

  describe('bad input', () => {
    function captureErrors() {
      const stub = sinon.stub(console, 'error');
      return { messages: () => stub.getCalls().map((c) => String(c.args[0])), restore: () => stub.restore() };
    }

    const hostile = [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'java\tscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '',
    ];
    for (const action of hostile) {
      it(`action ${JSON.stringify(action)}: disabled, one console error, never fetched`, async () => {
        const errors = captureErrors();
        const fetchSpy = sinon.spy(window, 'fetch');
        const el = await make({ topic: freshTopic(), action, email: 'leser@example.de' });
        toggle(el).click();
        await el.updateComplete;
        errors.restore();
        expect(toggle(el).disabled).to.be.true;
        expect(states(el)).to.include('disabled');
        expect(errors.messages()).to.have.length(1);
        expect(errors.messages()[0]).to.contain('is not a usable endpoint URL');
        expect(fetchSpy.called).to.be.false;
        await expect(el).to.be.accessible();
      });
    }

    it('no action and nobody handles gz-subscribe: enabled, one warning says what to do, an error shows', async () => {
      const errors = captureErrors();
      const warnings = captureWarnings();
      const el = await make({ topic: freshTopic(), email: 'leser@example.de' });
      expect(toggle(el).disabled).to.be.false;
      const failed = oneEvent(el, 'gz-subscribe-error');
      toggle(el).click();
      await failed;
      await el.updateComplete;
      errors.restore();
      warnings.restore();
      expect(errors.messages()).to.deep.equal([]);
      expect(warnings.messages()).to.have.length(1);
      expect(warnings.messages()[0]).to.contain('nobody handled gz-subscribe');
      expect(warnings.messages()[0]).to.contain('call complete()');
      expect(el.status).to.equal('error');
    });

    it('no topic: disabled, the error says what is missing', async () => {
      const errors = captureErrors();
      const el = await make({ action: ep.url });
      errors.restore();
      expect(toggle(el).disabled).to.be.true;
      expect(errors.messages()[0]).to.contain('the topic attribute is missing');
    });

    it('a topic with quotes, angle brackets and emoji is sent and shown verbatim as text', async () => {
      const topic = `"Öl" & <img src=x onerror=alert(1)> 🌍 '${crypto.randomUUID().slice(0, 4)}'`;
      const el = await make({ topic, action: ep.url, email: 'leser@example.de', compact: true });
      expect(part(el, 'topic')!.textContent).to.equal(topic);
      expect(el.shadowRoot!.querySelector('img')).to.be.null;
      toggle(el).click();
      await oneEvent(el, 'gz-subscribe-success');
      expect(bodyOf((await ep.log())[0]!)['topic']).to.equal(topic);
      expect((await ep.records())[0]!.topic).to.equal(topic);
      expect(statusText(el)).to.contain(`„${topic}“`);
    });

    it('a hostile address is sent as data and shown only as a field value', async () => {
      const email = '"><img src=x onerror=alert(1)>@example.de';
      const el = await make({ topic: freshTopic(), action: ep.url, email });
      const failed = oneEvent(el, 'gz-subscribe-error');
      toggle(el).click();
      expect(((await failed) as GzSubscribeErrorEvent).detail.reason).to.equal('invalid-email');
      await el.updateComplete;
      expect(bodyOf((await ep.log())[0]!)['email']).to.equal(email);
      expect(input(el)!.value).to.equal(email);
      expect(el.shadowRoot!.querySelector('img')).to.be.null;
      expect(await ep.records()).to.have.length(0);
    });

    it('bad numbers and names in the configuration warn once and use the defaults', async () => {
      const el = await make({ topic: freshTopic(), action: ep.url, email: 'leser@example.de' });
      const warnings = captureWarnings();
      el.setAttribute('credentials', 'everyone');
      el.setAttribute('csrf-header', 'X Bad: Header');
      el.setAttribute('csrf-token', 'tok');
      el.setAttribute('max-retries', 'viele');
      el.setAttribute('timeout', '-5');
      el.setAttribute('unsubscribe-method', 'PATCH');
      await el.updateComplete;
      toggle(el).click();
      await nextOutcome(el);
      warnings.restore();
      const messages = warnings.messages().join('\n');
      expect(messages).to.contain('credentials="everyone"');
      expect(messages).to.contain('csrf-header="X Bad: Header"');
      expect(messages).to.contain('max-retries="viele"');
      expect(messages).to.contain('timeout="-5"');
      expect(messages).to.contain('unsubscribe-method="PATCH"');
      const [sent] = await ep.log();
      expect(sent!.headers['x-csrf-token']).to.equal('tok');
      expect(el.status).to.equal('subscribed');
    });
  });

  describe('without JavaScript', () => {
    it('upgrades a light-DOM form: takes its action and hides it behind its own controls', async () => {
      const topic = freshTopic();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="de">
          <gz-subscribe-button topic=${topic} topic-label="Energiewende" email="leser@example.de">
            <form method="post" action=${ep.url}>
              <input type="hidden" name="topic" .value=${topic} />
              <label>E-Mail <input type="email" name="email" required /></label>
              <button>Thema folgen</button>
            </form>
          </gz-subscribe-button>
        </div>`,
      );
      const el = wrapper.querySelector('gz-subscribe-button')!;
      await el.updateComplete;
      expect(el.querySelector('form')!.getClientRects().length).to.equal(0);
      toggle(el).click();
      await oneEvent(el, 'gz-subscribe-success');
      expect((await ep.log())[0]!.path).to.equal('');
      expect(await ep.records()).to.have.length(1);
    });

    it('the endpoint accepts the fallback form post and answers with a page', async () => {
      const response = await fetch(ep.url, {
        method: 'POST',
        // The page speaks the reader's language (German unless the browser asks for English).
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'de' },
        body: new URLSearchParams({ topic: 'energiewende', email: 'leser@example.de' }),
      });
      expect(response.headers.get('content-type')).to.contain('text/html');
      expect(await response.text()).to.contain('Danke');
      expect(await ep.records()).to.have.length(1);
    });
  });
});
