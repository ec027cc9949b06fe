/**
 * The one owner of `<gz-subscribe-button>`'s state: a small state machine with pure transitions.
 * The element renders a `ButtonState` (state.ts); the lazy interaction chunk, which this module is
 * part of, changes it only by `next(state, event)` through the element's `_setState`. The transition table is data (`TRANSITIONS`): a phase lists the events it
 * takes and the phase each leads to; every other event leaves the state as it is (the same object).
 */
import type { Intent } from './request.js';
import {
  SETTLED_OF,
  type ButtonEvent,
  type ButtonState,
  type EventType,
  type FollowState,
  type Message,
  type Phase,
} from './state.js';

export * from './state.js';

export const EVENT_TYPES: readonly EventType[] = [
  'send',
  'host',
  'wait',
  'offline',
  'resume',
  'ok',
  'refused',
  'fail',
  'unsent',
  'sync',
  'open',
  'close',
  'invalid',
  'input',
];

/** `$` stands for the settled phase after the event (the one it reports, or the one before); `=` keeps the phase. */
type Target = Phase | '$' | '=';

const SETTLED: Partial<Record<EventType, Target>> = {
  send: 'sending',
  unsent: 'unsent',
  sync: '$',
  open: '$',
  close: '$',
  invalid: '$',
  input: '$',
};
/** Every phase waiting for an answer: it takes the answer, and the form stays usable to close. */
const ANSWER: Partial<Record<EventType, Target>> = { ok: '$', refused: '$', fail: 'error', close: '=', input: '=' };

/** The transition table: `TRANSITIONS[phase][event]` is the next phase; a missing entry ignores the event. */
export const TRANSITIONS: Record<Phase, Partial<Record<EventType, Target>>> = {
  idle: SETTLED,
  subscribed: SETTLED,
  confirming: SETTLED,
  sending: { ...ANSWER, host: 'host', wait: 'retrying', offline: 'offline' },
  host: ANSWER,
  retrying: { resume: 'sending', offline: 'offline', close: '=', input: '=' },
  offline: { resume: 'sending', close: '=', input: '=' },
  // The toggle and the retry button resend; the form may open to type the address again.
  error: { send: 'sending', sync: '$', open: '=', close: '=', invalid: '=', input: '=' },
  unsent: { send: 'sending', sync: '$', open: '=', close: '=', invalid: '=', input: '=' },
};

const OK_MESSAGE: Record<FollowState, Message> = {
  subscribed: 'subscribeSubscribed',
  pending: 'subscribeConfirm',
  unsubscribed: 'subscribeUnsubscribed',
};
const FAIL_MESSAGE = {
  network: 'subscribeErrorNetwork',
  timeout: 'subscribeErrorTimeout',
  server: 'subscribeErrorServer',
  rejected: 'subscribeErrorRejected',
} as const;

const sending = (kind: Intent): Message => (kind === 'subscribe' ? 'subscribeSending' : 'subscribeUnsubscribing');

/** What the other fields become when `event` is taken (the phase is the table's). */
function fields(s: ButtonState, e: ButtonEvent): Partial<ButtonState> {
  switch (e.type) {
    case 'send':
      return { kind: e.kind, field: '', message: sending(e.kind) };
    case 'resume':
      return { message: sending(s.kind) };
    case 'wait':
      return { message: 'subscribeRetrying' };
    case 'offline':
      return { message: 'subscribeOffline' };
    case 'ok':
      return { settled: SETTLED_OF[e.status], open: false, field: '', message: OK_MESSAGE[e.status] };
    case 'refused':
      return { open: true, field: 'rejected', message: 'subscribeEmailRejected' };
    case 'fail':
      return { message: FAIL_MESSAGE[e.reason] };
    case 'unsent':
      return { kind: e.kind, message: 'subscribeUnsent' };
    case 'sync': {
      const settled = SETTLED_OF[e.status];
      // A form for what has just happened elsewhere has nothing left to do.
      const moot = s.open && s.kind === (settled === 'idle' ? 'unsubscribe' : 'subscribe');
      return { settled, message: '', ...(moot ? { open: false, field: '' } : {}) };
    }
    case 'open':
      return { open: true, kind: e.kind, field: '', message: '' };
    case 'close':
      return { open: false, field: '' };
    case 'invalid':
      return { field: e.field, message: e.field === 'missing' ? 'subscribeEmailMissing' : 'subscribeEmailInvalid' };
    case 'input':
      return { field: '' };
    default:
      return {};
  }
}

/** The pure transition: the next state, or `s` itself when `s.phase` does not take `e`. */
export function next(s: ButtonState, e: ButtonEvent): ButtonState {
  const target = TRANSITIONS[s.phase][e.type];
  if (!target) return s;
  const changed = { ...s, ...fields(s, e) };
  return { ...changed, phase: target === '$' ? changed.settled : target === '=' ? s.phase : target };
}
