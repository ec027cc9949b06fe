/**
 * Keeps every `<gz-subscribe-button>` for one topic and one reader in step: on this page (a
 * registry of connected buttons), in the reader's other tabs (a BroadcastChannel) and across visits
 * (localStorage). The reader is `browser` when the page does not know the address, else the SHA-256
 * of the normalised address: a tab with another address never shows or changes this reader's
 * follow. Only topics, states and hashes are shared and stored, never the address.
 */
import type { FollowState } from './machine.js';

export type { FollowState };

/** The reader when the page knows no address: whoever uses this browser. */
export const BROWSER = 'browser';

export interface SyncedButton {
  readonly topic: string;
  /** `browser`, a hash, or `''` while the hash is computed (not synced meanwhile). */
  readonly reader: string;
  /** Another button (or tab) reached `state` for this button's topic and reader. */
  syncFollowState(state: FollowState): void;
}

const STORAGE_KEY = 'gazette:followed-topics';
const CHANNEL = 'gazette:subscribe-button';
/** Intents waiting for a retry or the connection (written by the interaction chunk). */
export const INTENTS_KEY = 'gazette:subscribe-intents';

const buttons = new Set<SyncedButton>();
let channel: BroadcastChannel | undefined;

function deliver(topic: string, reader: string, state: FollowState, except?: SyncedButton) {
  for (const button of buttons)
    if (button !== except && button.topic === topic && button.reader === reader) button.syncFollowState(state);
}

export function join(button: SyncedButton): void {
  buttons.add(button);
  if (!channel && typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const data = event.data as { topic?: unknown; reader?: unknown; state?: unknown } | null;
      if (!data || typeof data.topic !== 'string' || typeof data.reader !== 'string' || !data.reader) return;
      if (data.state !== 'subscribed' && data.state !== 'pending' && data.state !== 'unsubscribed') return;
      deliver(data.topic, data.reader, data.state);
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

/** Tells the reader's other buttons and tabs; remembers the state unless `remember` is false. */
export function announce(from: SyncedButton, state: FollowState, remember: boolean): void {
  const { topic, reader } = from;
  if (!reader) return;
  deliver(topic, reader, state, from);
  channel?.postMessage({ topic, reader, state });
  if (remember) rememberState(topic, reader, state);
}

/** localStorage's value for `key`, parsed; `undefined` when absent, broken or storage is disabled. */
export function readJson(key: string): unknown {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') ?? undefined;
  } catch {
    // Storage disabled (private mode, a sandboxed frame) or a value another script broke.
    return undefined;
  }
}

/** The browser's follows keep the key of earlier versions; a known reader's get their own. */
const keyOf = (reader: string) => STORAGE_KEY + (reader === BROWSER ? '' : `:${reader}`);

function readAll(reader: string): Record<string, FollowState> {
  const value = readJson(keyOf(reader));
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, FollowState>) : {};
}

/** The remembered state of a topic for a reader, if any. */
export function rememberedState(topic: string, reader: string): FollowState | undefined {
  const state = reader ? readAll(reader)[topic] : undefined;
  return state === 'subscribed' || state === 'pending' ? state : undefined;
}

function rememberState(topic: string, reader: string, state: FollowState): void {
  const all = readAll(reader);
  if (state === 'unsubscribed') delete all[topic];
  else all[topic] = state;
  try {
    localStorage.setItem(keyOf(reader), JSON.stringify(all));
  } catch {
    // Storage full or disabled: the buttons still work, they just forget on reload.
  }
}

/**
 * The reader of an address: the hex SHA-256 of the trimmed, lower-cased address; `browser` for
 * none; `''` (not synced, not remembered) where the page has no `crypto.subtle` (plain http).
 */
export async function readerOf(email: string | null): Promise<string> {
  const normal = (email ?? '').trim().toLowerCase();
  if (!normal) return BROWSER;
  try {
    const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(normal));
    return [...new Uint8Array(hash)].map((b) => (b | 256).toString(16).slice(1)).join('');
  } catch {
    return '';
  }
}

/** Forgets every remembered topic and waiting intent (for tests and a "forget me" link). */
export function forgetFollowedTopics(): void {
  try {
    for (const key of Object.keys(localStorage))
      if (key === INTENTS_KEY || key === STORAGE_KEY || key.startsWith(`${STORAGE_KEY}:`)) localStorage.removeItem(key);
  } catch {
    // nothing to forget
  }
}
