/**
 * The subscribe button's state as the element renders it: the types and the few readings the
 * element's own module needs. The transitions (`machine.ts`) come with the interaction chunk.
 */
import type { Intent } from './request.js';
import type { SubscribeStatus } from './subscribe-button.component.js';

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

export const SETTLED_OF: Record<FollowState, Settled> = {
  subscribed: 'subscribed',
  pending: 'confirming',
  unsubscribed: 'idle',
};
/** A button that has done nothing yet, resting in `settled`. */
export const initial = (settled: Settled = 'idle'): ButtonState => ({
  phase: settled,
  settled,
  kind: 'subscribe',
  open: false,
  field: '',
  message: '',
});

/** The toggle is pressed (subscribed or waiting for confirmation). */
export const following = (s: ButtonState): boolean => s.settled !== 'idle';

/** The public `status`: `idle`, `pending`, `subscribed`, `confirming` or `error`. */
export const statusOf = (s: ButtonState): SubscribeStatus => PUBLIC[s.phase] ?? (s.phase as SubscribeStatus);
const PUBLIC: Partial<Record<Phase, SubscribeStatus>> = {
  sending: 'pending',
  host: 'pending',
  retrying: 'pending',
  offline: 'pending',
  unsent: 'error',
};

/** The settled state a `FollowState` means (for the owner's `subscribed` and remembered follows). */
export const settledOf = (status: FollowState): Settled => SETTLED_OF[status];
