/**
 * Intents still owed, kept in localStorage until they have an answer, so that a closed tab or a
 * lost connection never loses a follow. Stored: topic, kind, idempotency key, time and the reader
 * (`browser` or the address's hash) with `typed` when the reader typed the address. Never the address.
 */
import type { Intent } from './request.js';
import { INTENTS_KEY, readJson } from './sync.js';

export interface StoredIntent {
  readonly topic: string;
  readonly kind: Intent;
  readonly key: string;
  /** When the reader acted (ms since the epoch). */
  readonly time: number;
  readonly reader: string;
  /** The reader typed the address: it is not stored, so the next visit has to ask for it. */
  readonly typed: boolean;
}

/** Intents older than this are dropped: a reader who acted yesterday may no longer want it. */
export const MAX_AGE = 24 * 60 * 60 * 1000;

const valid = (i: Partial<StoredIntent> | null): i is StoredIntent =>
  !!i &&
  typeof i.topic === 'string' &&
  (i.kind === 'subscribe' || i.kind === 'unsubscribe') &&
  typeof i.key === 'string' &&
  typeof i.time === 'number' &&
  typeof i.reader === 'string';

export function storedIntents(): StoredIntent[] {
  const value = readJson(INTENTS_KEY);
  return Array.isArray(value) ? value.filter(valid) : [];
}

function write(list: StoredIntent[]): void {
  try {
    if (list.length) localStorage.setItem(INTENTS_KEY, JSON.stringify(list));
    else localStorage.removeItem(INTENTS_KEY);
  } catch {
    // Storage full or disabled: the intent lives as long as the page.
  }
}

/** Keeps an intent (replacing one with the same key). */
export function keep(intent: StoredIntent): void {
  write([...storedIntents().filter((i) => i.key !== intent.key), intent]);
}

/** Forgets the intent with this key: it has its answer. */
export function drop(key: string): void {
  const all = storedIntents();
  const rest = all.filter((i) => i.key !== key);
  if (rest.length !== all.length) write(rest);
}

/**
 * Takes the intents of one topic and reader out of storage (the caller sends or shows them), and
 * drops those older than a day with a console note.
 */
export function claim(topic: string, reader: string, now = Date.now()): StoredIntent[] {
  const rest: StoredIntent[] = [];
  const mine: StoredIntent[] = [];
  for (const i of storedIntents()) {
    if (now - i.time > MAX_AGE) {
      console.info(
        `<gz-subscribe-button>: an unsent ${i.kind} for topic ${JSON.stringify(i.topic)} from ${new Date(i.time).toISOString()} is older than a day; dropped.`,
      );
    } else (i.topic === topic && i.reader === reader ? mine : rest).push(i);
  }
  write(rest);
  return mine;
}
