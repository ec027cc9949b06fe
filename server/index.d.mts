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
  /** A fixed token that JSON requests send in `X-CSRF-Token` and forms in `csrf_token`. */
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

export interface SubscriptionService {
  (req: IncomingMessage, res: ServerResponse): Promise<void>;
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
