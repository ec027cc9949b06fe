/** Types of `gazette/server` (Node only). */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Subscription {
  topic: string;
  address: string;
  locale: string;
}

export interface MailMessage {
  to: string;
  from: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export interface ServiceOptions {
  /** `sqlite:file.db` (default `gazette-subscriptions.db`) or `postgres://user@host/db`. */
  database?: string;
  /**
   * SQLite only: when a commit reaches the disk. `'full'` (the default) syncs the WAL in every
   * commit: an acknowledged subscription survives a process crash and a power loss. `'normal'`
   * skips that sync: it still survives a crash of the process (kill -9), but a power loss or a
   * crash of the machine can lose the commits acknowledged since the last checkpoint (about a
   * second); the file stays consistent. README: "Durability".
   */
  synchronous?: 'full' | 'normal';
  /** Where readers reach the service; links are built from it, never from `Host`. Required for double opt-in. */
  publicOrigin?: string;
  /** The endpoint's path (default `/api/subscriptions`). */
  mount?: string;
  /** Origins whose pages may post (default: publicOrigin). */
  allowedOrigins?: string[];
  /** Subscribe without a confirmation mail (not recommended). */
  singleOptIn?: boolean;
  /** A Mailer, an `smtp(s)://` URL, or a folder that development mails are written to. */
  mailer?: Mailer | string;
  mailFrom?: string;
  /**
   * Per-session CSRF tokens (a signed double-submit cookie): subscribe and unsubscribe requests must
   * send their session's token in `X-CSRF-Token` (forms: `csrf_token`). Pages get it from
   * `service.csrfToken(req, res)` when they are rendered, or from `GET {mount}/csrf`.
   */
  csrf?: boolean;
  /** A fixed token instead, the same for every reader (prefer `csrf`). */
  csrfToken?: string;
  /** A CAPTCHA (or any) check before a subscription is stored. */
  verify?: (req: IncomingMessage, body: Record<string, unknown>) => boolean | Promise<boolean>;
  onConfirmed?: (subscription: Subscription) => unknown;
  onUnsubscribed?: (subscription: { topic: string; address: string }) => unknown;
  limits?: { perIpPerMinute?: number; perAddressPerHour?: number };
  /** Take the client address from `X-Forwarded-For`. */
  trustProxy?: boolean;
  maxBodyBytes?: number;
  bodyTimeout?: number;
  log?: (line: string) => void;
}

export interface StoreQuery {
  get(sql: string, params?: unknown[]): Promise<Record<string, unknown> | undefined>;
  all(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  run(sql: string, params?: unknown[]): Promise<{ changes: number }>;
}

export interface SubscriptionService {
  (req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** The CSRF token of the request's session; starts a session (sets its cookie on `res`) when it has none. */
  csrfToken(req: IncomingMessage, res: ServerResponse): string;
  /** The storage: one transaction per call of `tx` (for operators' scripts and tests). */
  store: {
    dialect: 'sqlite' | 'postgres';
    tx<T>(fn: (q: StoreQuery) => Promise<T>): Promise<T>;
    close(): Promise<void>;
  };
  export(
    address: string,
  ): Promise<
    { topic: string; address: string; locale: string; status: string; created: number; confirmed: number | null }[]
  >;
  erase(address: string): Promise<number>;
  subscribers(topic: string): Promise<{ address: string; locale: string; unsubscribe: string | undefined }[]>;
  purge(): Promise<void>;
  close(): Promise<void>;
}

export declare function createSubscriptionService(options?: ServiceOptions): Promise<SubscriptionService>;
export declare function normalizeAddress(input: unknown): string | undefined;
export declare function folderMailer(dir: string, log?: (line: string) => void): Mailer;
export declare function smtpMailer(transport: string | object): Promise<Mailer>;
export declare const SCHEMA_VERSION: number;
export declare const SERVER_TIMEOUTS: { headersTimeout: number; requestTimeout: number; keepAliveTimeout: number };
