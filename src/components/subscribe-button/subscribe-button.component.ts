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
import { following, initial, settledOf, statusOf, type ButtonState, type FollowState } from './state.js';
import {
  announce,
  BROWSER,
  INTENTS_KEY,
  join,
  leave,
  readerOf,
  readJson,
  rememberedState,
  type SyncedButton,
} from './sync.js';
import { styles } from './subscribe-button.styles.js';

/** The element's states, each also a custom state (`:state(pending)`). */
export const SUBSCRIBE_STATUSES = ['idle', 'pending', 'subscribed', 'confirming', 'error'] as const;
export type SubscribeStatus = (typeof SUBSCRIBE_STATUSES)[number];

/** What a host that handled the request itself reports through `complete()`. */
export type SubscribeResult = 'subscribed' | 'pending' | 'unsubscribed' | 'invalid-email' | 'error';

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
 * **A follow is never lost.** An intent still owed when the page goes away (an attempt in flight,
 * a back-off, or waiting for the connection) is sent with `fetch(…, {keepalive: true})` on
 * `pagehide` when the reader is online, and kept in localStorage (topic, kind, idempotency key,
 * time and the reader's hash: never the address) until it has an answer. The next page with a
 * button for that topic resumes it with the same key when it knows the reader's address (`email`);
 * for a reader who typed the address it shows "not sent, send now?". Intents older than a day are
 * dropped with a console note. Limit: a reader who typed the address, closed the tab offline and
 * never returns is not subscribed.
 *
 * **Deliberate input only.** After any state change, an activation within 500 ms (the double-click
 * interval) of the previous one, or from a key held down since before the change, does not toggle.
 *
 * **State.** One state machine (`machine.ts`, its transition table is data) owns the state; the
 * element renders it and the interaction chunk drives it through `next(state, event)`. Its table
 * (any other event leaves the state unchanged; `settled` is idle, subscribed or confirming):
 * - idle, subscribed, confirming: `send` → sending; `unsent` → unsent; `sync`, `open`, `close`,
 *   `invalid`, `input` → the settled state they name.
 * - sending: `host` → host; `wait` → retrying; `offline` → offline; `ok` → settled; `refused` →
 *   the settled state before, form open; `fail` → error.
 * - host (waiting for `complete()`): `ok`, `refused`, `fail` as in sending.
 * - retrying, offline: `resume` → sending (retrying also `offline` → offline).
 * - error, unsent: `send` → sending; `sync` → settled; the form may open and close.
 *
 * **Without `action`**, a host handles the request: it cancels `gz-subscribe` / `gz-unsubscribe`
 * and calls `complete()` (synchronously in its listener or later). When nobody cancels it, the
 * element warns what to do and shows an error.
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
 * @cssstate unsent - An intent from an earlier visit was not sent: the retry button sends it.
 * @cssstate disabled - Misconfigured (no topic, or an `action` that is not a usable URL): the button is disabled.
 *
 * @event {GzSubscribeEvent} gz-subscribe - Before a follow request; cancelable: handle it yourself, then call `complete()`.
 * @event {GzUnsubscribeEvent} gz-unsubscribe - Before an unfollow request; cancelable like `gz-subscribe`.
 * @event {GzSubscribeSuccessEvent} gz-subscribe-success - An intent succeeded: a follow (`detail.intent` `subscribe`, `status` `subscribed` or `pending`) or an unfollow (`intent` `unsubscribe`, `status` `unsubscribed`).
 * @event {GzSubscribeErrorEvent} gz-subscribe-error - An intent failed and the error is shown.
 * @event {GzSubscribeRetryEvent} gz-subscribe-retry - An attempt failed; the next one follows after `delay` ms.
 */
export class GzSubscribeButton extends GzElement implements SyncedButton {
  static override styles = [hostStyles, styles];

  /** The topic's id (the tag), sent to the endpoint verbatim. Required. */
  @property() topic = '';

  /** The topic's display name ("Energiewende"); defaults to `topic`. */
  @property({ attribute: 'topic-label' }) topicLabel: string | null = null;

  /**
   * The endpoint URL (http, https or relative). Defaults to the `action` of a `<form>` child.
   * Without one, a host handles `gz-subscribe` and calls `complete()`.
   */
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

  /** @internal The state: changed only through `_setState` (state.ts, machine.ts). */
  @state() _state: ButtonState = initial();
  /** @internal The reader as sync.ts keys it: `browser`, an address hash, `''` while it is computed. */
  @state() reader = BROWSER;
  /** @internal Why the button is disabled, if it is. */
  _problem: string | undefined;
  /** @internal The endpoint, resolved (`undefined`: a host handles the request). */
  _url: string | undefined;

  /** @internal */ readonly _localize = new LocalizeController(this);
  readonly #internals = this.attachInternals();
  /** The interaction state, once the chunk has loaded. */
  private _flow: Flow.SubscribeFlow | undefined;
  /** The last action waiting for the interaction chunk: `updateComplete` waits for it. */
  private _queued: Promise<void> | undefined;

  /** The element's state: `idle`, `pending`, `subscribed`, `confirming` or `error`. */
  get status() {
    return statusOf(this._state);
  }

  /** Whether the reader follows the topic (subscribed or waiting for confirmation). */
  get following(): boolean {
    return following(this._state);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    join(this);
    // The server did not know the remembered state, nor could it check the action: read and check
    // them once the server's render is hydrated. As the reader's hash, not as the owner's word: an
    // intent the flow resumed meanwhile (an unsent one from an earlier visit) is not reset.
    if (hydrating(this)) void this.updateComplete.then(() => this.requestUpdate('reader'));
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
   * `error`. Works synchronously inside the event listener or any time later; a second call for
   * the same request is ignored with a console note.
   */
  complete(result: SubscribeResult): void {
    if (this._flow?.complete(result)) return;
    // A click still waiting for the interaction chunk: its gz-subscribe comes first.
    if (this._queued) return void this._queued.then(() => this.complete(result));
    warnOnce(this, `complete("${String(result)}") was called, but no cancelled gz-subscribe is waiting for a result.`);
  }

  /**
   * @internal The one way the state changes: the interaction chunk sets `next(state, event)`
   * (machine.ts); the element itself only resets to a settled state before the chunk is there.
   */
  _setState(state: ButtonState): ButtonState {
    return (this._state = state);
  }

  /**
   * Called by the sync registry when another button or tab changed this topic's state for this reader.
   * @internal
   */
  syncFollowState(state: FollowState): void {
    if (this._flow) this._flow.dispatch({ type: 'sync', status: state });
    else this._setState(initial(settledOf(state)));
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
    if (changed.has('email') && !isServer) {
      const email = this.email;
      if (email?.trim()) this.reader = '';
      void readerOf(email).then((reader) => {
        if (this.email !== email) return;
        this.reader = reader;
        // A stored intent of this reader for this topic: the interaction chunk resumes it.
        const intents = readJson(INTENTS_KEY);
        if (Array.isArray(intents) && intents.some((i: { topic?: unknown }) => i?.topic === this.topic))
          this._act((flow) => flow.resume());
      });
    }
    // The owner's word resets the state (not while a request is out); the reader's hash, computed
    // after the first render, only until the reader has acted.
    if (
      (changed.has('subscribed') ||
        changed.has('topic') ||
        changed.has('noRemember') ||
        (changed.has('reader') && !this._flow)) &&
      statusOf(this._state) !== 'pending'
    ) {
      const remembered =
        this.noRemember || isServer || hydrating(this) ? undefined : rememberedState(this.topic, this.reader);
      this._state = initial(settledOf(this.subscribed ? 'subscribed' : (remembered ?? 'unsubscribed')));
    }
    // The server sees neither the fallback form nor the page's URL: an action it cannot check is
    // taken as usable. The render that hydrates the server's must match it (hydration writes no
    // attribute, so a `disabled` computed there never reached the DOM); the update after it checks.
    // The endpoint itself is the page's from the start: an intent from an earlier visit can be
    // resumed before that update (it went to a placeholder URL and failed after three retries).
    const serverView = isServer || hydrating(this);
    const action = isServer
      ? this.action
      : (this.action ?? this.querySelector(':scope > form')?.getAttribute('action') ?? null);
    const safe = safeUrl(action, { schemes: ['http:', 'https:'], relative: true });
    this._url = undefined;
    try {
      if (isServer) this._url = 'about:server';
      else if (safe) this._url = new URL(safe, document.baseURI).href;
    } catch {
      // not a URL after all: disabled below
    }
    this._problem = !this.topic.trim()
      ? 'the topic attribute is missing: it names the tag to follow (topic="energiewende").'
      : action !== null && !this._url && !serverView
        ? `action ${JSON.stringify(action)} is not a usable endpoint URL (http, https or relative); the button is disabled.`
        : undefined;
    if (this._problem) errorOnce(this, this._problem);
    const s = this._state;
    const states = this.#internals.states;
    states.clear();
    states.add(this.status);
    for (const [name, on] of [
      ['following', following(s)],
      ['open', s.open],
      ['invalid', !!s.field],
      ['retrying', s.phase === 'retrying'],
      ['offline', s.phase === 'offline'],
      ['unsent', s.phase === 'unsent'],
      ['disabled', !!this._problem],
    ] as const)
      if (on) states.add(name);
  }

  protected override updated(): void {
    this._flow?.updated();
  }

  protected override render() {
    const t = this._localize.terms;
    const s = this._state;
    const label = (this.topicLabel ?? '').trim() || this.topic;
    const busy = this.status === 'pending';
    const followed = following(s);
    const term = s.message ? t[s.message] : '';
    const message = typeof term === 'function' ? term(label) : term;
    // No message is `nothing`, never '': Lit's hydration takes a server-rendered '' for a text node
    // that is not there, and the first message after it went into the part's end comment, unseen.
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
          aria-label=${followed ? t.subscribeFollowingTopic(label) : t.subscribeFollowTopic(label)}
          aria-pressed=${followed ? 'true' : 'false'}
          aria-disabled=${busy ? 'true' : 'false'}
          ?disabled=${!!this._problem}
          @click=${this._onToggle}
        >
          <span part="icon" class="icon" aria-hidden="true">${followed ? '✓' : '+'}</span>
          ${this.compact ? nothing : html`<span part="label">${followed ? t.subscribeFollowing : t.subscribeFollow}</span>`}
        </button>
      </span>
      ${s.open ? this._flow?.renderForm(t, label, busy) : nothing}
      <p part="status" class="status" role="status" tabindex="-1">${message || nothing}</p>
      ${this._flow?.renderRetry(t, s, busy)}
    </div>`;
  }

  /**
   * Runs an action of the interaction chunk: at once when it is loaded, else when it arrives, in
   * the order the reader acted (ten quick clicks still make one request). A removed button does
   * not act. Offline before the chunk came, the action waits for the connection, then runs.
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
        () => {
          // Offline before the chunk came: said so, and the action runs when the connection returns.
          this._setState({ ...this._state, message: 'subscribeOffline' });
          window.addEventListener('online', () => this._act(action), { once: true });
        },
      )
      .finally(() => {
        if (this._queued === queued) this._queued = undefined;
      }));
  }

  private _onKeydown = (event: KeyboardEvent) => {
    // Enter or Space held down repeats keydown; only the first press acts.
    if (event.repeat && (event.key === 'Enter' || event.key === ' ')) event.preventDefault();
    if (event.key === 'Escape' && this._state.open) {
      event.stopPropagation();
      this._flow?.close();
    }
  };

  private _onToggle = (event: Event) => {
    if (!this._problem && this.status !== 'pending') this._act((flow) => flow.toggle(event));
  };
}
