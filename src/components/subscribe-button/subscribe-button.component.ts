import { html, isServer, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { LocalizeController } from '../../controllers/localize.js';
import { optionalNumber } from '../../internal/converters.js';
import { GzElement } from '../../internal/gz-element.js';
import { hydrating } from '../../internal/hydration.js';
import { safeUrl } from '../../internal/url.js';
import { warnOnce } from '../../internal/warn.js';
import { GzSubscribeEvent, type SubscribeRequestDetail } from '../../events/subscribe.js';
import { GzUnsubscribeEvent } from '../../events/unsubscribe.js';
import { GzSubscribeSuccessEvent } from '../../events/subscribe-success.js';
import { GzSubscribeErrorEvent, type SubscribeErrorReason } from '../../events/subscribe-error.js';
import { GzSubscribeRetryEvent } from '../../events/subscribe-retry.js';
import { hostStyles } from '../../styles/host.styles.js';
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
import { announce, join, leave, rememberedState, type FollowState, type SyncedButton } from './sync.js';
import { styles } from './subscribe-button.styles.js';

/** The element's states, each also a custom state (`:state(pending)`). */
export const SUBSCRIBE_STATUSES = ['idle', 'pending', 'subscribed', 'confirming', 'error'] as const;
export type SubscribeStatus = (typeof SUBSCRIBE_STATUSES)[number];

/** What a host that handled the request itself reports through `complete()`. */
export type SubscribeResult = 'subscribed' | 'pending' | 'unsubscribed' | 'invalid-email' | 'error';

const DEFAULT_TIMEOUT = 10_000;
const DEFAULT_RETRIES = 3;
const BACKOFF_BASE = 1_000;
const BACKOFF_CAP = 30_000;
/** A `Retry-After` longer than this is not waited for: the element shows the error and a retry button. */
export const MAX_RETRY_AFTER = 60_000;
const CREDENTIALS = ['omit', 'same-origin', 'include'] as const;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

type Message =
  | ''
  | 'sending'
  | 'unsubscribing'
  | 'subscribed'
  | 'confirm'
  | 'unsubscribed'
  | 'retrying'
  | 'offline'
  | 'error-network'
  | 'error-timeout'
  | 'error-server'
  | 'error-rejected';

const MESSAGES: Record<Exclude<Message, ''>, (t: Terms, topic: string) => string> = {
  sending: (t, topic) => t.subscribeSending(topic),
  unsubscribing: (t, topic) => t.subscribeUnsubscribing(topic),
  subscribed: (t, topic) => t.subscribeSubscribed(topic),
  confirm: (t, topic) => t.subscribeConfirm(topic),
  unsubscribed: (t, topic) => t.subscribeUnsubscribed(topic),
  retrying: (t) => t.subscribeRetrying,
  offline: (t) => t.subscribeOffline,
  'error-network': (t) => t.subscribeErrorNetwork,
  'error-timeout': (t) => t.subscribeErrorTimeout,
  'error-server': (t) => t.subscribeErrorServer,
  'error-rejected': (t) => t.subscribeErrorRejected,
};

const errorsIssued = new WeakMap<Element, Set<string>>();
/** A configuration error that stops the element: `console.error`, once per element and message. */
function errorOnce(el: Element, message: string) {
  let seen = errorsIssued.get(el);
  if (!seen) errorsIssued.set(el, (seen = new Set()));
  if (seen.has(message)) return;
  seen.add(message);
  console.error(`<${el.localName}>: ${message}`, el);
}

/**
 * A follow button for one topic of an article: the reader gets an e-mail whenever a new article
 * with that tag is published. "Thema folgen" / "Follow", or the reference page's compact `[+]`.
 *
 * When the publisher knows the reader, `email` holds their address and a click sends the request.
 * Otherwise a click opens a small form (e-mail field with a label, a consent slot, submit) that is
 * checked with the browser's validation and explained in the element's language. The button is a
 * toggle (`aria-pressed`): clicking a followed topic unfollows. Outcomes are announced in a live
 * region; every button for the same topic on the page and in the reader's other tabs shows the
 * same state. Followed topics (never the address) are remembered in localStorage unless
 * `no-remember` is set.
 *
 * **Endpoint contract.** Follow: `POST action` with `Content-Type: application/json` and the body
 * `{"topic", "email", "locale"}`. Unfollow: `DELETE action` with the same body, or (with
 * `unsubscribe-method="post"`) `POST` with `"intent": "unsubscribe"` added. Every request carries an
 * `Idempotency-Key` header (a UUID) that stays the same for every retry of one reader action, so the
 * endpoint stores one record per intent; a CSRF token header when one is known (`csrf-token`, else
 * the `<meta name="csrf-token">` of a same-origin page); `credentials: 'same-origin'` unless
 * `credentials` says otherwise. Answers: 200/201 `{"status": "subscribed" | "pending"}` (pending =
 * double opt-in, "check your inbox"); 409 = already subscribed, a success; 400/422 = the e-mail was
 * refused: the form opens with a field error and focus on the field; 408, 429, 5xx, timeouts and
 * network errors are retried (1 s, 2 s, 4 s, or `Retry-After` up to 60 s; `max-retries`, default 3),
 * then the error is shown with a retry button that resends the same intent with the same key.
 * Unfollow answers 200/204 (or 404/410: already gone). A redirect, an answer without the JSON body
 * (an HTML error page) or one larger than 64 KB is an error, never a success. Each attempt times out
 * after `timeout` ms (default 10 s); a disconnect aborts it and a reconnect resumes it with the same
 * key. Offline, the request waits for the connection and is sent when it returns.
 *
 * Without JavaScript, put a real form in the element: `<form method="post" action="/api/…">` with
 * `topic` (hidden) and `email` fields. The element takes its `action` when it has none and renders
 * its own controls instead; the endpoint answers form posts with a page.
 *
 * @summary Follow a topic by e-mail: a toggle button, an inline form, and a request that is never lost.
 *
 * @slot consent - Consent or privacy text shown in the form under the e-mail field (a link to the privacy policy).
 *
 * @csspart base - The wrapper around everything.
 * @csspart button - The follow toggle.
 * @csspart icon - The `+` (or `✓` when followed) in the toggle.
 * @csspart label - The visible text of the toggle ("Thema folgen"); absent in the compact form.
 * @csspart topic - The topic's name shown beside the compact `[+]` button.
 * @csspart form - The inline e-mail form.
 * @csspart email-label - The e-mail field's label.
 * @csspart email - The e-mail field.
 * @csspart consent - The wrapper of the consent slot.
 * @csspart field-error - The message under the e-mail field.
 * @csspart submit - The form's submit button.
 * @csspart cancel - The form's cancel button.
 * @csspart status - The live region announcing outcomes.
 * @csspart retry - The retry button in the error state.
 *
 * @cssproperty --gz-subscribe-button-color - Border and text of the toggle, fill when followed. Default `--gz-color-accent`.
 * @cssproperty --gz-subscribe-button-on-color - Text on the filled toggle. Default `--gz-color-on-accent`.
 * @cssproperty --gz-subscribe-button-font-family - Font. Default `--gz-font-ui`.
 * @cssproperty --gz-subscribe-button-font-size - Font size. Default `--gz-font-size-m`.
 * @cssproperty --gz-subscribe-button-radius - Corner radius of the buttons. Default `--gz-radius-pill`.
 *
 * @cssstate idle - Not following; nothing in flight.
 * @cssstate pending - A request is on its way (or waiting to be retried).
 * @cssstate subscribed - Following.
 * @cssstate confirming - Double opt-in: the reader has to confirm by e-mail.
 * @cssstate error - The last request failed; a retry button is shown.
 * @cssstate following - Subscribed or confirming (the toggle is pressed).
 * @cssstate open - The e-mail form is open.
 * @cssstate invalid - The e-mail field holds a refused or invalid address.
 * @cssstate retrying - Waiting before the next attempt.
 * @cssstate offline - Waiting for the reader's connection to return.
 * @cssstate disabled - Misconfigured (no topic, or no usable `action`): the button is disabled.
 *
 * @event {GzSubscribeEvent} gz-subscribe - Before a follow request; cancelable: handle it yourself, then call `complete()`.
 * @event {GzUnsubscribeEvent} gz-unsubscribe - Before an unfollow request; cancelable like `gz-subscribe`.
 * @event {GzSubscribeSuccessEvent} gz-subscribe-success - An intent succeeded (`subscribed`, `pending`, `unsubscribed`).
 * @event {GzSubscribeErrorEvent} gz-subscribe-error - An intent failed and the error is shown.
 * @event {GzSubscribeRetryEvent} gz-subscribe-retry - An attempt failed; the next one follows after `delay` ms.
 */
export class GzSubscribeButton extends GzElement implements SyncedButton {
  static override styles = [hostStyles, styles];

  /** The topic's id (the tag), sent to the endpoint verbatim. Required. */
  @property() topic = '';

  /** The topic's display name ("Energiewende"); defaults to `topic`. */
  @property({ attribute: 'topic-label' }) topicLabel: string | null = null;

  /** The endpoint URL (http, https or relative). Defaults to the `action` of a `<form>` child. */
  @property() action: string | null = null;

  /** The reader's e-mail address when the publisher knows it: a click then subscribes without a form. */
  @property() email: string | null = null;

  /** Shows the compact `[+]` button next to the topic's name, as on the reference page. */
  @property({ type: Boolean, reflect: true, useDefault: true }) compact = false;

  /** The reader already follows this topic (as the publisher knows it). */
  @property({ type: Boolean }) subscribed = false;

  /** A CSRF token to send; else the content of `<meta name="{csrf-meta}">` for a same-origin endpoint. */
  @property({ attribute: 'csrf-token' }) csrfToken: string | null = null;

  /** The name of the `<meta>` holding the CSRF token. Default `csrf-token`. */
  @property({ attribute: 'csrf-meta' }) csrfMeta: string | null = null;

  /** The header carrying the CSRF token. Default `X-CSRF-Token`. */
  @property({ attribute: 'csrf-header' }) csrfHeader: string | null = null;

  /** `fetch` credentials: `same-origin` (default), `include` or `omit`. */
  @property() credentials: string | null = null;

  /** How to unfollow: `delete` (default, `DELETE action`) or `post` (`POST action` with `"intent": "unsubscribe"`). */
  @property({ attribute: 'unsubscribe-method' }) unsubscribeMethod: string | null = null;

  /** Milliseconds before one attempt is given up (and retried). Default 10,000. */
  @property({ converter: optionalNumber }) timeout: number | null = null;

  /** Retries after the first attempt fails (0 to 10). Default 3. */
  @property({ attribute: 'max-retries', converter: optionalNumber }) maxRetries: number | null = null;

  /** Do not remember followed topics in localStorage. */
  @property({ type: Boolean, attribute: 'no-remember' }) noRemember = false;

  @state() private _status: SubscribeStatus = 'idle';
  @state() private _following = false;
  @state() private _open = false;
  @state() private _formIntent: Intent = 'subscribe';
  @state() private _typed = '';
  @state() private _fieldError: 'missing' | 'invalid' | 'rejected' | '' = '';
  @state() private _message: Message = '';
  @state() private _retrying = false;
  @state() private _offline = false;
  @state() private _hasConsent = false;

  @query('.toggle') private _toggle!: HTMLButtonElement | null;
  @query('input') private _input!: HTMLInputElement | null;

  private readonly _localize = new LocalizeController(this);
  private readonly _internals = this.attachInternals();
  /** The intent in flight (or waiting for the host's `complete()`). */
  private _current: SubscribeIntent | undefined;
  /** The intent whose error is shown: the retry button resends it. */
  private _failed: SubscribeIntent | undefined;
  /** The intent a disconnect interrupted: a reconnect resumes it. */
  private _interrupted: SubscribeIntent | undefined;
  private _waitingForHost = false;
  /** The status before the intent in flight, for a field error to return to. */
  private _statusBefore: SubscribeStatus = 'idle';
  private _controller: AbortController | undefined;
  /** The address the reader typed and that worked: unfollowing needs it again. Memory only. */
  private _knownEmail = '';
  private _problem: string | undefined;
  private _url: string | undefined;

  /** The element's state: `idle`, `pending`, `subscribed`, `confirming` or `error`. */
  get status(): SubscribeStatus {
    return this._status;
  }

  /** Whether the reader follows the topic (subscribed or waiting for confirmation). */
  get following(): boolean {
    return this._following;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    join(this);
    // The server did not know the remembered state: read it once the server's render is hydrated.
    if (hydrating(this)) void this.updateComplete.then(() => this.requestUpdate('topic'));
    const interrupted = this._interrupted;
    this._interrupted = undefined;
    if (interrupted) void this._run(interrupted, false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    leave(this);
    if (this._controller && this._current) this._interrupted = this._current;
    this._controller?.abort(new DOMException('The element was removed from the page.', 'AbortError'));
    this._controller = undefined;
  }

  /**
   * Reports the outcome of a request the host handled itself after cancelling `gz-subscribe` or
   * `gz-unsubscribe`: `subscribed`, `pending` (double opt-in), `unsubscribed`, `invalid-email` or
   * `error`. The element shows and announces it as if its own request had answered.
   */
  complete(result: SubscribeResult): void {
    const intent = this._current;
    if (!intent || !this._waitingForHost) {
      warnOnce(
        this,
        `complete("${String(result)}") was called, but no cancelled gz-subscribe is waiting for a result.`,
      );
      return;
    }
    if (!(['subscribed', 'pending', 'unsubscribed', 'invalid-email', 'error'] as unknown[]).includes(result)) {
      warnOnce(this, `complete(${JSON.stringify(result)}) is not a known result; showing it as an error.`);
    }
    this._waitingForHost = false;
    const outcome: Outcome =
      result === 'subscribed' || result === 'pending' || result === 'unsubscribed'
        ? { kind: 'ok', status: result, http: 200 }
        : result === 'invalid-email'
          ? { kind: 'field', http: 422 }
          : { kind: 'fatal', reason: 'server' };
    this._settle(intent, outcome);
  }

  /**
   * Called by the sync registry when another button or tab changed this topic's state.
   * @internal
   */
  syncFollowState(state: FollowState): void {
    if (this._status === 'pending') return;
    this._following = state !== 'unsubscribed';
    this._status = state === 'subscribed' ? 'subscribed' : state === 'pending' ? 'confirming' : 'idle';
    this._message = '';
    this._failed = undefined;
    if (this._open && this._formIntent === (this._following ? 'subscribe' : 'unsubscribe')) this._open = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('subscribed') || changed.has('topic') || changed.has('noRemember')) && !this._current) {
      const remembered = this.noRemember || isServer || hydrating(this) ? undefined : rememberedState(this.topic);
      this._following = this.subscribed || remembered !== undefined;
      this._status = this.subscribed || remembered === 'subscribed' ? 'subscribed' : remembered ? 'confirming' : 'idle';
    }
    this._url = this._resolveUrl();
    this._problem = !this.topic.trim()
      ? 'the topic attribute is missing: it names the tag to follow (topic="energiewende").'
      : !this._url
        ? `action ${this._actionSource()} is not a usable endpoint URL (http, https or relative); the button is disabled.`
        : undefined;
    if (this._problem) errorOnce(this, this._problem);
    this._updateStates();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('_fieldError') || changed.has('_open')) {
      const input = this._input;
      if (input) input.setCustomValidity(this._fieldError ? this._fieldErrorText() : '');
    }
  }

  protected override render() {
    const t = this._localize.terms;
    const label = this._label();
    const busy = this._status === 'pending';
    const disabled = !!this._problem;
    const message = this._message ? MESSAGES[this._message](t, label) : '';
    return html`<div
      part="base"
      class="base"
      lang=${this._localize.lang}
      dir=${this._localize.dir}
      @keydown=${this._onKeydown}
    >
      <span class="row">
        ${this.compact ? html`<span part="topic" class="topic">${label}</span>` : nothing}
        <button
          part="button"
          class="toggle"
          type="button"
          aria-pressed=${this._following ? 'true' : 'false'}
          aria-disabled=${busy ? 'true' : 'false'}
          ?disabled=${disabled}
          @click=${this._onToggle}
          @keydown=${this._ignoreRepeat}
        >
          <span part="icon" class="icon" aria-hidden="true">${this._following ? '✓' : '+'}</span>
          ${
            this.compact
              ? html`<span class="visually-hidden">${t.subscribeFollowTopic(label)}</span>`
              : html`<span part="label">${t.subscribeFollow}</span><span class="visually-hidden">: ${label}</span>`
          }
        </button>
      </span>
      ${this._open ? this._renderForm(t, label, busy) : nothing}
      <p part="status" class="status" role="status">${message}</p>
      ${
        this._status === 'error' && this._failed
          ? html`<button part="retry" class="retry" type="button" @click=${this._onRetry}>${t.subscribeRetry}</button>`
          : nothing
      }
    </div>`;
  }

  private _renderForm(t: Terms, label: string, busy: boolean) {
    const error = this._fieldError ? this._fieldErrorText() : '';
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
        .value=${live(this._typed)}
        @input=${this._onInput}
        @keydown=${this._ignoreRepeat}
      />
      <p id="field-error" part="field-error" class="field-error">${error}</p>
      <div id="consent" part="consent" class="consent" ?hidden=${!this._hasConsent}>
        <slot name="consent" @slotchange=${this._onConsentChange}></slot>
      </div>
      <div class="actions">
        <button part="submit" class="submit" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
          ${this._formIntent === 'unsubscribe' ? t.subscribeUnsubscribeSubmit : t.subscribeSubmit}
        </button>
        <button part="cancel" class="cancel" type="button" @click=${this._close}>${t.subscribeCancel}</button>
      </div>
    </form>`;
  }

  private _label(): string {
    return (this.topicLabel ?? '').trim() || this.topic;
  }

  private _fieldErrorText(): string {
    const t = this._localize.terms;
    return this._fieldError === 'missing'
      ? t.subscribeEmailMissing
      : this._fieldError === 'invalid'
        ? t.subscribeEmailInvalid
        : t.subscribeEmailRejected;
  }

  private _updateStates(): void {
    const states = this._internals.states;
    states.clear();
    states.add(this._status);
    if (this._following) states.add('following');
    if (this._open) states.add('open');
    if (this._fieldError) states.add('invalid');
    if (this._retrying) states.add('retrying');
    if (this._offline) states.add('offline');
    if (this._problem) states.add('disabled');
  }

  /** The `action` attribute, else the fallback form's; how the warning names it. */
  private _actionSource(): string {
    const value = this.action ?? this.querySelector(':scope > form')?.getAttribute('action') ?? null;
    return value === null ? '(none given)' : JSON.stringify(value);
  }

  private _resolveUrl(): string | undefined {
    // The server sees neither the fallback form nor the page's URL: an action it cannot check is
    // taken as usable (the browser checks it again when the element hydrates).
    if (isServer)
      return this.action === null || safeUrl(this.action, { schemes: ['http:', 'https:'], relative: true })
        ? 'about:server'
        : undefined;
    const value = this.action ?? this.querySelector(':scope > form')?.getAttribute('action') ?? null;
    const safe = safeUrl(value, { schemes: ['http:', 'https:'], relative: true });
    if (!safe) return undefined;
    try {
      return new URL(safe, document.baseURI).href;
    } catch {
      return undefined;
    }
  }

  private _config(): RequestConfig | undefined {
    const url = this._url;
    if (!url) return undefined;
    let credentials: RequestCredentials = 'same-origin';
    if (this.credentials !== null) {
      if ((CREDENTIALS as readonly string[]).includes(this.credentials))
        credentials = this.credentials as RequestCredentials;
      else warnOnce(this, `credentials="${this.credentials}" is not omit, same-origin or include; using same-origin.`);
    }
    let header = 'X-CSRF-Token';
    if (this.csrfHeader !== null) {
      if (HEADER_NAME.test(this.csrfHeader)) header = this.csrfHeader;
      else warnOnce(this, `csrf-header="${this.csrfHeader}" is not a valid header name; using X-CSRF-Token.`);
    }
    let token = this.csrfToken ?? undefined;
    // A token from the page's meta tag is the page's own: it only goes to the page's own origin.
    if (token === undefined && new URL(url).origin === location.origin) {
      const name = this.csrfMeta ?? 'csrf-token';
      token = document.querySelector(`meta[name="${CSS.escape(name)}"]`)?.getAttribute('content') ?? undefined;
    }
    const method = (this.unsubscribeMethod ?? 'delete').trim().toLowerCase();
    if (method !== 'delete' && method !== 'post') {
      warnOnce(this, `unsubscribe-method="${this.unsubscribeMethod}" is not delete or post; using delete.`);
    }
    return {
      url,
      credentials,
      csrf: token ? [header, token] : undefined,
      unsubscribeMethod: method === 'post' ? 'POST' : 'DELETE',
    };
  }

  private _timeout(): number {
    const value = this.timeout;
    if (value === null || value === undefined) return DEFAULT_TIMEOUT;
    if (Number.isFinite(value) && value > 0) return value;
    warnOnce(
      this,
      `timeout="${this.getAttribute('timeout') ?? value}" is not a positive number of milliseconds; using ${DEFAULT_TIMEOUT}.`,
    );
    return DEFAULT_TIMEOUT;
  }

  private _retries(): number {
    const value = this.maxRetries;
    if (value === null || value === undefined) return DEFAULT_RETRIES;
    if (Number.isInteger(value) && value >= 0 && value <= 10) return value;
    warnOnce(
      this,
      `max-retries="${this.getAttribute('max-retries') ?? value}" is not a whole number from 0 to 10; using ${DEFAULT_RETRIES}.`,
    );
    return DEFAULT_RETRIES;
  }

  /** Enter or Space held down repeats keydown; only the first press acts. */
  private _ignoreRepeat = (event: KeyboardEvent) => {
    if (event.repeat && (event.key === 'Enter' || event.key === ' ')) event.preventDefault();
  };

  private _onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this._open) {
      event.stopPropagation();
      this._close();
    }
  };

  private _onToggle = () => {
    if (this._problem || this._status === 'pending') return;
    // The error is still showing: the toggle means the same as the retry button.
    if (this._status === 'error' && this._failed) return this._onRetry();
    if (this._open) return this._close();
    const kind: Intent = this._following ? 'unsubscribe' : 'subscribe';
    const email = (this.email ?? '').trim() || this._knownEmail;
    if (!email) return this._openForm(kind);
    void this._run(this._intent(kind, email), true);
  };

  private _onRetry = () => {
    const failed = this._failed;
    if (!failed || this._status === 'pending') return;
    void this._run(failed, true);
  };

  private _onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    this._typed = input.value;
    if (this._fieldError) {
      this._fieldError = '';
      input.setCustomValidity('');
    }
  };

  private _onConsentChange = (event: Event) => {
    this._hasConsent = (event.target as HTMLSlotElement).assignedNodes({ flatten: true }).length > 0;
  };

  private _onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (this._status === 'pending' || this._problem) return;
    const input = this._input;
    if (!input) return;
    input.setCustomValidity('');
    const problem = input.validity.valueMissing ? 'missing' : input.validity.valid ? '' : 'invalid';
    if (problem) {
      this._fieldError = problem;
      input.setCustomValidity(this._fieldErrorText());
      input.reportValidity();
      input.focus();
      return;
    }
    this._fieldError = '';
    void this._run(this._intent(this._formIntent, input.value.trim()), true);
  };

  private async _openForm(kind: Intent): Promise<void> {
    this._formIntent = kind;
    this._open = true;
    this._message = '';
    await this.updateComplete;
    this._input?.focus();
  }

  /** Cancel and Escape: close the form and put focus back on the toggle. */
  private _close = () => void this._closeForm(true);

  private async _closeForm(focusToggle: boolean): Promise<void> {
    const active = this.shadowRoot?.activeElement;
    const focusInForm = !!active?.closest('form');
    this._open = false;
    this._fieldError = '';
    await this.updateComplete;
    if (focusToggle || focusInForm) this._toggle?.focus();
  }

  private _intent(kind: Intent, email: string): SubscribeIntent {
    return { kind, topic: this.topic, email, locale: this._localize.lang, key: newKey() };
  }

  /** Sends an intent until it has an answer (or the retries are spent). */
  private async _run(intent: SubscribeIntent, dispatch: boolean): Promise<void> {
    if (this._status !== 'pending' && this._status !== 'error') this._statusBefore = this._status;
    this._current = intent;
    this._failed = undefined;
    this._status = 'pending';
    this._message = intent.kind === 'subscribe' ? 'sending' : 'unsubscribing';
    this._fieldError = '';
    if (dispatch) {
      const detail: SubscribeRequestDetail = { topic: intent.topic, email: intent.email, locale: intent.locale };
      const allowed =
        intent.kind === 'subscribe'
          ? this.dispatchEvent(new GzSubscribeEvent(detail))
          : this.dispatchEvent(new GzUnsubscribeEvent(detail));
      if (!allowed) {
        this._waitingForHost = true;
        return;
      }
    }
    const config = this._config();
    if (!config) return this._settle(intent, { kind: 'fatal', reason: 'rejected' });
    const controller = new AbortController();
    this._controller?.abort();
    this._controller = controller;
    const retries = this._retries();
    const timeout = this._timeout();
    let failures = 0;
    for (;;) {
      if (!navigator.onLine) {
        this._offline = true;
        this._message = 'offline';
        const back = await this._waitForOnline(controller.signal);
        this._offline = false;
        if (!back) return;
        this._message = intent.kind === 'subscribe' ? 'sending' : 'unsubscribing';
      }
      const outcome = await attempt(intent, config, controller.signal, timeout);
      if (controller.signal.aborted) return;
      if (outcome.kind !== 'retry') return this._settle(intent, outcome);
      // The connection dropped during the attempt: wait for it, without spending a retry.
      if (outcome.reason === 'network' && !navigator.onLine) continue;
      failures++;
      const delay = outcome.retryAfter ?? Math.min(BACKOFF_BASE * 2 ** (failures - 1), BACKOFF_CAP);
      if (failures > retries || delay > MAX_RETRY_AFTER) return this._settle(intent, outcome);
      this._retrying = true;
      this._message = 'retrying';
      this.dispatchEvent(
        new GzSubscribeRetryEvent({
          topic: intent.topic,
          intent: intent.kind,
          attempt: failures,
          delay,
          reason: outcome.reason,
          ...(outcome.http === undefined ? {} : { status: outcome.http }),
        }),
      );
      const waited = await sleep(delay, controller.signal);
      this._retrying = false;
      if (!waited) return;
      this._message = intent.kind === 'subscribe' ? 'sending' : 'unsubscribing';
    }
  }

  private _waitForOnline(signal: AbortSignal): Promise<boolean> {
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

  /** Shows the final outcome of an intent. */
  private _settle(intent: SubscribeIntent, outcome: Outcome): void {
    this._current = undefined;
    this._controller = undefined;
    this._retrying = false;
    this._offline = false;
    const base = { topic: intent.topic, intent: intent.kind } as const;
    if (outcome.kind === 'ok') {
      this._knownEmail = intent.email;
      this._following = outcome.status !== 'unsubscribed';
      this._status =
        outcome.status === 'subscribed' ? 'subscribed' : outcome.status === 'pending' ? 'confirming' : 'idle';
      this._message =
        outcome.status === 'subscribed' ? 'subscribed' : outcome.status === 'pending' ? 'confirm' : 'unsubscribed';
      if (this._open) void this._closeForm(false);
      announce(this, outcome.status, !this.noRemember);
      this.dispatchEvent(new GzSubscribeSuccessEvent({ ...base, status: outcome.status }));
      return;
    }
    if (outcome.kind === 'field') {
      // Back to where the reader was, with the address in the field and the reason under it.
      this._status = this._statusBefore;
      this._message = '';
      this._typed = intent.email;
      this._formIntent = intent.kind;
      this._open = true;
      this._fieldError = 'rejected';
      if (intent.email === this._knownEmail) this._knownEmail = '';
      void this.updateComplete.then(() => this._input?.focus());
      this.dispatchEvent(new GzSubscribeErrorEvent({ ...base, reason: 'invalid-email', status: outcome.http }));
      return;
    }
    const reason: SubscribeErrorReason = outcome.reason;
    if (outcome.kind === 'fatal' && outcome.warning) warnOnce(this, outcome.warning);
    this._failed = intent;
    this._status = 'error';
    this._message =
      reason === 'network'
        ? 'error-network'
        : reason === 'timeout'
          ? 'error-timeout'
          : reason === 'rejected'
            ? 'error-rejected'
            : 'error-server';
    this.dispatchEvent(
      new GzSubscribeErrorEvent({ ...base, reason, ...(outcome.http === undefined ? {} : { status: outcome.http }) }),
    );
  }
}
