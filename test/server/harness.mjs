// @ts-check
/** Scaffolding for the server tests: services in and out of process, an SMTP sink, bursts. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, createServer, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { createSubscriptionService } from '../../server/index.mjs';

const BIN = fileURLToPath(new URL('../../server/bin.mjs', import.meta.url));
export const HIGH_LIMITS = { perIpPerMinute: 1e9, perAddressPerHour: 1e9 };

/**
 * The service behind `node:http` in this process.
 * @param {import('../../server/index.mjs').ServiceOptions} options
 */
export async function serve(options) {
  const service = await createSubscriptionService({ log: () => {}, limits: HIGH_LIMITS, ...options });
  const server = createServer((req, res) => void service(req, res));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}/api/subscriptions`,
    port,
    service,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await service.close();
    },
  };
}

/**
 * The `gazette-subscriptions` bin in a child process (`--port 0`); resolves once it listens.
 * `node`: flags for Node (the bench's `--import` probe); `cpus`: pin it with `taskset -c`.
 * `bin`: another bin (the bench's before/after runs).
 * @param {string[]} args @param {{ node?: string[], cpus?: string, env?: NodeJS.ProcessEnv, bin?: string }} [how]
 */
export async function spawnService(args, how = {}) {
  const command = [
    process.execPath,
    ...(how.node ?? []),
    how.bin ?? BIN,
    '--port',
    '0',
    '--limit-ip',
    '1000000000',
    '--limit-address',
    '1000000000',
    ...args,
  ];
  if (how.cpus) command.unshift('taskset', '-c', how.cpus);
  const child = spawn(/** @type {string} */ (command[0]), command.slice(1), {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: how.env ?? process.env,
  });
  let output = '';
  child.stderr.on('data', (d) => (output += d));
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      output += d;
      const m = /listening on (\S+)/.exec(output);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(Object.assign(new Error(`exited ${code}: ${output}`), { output })));
  });
  return { url: /** @type {string} */ (url), child, output: () => output };
}

/** Runs the bin to its end; resolves with its exit code and output. */
export async function runBin(/** @type {string[]} */ args) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  // A bin that should have refused to start but serves instead is stopped, and fails the test.
  const timer = setTimeout(() => child.kill(), 20_000);
  const [code] = await once(child, 'exit');
  clearTimeout(timer);
  return { code, output };
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/**
 * Sends JSON over a keep-alive connection (node:http: lighter than fetch under a 2,000-request
 * burst); resolves `{status, body, headers}`, or `{status: 0}` on a network error.
 * @param {string} url @param {unknown} body @param {Record<string, string>} [headers] @param {string} [method]
 * @param {number} [retried]
 * @returns {Promise<{ status: number, body: any, headers: Headers }>}
 */
export function send(url, body, headers = {}, method = 'POST', retried = 0) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve) => {
    const req = request(url, {
      method,
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers },
    });
    req.on('response', (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (data += d));
      res.on('end', () => {
        let json;
        try {
          json = JSON.parse(data);
        } catch {
          json = data;
        }
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
        resolve({ status: res.statusCode ?? 0, body: json, headers: h });
      });
      res.on('error', () => resolve({ status: 0, body: undefined, headers: new Headers() }));
    });
    req.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
      // A kept-alive connection the server closed as this request went out (its idle timeout, hit
      // under load): nothing reached the service. Node's documented answer is to send it again;
      // the next pooled connection can be just as stale (timers fire late at a load of 30-50).
      if (req.reusedSocket && error.code === 'ECONNRESET' && retried < 3) {
        return void send(url, body, headers, method, retried + 1).then(resolve);
      }
      resolve({ status: 0, body: undefined, headers: new Headers() });
    });
    req.end(text);
  });
}

/**
 * Runs `jobs` with at most `inFlight` at a time.
 * @template T @param {(() => Promise<T>)[]} jobs @param {number} inFlight @returns {Promise<T[]>}
 */
export async function burst(jobs, inFlight) {
  /** @type {T[]} */
  const results = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await /** @type {() => Promise<T>} */ (jobs[i])();
      }
    }),
  );
  return results;
}

/** A real SMTP server on loopback that keeps every mail it receives, decoded enough to read links. */
export async function smtpSink() {
  /** @type {{ to: string, raw: string, text: string }[]} */
  const mails = [];
  /** @type {(() => void)[]} */
  const waiting = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (d) => (raw += d));
      stream.on('end', () => {
        // quoted-printable soft breaks and escapes, as nodemailer writes non-ASCII text
        const text = raw
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw, text });
        waiting.splice(0).forEach((fn) => fn());
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.server.address());
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    /** Resolves once `n` mails arrived. */
    async arrived(/** @type {number} */ n) {
      while (mails.length < n) await new Promise((r) => waiting.push(() => r(undefined)));
      return mails;
    },
    close: () => new Promise((r) => server.close(() => r(undefined))),
  };
}

/** The first link in a mail that leads to `path`. */
export function linkIn(/** @type {{ text: string }} */ mail, /** @type {string} */ path) {
  const m = new RegExp(`https?://[^\\s>]*${path}\\?token=[A-Za-z0-9_-]+`).exec(mail.text);
  if (!m) throw new Error(`no ${path} link in the mail:\n${mail.text}`);
  return m[0];
}
