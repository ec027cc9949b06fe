import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A context key typed with the value it provides: the community context protocol's `Context`
 * (https://github.com/webcomponents-cg/community-protocols/blob/main/proposals/context.md), the
 * same type as `@lit/context`'s, so its `ContextConsumer` and `ContextProvider` accept Gazette's key.
 */
export type Context<KeyType, ValueType> = KeyType & { __context__: ValueType };

/**
 * The element whose text is the article's body. `<gz-article-body>` provides it to its
 * descendants; `<gz-reading-time>` consumes it. The key is a registered symbol, so two copies of
 * Gazette on one page still find each other.
 */
export const articleBodyContext = Symbol.for('gazette.article-body') as Context<symbol, Element | undefined>;

type Value = Element | undefined;
type Callback = (value: Value, unsubscribe?: () => void) => void;

/** The protocol's `context-request` and `context-provider` events, as plain events with fields. */
interface ContextEvent extends Event {
  context?: unknown;
  contextTarget?: Element;
  callback?: Callback;
  subscribe?: boolean;
}

const contextEvent = (type: string, fields: Omit<ContextEvent, keyof Event>): ContextEvent =>
  Object.assign(new Event(type, { bubbles: true, composed: true }), { context: articleBodyContext, ...fields });

/**
 * Provides the host as `articleBodyContext` to the consumers below it, by the community protocol:
 * it answers `context-request` events, calls subscribed callbacks again on `notify()`, announces
 * itself with a `context-provider` event on connect, and hands its subscribers to a provider that
 * appears between them and it. The part of `@lit/context`'s `ContextProvider` Gazette uses.
 */
export class ArticleBodyProvider implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #subscriptions = new Map<Callback, [consumer: Element, unsubscribe: () => void]>();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
    host.addEventListener('context-request', (event: ContextEvent) => {
      const consumer = this.#claim(event);
      if (!consumer || !event.callback) return;
      const callback = event.callback;
      if (!event.subscribe) return callback(host);
      if (!this.#subscriptions.has(callback))
        this.#subscriptions.set(callback, [consumer, () => this.#subscriptions.delete(callback)]);
      callback(host, this.#subscriptions.get(callback)![1]);
    });
    // A provider appeared below: re-send the subscribers' requests, so the nearer one takes them.
    host.addEventListener('context-provider', (event: ContextEvent) => {
      if (!this.#claim(event)) return;
      for (const [callback, [consumer]] of new Map(this.#subscriptions))
        consumer.dispatchEvent(contextEvent('context-request', { contextTarget: consumer, callback, subscribe: true }));
    });
  }

  /** The event's target when it asks for this context from below the host (and stops it there). */
  #claim(event: ContextEvent): Element | undefined {
    const target = event.contextTarget ?? (event.composedPath()[0] as Element);
    if (event.context !== articleBodyContext || target === this.#host) return undefined;
    event.stopPropagation();
    return target;
  }

  hostConnected(): void {
    this.#host.dispatchEvent(contextEvent('context-provider', { contextTarget: this.#host }));
  }

  /** Calls every subscribed consumer with the host again. */
  notify(): void {
    for (const [callback, [, unsubscribe]] of this.#subscriptions) callback(this.#host, unsubscribe);
  }
}

/**
 * Asks for `articleBodyContext` on connect, subscribed, and calls `callback` with each value the
 * provider sends (asking the host to update, as `@lit/context`'s `ContextConsumer` does);
 * unsubscribes on disconnect.
 */
export class ArticleBodyConsumer implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #unsubscribe: (() => void) | undefined;
  /** One function for the element's lifetime: a provider knows a subscriber again by it. */
  readonly #callback: Callback;

  constructor(host: ReactiveControllerHost & HTMLElement, callback: (value: Value) => void) {
    this.#host = host;
    this.#callback = (value, unsubscribe) => {
      // Another provider took over: leave the old one.
      if (this.#unsubscribe && this.#unsubscribe !== unsubscribe) this.#unsubscribe();
      this.#unsubscribe = unsubscribe;
      host.requestUpdate();
      callback(value);
    };
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.dispatchEvent(
      contextEvent('context-request', { contextTarget: this.#host, callback: this.#callback, subscribe: true }),
    );
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
