/**
 * What `<gz-subscribe-button>` does once the reader acts: the inline form, the request with its
 * retries, and the outcome. A lazy chunk: the first render of a button needs none of it, so the
 * element loads it on hover, focus, when the page is idle, or at the latest on the first click.
 */
import { html } from 'lit';
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
  sleep,
  type Intent,
  type Outcome,
  type RequestConfig,
  type SubscribeIntent,
} from './request.js';
import type { GzSubscribeButton, SubscribeResult, SubscribeStatus } from './subscribe-button.component.js';
import { formStyles } from './form.styles.js';

const DEFAULT_TIMEOUT = 10_000;
const DEFAULT_RETRIES = 3;
const BACKOFF_BASE = 1_000;
const BACKOFF_CAP = 30_000;
/** A `Retry-After` longer than this is not waited for: the element shows the error and a retry button. */
export const MAX_RETRY_AFTER = 60_000;
const CREDENTIALS = ['omit', 'same-origin', 'include'];
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** One button's interaction state: the intent in flight, the one that failed, the address that worked. */
export class SubscribeFlow {
  /** The intent in flight (or waiting for the host's `complete()`). */
  current: SubscribeIntent | undefined;
  /** The intent whose error is shown: the retry button resends it. */
  failed: SubscribeIntent | undefined;
  /** The intent a disconnect interrupted: a reconnect resumes it. */
  private _interrupted: SubscribeIntent | undefined;
  waitingForHost = false;
  /** The status before the intent in flight, for a field error to return to. */
  private _statusBefore: SubscribeStatus = 'idle';
  private _controller: AbortController | undefined;
  /** The address the reader typed and that worked: unfollowing needs it again. Memory only. */
  private _knownEmail = '';
  /** What gets focus after the next render. */
  private _focus: 'input' | 'toggle' | undefined;

  constructor(private readonly _el: GzSubscribeButton) {
    // The form's rules come with the form, after the element's own sheet. Every browser with
    // custom states (which the element needs) has constructable stylesheets.
    const root = _el.shadowRoot!;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, formStyles.styleSheet!];
  }

  private get _input(): HTMLInputElement | null | undefined {
    return this._el.shadowRoot?.querySelector('input');
  }

  connected(): void {
    const interrupted = this._interrupted;
    this._interrupted = undefined;
    if (interrupted) void this._run(interrupted, false);
  }

  disconnected(): void {
    if (this._controller && this.current) this._interrupted = this.current;
    this._controller?.abort(new DOMException('The element was removed from the page.', 'AbortError'));
    this._controller = undefined;
  }

  /** After each render: the field's validity message, and focus where the last action put it. */
  updated(): void {
    const input = this._input;
    input?.setCustomValidity(this._el._fieldError ? this._fieldErrorText() : '');
    const focus = this._focus;
    this._focus = undefined;
    if (focus === 'input') input?.focus();
    else if (focus === 'toggle') this._el.shadowRoot?.querySelector<HTMLElement>('.toggle')?.focus();
  }

  complete(result: SubscribeResult): void {
    this.waitingForHost = false;
    let outcome: Outcome;
    if (result === 'subscribed' || result === 'pending' || result === 'unsubscribed')
      outcome = { kind: 'ok', status: result, http: 200 };
    else if (result === 'invalid-email') outcome = { kind: 'field', http: 422 };
    else {
      if (result !== 'error')
        warnOnce(this._el, `complete(${JSON.stringify(result)}) is not a known result; showing it as an error.`);
      outcome = { kind: 'fatal', reason: 'server' };
    }
    this._settle(this.current!, outcome);
  }

  toggle(): void {
    const el = this._el;
    if (el._problem || el._status === 'pending') return;
    // The error is still showing: the toggle means the same as the retry button.
    if (el._status === 'error' && this.failed) return this.retry();
    if (el._open) return this.close();
    const kind: Intent = el._following ? 'unsubscribe' : 'subscribe';
    const email = (el.email ?? '').trim() || this._knownEmail;
    if (!email) {
      el._formIntent = kind;
      el._open = true;
      el._message = '';
      this._focus = 'input';
      return;
    }
    void this._run(this._intent(kind, email), true);
  }

  retry(): void {
    const failed = this.failed;
    if (failed && this._el._status !== 'pending') void this._run(failed, true);
  }

  /** Cancel and Escape: close the form and put focus back on the toggle. */
  close = (): void => this._close(true);

  private _close(focusToggle: boolean): void {
    const el = this._el;
    if (focusToggle || el.shadowRoot?.activeElement?.closest('form')) this._focus = 'toggle';
    el._open = false;
    el._fieldError = '';
  }

  renderForm(t: Terms, label: string, busy: boolean) {
    const el = this._el;
    const error = el._fieldError ? this._fieldErrorText() : '';
    return html`<form
      part="form"
      class="form"
      novalidate
      aria-label=${t.subscribeFormLabel(label)}
      @submit=${this._onSubmit}
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
        .value=${live(el._typed)}
        @input=${this._onInput}
        @keydown=${el._ignoreRepeat}
      />
      <p id="field-error" part="field-error" class="field-error">${error}</p>
      <div id="consent" part="consent" class="consent" ?hidden=${!el._hasConsent}>
        <slot name="consent" @slotchange=${this._onConsentChange}></slot>
      </div>
      <div class="actions">
        <button part="submit" class="submit" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
          ${el._formIntent === 'unsubscribe' ? t.subscribeUnsubscribeSubmit : t.subscribeSubmit}
        </button>
        <button part="cancel" class="cancel" type="button" @click=${this.close}>${t.subscribeCancel}</button>
      </div>
    </form>`;
  }

  private _fieldErrorText(): string {
    const t = this._el._localize.terms;
    const error = this._el._fieldError;
    return error === 'missing'
      ? t.subscribeEmailMissing
      : error === 'invalid'
        ? t.subscribeEmailInvalid
        : t.subscribeEmailRejected;
  }

  private _onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    this._el._typed = input.value;
    if (this._el._fieldError) {
      this._el._fieldError = '';
      input.setCustomValidity('');
    }
  };

  private _onConsentChange = (event: Event) => {
    this._el._hasConsent = (event.target as HTMLSlotElement).assignedNodes({ flatten: true }).length > 0;
  };

  private _onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const el = this._el;
    const input = this._input;
    if (el._status === 'pending' || el._problem || !input) return;
    input.setCustomValidity('');
    const problem = input.validity.valueMissing ? 'missing' : input.validity.valid ? '' : 'invalid';
    el._fieldError = problem;
    if (problem) {
      input.setCustomValidity(this._fieldErrorText());
      input.reportValidity();
      input.focus();
      return;
    }
    void this._run(this._intent(el._formIntent, input.value.trim()), true);
  };

  private _config(): RequestConfig | undefined {
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
  private _number(
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

  private _intent(kind: Intent, email: string): SubscribeIntent {
    return { kind, topic: this._el.topic, email, locale: this._el._localize.lang, key: newKey() };
  }

  /** Sends an intent until it has an answer (or the retries are spent). */
  private async _run(intent: SubscribeIntent, dispatch: boolean): Promise<void> {
    const el = this._el;
    if (el._status !== 'pending' && el._status !== 'error') this._statusBefore = el._status;
    const sending = intent.kind === 'subscribe' ? 'subscribeSending' : 'subscribeUnsubscribing';
    this.current = intent;
    this.failed = undefined;
    el._status = 'pending';
    el._message = sending;
    el._fieldError = '';
    if (dispatch) {
      const detail = { topic: intent.topic, email: intent.email, locale: intent.locale };
      if (
        !el.dispatchEvent(intent.kind === 'subscribe' ? new GzSubscribeEvent(detail) : new GzUnsubscribeEvent(detail))
      ) {
        this.waitingForHost = true;
        return;
      }
    }
    const config = this._config();
    if (!config) return this._settle(intent, { kind: 'fatal', reason: 'rejected' });
    const controller = new AbortController();
    this._controller?.abort();
    this._controller = controller;
    const retries = this._number(
      el.maxRetries,
      'max-retries',
      (n) => Number.isInteger(n) && n >= 0 && n <= 10,
      'a whole number from 0 to 10',
      DEFAULT_RETRIES,
    );
    const timeout = this._number(
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
        el._offline = true;
        el._message = 'subscribeOffline';
        const back = await waitForOnline(signal);
        el._offline = false;
        if (!back) return;
        el._message = sending;
      }
      const outcome = await attempt(intent, config, signal, timeout);
      if (signal.aborted) return;
      if (outcome.kind !== 'retry') return this._settle(intent, outcome);
      // The connection dropped during the attempt: wait for it, without spending a retry.
      if (outcome.reason === 'network' && !navigator.onLine) continue;
      failures++;
      const delay = outcome.retryAfter ?? Math.min(BACKOFF_BASE * 2 ** (failures - 1), BACKOFF_CAP);
      if (failures > retries || delay > MAX_RETRY_AFTER) return this._settle(intent, outcome);
      el._retrying = true;
      el._message = 'subscribeRetrying';
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
      el._retrying = false;
      if (!waited) return;
      el._message = sending;
    }
  }

  /** Shows the final outcome of an intent. */
  private _settle(intent: SubscribeIntent, outcome: Outcome): void {
    const el = this._el;
    this.current = undefined;
    this._controller = undefined;
    el._retrying = false;
    el._offline = false;
    const base = { topic: intent.topic, intent: intent.kind } as const;
    if (outcome.kind === 'ok') {
      const status = outcome.status;
      this._knownEmail = intent.email;
      el._following = status !== 'unsubscribed';
      el._status = status === 'subscribed' ? 'subscribed' : status === 'pending' ? 'confirming' : 'idle';
      el._message =
        status === 'subscribed'
          ? 'subscribeSubscribed'
          : status === 'pending'
            ? 'subscribeConfirm'
            : 'subscribeUnsubscribed';
      if (el._open) this._close(false);
      el._announce(status);
      el.dispatchEvent(new GzSubscribeSuccessEvent({ ...base, status }));
      return;
    }
    if (outcome.kind === 'field') {
      // Back to where the reader was, with the address in the field and the reason under it.
      el._status = this._statusBefore;
      el._message = '';
      el._typed = intent.email;
      el._formIntent = intent.kind;
      el._open = true;
      el._fieldError = 'rejected';
      if (intent.email === this._knownEmail) this._knownEmail = '';
      this._focus = 'input';
      el.dispatchEvent(new GzSubscribeErrorEvent({ ...base, reason: 'invalid-email', status: outcome.http }));
      return;
    }
    const reason = outcome.reason;
    if (outcome.kind === 'fatal' && outcome.warning) warnOnce(el, outcome.warning);
    this.failed = intent;
    el._status = 'error';
    el._message =
      reason === 'network'
        ? 'subscribeErrorNetwork'
        : reason === 'timeout'
          ? 'subscribeErrorTimeout'
          : reason === 'rejected'
            ? 'subscribeErrorRejected'
            : 'subscribeErrorServer';
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
