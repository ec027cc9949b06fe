import { isServer, type ReactiveController, type ReactiveControllerHost, type ReactiveElement } from 'lit';
import { hydrating } from '../internal/hydration.js';

export interface RelativeTimeOptions {
  /** Milliseconds between refreshes while the host is visible. Default one minute. */
  interval?: number;
}

/**
 * One IntersectionObserver for every clock on the page (100 headers: one observer, not 100), with
 * each observed element's listeners (an element may carry more than one clock).
 */
const listeners = new Map<Element, Set<(visible: boolean) => void>>();
let shared: IntersectionObserver | undefined;

function watch(target: Element, listener: (visible: boolean) => void): void {
  shared ??= new IntersectionObserver((entries) => {
    // The latest report per element counts.
    const latest = new Map<Element, boolean>();
    for (const entry of entries) latest.set(entry.target, entry.isIntersecting);
    for (const [element, visible] of latest) for (const report of listeners.get(element) ?? []) report(visible);
  });
  let set = listeners.get(target);
  if (!set) listeners.set(target, (set = new Set()));
  // Observed anew, so that a second clock on the same element gets a first report too.
  else shared.unobserve(target);
  set.add(listener);
  shared.observe(target);
}

function unwatch(target: Element, listener: (visible: boolean) => void): void {
  const set = listeners.get(target);
  if (!set?.delete(listener) || set.size) return;
  listeners.delete(target);
  shared?.unobserve(target);
}

/**
 * The clock behind relative dates ("vor 2 Stunden", "2 hours ago"), shared by the elements that
 * show them (`<gz-article-header>`, `<gz-teaser>`). Format with `now` and the functions of
 * `internal/datetime.ts`:
 *
 * ```ts
 * private readonly _clock = new RelativeTimeController(this);
 * willUpdate() {
 *   const now = this._clock.now; // undefined on the server and before the first connection
 *   const text = (now && formatRelative(date, now, lang)) ?? formatAbsolute(parsed, lang);
 *   this._clock.enabled = this.relative && text is relative; // stop once only absolute dates are left
 * }
 * ```
 *
 * - `now` is set when the host connects in a browser, and stays `undefined` on the server, so
 *   server-rendered HTML shows absolute dates (no "time ago" baked into cached pages).
 * - While `enabled`, the page's one shared `IntersectionObserver` watches the host. Only while the host is visible
 *   does a timer advance `now` once a minute and ask the host to update; when it comes back into
 *   view, `now` is refreshed at once. Not enabled, hidden or disconnected: no timer runs.
 * - Observer and timer are created on connect and released on disconnect.
 */
export class RelativeTimeController implements ReactiveController {
  private _now: Date | undefined;
  private _enabled = false;
  private _connected = false;
  private _visible = false;
  private _watching = false;
  private readonly _report = (visible: boolean) => {
    if (visible === this._visible) return;
    this._visible = visible;
    // The observer's first report follows the host's first render: refreshing then would
    // render every header a second time with the same text (100 headers, 100 updates).
    if (visible && Date.now() - (this._now?.getTime() ?? 0) >= 1_000) this.refresh();
    this._sync();
  };
  private _timer: ReturnType<typeof setInterval> | undefined;
  private readonly _interval: number;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    { interval = 60_000 }: RelativeTimeOptions = {},
  ) {
    this._interval = interval;
    host.addController(this);
  }

  /** The time relative dates are measured from; `undefined` until the host connects in a browser. */
  get now(): Date | undefined {
    return this._now;
  }

  /**
   * Whether the host shows a relative date that needs refreshing. Set it in `willUpdate`; setting
   * it to `false` releases the observer and the timer.
   */
  get enabled(): boolean {
    return this._enabled;
  }

  set enabled(value: boolean) {
    if (value === this._enabled) return;
    this._enabled = value;
    // Time passed while nothing refreshed: start from the present.
    if (value && this._connected) this._now = new Date();
    this._sync();
  }

  /** Whether the host was on screen at the observer's last report (false while not enabled). */
  get visible(): boolean {
    return this._visible;
  }

  /** Whether the minute timer is running. */
  get ticking(): boolean {
    return this._timer !== undefined;
  }

  hostConnected(): void {
    if (isServer) return;
    const connect = () => {
      this._connected = true;
      this._now = new Date();
      this._sync();
    };
    // Server-rendered HTML carries absolute dates: the hydrating render keeps them, then the clock starts.
    const host = this.host as unknown as ReactiveElement;
    if (!hydrating(host)) return connect();
    void host.updateComplete.then(() => {
      connect();
      host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this._connected = false;
    this._sync();
  }

  /** Advances `now` to the present and asks the host to update. */
  refresh(): void {
    this._now = new Date();
    this.host.requestUpdate();
  }

  /** Creates or releases the observer and the timer to match enabled, connected and visible. */
  private _sync(): void {
    const observe = this._connected && this._enabled && typeof IntersectionObserver !== 'undefined';
    if (observe && !this._watching) {
      this._watching = true;
      watch(this.host, this._report);
    } else if (!observe && this._watching) {
      this._watching = false;
      unwatch(this.host, this._report);
      this._visible = false;
    }
    const tick = observe && this._visible;
    if (tick && this._timer === undefined) {
      this._timer = setInterval(() => this.refresh(), this._interval);
    } else if (!tick && this._timer !== undefined) {
      clearInterval(this._timer);
      this._timer = undefined;
    }
  }
}
