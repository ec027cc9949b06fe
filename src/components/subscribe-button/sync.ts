/**
 * Keeps every `<gz-subscribe-button>` for one topic in step: on this page (a registry of connected
 * buttons), in the reader's other tabs (a BroadcastChannel) and across visits (localStorage). Only
 * topics and states are shared and stored, never the reader's e-mail address.
 */
export type FollowState = 'subscribed' | 'pending' | 'unsubscribed';

export interface SyncedButton {
  readonly topic: string;
  /** Another button (or tab) reached `state` for this button's topic. */
  syncFollowState(state: FollowState): void;
}

const STORAGE_KEY = 'gazette:followed-topics';
const CHANNEL = 'gazette:subscribe-button';

const buttons = new Set<SyncedButton>();
let channel: BroadcastChannel | undefined;

function deliver(topic: string, state: FollowState, except?: SyncedButton) {
  for (const button of buttons) if (button !== except && button.topic === topic) button.syncFollowState(state);
}

export function join(button: SyncedButton): void {
  buttons.add(button);
  if (!channel && typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const data = event.data as { topic?: unknown; state?: unknown } | null;
      if (!data || typeof data.topic !== 'string') return;
      if (data.state !== 'subscribed' && data.state !== 'pending' && data.state !== 'unsubscribed') return;
      deliver(data.topic, data.state);
    };
  }
}

export function leave(button: SyncedButton): void {
  buttons.delete(button);
  if (buttons.size === 0) {
    channel?.close();
    channel = undefined;
  }
}

/** Tells the other buttons and tabs; remembers the state unless `remember` is false. */
export function announce(from: SyncedButton, state: FollowState, remember: boolean): void {
  deliver(from.topic, state, from);
  channel?.postMessage({ topic: from.topic, state });
  if (remember) rememberState(from.topic, state);
}

function readAll(): Record<string, FollowState> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, FollowState>) : {};
  } catch {
    // Storage disabled (private mode, a sandboxed frame) or a value another script broke.
    return {};
  }
}

/** The remembered state of a topic, if any. */
export function rememberedState(topic: string): FollowState | undefined {
  const state = readAll()[topic];
  return state === 'subscribed' || state === 'pending' ? state : undefined;
}

function rememberState(topic: string, state: FollowState): void {
  const all = readAll();
  if (state === 'unsubscribed') delete all[topic];
  else all[topic] = state;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(all));
  } catch {
    // Storage full or disabled: the buttons still work, they just forget on reload.
  }
}

/** Forgets every remembered topic (for tests and a "forget me" link). */
export function forgetFollowedTopics(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing to forget
  }
}
