/**
 * `<gz-subscribe-button>`'s test harness (issue 19: one per element): its parts, its state, a wait
 * on a condition, and the browser side of the test server's endpoint (test/server/subscriptions.mjs:
 * `gazette/server` on SQLite behind a fault-scripting wrapper). Each test gets an endpoint of its own,
 * scripts its faults, and reads what the service received, stored and mailed.
 */
import { oneEvent } from '@open-wc/testing';
import type { GzSubscribeButton } from '../../src/components/subscribe-button/subscribe-button.component.js';
import { part } from '../helpers.js';

/** The toggle button. */
export const toggle = (el: Element) => part(el, 'button') as HTMLButtonElement;
/** The status line's text, white space collapsed. */
export const statusText = (el: Element) => (part(el, 'status')?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The custom states the element is in, in a fixed order. */
export const states = (el: GzSubscribeButton) =>
  ['idle', 'pending', 'subscribed', 'confirming', 'error', 'following', 'open', 'invalid', 'disabled'].filter((s) =>
    el.matches(`:state(${s})`),
  );

/**
 * Waits (on animation frames, which a fake clock leaves alone) until `condition` holds: the reader's
 * hash, the lazy chunk and the network settle asynchronously.
 */
export async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i++) await new Promise((r) => requestAnimationFrame(r));
  if (!condition()) throw new Error('the condition never held');
}

export interface ScriptStep {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  type?: string;
  bytes?: number;
  commit?: boolean;
  stall?: boolean;
  destroy?: boolean;
  /** Real milliseconds before the scripted answer. */
  delay?: number;
  /** Answer only once the test calls `release()`. */
  hold?: boolean;
}

export interface LoggedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface StoredSubscription {
  topic: string;
  email: string;
  locale: string;
  status: 'subscribed' | 'pending';
}

export interface SentMail {
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
}

export interface Endpoint {
  /** The endpoint's URL, for the element's `action`. */
  url: string;
  /** The requests received, in order. */
  log(): Promise<LoggedRequest[]>;
  /** The subscriptions stored. */
  records(): Promise<StoredSubscription[]>;
  /** The mails the service sent (confirmation, unsubscribe). */
  mails(): Promise<SentMail[]>;
  /** Lets the requests held by a `hold` step be answered. */
  release(): Promise<void>;
}

/**
 * A fresh endpoint: the service in single opt-in (a new address is a 201 at once) unless
 * `doubleOptIn`; `script` answers its first requests, then the service answers.
 */
export async function endpoint(
  setup: { script?: ScriptStep[]; doubleOptIn?: boolean; csrfToken?: string } = {},
): Promise<Endpoint> {
  const url = `/api/test-subscriptions/${crypto.randomUUID()}`;
  const response = await fetch(`${url}/_setup`, { method: 'POST', body: JSON.stringify(setup) });
  if (!response.ok) throw new Error(`test endpoint setup failed: ${response.status}`);
  const read = async <T>(what: string) => (await fetch(`${url}/${what}`)).json() as Promise<T>;
  return {
    url,
    log: () => read<LoggedRequest[]>('_log'),
    records: () => read<StoredSubscription[]>('_records'),
    mails: () => read<SentMail[]>('_mails'),
    release: async () => void (await fetch(`${url}/_release`, { method: 'POST' })),
  };
}

/** Polls the endpoint's log (real time, no clock involved) until it holds `count` requests. */
export async function requestsArrived(ep: Endpoint, count: number): Promise<LoggedRequest[]> {
  for (let i = 0; i < 200; i++) {
    const log = await ep.log();
    if (log.length >= count) return log;
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  }
  throw new Error(`the endpoint never received ${count} requests`);
}

/** Resolves with the next of these events the element fires. */
export function nextOutcome(el: HTMLElement): Promise<Event> {
  return Promise.race([oneEvent(el, 'gz-subscribe-success'), oneEvent(el, 'gz-subscribe-error')]);
}

/** The parsed JSON body of a logged request. */
export const bodyOf = (request: LoggedRequest): Record<string, unknown> => JSON.parse(request.body);
