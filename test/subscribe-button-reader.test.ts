/**
 * `<gz-subscribe-button>` as readers and hosts actually behave (issue 17, issue 20): repeated input
 * never flips a follow, `complete()` works whenever the host calls it, intents kept from an earlier
 * visit are resumed, focus never falls to the page and every outcome is announced.
 */
import { aTimeout, expect, html, oneEvent } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import sinon from 'sinon';
import '../src/components/subscribe-button/subscribe-button.js';
import type { GzSubscribeButton } from '../src/components/subscribe-button/subscribe-button.component.js';
import { forgetFollowedTopics, INTENTS_KEY, readerOf } from '../src/components/subscribe-button/sync.js';
import type { GzSubscribeSuccessEvent } from '../src/events/subscribe-success.js';
import { endpoint, requestsArrived, statusText, toggle, until, type Endpoint } from './harness/subscribe-button.js';
import { captureWarnings, part } from './helpers.js';
import { deepActiveElement } from '../src/internal/focus.js';
import { pausedSince } from './harness/wait.js';
import './harness/axe.js';

const freshTopic = () => `leser-${crypto.randomUUID().slice(0, 8)}`;

async function make(attrs: { topic?: string; action?: string; email?: string } = {}): Promise<GzSubscribeButton> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="de">
      <gz-subscribe-button
        topic=${attrs.topic ?? freshTopic()}
        topic-label="Energiewende"
        action=${ifDefined(attrs.action)}
        email=${ifDefined(attrs.email)}
      ></gz-subscribe-button>
    </div>`,
  );
  const el = wrapper.querySelector('gz-subscribe-button')!;
  await el.updateComplete;
  return el;
}

describe('<gz-subscribe-button> under real reader behaviour', () => {
  let ep: Endpoint;
  beforeEach(async () => {
    forgetFollowedTopics();
    ep = await endpoint();
  });
  afterEach(() => {
    forgetFollowedTopics();
    sinon.restore();
  });

  describe('deliberate input only', () => {
    it('ten clicks 50 ms apart against a fast endpoint: one POST, followed', async () => {
      const el = await make({ action: ep.url, email: 'leser@example.de' });
      for (let i = 0; i < 10; i++) {
        toggle(el).click();
        // eslint-disable-next-line no-restricted-syntax -- the reader's pace is the input under test
        await aTimeout(50);
      }
      await el.updateComplete;
      const log = await ep.log();
      expect(log.map((r) => r.method)).to.deep.equal(['POST']);
      expect(await ep.records()).to.have.length(1);
      expect(el.following).to.be.true;
    });

    it('Enter twice 150 ms apart in the form: one request, followed, focus on the status', async () => {
      const el = await make({ action: ep.url });
      toggle(el).click();
      await el.updateComplete;
      part(el, 'email')!.focus();
      await sendKeys({ type: 'leser@example.de' });
      const done = oneEvent(el, 'gz-subscribe-success');
      await sendKeys({ press: 'Enter' });
      await done;
      await el.updateComplete;
      // eslint-disable-next-line no-restricted-syntax -- the reader's pace is the input under test
      await aTimeout(150);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(deepActiveElement() === part(el, 'status')).to.be.true;
      expect((await ep.log()).map((r) => r.method)).to.deep.equal(['POST']);
      expect(el.following).to.be.true;
    });

    it('a click within 500 ms after the state changed is held back; a later one unfollows', async () => {
      const el = await make({ action: ep.url, email: 'leser@example.de' });
      toggle(el).click();
      await oneEvent(el, 'gz-subscribe-success');
      toggle(el).click();
      await el.updateComplete;
      expect(el.status).to.equal('subscribed');
      await pausedSince(500);
      const undone = oneEvent(el, 'gz-subscribe-success');
      toggle(el).click();
      expect(((await undone) as GzSubscribeSuccessEvent).detail.status).to.equal('unsubscribed');
      expect((await ep.log()).map((r) => r.method)).to.deep.equal(['POST', 'DELETE']);
    });
  });

  describe('complete() whenever the host calls it', () => {
    it('synchronously inside the gz-subscribe listener, without an action', async () => {
      const el = await make({ email: 'leser@example.de' });
      el.addEventListener('gz-subscribe', (e) => {
        e.preventDefault();
        el.complete('subscribed');
      });
      const done = oneEvent(el, 'gz-subscribe-success');
      toggle(el).click();
      expect(((await done) as GzSubscribeSuccessEvent).detail).to.deep.equal({
        topic: el.topic,
        intent: 'subscribe',
        status: 'subscribed',
      });
      await el.updateComplete;
      expect(el.status).to.equal('subscribed');
      expect(part(el, 'label')!.textContent).to.equal('Sie folgen');
    });

    it('twice: the second call is ignored with a console note', async () => {
      const el = await make({ email: 'leser@example.de' });
      const info = sinon.stub(console, 'info');
      el.addEventListener('gz-subscribe', (e) => {
        e.preventDefault();
        el.complete('pending');
        el.complete('error');
      });
      toggle(el).click();
      await el.updateComplete;
      info.restore();
      expect(el.status).to.equal('confirming');
      expect(info.callCount).to.equal(1);
      expect(String(info.firstCall.args[0])).to.contain('twice');
      // And once settled, a late call warns that nothing waits.
      const warnings = captureWarnings();
      el.complete('unsubscribed');
      warnings.restore();
      expect(warnings.messages()[0]).to.contain('no cancelled gz-subscribe is waiting');
      expect(el.status).to.equal('confirming');
    });

    it('later (after a timeout) still works', async () => {
      const el = await make({ email: 'leser@example.de' });
      el.addEventListener('gz-unsubscribe', (e) => {
        e.preventDefault();
        setTimeout(() => el.complete('unsubscribed'));
      });
      el.subscribed = true;
      await el.updateComplete;
      const done = oneEvent(el, 'gz-subscribe-success');
      toggle(el).click();
      expect(((await done) as GzSubscribeSuccessEvent).detail.intent).to.equal('unsubscribe');
      expect(el.following).to.be.false;
    });
  });

  describe('intents from an earlier visit', () => {
    const store = (intent: object) => localStorage.setItem(INTENTS_KEY, JSON.stringify([intent]));

    it('a known reader: resumed with the same key, one record, nothing left stored', async () => {
      const topic = freshTopic();
      const key = crypto.randomUUID();
      store({ topic, kind: 'subscribe', key, time: Date.now() - 60_000, reader: await readerOf('leser@example.de') });
      const el = await make({ topic, action: ep.url, email: 'leser@example.de' });
      await oneEvent(el, 'gz-subscribe-success');
      const log = await ep.log();
      expect(log.map((r) => r.headers['idempotency-key'])).to.deep.equal([key]);
      expect(await ep.records()).to.have.length(1);
      expect(localStorage.getItem(INTENTS_KEY)).to.be.null;
      expect(el.following).to.be.true;
    });

    it("another reader's intent is neither sent nor shown", async () => {
      const topic = freshTopic();
      store({ topic, kind: 'subscribe', key: crypto.randomUUID(), time: Date.now(), reader: await readerOf('a@x.de') });
      const el = await make({ topic, action: ep.url, email: 'b@x.de' });
      await until(() => el.reader !== '');
      await el.updateComplete;
      expect(el.status).to.equal('idle');
      expect(await ep.log()).to.have.length(0);
      expect(localStorage.getItem(INTENTS_KEY)).to.contain(topic);
    });

    it('a typed address: "not sent, send now?"; the button opens the form', async function () {
      // An axe run and a lazy chunk: at least 15 s, more when the machine is loaded (a slow test, not a hang).
      this.timeout(Math.max(this.timeout(), 15_000));
      const topic = freshTopic();
      store({ topic, kind: 'subscribe', key: crypto.randomUUID(), time: Date.now(), reader: 'browser', typed: true });
      const el = await make({ topic, action: ep.url });
      await until(() => el.matches(':state(unsent)'));
      await el.updateComplete;
      expect(statusText(el)).to.match(/^Nicht gesendet/);
      const send = part(el, 'retry') as HTMLButtonElement;
      expect(send.textContent!.trim()).to.equal('Jetzt senden');
      await expect(el).to.be.accessible();
      send.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(part(el, 'form')).to.exist;
      expect(deepActiveElement() === part(el, 'email')).to.be.true;
      expect(await ep.log()).to.have.length(0);
    });

    it('older than a day: dropped with a console note, nothing sent', async () => {
      const topic = freshTopic();
      const reader = await readerOf('leser@example.de');
      store({ topic, kind: 'subscribe', key: crypto.randomUUID(), time: Date.now() - 25 * 3600_000, reader });
      const info = sinon.stub(console, 'info');
      const el = await make({ topic, action: ep.url, email: 'leser@example.de' });
      await until(() => info.called);
      info.restore();
      expect(String(info.firstCall.args[0])).to.contain('older than a day');
      expect(localStorage.getItem(INTENTS_KEY)).to.be.null;
      expect(el.status).to.equal('idle');
      expect(await ep.log()).to.have.length(0);
    });
  });

  describe('focus and announcements', () => {
    it('the retry button keeps focus across a failed retry; success moves it to the status, never to body', async () => {
      // The second answer is held until the test has seen the retry button busy and still focused.
      ep = await endpoint({ script: [{ status: 403 }, { status: 403, hold: true }] });
      const el = await make({ action: ep.url, email: 'leser@example.de' });
      const failed = oneEvent(el, 'gz-subscribe-error');
      toggle(el).click();
      await failed;
      await el.updateComplete;
      const retry = part(el, 'retry') as HTMLButtonElement;
      retry.focus();
      const again = oneEvent(el, 'gz-subscribe-error');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(deepActiveElement() === retry).to.be.true;
      expect(retry.getAttribute('aria-disabled')).to.equal('true');
      await requestsArrived(ep, 2);
      await ep.release();
      await again;
      await el.updateComplete;
      expect(deepActiveElement() === part(el, 'retry')).to.be.true;
      const done = oneEvent(el, 'gz-subscribe-success');
      await sendKeys({ press: 'Enter' });
      await done;
      await el.updateComplete;
      await el.updateComplete;
      expect(part(el, 'retry')).to.be.null;
      expect(deepActiveElement() === part(el, 'status')).to.be.true;
    });

    it('a refused address submitted with Enter is announced in the live region', async () => {
      ep = await endpoint({ script: [{ status: 422, body: '{"error":{"field":"email"}}' }] });
      const el = await make({ action: ep.url });
      toggle(el).click();
      await el.updateComplete;
      part(el, 'email')!.focus();
      await sendKeys({ type: 'leser@example.de' });
      const refused = oneEvent(el, 'gz-subscribe-error');
      await sendKeys({ press: 'Enter' });
      await refused;
      await el.updateComplete;
      expect(statusText(el)).to.equal('Diese E-Mail-Adresse wurde nicht angenommen. Bitte prüfen Sie sie.');
      expect(deepActiveElement() === part(el, 'email')).to.be.true;
      // A browser-refused address too.
      (part(el, 'email') as HTMLInputElement).value = '';
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(statusText(el)).to.equal('Bitte geben Sie Ihre E-Mail-Adresse ein.');
    });

    it('forced colours: the followed toggle uses Highlight/HighlightText without the backplate, no Mark', async () => {
      // @web/test-runner's Chromium launcher cannot emulate forced colours: the rules themselves are read.
      const el = await make({ action: ep.url });
      toggle(el).click();
      await el.updateComplete;
      // Adopted sheets when rendered in the browser; the server's <style> when hydrated.
      const sheets = [...el.shadowRoot!.adoptedStyleSheets, ...el.shadowRoot!.styleSheets];
      const rules = sheets.flatMap((sheet) => [...sheet.cssRules]);
      const forced = rules
        .filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText.includes('forced-colors'))
        .flatMap((r) => [...r.cssRules] as CSSStyleRule[]);
      const pressed = forced.find(
        (r) => r.selectorText.includes("aria-pressed='true'") || r.selectorText.includes('aria-pressed="true"'),
      )!;
      expect(pressed.style.getPropertyValue('forced-color-adjust')).to.equal('none');
      expect(pressed.style.getPropertyValue('background-color').toLowerCase()).to.equal('highlight');
      expect(pressed.style.getPropertyValue('color').toLowerCase()).to.equal('highlighttext');
      expect(forced.map((r) => r.cssText).join('\n')).not.to.match(/\bmark\b/i);
      expect(forced.some((r) => r.selectorText.includes('aria-invalid'))).to.be.true;
    });
  });
});
