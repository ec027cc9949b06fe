import { expect, html } from '@open-wc/testing';
import { fixture } from './harness/fixture.js';
import { LitElement } from 'lit';
import sinon from 'sinon';
import { RelativeTimeController } from '../src/controllers/relative-time.js';
import { shouldShowUpdated } from '../src/internal/datetime.js';
import { intersectionReported, until } from './harness/wait.js';

const d = (iso: string) => new Date(iso);

describe('shouldShowUpdated (the BBC rule)', () => {
  const zone = { timeZone: 'Europe/Berlin' };

  it('needs more than the 1-minute tolerance', () => {
    const now = d('2024-11-17T18:00:00+01:00');
    const published = d('2024-11-17T16:03:00+01:00');
    expect(shouldShowUpdated(published, d('2024-11-17T16:04:00+01:00'), now, zone)).to.be.false;
    expect(shouldShowUpdated(published, d('2024-11-17T16:04:01+01:00'), now, zone)).to.be.true;
    expect(shouldShowUpdated(published, published, now, zone)).to.be.false;
  });

  it('takes another tolerance', () => {
    const now = d('2024-11-17T18:00:00+01:00');
    const published = d('2024-11-17T16:00:00+01:00');
    const updated = d('2024-11-17T16:04:00+01:00');
    expect(shouldShowUpdated(published, updated, now, { ...zone, tolerance: 5 * 60_000 })).to.be.false;
    expect(shouldShowUpdated(published, updated, now, { ...zone, tolerance: 3 * 60_000 })).to.be.true;
  });

  it('shows an update on another day, whenever it is read', () => {
    const published = d('2024-11-17T16:03:00+01:00');
    const updated = d('2024-11-18T09:15:00+01:00');
    expect(shouldShowUpdated(published, updated, d('2030-01-01T00:00:00Z'), zone)).to.be.true;
  });

  it('hides a same-day update once it is neither today nor recent', () => {
    const published = d('2024-11-17T16:03:00+01:00');
    const updated = d('2024-11-17T20:00:00+01:00');
    expect(shouldShowUpdated(published, updated, d('2024-11-18T05:59:59+01:00'), zone)).to.be.true; // 9:59:59 old
    expect(shouldShowUpdated(published, updated, d('2024-11-18T06:00:00+01:00'), zone)).to.be.false; // 10 h old
  });

  it('shows a same-day update while the day lasts', () => {
    const published = d('2024-11-17T00:30:00+01:00');
    const updated = d('2024-11-17T01:00:00+01:00');
    expect(shouldShowUpdated(published, updated, d('2024-11-17T23:59:59+01:00'), zone)).to.be.true;
    expect(shouldShowUpdated(published, updated, d('2024-11-18T00:00:00+01:00'), zone)).to.be.false;
  });

  it('counts days in the given time zone', () => {
    const published = d('2024-11-17T22:30:00Z');
    const updated = d('2024-11-17T23:30:00Z');
    const later = d('2024-12-01T00:00:00Z');
    expect(shouldShowUpdated(published, updated, later, { timeZone: 'Europe/Berlin' })).to.be.true;
    expect(shouldShowUpdated(published, updated, later, { timeZone: 'UTC' })).to.be.false;
  });

  it('takes another recent window', () => {
    const published = d('2024-11-17T08:00:00+01:00');
    const updated = d('2024-11-17T20:00:00+01:00');
    const now = d('2024-11-18T07:00:00+01:00'); // 11 hours later, the next day
    expect(shouldShowUpdated(published, updated, now, zone)).to.be.false;
    expect(shouldShowUpdated(published, updated, now, { ...zone, recent: 12 * 3_600_000 })).to.be.true;
  });
});

class RelativeProbe extends LitElement {
  clock = new RelativeTimeController(this);
  renders = 0;
  override render() {
    this.renders++;
    return html`<span>${this.clock.now?.toISOString() ?? 'absolute'}</span>`;
  }
}
customElements.define('test-relative-probe', RelativeProbe);

/** Waits frame by frame (at most 30) until `condition` holds: observers report in a rendering step. */
const frames = (condition: () => boolean) => until(condition, 30);

describe('RelativeTimeController', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({
      now: new Date('2024-11-17T15:03:00Z'),
      toFake: ['Date', 'setInterval', 'clearInterval'],
    });
  });
  afterEach(() => clock.restore());

  it('has no now before the host connects, so nothing renders "time ago" ahead of the browser', () => {
    const probe = document.createElement('test-relative-probe') as RelativeProbe;
    expect(probe.clock.now).to.equal(undefined);
    expect(probe.clock.ticking).to.be.false;
  });

  it('sets now on connect and runs no observer or timer until enabled', async () => {
    const probe = await fixture<RelativeProbe>(html`<test-relative-probe></test-relative-probe>`);
    expect(probe.clock.now!.toISOString()).to.equal('2024-11-17T15:03:00.000Z');
    // Had the clock observed the host, its report would have come by now.
    await intersectionReported(probe);
    expect(probe.clock.visible).to.be.false;
    expect(clock.countTimers()).to.equal(0);
  });

  it('ticks once a minute while enabled and visible, updating the host', async () => {
    const probe = await fixture<RelativeProbe>(html`<test-relative-probe></test-relative-probe>`);
    probe.clock.enabled = true;
    await frames(() => probe.clock.ticking);
    expect(probe.clock.visible).to.be.true;
    expect(clock.countTimers()).to.equal(1);
    await probe.updateComplete;
    const before = probe.renders;
    clock.tick(60_000);
    await probe.updateComplete;
    expect(probe.renders).to.equal(before + 1);
    expect(probe.shadowRoot!.textContent).to.equal('2024-11-17T15:04:00.000Z');
    clock.tick(59_999);
    await probe.updateComplete;
    expect(probe.renders).to.equal(before + 1);
  });

  it('does not update the host again when it is first seen right after rendering', async () => {
    const probe = await fixture<RelativeProbe>(html`<test-relative-probe></test-relative-probe>`);
    probe.clock.enabled = true;
    await probe.updateComplete;
    const before = probe.renders;
    await frames(() => probe.clock.visible);
    expect(probe.clock.visible).to.be.true;
    await probe.updateComplete;
    expect(probe.renders).to.equal(before);
  });

  it('refreshes at once when it comes back into view after time passed', async () => {
    const probe = await fixture<RelativeProbe>(html`<test-relative-probe></test-relative-probe>`);
    probe.clock.enabled = true;
    await frames(() => probe.clock.visible);
    probe.hidden = true;
    await frames(() => !probe.clock.visible);
    clock.tick(5 * 60_000);
    probe.hidden = false;
    await frames(() => probe.clock.visible);
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('2024-11-17T15:08:00.000Z');
  });

  it('releases the timer when disabled, and starts from the present when enabled again', async () => {
    const probe = await fixture<RelativeProbe>(html`<test-relative-probe></test-relative-probe>`);
    probe.clock.enabled = true;
    await frames(() => probe.clock.ticking);
    probe.clock.enabled = false;
    expect(clock.countTimers()).to.equal(0);
    expect(probe.clock.visible).to.be.false;
    clock.tick(3_600_000);
    probe.clock.enabled = true;
    expect(probe.clock.now!.toISOString()).to.equal('2024-11-17T16:03:00.000Z');
  });

  it('releases observer and timer on disconnect and resumes on reconnect', async () => {
    const probe = await fixture<RelativeProbe>(html`<test-relative-probe></test-relative-probe>`);
    probe.clock.enabled = true;
    await frames(() => probe.clock.ticking);
    const parent = probe.parentElement!;
    probe.remove();
    expect(clock.countTimers()).to.equal(0);
    expect(probe.clock.ticking).to.be.false;
    clock.tick(5 * 60_000);
    parent.append(probe);
    expect(probe.clock.now!.toISOString()).to.equal('2024-11-17T15:08:00.000Z');
    await frames(() => probe.clock.ticking);
    expect(clock.countTimers()).to.equal(1);
  });

  it('runs no timer for a host that is not displayed', async () => {
    const probe = await fixture<RelativeProbe>(html`<test-relative-probe hidden></test-relative-probe>`);
    probe.clock.enabled = true;
    await intersectionReported(probe);
    expect(probe.clock.visible).to.be.false;
    expect(clock.countTimers()).to.equal(0);
  });

  it('takes another interval', async () => {
    const host = await fixture<RelativeProbe>(html`<test-relative-probe></test-relative-probe>`);
    const fast = new RelativeTimeController(host, { interval: 1_000 });
    fast.enabled = true;
    await frames(() => fast.ticking);
    clock.tick(1_000);
    expect(fast.now!.toISOString()).to.equal('2024-11-17T15:03:01.000Z');
  });
});
