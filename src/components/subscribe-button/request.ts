/**
 * The network side of `<gz-subscribe-button>`: one attempt of one intent, and what its answer means.
 * Pure of the element, so the contract reads in one place (README "Subscribe endpoint contract").
 */
import type { SubscribeErrorReason } from '../../events/subscribe-error.js';

export type Intent = 'subscribe' | 'unsubscribe';

/** One reader action, sent until it has an answer: every attempt carries the same key and body. */
export interface SubscribeIntent {
  readonly kind: Intent;
  readonly topic: string;
  readonly email: string;
  readonly locale: string;
  /** `Idempotency-Key`: the same for every retry of this intent. */
  readonly key: string;
}

export interface RequestConfig {
  url: string;
  credentials: RequestCredentials;
  /** Header name and value, when a CSRF token is known. */
  csrf?: [string, string] | undefined;
  /** `DELETE` (default) or `POST` with `"intent": "unsubscribe"` for unfollowing. */
  unsubscribeMethod: 'DELETE' | 'POST';
}

/** What one attempt came to. */
export type Outcome =
  | { kind: 'ok'; status: 'subscribed' | 'pending' | 'unsubscribed'; http: number }
  | { kind: 'field'; http: number }
  | { kind: 'fatal'; reason: SubscribeErrorReason; http?: number; warning?: string }
  | { kind: 'retry'; reason: 'server' | 'timeout' | 'network'; http?: number; retryAfter?: number };

/** Answers larger than this are not read: no endpoint of this contract needs more. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

/** A random UUID v4; `crypto.randomUUID` where the page is a secure context, else built by hand. */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The `fetch` init of one attempt. */
export function requestInit(intent: SubscribeIntent, config: RequestConfig, signal: AbortSignal): RequestInit {
  const body: Record<string, string> = { topic: intent.topic, email: intent.email, locale: intent.locale };
  const unsubscribe = intent.kind === 'unsubscribe';
  if (unsubscribe && config.unsubscribeMethod === 'POST') body['intent'] = 'unsubscribe';
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'Idempotency-Key': intent.key,
  };
  if (config.csrf) headers[config.csrf[0]] = config.csrf[1];
  return {
    method: unsubscribe && config.unsubscribeMethod === 'DELETE' ? 'DELETE' : 'POST',
    headers,
    body: JSON.stringify(body),
    credentials: config.credentials,
    // An answer is never cached, and a redirect (to a login page, a captive portal) is not one.
    cache: 'no-store',
    redirect: 'manual',
    signal,
  };
}

/**
 * Reads a body as text, at most `limit` bytes; `undefined` when it is larger (the rest is not
 * downloaded) or unreadable.
 */
export async function readCapped(response: Response, limit = MAX_RESPONSE_BYTES): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    void response.body?.cancel().catch(() => {});
    return undefined;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.byteLength;
      if (size > limit) {
        void reader.cancel().catch(() => {});
        return undefined;
      }
      text += decoder.decode(chunk.value, { stream: true });
    }
  } catch {
    return undefined;
  }
  return text + decoder.decode();
}

/** A JSON object from a body, or `undefined` for anything else (HTML error pages, garbage, arrays). */
export function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `Retry-After` in milliseconds (delta seconds or an HTTP date), or `undefined`. */
export function retryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Statuses worth retrying: the request may succeed unchanged a moment later. */
const RETRYABLE = (status: number) => status === 408 || status === 429 || (status >= 500 && status <= 599);

/** What an HTTP answer means for an intent. */
export async function classify(intent: SubscribeIntent, response: Response): Promise<Outcome> {
  const http = response.status;
  if (response.type === 'opaqueredirect') {
    return {
      kind: 'fatal',
      reason: 'rejected',
      warning: 'the endpoint answered with a redirect; it must answer itself.',
    };
  }
  if (RETRYABLE(http)) {
    void response.body?.cancel().catch(() => {});
    const after = retryAfter(response.headers.get('retry-after'));
    return { kind: 'retry', reason: 'server', http, ...(after === undefined ? {} : { retryAfter: after }) };
  }
  const body = parseObject(await readCapped(response));
  const status = body?.['status'];
  if (intent.kind === 'unsubscribe') {
    // Gone already (404/410) is what the reader wanted.
    if ((http >= 200 && http < 300) || http === 404 || http === 410)
      return { kind: 'ok', status: 'unsubscribed', http };
  } else {
    if (http === 409) return { kind: 'ok', status: status === 'pending' ? 'pending' : 'subscribed', http };
    if (http >= 200 && http < 300) {
      if (status === 'subscribed' || status === 'pending') return { kind: 'ok', status, http };
      return {
        kind: 'fatal',
        reason: 'server',
        http,
        warning: `the endpoint answered ${http} without the contract's JSON body {"status": "subscribed" | "pending"}; not treating it as a subscription.`,
      };
    }
  }
  if (http === 400 || http === 422) {
    const error = body?.['error'];
    const field = error && typeof error === 'object' ? (error as Record<string, unknown>)['field'] : undefined;
    if (field === undefined || field === 'email') return { kind: 'field', http };
    return {
      kind: 'fatal',
      reason: 'rejected',
      http,
      warning: `the endpoint refused the request (${http}, field ${JSON.stringify(field)}).`,
    };
  }
  return { kind: 'fatal', reason: 'rejected', http };
}

/**
 * Waits `ms` on the page's timers (so fake clocks drive it in tests); resolves `false` at once
 * when `signal` aborts.
 */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const done = (value: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener('abort', onAbort);
  });
}

/**
 * One attempt: `fetch` with a timeout. The timeout aborts with a `TimeoutError`, as
 * `AbortSignal.timeout()` would, but runs on `setTimeout` so a fake clock can drive it.
 */
export async function attempt(
  intent: SubscribeIntent,
  config: RequestConfig,
  signal: AbortSignal,
  timeout: number,
): Promise<Outcome> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal.reason);
  signal.addEventListener('abort', onAbort);
  const timer = setTimeout(
    () => controller.abort(new DOMException('The subscribe request timed out.', 'TimeoutError')),
    timeout,
  );
  try {
    const response = await fetch(config.url, requestInit(intent, config, controller.signal));
    return await classify(intent, response);
  } catch {
    const reason = controller.signal.reason as unknown;
    if (reason instanceof DOMException && reason.name === 'TimeoutError') return { kind: 'retry', reason: 'timeout' };
    return { kind: 'retry', reason: 'network' };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}
