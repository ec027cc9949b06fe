/**
 * What `<gz-subscribe-button>` does once the reader acts: the inline form, the request with its
 * retries, and the outcome. A lazy chunk: the first render of a button needs none of it, so the
 * element loads it on hover, focus, when the page is idle, or at the latest on the first click.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { GzSubscribeEvent } from '../../events/subscribe.js';
import { GzUnsubscribeEvent } from '../../events/unsubscribe.js';
import { GzSubscribeSuccessEvent } from '../../events/subscribe-success.js';
import { GzSubscribeErrorEvent } from '../../events/subscribe-error.js';
import { GzSubscribeRetryEvent } from '../../events/subscribe-retry.js';
import { warnOnce } from '../../internal/warn.js';
import type { Terms } from '../../translations/terms.js';
import {
  attempt,
  newKey,
  requestInit,
  sleep,
  type Intent,
  type Outcome,
  type RequestConfig,
  type SubscribeIntent,
} from './request.js';
import type { GzSubscribeButton, SubscribeResult } from './subscribe-button.component.js';
import { formStyles } from './form.styles.js';
import { claim, drop, keep } from './intents.js';
import { following, next, statusOf, type ButtonEvent, type ButtonState } from './machine.js';
import { BROWSER } from './sync.js';

const DEFAULT_TIMEOUT = 10_000;
const DEFAULT_RETRIES = 3;
const BACKOFF_BASE = 1_000;
const BACKOFF_CAP = 30_000;
/** A `Retry-After` longer than this is not waited for: the element shows the error and a retry button. */
export const MAX_RETRY_AFTER = 60_000;
const CREDENTIALS = ['omit', 'same-origin', 'include'];
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** What a host's `complete()` result means, as if an endpoint had answered it. */
function outcomeOf(el: GzSubscribeButton, result: SubscribeResult): Outcome {
  if (result === 'subscribed' || result === 'pending' || result === 'unsubscribed')
    return { kind: 'ok', status: result, http: 200 };
  if (result === 'invalid-email') return { kind: 'field', http: 422 };
  if (result !== 'error')
    warnOnce(el, `complete(${JSON.stringify(result)}) is not a known result; showing it as an error.`);
  return { kind: 'fatal', reason: 'server' };
}

/**
 * One button's interaction: the form, the intent in flight, the one that failed. It changes the
 * element's state only through `this.dispatch(event)` (machine.ts).
 */
export class SubscribeFlow {
  /** The intent in flight (or waiting for the host's `complete()`). */
  current: SubscribeIntent | undefined;
  /** The intent whose error is shown: the retry button resends it. */
  failed: SubscribeIntent | undefined;
  /** The intent a disconnect interrupted: a reconnect resumes it. */
  #interrupted: SubscribeIntent | undefined;
  /** A cancelled event's host has still to call `complete()`. */
  #host = false;
  /** The event is being dispatched: a `complete()` inside its listener is kept here until it returns. */
  #inEvent = false;
  #early: SubscribeResult | undefined;
  #controller: AbortController | undefined;
  /** The address the reader typed and that worked: unfollowing needs it again. Memory only. */
  #knownEmail = '';
  /** The text in the e-mail field. */
  #typed = '';
  #hasConsent = false;
  /** What gets focus after the next render. */
  #focus: 'input' | 'toggle' | undefined;
  /** The control that had focus before the last change: when a render removes it, focus moves on. */
  #focused: Element | null = null;
  /** When the phase (or the form) last changed; when the reader last activated; when the series began. */
  #changedAt = -Infinity;
  #activatedAt = -Infinity;
  #seriesFrom = -Infinity;
  /** When an Enter or Space still held went down (`undefined`: none held). */
  #keyDownAt: number | undefined;
  /** The retry button stays rendered (busy) while the retry it sent is pending: focus stays on it. */
  #retrying = false;

  constructor(private readonly _el: GzSubscribeButton) {
    // The form's rules come with the form, after the element's own sheet. Every browser with
    // custom states (which the element needs) has constructable stylesheets.
    const root = _el.shadowRoot!;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, formStyles.styleSheet!];
    root.addEventListener('keydown', this.#onKey as EventListener);
    root.addEventListener('keyup', this.#onKey as EventListener);
    this.connected();
  }

  /** Enter and Space: when the press began, until the click it causes (Space clicks on keyup) is past. */
  #onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    if (event.type === 'keyup') setTimeout(() => (this.#keyDownAt = undefined));
    else if (!event.repeat) this.#keyDownAt = event.timeStamp;
  };

  /**
   * Whether an activation is the reader's deliberate act. Activations each within 500 ms (the
   * double-click interval) of the previous one are one series: once the state changed during it,
   * the rest is held back, and so is one from a key held down since before the change.
   */
  #deliberate(event: Event): boolean {
    const at = event.timeStamp;
    const series = at - this.#activatedAt < 500;
    if (!series) this.#seriesFrom = at;
    this.#activatedAt = at;
    const held = this.#keyDownAt !== undefined && this.#keyDownAt < this.#changedAt;
    return !held && !(series && this.#changedAt > this.#seriesFrom);
  }

  /** Changes the element's state by one event of the state machine. */
  dispatch(event: ButtonEvent): ButtonState {
    const el = this._el;
    const before = el._state;
    const after = next(before, event);
    if (after.phase !== before.phase || after.open !== before.open) {
      this.#changedAt = performance.now();
      this.#focused ??= el.shadowRoot!.activeElement;
    }
    if (statusOf(after) !== 'pending') this.#retrying &&= after.phase === 'error' || after.phase === 'unsent';
    return el._setState(after);
  }

  private get _input(): HTMLInputElement | null | undefined {
    return this._el.shadowRoot?.querySelector('input');
  }

  connected(): void {
    window.addEventListener('pagehide', this.#onPageHide);
    const interrupted = this.#interrupted;
    this.#interrupted = undefined;
    if (interrupted) void this.#run(interrupted, false);
  }

  disconnected(): void {
    window.removeEventListener('pagehide', this.#onPageHide);
    if (this.#controller && this.current) this.#interrupted = this.current;
    this.#controller?.abort(new DOMException('The element was removed from the page.', 'AbortError'));
    this.#controller = undefined;
  }

  /** After each render: the field's validity message, and focus where the last action put it. */
  updated(): void {
    // Focus never falls to the page: a focused control a render removed hands it to its successor.
    const root = this._el.shadowRoot!;
    const focused = this.#focused;
    this.#focused = null;
    if (focused && !focused.isConnected && !root.activeElement)
      root.querySelector<HTMLElement>('.retry, .status')?.focus();
    const input = this._input;
    input?.setCustomValidity(this._el._state.field ? this.#fieldErrorText() : '');
    const focus = this.#focus;
    this.#focus = undefined;
    if (focus === 'input') input?.focus();
    else if (focus === 'toggle') this._el.shadowRoot?.querySelector<HTMLElement>('.toggle')?.focus();
  }

  /** The host's result; `false` when no cancelled event waits for one. */
  complete(result: SubscribeResult): boolean {
    const intent = this.current;
    if (!intent || !(this.#inEvent || this.#host)) return false;
    if (this.#inEvent) {
      if (this.#early) console.info(`<gz-subscribe-button>: complete() was called twice; the second call is ignored.`);
      else this.#early = result;
      return true;
    }
    this.#host = false;
    this.#settle(intent, outcomeOf(this._el, result));
    return true;
  }

  /** An intent an earlier page kept: resent with its key, or shown as "not sent, send now?". */
  resume(): void {
    const el = this._el;
    if (el.noRemember || statusOf(el._state) === 'pending') return;
    const last = claim(el.topic, el.reader).at(-1);
    if (!last) return;
    const email = (el.email ?? '').trim();
    if (!last.typed && email)
      void this.#run({ kind: last.kind, topic: el.topic, email, locale: el._localize.lang, key: last.key }, false);
    else this.dispatch({ type: 'unsent', kind: last.kind });
  }

  toggle(event: Event): void {
    const el = this._el;
    const s = el._state;
    if (!this.#deliberate(event) || el._problem || statusOf(s) === 'pending') return;
    this.#retrying = false;
    // The error is still showing: the toggle means the same as the retry button.
    if (s.phase === 'error' || s.phase === 'unsent') return this.retry();
    if (s.open) return this.close();
    this.#send(following(s) ? 'unsubscribe' : 'subscribe');
  }

  /** The retry button: shown on an error or an unsent intent, and busy while its retry is pending. */
  renderRetry(t: Terms, s: ButtonState, busy: boolean) {
    return s.phase === 'error' || s.phase === 'unsent' || (busy && this.#retrying)
      ? html`<button
          part="retry"
          class="retry"
          type="button"
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${this.#onRetry}
        >
          ${s.phase === 'unsent' ? t.subscribeSendNow : t.subscribeRetry}
        </button>`
      : nothing;
  }

  /** Retrying cannot flip a follow: only recorded, so that a toggle click right after it is held back. */
  #onRetry = (event: Event) => {
    this.#deliberate(event);
    if (statusOf(this._el._state) === 'pending') return;
    this.#retrying = true;
    this.retry();
  };

  retry(): void {
    const s = this._el._state;
    if (s.phase === 'error' && this.failed) void this.#run(this.failed, true);
    else if (s.phase === 'unsent' || s.phase === 'error') this.#send(s.kind);
  }

  /** Sends `kind` for the known address, or opens the form to ask for one. */
  #send(kind: Intent): void {
    const el = this._el;
    const email = (el.email ?? '').trim() || this.#knownEmail;
    if (email) return void this.#run(this.#intent(kind, email), true);
    this.dispatch({ type: 'open', kind });
    this.#focus = 'input';
  }

  /** Cancel and Escape: close the form and put focus back on the toggle. */
  close = (): void => {
    this.#focus = 'toggle';
    this.dispatch({ type: 'close' });
  };

  renderForm(t: Terms, label: string, busy: boolean) {
    const s = this._el._state;
    const error = s.field ? this.#fieldErrorText() : '';
    return html`<form
      part="form"
      class="form"
      novalidate
      aria-label=${t.subscribeFormLabel(label)}
      @submit=${this.#onSubmit}
    >
      <label part="email-label" for="email">${t.subscribeEmailLabel}</label>
      <input
        part="email"
        id="email"
        name="email"
        type="email"
        required
        autocomplete="email"
        spellcheck="false"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="field-error consent"
        .value=${live(this.#typed)}
        @input=${this.#onInput}
      />
      <p id="field-error" part="field-error" class="field-error">${error}</p>
      <div id="consent" part="consent" class="consent" ?hidden=${!this.#hasConsent}>
        <slot name="consent" @slotchange=${this.#onConsentChange}></slot>
      </div>
      <div class="actions">
        <button part="submit" class="submit" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
          ${s.kind === 'unsubscribe' ? t.subscribeUnsubscribeSubmit : t.subscribeSubmit}
        </button>
        <button part="cancel" class="cancel" type="button" @click=${this.close}>${t.subscribeCancel}</button>
      </div>
    </form>`;
  }

  #fieldErrorText(): string {
    const t = this._el._localize.terms;
    const error = this._el._state.field;
    return error === 'missing'
      ? t.subscribeEmailMissing
      : error === 'invalid'
        ? t.subscribeEmailInvalid
        : t.subscribeEmailRejected;
  }

  #onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    this.#typed = input.value;
    if (this._el._state.field) {
      this.dispatch({ type: 'input' });
      input.setCustomValidity('');
    }
  };

  #onConsentChange = (event: Event) => {
    this.#hasConsent = (event.target as HTMLSlotElement).assignedNodes({ flatten: true }).length > 0;
    this._el.requestUpdate();
  };

  #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const el = this._el;
    const input = this._input;
    if (statusOf(el._state) === 'pending' || el._problem || !input) return;
    input.setCustomValidity('');
    const problem = input.validity.valueMissing ? 'missing' : input.validity.valid ? '' : 'invalid';
    if (problem) {
      // The live region says it too: focus is already on the field, so nothing else is read.
      this.dispatch({ type: 'invalid', field: problem });
      input.setCustomValidity(this.#fieldErrorText());
      input.reportValidity();
      input.focus();
      return;
    }
    void this.#run(this.#intent(el._state.kind, input.value.trim()), true);
  };

  #config(): RequestConfig | undefined {
    const el = this._el;
    const url = el._url;
    if (!url) return undefined;
    let credentials: RequestCredentials = 'same-origin';
    if (el.credentials !== null) {
      if (CREDENTIALS.includes(el.credentials)) credentials = el.credentials as RequestCredentials;
      else warnOnce(el, `credentials="${el.credentials}" is not omit, same-origin or include; using same-origin.`);
    }
    let header = 'X-CSRF-Token';
    if (el.csrfHeader !== null) {
      if (HEADER_NAME.test(el.csrfHeader)) header = el.csrfHeader;
      else warnOnce(el, `csrf-header="${el.csrfHeader}" is not a valid header name; using X-CSRF-Token.`);
    }
    let token = el.csrfToken ?? undefined;
    // A token from the page's meta tag is the page's own: it only goes to the page's own origin.
    if (token === undefined && new URL(url).origin === location.origin) {
      const name = el.csrfMeta ?? 'csrf-token';
      token = document.querySelector(`meta[name="${CSS.escape(name)}"]`)?.getAttribute('content') ?? undefined;
    }
    const method = (el.unsubscribeMethod ?? 'delete').trim().toLowerCase();
    if (method !== 'delete' && method !== 'post') {
      warnOnce(el, `unsubscribe-method="${el.unsubscribeMethod}" is not delete or post; using delete.`);
    }
    return {
      url,
      credentials,
      csrf: token ? [header, token] : undefined,
      unsubscribeMethod: method === 'post' ? 'POST' : 'DELETE',
    };
  }

  /** `timeout` or `max-retries` when valid, else its default with a warning. */
  #number(
    value: number | null | undefined,
    attribute: string,
    valid: (value: number) => boolean,
    what: string,
    fallback: number,
  ): number {
    if (value === null || value === undefined) return fallback;
    if (valid(value)) return value;
    warnOnce(
      this._el,
      `${attribute}="${this._el.getAttribute(attribute) ?? value}" is not ${what}; using ${fallback}.`,
    );
    return fallback;
  }

  #intent(kind: Intent, email: string): SubscribeIntent {
    return { kind, topic: this._el.topic, email, locale: this._el._localize.lang, key: newKey() };
  }

  /** Whether the reader typed the intent's address (the page does not know it). */
  #typedBy(intent: SubscribeIntent): boolean {
    return intent.email !== (this._el.email ?? '').trim();
  }

  /** The page goes away with an attempt still owed: it goes out with `keepalive`. */
  #onPageHide = () => {
    const intent = this.current;
    const config = this.#config();
    if (!intent || this.#host || !config || !navigator.onLine) return;
    void fetch(config.url, { ...requestInit(intent, config, new AbortController().signal), keepalive: true }).catch(
      () => {},
    );
    // A typed address is not stored: the next visit could only ask again for what was just sent.
    if (this.#typedBy(intent)) drop(intent.key);
  };

  /** Sends an intent until it has an answer (or the retries are spent). */
  async #run(intent: SubscribeIntent, dispatch: boolean): Promise<void> {
    const el = this._el;
    const sending = this.dispatch(
      statusOf(el._state) === 'pending' ? { type: 'resume' } : { type: 'send', kind: intent.kind },
    );
    if (sending.phase !== 'sending') return;
    this.current = intent;
    this.failed = undefined;
    if (dispatch) {
      const detail = { topic: intent.topic, email: intent.email, locale: intent.locale };
      const event = intent.kind === 'subscribe' ? new GzSubscribeEvent(detail) : new GzUnsubscribeEvent(detail);
      this.#inEvent = true;
      this.#early = undefined;
      let cancelled: boolean;
      try {
        cancelled = !el.dispatchEvent(event);
      } finally {
        this.#inEvent = false;
      }
      const early = this.#early;
      this.#early = undefined;
      if (cancelled) {
        this.dispatch({ type: 'host' });
        if (early) this.#settle(intent, outcomeOf(el, early));
        else this.#host = true;
        return;
      }
      if (early)
        warnOnce(
          el,
          `complete() was called, but ${event.type} was not cancelled: the element sends the request itself.`,
        );
    }
    const config = this.#config();
    if (!config) {
      warnOnce(
        el,
        `nobody handled ${intent.kind === 'subscribe' ? 'gz-subscribe' : 'gz-unsubscribe'}: give the element an action (the endpoint URL), or cancel the event and call complete() with the result.`,
      );
      return this.#settle(intent, { kind: 'fatal', reason: 'rejected' });
    }
    if (!el.noRemember)
      keep({
        topic: intent.topic,
        kind: intent.kind,
        key: intent.key,
        time: Date.now(),
        reader: el.reader || BROWSER,
        typed: this.#typedBy(intent),
      });
    const controller = new AbortController();
    this.#controller?.abort();
    this.#controller = controller;
    const retries = this.#number(
      el.maxRetries,
      'max-retries',
      (n) => Number.isInteger(n) && n >= 0 && n <= 10,
      'a whole number from 0 to 10',
      DEFAULT_RETRIES,
    );
    const timeout = this.#number(
      el.timeout,
      'timeout',
      (n) => Number.isFinite(n) && n > 0,
      'a positive number of milliseconds',
      DEFAULT_TIMEOUT,
    );
    const { signal } = controller;
    let failures = 0;
    for (;;) {
      if (!navigator.onLine) {
        this.dispatch({ type: 'offline' });
        const back = await waitForOnline(signal);
        if (!back) return;
        this.dispatch({ type: 'resume' });
      }
      const outcome = await attempt(intent, config, signal, timeout);
      if (signal.aborted) return;
      if (outcome.kind !== 'retry') return this.#settle(intent, outcome);
      // The connection dropped during the attempt: wait for it, without spending a retry.
      if (outcome.reason === 'network' && !navigator.onLine) continue;
      failures++;
      const delay = outcome.retryAfter ?? Math.min(BACKOFF_BASE * 2 ** (failures - 1), BACKOFF_CAP);
      if (failures > retries || delay > MAX_RETRY_AFTER) return this.#settle(intent, outcome);
      this.dispatch({ type: 'wait' });
      el.dispatchEvent(
        new GzSubscribeRetryEvent({
          topic: intent.topic,
          intent: intent.kind,
          attempt: failures,
          delay,
          reason: outcome.reason,
          ...(outcome.http === undefined ? {} : { status: outcome.http }),
        }),
      );
      const waited = await sleep(delay, signal);
      if (!waited) return;
      this.dispatch({ type: 'resume' });
    }
  }

  /** Shows the final outcome of an intent. */
  #settle(intent: SubscribeIntent, outcome: Outcome): void {
    const el = this._el;
    this.current = undefined;
    this.#controller = undefined;
    this.#host = false;
    drop(intent.key);
    const base = { topic: intent.topic, intent: intent.kind } as const;
    if (outcome.kind === 'ok') {
      const status = outcome.status;
      this.#knownEmail = intent.email;
      this.dispatch({ type: 'ok', status });
      el._announce(status);
      el.dispatchEvent(new GzSubscribeSuccessEvent({ ...base, status }));
      return;
    }
    if (outcome.kind === 'field') {
      // Back to where the reader was, with the address in the field, the reason under it and in
      // the live region (focus may already be on the field, which alone would read nothing).
      this.#typed = intent.email;
      if (intent.email === this.#knownEmail) this.#knownEmail = '';
      this.dispatch({ type: 'refused' });
      this.#focus = 'input';
      el.dispatchEvent(new GzSubscribeErrorEvent({ ...base, reason: 'invalid-email', status: outcome.http }));
      return;
    }
    const reason = outcome.reason as 'network' | 'timeout' | 'server' | 'rejected';
    if (outcome.kind === 'fatal' && outcome.warning) warnOnce(el, outcome.warning);
    this.failed = intent;
    this.dispatch({ type: 'fail', reason });
    el.dispatchEvent(
      new GzSubscribeErrorEvent({ ...base, reason, ...(outcome.http === undefined ? {} : { status: outcome.http }) }),
    );
  }
}

function waitForOnline(signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (value: boolean) => {
      window.removeEventListener('online', onOnline);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onOnline = () => done(true);
    const onAbort = () => done(false);
    window.addEventListener('online', onOnline);
    signal.addEventListener('abort', onAbort);
  });
}
