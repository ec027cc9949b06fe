/**
 * The one owner of `<gz-subscribe-button>`'s state: a small state machine with pure transitions.
 * The element renders a `ButtonState`; the element and its lazy interaction chunk change it only by
 * `next(state, event)`. The transition table is data (`TRANSITIONS`): a phase lists the events it
 * takes and the phase each leads to; every other event leaves the state as it is (the same object).
 */
import type { Intent } from './request.js';

/** Where the button is. `sending`, `host`, `retrying` and `offline` are "pending" to the outside. */
export const PHASES = [
  'idle',
  'subscribed',
  'confirming',
  'sending',
  'host',
  'retrying',
  'offline',
  'error',
  'unsent',
] as const;
export type Phase = (typeof PHASES)[number];

/** The phases a reader rests in; `following` is any of them but `idle`. */
export type Settled = 'idle' | 'subscribed' | 'confirming';

/** What an endpoint (or a host's `complete()`) said about the follow. */
export type FollowState = 'subscribed' | 'pending' | 'unsubscribed';

/** The live region's message: the key of its term (`''` for none). */
export type Message =
  | ''
  | 'subscribeSending'
  | 'subscribeUnsubscribing'
  | 'subscribeSubscribed'
  | 'subscribeConfirm'
  | 'subscribeUnsubscribed'
  | 'subscribeRetrying'
  | 'subscribeOffline'
  | 'subscribeErrorNetwork'
  | 'subscribeErrorTimeout'
  | 'subscribeErrorServer'
  | 'subscribeErrorRejected'
  | 'subscribeEmailMissing'
  | 'subscribeEmailInvalid'
  | 'subscribeEmailRejected'
  | 'subscribeUnsent';

export type FieldError = '' | 'missing' | 'invalid' | 'rejected';

export interface ButtonState {
  readonly phase: Phase;
  /** The last settled phase: what the button returns to, and whether the toggle is pressed. */
  readonly settled: Settled;
  /** The intent being sent, failed or unsent, or the one the open form is for. */
  readonly kind: Intent;
  readonly open: boolean;
  readonly field: FieldError;
  readonly message: Message;
}

export type ButtonEvent =
  /** The reader (or a resumed intent) sends `kind`. */
  | { type: 'send'; kind: Intent }
  /** A host cancelled the event and will call `complete()`. */
  | { type: 'host' }
  /** An attempt failed; the next one waits. */
  | { type: 'wait' }
  /** The reader is offline; the attempt waits for the connection. */
  | { type: 'offline' }
  /** The wait is over: the next attempt goes out. */
  | { type: 'resume' }
  | { type: 'ok'; status: FollowState }
  /** The endpoint (or host) refused the address. */
  | { type: 'refused' }
  | { type: 'fail'; reason: 'network' | 'timeout' | 'server' | 'rejected' }
  /** An intent from an earlier visit that needs the reader's word (and address) to be sent. */
  | { type: 'unsent'; kind: Intent }
  /** Another button, tab or the owner (`subscribed`, remembered state) says where the reader is. */
  | { type: 'sync'; status: FollowState }
  | { type: 'open'; kind: Intent }
  | { type: 'close' }
  /** The browser's validation refused the typed address. */
  | { type: 'invalid'; field: 'missing' | 'invalid' }
  /** The reader typed in the field. */
  | { type: 'input' };
export type EventType = ButtonEvent['type'];

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
  // A click made offline before the interaction chunk loaded: it waits for the connection.
  offline: '=',
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

const SETTLED_OF: Record<FollowState, Settled> = {
  subscribed: 'subscribed',
  pending: 'confirming',
  unsubscribed: 'idle',
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

/** A button that has done nothing yet, resting in `settled`. */
export const initial = (settled: Settled = 'idle'): ButtonState => ({
  phase: settled,
  settled,
  kind: 'subscribe',
  open: false,
  field: '',
  message: '',
});

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

/** The toggle is pressed (subscribed or waiting for confirmation). */
export const following = (s: ButtonState): boolean => s.settled !== 'idle';

/** The public `status`: `idle`, `pending`, `subscribed`, `confirming` or `error`. */
export const statusOf = (s: ButtonState) =>
  s.phase === 'unsent'
    ? 'error'
    : s.phase === 'sending' || s.phase === 'host' || s.phase === 'retrying' || s.phase === 'offline'
      ? 'pending'
      : s.phase;

/** The settled state a `FollowState` means (for the owner's `subscribed` and remembered follows). */
export const settledOf = (status: FollowState): Settled => SETTLED_OF[status];
