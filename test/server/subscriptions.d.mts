/** Types of the reference subscribe endpoint (`subscriptions.mjs`) for TypeScript importers (vite.config.ts). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

export interface Subscription {
  topic: string;
  email: string;
  locale: string;
  status: 'subscribed' | 'pending';
  token: string;
  created: string;
}

export declare class SubscriptionStore {
  constructor(options?: { file?: string });
  readonly file: string | undefined;
  static key(topic: string, email: string): string;
  list(): Subscription[];
  save(): void;
}

export interface HandlerOptions {
  store?: SubscriptionStore;
  doubleOptIn?: boolean;
  csrfToken?: string;
  log?: (message: string) => void;
}

export declare function createSubscriptionHandler(options?: HandlerOptions): {
  handle(req: IncomingMessage, res: ServerResponse, subpath: string): Promise<void>;
  store: SubscriptionStore;
};

export declare function subscriptionsVitePlugin(options?: HandlerOptions & { mount?: string; file?: string }): Plugin;

export declare const TEST_MOUNT: string;
export declare function createTestHarness(): {
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  reset(id: string, setup?: { script?: unknown[]; doubleOptIn?: boolean; csrfToken?: string }): unknown;
};
export declare function subscriptionsTestPlugin(): { name: string; serve(context: unknown): Promise<undefined> };
