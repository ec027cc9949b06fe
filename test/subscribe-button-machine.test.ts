/**
 * The subscribe button's state machine, exhaustively: every phase x every event, against the
 * transition table and the rules the element relies on (a follow is never flipped by a busy
 * button, an answer is only taken while one is awaited, `following` changes only on an answer or
 * a sync).
 */
import { expect } from '@open-wc/testing';
import {
  EVENT_TYPES,
  PHASES,
  TRANSITIONS,
  following,
  initial,
  next,
  statusOf,
  type ButtonEvent,
  type ButtonState,
  type EventType,
  type Phase,
} from '../src/components/subscribe-button/machine.js';

/** One example of each event type. */
const EXAMPLES: Record<EventType, ButtonEvent> = {
  send: { type: 'send', kind: 'subscribe' },
  host: { type: 'host' },
  wait: { type: 'wait' },
  offline: { type: 'offline' },
  resume: { type: 'resume' },
  ok: { type: 'ok', status: 'subscribed' },
  refused: { type: 'refused' },
  fail: { type: 'fail', reason: 'server' },
  unsent: { type: 'unsent', kind: 'subscribe' },
  sync: { type: 'sync', status: 'pending' },
  open: { type: 'open', kind: 'subscribe' },
  close: { type: 'close' },
  invalid: { type: 'invalid', field: 'invalid' },
  input: { type: 'input' },
};

/** A state in `phase` (for the settled ones, `settled` is the phase itself). */
function inPhase(phase: Phase, settledWhenBusy: ButtonState['settled'] = 'subscribed'): ButtonState {
  const settled = phase === 'idle' || phase === 'subscribed' || phase === 'confirming' ? phase : settledWhenBusy;
  return { ...initial(settled), phase };
}

const BUSY: Phase[] = ['sending', 'host', 'retrying', 'offline'];
const SETTLED: Phase[] = ['idle', 'subscribed', 'confirming'];

describe('subscribe-button state machine', () => {
  it('the table names every phase and only known events and phases', () => {
    expect(Object.keys(TRANSITIONS).sort()).to.deep.equal([...PHASES].sort());
    for (const phase of PHASES)
      for (const [event, target] of Object.entries(TRANSITIONS[phase])) {
        expect(EVENT_TYPES).to.include(event);
        expect([...PHASES, '$', '=']).to.include(target);
      }
    expect(Object.keys(EXAMPLES).sort()).to.deep.equal([...EVENT_TYPES].sort());
  });

  for (const phase of PHASES)
    for (const type of EVENT_TYPES) {
      it(`${phase} x ${type}`, () => {
        const before = inPhase(phase);
        const after = next(before, EXAMPLES[type]);
        const target = TRANSITIONS[phase][type];
        if (!target) {
          // Not in the table: ignored, the very same state.
          expect(after === before).to.be.true;
          return;
        }
        const expected = target === '$' ? after.settled : target === '=' ? phase : target;
        expect(after.phase).to.equal(expected);
        // Pure: the state given is never changed.
        expect(before).to.deep.equal(inPhase(phase));
        // The pressed toggle changes only on an answer or on news from elsewhere.
        if (type !== 'ok' && type !== 'sync') expect(following(after)).to.equal(following(before));
        // A busy button takes no new intent and no sync: a follow is never flipped underneath a request.
        if (BUSY.includes(phase)) expect(['send', 'sync', 'open', 'unsent']).not.to.include(type);
      });
    }

  it('answers are taken only while one is awaited', () => {
    for (const phase of PHASES)
      for (const type of ['ok', 'refused', 'fail'] as const)
        expect(!!TRANSITIONS[phase][type], `${phase} x ${type}`).to.equal(phase === 'sending' || phase === 'host');
  });

  it('a follow round trip: idle, sending, subscribed; unfollow: sending, idle', () => {
    let s = initial();
    s = next(s, { type: 'send', kind: 'subscribe' });
    expect([s.phase, statusOf(s), s.message]).to.deep.equal(['sending', 'pending', 'subscribeSending']);
    s = next(s, { type: 'ok', status: 'subscribed' });
    expect([s.phase, following(s), s.message]).to.deep.equal(['subscribed', true, 'subscribeSubscribed']);
    s = next(s, { type: 'send', kind: 'unsubscribe' });
    expect([s.phase, following(s), s.message]).to.deep.equal(['sending', true, 'subscribeUnsubscribing']);
    s = next(s, { type: 'ok', status: 'unsubscribed' });
    expect([s.phase, following(s), s.message]).to.deep.equal(['idle', false, 'subscribeUnsubscribed']);
  });

  it('retry and offline waits return to sending; the answer settles', () => {
    let s = next(initial(), { type: 'send', kind: 'subscribe' });
    s = next(s, { type: 'wait' });
    expect([s.phase, statusOf(s), s.message]).to.deep.equal(['retrying', 'pending', 'subscribeRetrying']);
    s = next(s, { type: 'offline' });
    expect([s.phase, s.message]).to.deep.equal(['offline', 'subscribeOffline']);
    s = next(s, { type: 'resume' });
    expect([s.phase, s.message]).to.deep.equal(['sending', 'subscribeSending']);
    s = next(s, { type: 'ok', status: 'pending' });
    expect([s.phase, statusOf(s), following(s)]).to.deep.equal(['confirming', 'confirming', true]);
  });

  it('a refused address returns to where the reader was, with the form open and the reason announced', () => {
    for (const settled of SETTLED as ButtonState['settled'][]) {
      const s = next(next(initial(settled), { type: 'send', kind: 'subscribe' }), { type: 'refused' });
      expect([s.phase, s.open, s.field, s.message]).to.deep.equal([
        settled,
        true,
        'rejected',
        'subscribeEmailRejected',
      ]);
    }
  });

  it('a failure shows the error with the reason; the status is error and the follow unchanged', () => {
    for (const reason of ['network', 'timeout', 'server', 'rejected'] as const) {
      const s = next(next(initial('subscribed'), { type: 'send', kind: 'unsubscribe' }), { type: 'fail', reason });
      expect(s.phase).to.equal('error');
      expect(statusOf(s)).to.equal('error');
      expect(following(s)).to.be.true;
      expect(s.message).to.match(/^subscribeError/);
    }
  });

  it('a sync closes a form whose work is done elsewhere, not one for the other direction', () => {
    const open = next(initial(), { type: 'open', kind: 'subscribe' });
    expect(next(open, { type: 'sync', status: 'subscribed' }).open).to.be.false;
    expect(next(open, { type: 'sync', status: 'unsubscribed' }).open).to.be.true;
  });

  it('an unsent intent is an error-like state the reader sends with one action', () => {
    const s = next(initial(), { type: 'unsent', kind: 'subscribe' });
    expect([s.phase, statusOf(s), s.message]).to.deep.equal(['unsent', 'error', 'subscribeUnsent']);
    expect(next(s, { type: 'send', kind: 'subscribe' }).phase).to.equal('sending');
  });
});
