import { html, isServer, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.js';
import { optionalNumber } from '../../internal/converters.js';
import { chunk } from '../../internal/chunk.js';
import { GzElement } from '../../internal/gz-element.js';
import { hydrating } from '../../internal/hydration.js';
import { safeUrl } from '../../internal/url.js';
import { warnOnce } from '../../internal/warn.js';
import { hostStyles } from '../../styles/host.styles.js';
import type * as Flow from './flow.js';
import type { Intent } from './request.js';
import { announce, join, leave, rememberedState, type FollowState, type SyncedButton } from './sync.js';
import { styles } from './subscribe-button.styles.js';

/** The element's states, each also a custom state (`:state(pending)`). */
export const SUBSCRIBE_STATUSES = ['idle', 'pending', 'subscribed', 'confirming', 'error'] as const;
export type SubscribeStatus = (typeof SUBSCRIBE_STATUSES)[number];

/** What a host that handled the request itself reports through `complete()`. */
export type SubscribeResult = 'subscribed' | 'pending' | 'unsubscribed' | 'invalid-email' | 'error';

/** @internal The live region's message: the key of its term (`''` for none). */
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
  | 'subscribeErrorRejected';

/** The interaction chunk; once `loadFlow.loaded`, every action runs at once. */
const loadFlow = chunk(() => import('./flow.js'));

/** Starts loading the interaction chunk (on hover, focus, or once when the page is first idle). */
const prefetch = () => void loadFlow().catch(() => {});
/** The idle callback is asked for once per page, and holds no element. */
let idlePrefetch: number | undefined;

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

  // The interaction chunk (flow.ts) reads and sets these: internal, not private.
  /** @internal */ @state() _status: SubscribeStatus = 'idle';
  /** @internal */ @state() _following = false;
  /** @internal */ @state() _open = false;
  /** @internal */ @state() _formIntent: Intent = 'subscribe';
  /** @internal */ @state() _typed = '';
  /** @internal */ @state() _fieldError: 'missing' | 'invalid' | 'rejected' | '' = '';
  /** @internal */ @state() _message: Message = '';
  /** @internal */ @state() _retrying = false;
  /** @internal */ @state() _offline = false;
  /** @internal */ @state() _hasConsent = false;
  /** @internal Why the button is disabled, if it is. */
  _problem: string | undefined;
  /** @internal The endpoint, resolved. */
  _url: string | undefined;

  /** @internal */ readonly _localize = new LocalizeController(this);
  private readonly _internals = this.attachInternals();
  /** The interaction state, once the chunk has loaded. */
  private _flow: Flow.SubscribeFlow | undefined;
  /** The last action waiting for the chunk: `updateComplete` waits for it. */
  private _queued: Promise<void> | undefined;

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
    this._flow?.connected();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    leave(this);
    this._flow?.disconnected();
  }

  /**
   * Reports the outcome of a request the host handled itself after cancelling `gz-subscribe` or
   * `gz-unsubscribe`: `subscribed`, `pending` (double opt-in), `unsubscribed`, `invalid-email` or
   * `error`. The element shows and announces it as if its own request had answered.
   */
  complete(result: SubscribeResult): void {
    // A click still waiting for the interaction chunk: its gz-subscribe comes first.
    if (this._queued) return void this._queued.then(() => this.complete(result));
    if (this._flow?.current && this._flow.waitingForHost) return this._flow.complete(result);
    warnOnce(this, `complete("${String(result)}") was called, but no cancelled gz-subscribe is waiting for a result.`);
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
    if (this._flow) this._flow.failed = undefined;
    if (this._open && this._formIntent === (this._following ? 'subscribe' : 'unsubscribe')) this._open = false;
  }

  /** @internal Tells the other buttons and tabs (the interaction chunk calls it: sync.ts stays in this one). */
  _announce(state: FollowState): void {
    announce(this, state, !this.noRemember);
  }

  /** Also waits for an action that waits for the interaction chunk, and for the render it causes. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const queued = this._queued;
    const result = await super.getUpdateComplete();
    if (!queued) return result;
    await queued.catch(() => {});
    return super.getUpdateComplete();
  }

  protected override firstUpdated(): void {
    // Loaded when the page is idle, so that a click finds it there.
    idlePrefetch ||= window.requestIdleCallback?.(prefetch) ?? -1;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('subscribed') || changed.has('topic') || changed.has('noRemember')) && !this._flow?.current) {
      const remembered = this.noRemember || isServer || hydrating(this) ? undefined : rememberedState(this.topic);
      this._following = this.subscribed || remembered !== undefined;
      this._status = this.subscribed || remembered === 'subscribed' ? 'subscribed' : remembered ? 'confirming' : 'idle';
    }
    // The server sees neither the fallback form nor the page's URL: an action it cannot check is
    // taken as usable (the browser checks it again when the element hydrates).
    const action = isServer
      ? this.action
      : (this.action ?? this.querySelector(':scope > form')?.getAttribute('action') ?? null);
    const safe = safeUrl(action, { schemes: ['http:', 'https:'], relative: true });
    this._url = undefined;
    try {
      if (isServer) this._url = action === null || safe ? 'about:server' : undefined;
      else if (safe) this._url = new URL(safe, document.baseURI).href;
    } catch {
      // not a URL after all: disabled below
    }
    this._problem = !this.topic.trim()
      ? 'the topic attribute is missing: it names the tag to follow (topic="energiewende").'
      : !this._url
        ? `action ${action === null ? '(none given)' : JSON.stringify(action)} is not a usable endpoint URL (http, https or relative); the button is disabled.`
        : undefined;
    if (this._problem) errorOnce(this, this._problem);
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

  protected override updated(): void {
    this._flow?.updated();
  }

  protected override render() {
    const t = this._localize.terms;
    const label = (this.topicLabel ?? '').trim() || this.topic;
    const busy = this._status === 'pending';
    const term = this._message ? t[this._message] : '';
    const message = typeof term === 'function' ? term(label) : term;
    return html`<div
      part="base"
      class="base"
      lang=${this._localize.lang}
      dir=${this._localize.dir}
      @keydown=${this._onKeydown}
      @pointerenter=${prefetch}
      @focusin=${prefetch}
    >
      <span class="row">
        ${this.compact ? html`<span part="topic" class="topic">${label}</span>` : nothing}
        <button
          part="button"
          class="toggle"
          type="button"
          aria-pressed=${this._following ? 'true' : 'false'}
          aria-disabled=${busy ? 'true' : 'false'}
          ?disabled=${!!this._problem}
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
      ${this._open ? this._flow?.renderForm(t, label, busy) : nothing}
      <p part="status" class="status" role="status">${message}</p>
      ${
        this._status === 'error' && this._flow?.failed
          ? html`<button part="retry" class="retry" type="button" @click=${this._onRetry}>${t.subscribeRetry}</button>`
          : nothing
      }
    </div>`;
  }

  /**
   * Runs an action of the interaction chunk: at once when it is loaded, else when it arrives, in
   * the order the reader acted (ten quick clicks still make one request). A removed button does
   * not act.
   */
  private _act(action: (flow: Flow.SubscribeFlow) => void): void {
    const loaded = loadFlow.loaded;
    if (loaded && !this._queued) return action((this._flow ??= new loaded.SubscribeFlow(this)));
    const queued = (this._queued = loadFlow()
      .then(
        ({ SubscribeFlow }) => {
          this._flow ??= new SubscribeFlow(this);
          if (this.isConnected) action(this._flow);
        },
        // Offline before the chunk came: the live region says so, and the next click asks again.
        () => void (this._message = 'subscribeErrorNetwork'),
      )
      .finally(() => {
        if (this._queued === queued) this._queued = undefined;
      }));
  }

  /** @internal Enter or Space held down repeats keydown; only the first press acts. */
  _ignoreRepeat = (event: KeyboardEvent) => {
    if (event.repeat && (event.key === 'Enter' || event.key === ' ')) event.preventDefault();
  };

  private _onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this._open) {
      event.stopPropagation();
      this._flow?.close();
    }
  };

  private _onToggle = () => {
    if (!this._problem && this._status !== 'pending') this._act((flow) => flow.toggle());
  };

  private _onRetry = () => this._flow?.retry();
}
