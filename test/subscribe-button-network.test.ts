/**
 * `<gz-subscribe-button>` against the test server's endpoint under faults: retries with backoff
 * and Retry-After, one idempotency key per intent, timeouts, offline, unreadable answers. Backoff
 * and timeouts run on a fake clock; the network is real.
 */
import { expect, html, oneEvent } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import sinon from 'sinon';
import '../src/components/subscribe-button/subscribe-button.js';
import type { GzSubscribeButton } from '../src/components/subscribe-button/subscribe-button.component.js';
import { forgetFollowedTopics } from '../src/components/subscribe-button/sync.js';
import type { GzSubscribeErrorEvent } from '../src/events/subscribe-error.js';
import type { GzSubscribeSuccessEvent } from '../src/events/subscribe-success.js';
import type { GzSubscribeRetryEvent } from '../src/events/subscribe-retry.js';
import {
  bodyOf,
  endpoint,
  requestsArrived,
  statusText,
  toggle,
  until,
  type ScriptStep,
} from './harness/subscribe-button.js';
import { captureWarnings, part } from './helpers.js';
import './harness/axe.js';

interface Attrs {
  action: string;
  topic?: string;
  email?: string;
  retries?: string;
  timeout?: string;
  lang?: string;
}

async function make(attrs: Attrs): Promise<GzSubscribeButton> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${attrs.lang ?? 'de'}>
      <gz-subscribe-button
        topic=${attrs.topic ?? `netz-${crypto.randomUUID().slice(0, 8)}`}
        topic-label="Energiewende"
        action=${attrs.action}
        email=${ifDefined(attrs.email)}
        max-retries=${ifDefined(attrs.retries)}
        timeout=${ifDefined(attrs.timeout)}
      ></gz-subscribe-button>
    </div>`,
  );
  const el = wrapper.querySelector('gz-subscribe-button')!;
  await el.updateComplete;
  return el;
}

const keys = (log: { headers: Record<string, string> }[]) => log.map((r) => r.headers['idempotency-key']);

/** Backoff and timeouts use setTimeout; the clock drives them. Nothing else is faked. */
function fakeClock() {
  return sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
}

describe('<gz-subscribe-button> network', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  beforeEach(() => forgetFollowedTopics());
  afterEach(async () => {
    clock?.restore();
    clock = undefined;
    sinon.restore();
    forgetFollowedTopics();
  });

  it('500 then 201: retried after 1 s with the same idempotency key; one stored subscription', async () => {
    const ep = await endpoint({ script: [{ status: 500, body: '{"error":"boom"}' }] });
    const el = await make({ action: ep.url, email: 'leser@example.de' });
    clock = fakeClock();
    const retry = oneEvent(el, 'gz-subscribe-retry');
    toggle(el).click();
    const { detail } = (await retry) as GzSubscribeRetryEvent;
    expect(detail).to.deep.include({ attempt: 1, delay: 1000, reason: 'server', status: 500, intent: 'subscribe' });
    await el.updateComplete;
    expect(el.matches(':state(retrying)')).to.be.true;
    expect(el.status).to.equal('pending');
    expect(statusText(el)).to.equal('Die Verbindung ist gestört. Neuer Versuch in Kürze …');
    const done = oneEvent(el, 'gz-subscribe-success');
    await clock.tickAsync(999);
    expect(await ep.log()).to.have.length(1);
    await clock.tickAsync(1);
    await done;
    const log = await ep.log();
    expect(log).to.have.length(2);
    expect(keys(log)[0]).to.be.a('string').and.equal(keys(log)[1]);
    expect(log[0]!.body).to.equal(log[1]!.body);
    expect(await ep.records()).to.have.length(1);
    expect(el.status).to.equal('subscribed');
  });

  it('a server that stored the request and then failed: the retry is replayed, still one record', async () => {
    const ep = await endpoint({ script: [{ status: 503, commit: true }] });
    const el = await make({ action: ep.url, email: 'leser@example.de' });
    clock = fakeClock();
    const retry = oneEvent(el, 'gz-subscribe-retry');
    toggle(el).click();
    await retry;
    const done = oneEvent(el, 'gz-subscribe-success');
    await clock.tickAsync(1000);
    await done;
    const log = await ep.log();
    expect(new Set(keys(log)).size).to.equal(1);
    expect(await ep.records()).to.have.length(1);
  });

  it('honours Retry-After (429): waits exactly the seconds it asks', async () => {
    const ep = await endpoint({ script: [{ status: 429, headers: { 'retry-after': '5' } }] });
    const el = await make({ action: ep.url, email: 'leser@example.de' });
    clock = fakeClock();
    const retry = oneEvent(el, 'gz-subscribe-retry');
    toggle(el).click();
    expect(((await retry) as GzSubscribeRetryEvent).detail).to.deep.include({ delay: 5000, status: 429 });
    await clock.tickAsync(4999);
    expect(await ep.log()).to.have.length(1);
    const done = oneEvent(el, 'gz-subscribe-success');
    await clock.tickAsync(1);
    await done;
    expect(await ep.log()).to.have.length(2);
  });

  it('backs off 1 s, 2 s, 4 s, then shows the error with a retry button that resends the same intent', async function () {
    // Five round trips to the test server and an axe check: more than the default 5 s on a loaded
    // machine (it timed out at a load average of 30): at least 15 s, more under load. The backoff runs on the fake clock.
    this.timeout(Math.max(this.timeout(), 15_000));
    const fail: ScriptStep = { status: 502, type: 'text/html', body: '<html><body><h1>Bad Gateway</h1></body></html>' };
    const ep = await endpoint({ script: [fail, fail, fail, fail] });
    const el = await make({ action: ep.url, email: 'leser@example.de' });
    clock = fakeClock();
    const delays: number[] = [];
    el.addEventListener('gz-subscribe-retry', (e) => delays.push(e.detail.delay));
    const failed = oneEvent(el, 'gz-subscribe-error');
    toggle(el).click();
    for (const [i, delay] of [1000, 2000, 4000].entries()) {
      await until(() => delays.length > i);
      await clock.tickAsync(delay);
    }
    const { detail } = (await failed) as GzSubscribeErrorEvent;
    expect(delays).to.deep.equal([1000, 2000, 4000]);
    expect(detail).to.deep.equal({ topic: el.topic, intent: 'subscribe', reason: 'server', status: 502 });
    clock.restore();
    clock = undefined;
    await el.updateComplete;
    expect(el.status).to.equal('error');
    expect(el.matches(':state(error)')).to.be.true;
    expect(toggle(el).getAttribute('aria-pressed')).to.equal('false');
    expect(statusText(el)).to.equal('Das hat leider nicht geklappt. Bitte versuchen Sie es in einem Moment erneut.');
    const retry = part(el, 'retry') as HTMLButtonElement;
    expect(retry.textContent!.trim()).to.equal('Erneut versuchen');
    await expect(el).to.be.accessible();
    const done = oneEvent(el, 'gz-subscribe-success');
    retry.click();
    await done;
    const log = await ep.log();
    expect(log).to.have.length(5);
    expect(new Set(keys(log)).size).to.equal(1);
    expect(await ep.records()).to.have.length(1);
    expect(part(el, 'retry')).to.be.null;
  });

  it('a Retry-After beyond 60 s is not waited for: the error shows at once', async () => {
    const ep = await endpoint({ script: [{ status: 503, headers: { 'retry-after': '3600' } }] });
    const el = await make({ action: ep.url, email: 'leser@example.de' });
    const failed = oneEvent(el, 'gz-subscribe-error');
    toggle(el).click();
    expect(((await failed) as GzSubscribeErrorEvent).detail.status).to.equal(503);
    expect(await ep.log()).to.have.length(1);
  });

  it('a stalled server: the attempt times out, the error says so, and retry works', async () => {
    const ep = await endpoint({ script: [{ stall: true }] });
    const el = await make({ action: ep.url, email: 'leser@example.de', retries: '0', timeout: '8000' });
    clock = fakeClock();
    const failed = oneEvent(el, 'gz-subscribe-error');
    toggle(el).click();
    await requestsArrived(ep, 1);
    await clock.tickAsync(8000);
    expect(((await failed) as GzSubscribeErrorEvent).detail.reason).to.equal('timeout');
    await el.updateComplete;
    expect(statusText(el)).to.equal('Der Server antwortet nicht. Bitte versuchen Sie es erneut.');
    const done = oneEvent(el, 'gz-subscribe-success');
    (part(el, 'retry') as HTMLButtonElement).click();
    await done;
    const log = await ep.log();
    expect(log).to.have.length(2);
    expect(keys(log)[0]).to.equal(keys(log)[1]);
    expect(await ep.records()).to.have.length(1);
  });

  it('a dropped connection is a network error; every resend carries the same key', async () => {
    // Chromium itself resends a request once per reused keep-alive connection that drops, so the
    // endpoint drops more connections than it has sockets.
    const drops: ScriptStep[] = Array.from({ length: 12 }, () => ({ destroy: true }));
    const ep = await endpoint({ script: drops });
    const el = await make({ action: ep.url, email: 'leser@example.de', retries: '0' });
    const failed = oneEvent(el, 'gz-subscribe-error');
    toggle(el).click();
    expect(((await failed) as GzSubscribeErrorEvent).detail.reason).to.equal('network');
    const log = await ep.log();
    expect(log.length).to.be.greaterThan(0);
    expect(new Set(keys(log)).size).to.equal(1);
    expect(await ep.records()).to.have.length(0);
  });

  it('an unreachable endpoint: a clear message, and the typed address stays in the field', async () => {
    // Port 9 (discard) is closed on the test machine and blocked by Chromium: fetch fails at once.
    const el = await make({ action: 'http://127.0.0.1:9/api/subscriptions', retries: '0' });
    toggle(el).click();
    await el.updateComplete;
    const field = part(el, 'email') as HTMLInputElement;
    field.value = 'leser@example.de';
    field.dispatchEvent(new Event('input'));
    const failed = oneEvent(el, 'gz-subscribe-error');
    (part(el, 'submit') as HTMLButtonElement).click();
    expect(((await failed) as GzSubscribeErrorEvent).detail.reason).to.equal('network');
    await el.updateComplete;
    expect(statusText(el)).to.equal(
      'Keine Verbindung zum Server. Ihre Eingabe bleibt erhalten; bitte versuchen Sie es erneut.',
    );
    expect((part(el, 'email') as HTMLInputElement).value).to.equal('leser@example.de');
    await expect(el).to.be.accessible();
  });

  it('offline: says so, keeps the address, sends nothing; back online it sends the request once', async () => {
    const ep = await endpoint();
    const el = await make({ action: ep.url });
    toggle(el).click();
    await el.updateComplete;
    const field = part(el, 'email') as HTMLInputElement;
    field.value = 'leser@example.de';
    field.dispatchEvent(new Event('input'));
    // The browser's own offline switch (DevTools' network emulation) would also cut the test
    // runner's connection, so the test plays the browser: onLine turns false, `offline` fires.
    const onLine = sinon.stub(Navigator.prototype, 'onLine').get(() => false);
    window.dispatchEvent(new Event('offline'));
    (part(el, 'submit') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.matches(':state(offline)')).to.be.true;
    expect(statusText(el)).to.equal('Sie sind offline. Wir senden Ihre Anmeldung, sobald die Verbindung zurück ist.');
    expect((part(el, 'email') as HTMLInputElement).value).to.equal('leser@example.de');
    await expect(el).to.be.accessible();
    expect(await ep.log()).to.have.length(0);
    const done = oneEvent(el, 'gz-subscribe-success');
    onLine.restore();
    window.dispatchEvent(new Event('online'));
    await done;
    expect(await ep.log()).to.have.length(1);
    expect(await ep.records()).to.have.length(1);
  });

  it('422 from the server: field error, the form opens with the address, focus on the field', async () => {
    const ep = await endpoint({
      script: [{ status: 422, body: '{"error":{"field":"email","code":"invalid"}}' }],
    });
    const el = await make({ action: ep.url, email: 'leser@example' });
    const failed = oneEvent(el, 'gz-subscribe-error');
    toggle(el).click();
    expect(((await failed) as GzSubscribeErrorEvent).detail).to.deep.include({ reason: 'invalid-email', status: 422 });
    await el.updateComplete;
    await el.updateComplete;
    const field = part(el, 'email') as HTMLInputElement;
    expect(field.value).to.equal('leser@example');
    expect(el.shadowRoot!.activeElement === field).to.be.true;
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(part(el, 'field-error')!.textContent).to.equal(
      'Diese E-Mail-Adresse wurde nicht angenommen. Bitte prüfen Sie sie.',
    );
    expect(el.status).to.equal('idle');
    expect(el.matches(':state(invalid)')).to.be.true;
    await expect(el).to.be.accessible();
    // The real endpoint refuses the address too: no record, and still no retry loop.
    expect(await ep.records()).to.have.length(0);
  });

  it('the real endpoint validates e-mail addresses (422)', async () => {
    const ep = await endpoint();
    const el = await make({ action: ep.url, email: 'a b@example.de' });
    const failed = oneEvent(el, 'gz-subscribe-error');
    toggle(el).click();
    expect(((await failed) as GzSubscribeErrorEvent).detail.reason).to.equal('invalid-email');
    expect(await ep.records()).to.have.length(0);
  });

  const unreadable: [string, ScriptStep][] = [
    ['an HTML page with 200', { status: 200, type: 'text/html', body: '<html><body>Willkommen im WLAN</body></html>' }],
    ['malformed JSON with 201', { status: 201, body: '{"status": "subscr' }],
    ['JSON without a status', { status: 201, body: '{"ok":true}' }],
    ['a JSON array', { status: 200, body: '["subscribed"]' }],
    ['a 5 MB body', { status: 201, bytes: 5 * 1024 * 1024 }],
  ];
  for (const [name, step] of unreadable) {
    it(`${name} is an error with a warning, never a success`, async () => {
      const ep = await endpoint({ script: [step] });
      const el = await make({ action: ep.url, email: 'leser@example.de' });
      const warnings = captureWarnings();
      const failed = oneEvent(el, 'gz-subscribe-error');
      toggle(el).click();
      const { detail } = (await failed) as GzSubscribeErrorEvent;
      warnings.restore();
      expect(detail.reason).to.equal('server');
      expect(warnings.messages()).to.have.length(1);
      expect(warnings.messages()[0]).to.contain("without the contract's JSON body");
      expect(el.status).to.equal('error');
      expect(el.following).to.be.false;
    });
  }

  it('a 403 (CSRF) is refused without retries; the meta tag token goes to the same origin', async () => {
    const ep = await endpoint({ csrfToken: 'richtig' });
    const meta = Object.assign(document.createElement('meta'), { name: 'csrf-token', content: 'falsch' });
    document.head.append(meta);
    try {
      const el = await make({ action: ep.url, email: 'leser@example.de' });
      const failed = oneEvent(el, 'gz-subscribe-error');
      toggle(el).click();
      expect(((await failed) as GzSubscribeErrorEvent).detail).to.deep.include({ reason: 'rejected', status: 403 });
      await el.updateComplete;
      expect(statusText(el)).to.match(/^Die Anmeldung wurde abgelehnt/);
      meta.content = 'richtig';
      const done = oneEvent(el, 'gz-subscribe-success');
      (part(el, 'retry') as HTMLButtonElement).click();
      await done;
      const log = await ep.log();
      expect(log.map((r) => r.headers['x-csrf-token'])).to.deep.equal(['falsch', 'richtig']);
      expect(await ep.records()).to.have.length(1);
    } finally {
      meta.remove();
    }
  });

  it('the meta tag token is not sent to another origin', async () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'csrf-token', content: 'geheim' });
    document.head.append(meta);
    const fetchSpy = sinon.stub(window, 'fetch').rejects(new TypeError('Failed to fetch'));
    try {
      const el = await make({ action: 'https://newsletter.example/api', email: 'leser@example.de', retries: '0' });
      const failed = oneEvent(el, 'gz-subscribe-error');
      toggle(el).click();
      await failed;
      const init = fetchSpy.firstCall.args[1]!;
      expect(init.headers).not.to.have.property('X-CSRF-Token');
      expect(init.credentials).to.equal('same-origin');
    } finally {
      meta.remove();
    }
  });

  it('a disconnect aborts the attempt; reconnecting resumes the intent with the same key', async () => {
    const ep = await endpoint({ script: [{ stall: true }] });
    const el = await make({ action: ep.url, email: 'leser@example.de' });
    const parent = el.parentElement!;
    toggle(el).click();
    await requestsArrived(ep, 1);
    el.remove();
    expect(el.status).to.equal('pending');
    const done = oneEvent(el, 'gz-subscribe-success');
    parent.append(el);
    await done;
    const log = await ep.log();
    expect(log).to.have.length(2);
    expect(keys(log)[0]).to.equal(keys(log)[1]);
    expect(bodyOf(log[1]!)['email']).to.equal('leser@example.de');
    expect(await ep.records()).to.have.length(1);
  });

  it('double opt-in: the mailed link opens a page whose button confirms; a second follow is the same 202', async () => {
    const ep = await endpoint({ doubleOptIn: true });
    const el = await make({ action: ep.url, email: 'leser@example.de' });
    toggle(el).click();
    const first = (await oneEvent(el, 'gz-subscribe-success')) as GzSubscribeSuccessEvent;
    expect(first.detail.status).to.equal('pending');
    expect((await ep.records()).map((r) => r.status)).to.deep.equal(['pending']);
    const [mail] = await ep.mails();
    expect(mail!.to).to.equal('leser@example.de');
    expect(mail!.headers['List-Unsubscribe-Post']).to.equal('List-Unsubscribe=One-Click');
    const link = new URL(/\S+\/confirm\?token=\S+/.exec(mail!.text)![0]);
    expect(link.origin).to.equal(location.origin);
    // Opening the link (as a mail scanner does) changes nothing; its button does.
    const page = new DOMParser().parseFromString(await (await fetch(link)).text(), 'text/html');
    expect((await ep.records())[0]!.status).to.equal('pending');
    const form = page.querySelector('form')!;
    const confirmed = await fetch(link, {
      method: 'POST',
      headers: { 'accept-language': 'de' },
      body: new URLSearchParams(new FormData(form) as never),
    });
    expect(await confirmed.text()).to.contain('Bestätigt');
    expect((await ep.records())[0]!.status).to.equal('subscribed');
    // The reader follows again from another browser (nothing remembered there): the same 202
    // pending as for a stranger, so nobody learns who follows what, and no second mail.
    el.remove();
    forgetFollowedTopics();
    const again = await make({ action: ep.url, email: 'LESER@example.de', topic: el.topic });
    toggle(again).click();
    const success = (await oneEvent(again, 'gz-subscribe-success')) as GzSubscribeSuccessEvent;
    expect(success.detail.status).to.equal('pending');
    expect((await ep.log()).filter((r) => r.method === 'POST' && r.path === '')).to.have.length(2);
    expect(await ep.records()).to.have.length(1);
    expect(await ep.mails()).to.have.length(1);
  });

  it('pending: the toggle is aria-disabled and the state accessible', async () => {
    const ep = await endpoint({ script: [{ stall: true }] });
    const el = await make({ action: ep.url, email: 'leser@example.de' });
    toggle(el).click();
    await requestsArrived(ep, 1);
    await el.updateComplete;
    expect(el.matches(':state(pending)')).to.be.true;
    expect(toggle(el).getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    el.remove();
  });
});
