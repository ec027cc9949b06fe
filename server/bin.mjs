#!/usr/bin/env node
// @ts-check
/**
 * `gazette-subscriptions`: the subscription service on its own.
 *   gazette-subscriptions [serve] --db sqlite:subs.db --origin https://news.example --port 8787
 *     [--host 127.0.0.1] [--mount /api/subscriptions] [--smtp smtps://user:pass@host] [--mail-dir dir]
 *     [--mail-from "News <news@example>"] [--allow-origin https://www.example]... [--single-opt-in] [--trust-proxy] [--csrf]
 *     [--synchronous full|normal]   (SQLite: normal survives kill -9, not a power loss; README "Durability")
 *   gazette-subscriptions export --db … --topic energiewende   (confirmed subscribers, one JSON line each)
 *   gazette-subscriptions erase --db … --email leser@example.de
 * Every option can also come from the environment: GZ_DB, GZ_ORIGIN, GZ_PORT, GZ_SMTP, GZ_MAIL_DIR.
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createSubscriptionService, SERVER_TIMEOUTS } from './index.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string', default: process.env['GZ_DB'] ?? 'sqlite:gazette-subscriptions.db' },
    synchronous: { type: 'string', default: process.env['GZ_SYNCHRONOUS'] ?? 'full' },
    origin: { type: 'string', default: process.env['GZ_ORIGIN'] },
    port: { type: 'string', default: process.env['GZ_PORT'] ?? '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    mount: { type: 'string', default: '/api/subscriptions' },
    smtp: { type: 'string', default: process.env['GZ_SMTP'] },
    'mail-dir': { type: 'string', default: process.env['GZ_MAIL_DIR'] },
    'mail-from': { type: 'string' },
    'allow-origin': { type: 'string', multiple: true },
    'single-opt-in': { type: 'boolean' },
    csrf: { type: 'boolean' },
    'trust-proxy': { type: 'boolean' },
    'limit-ip': { type: 'string' },
    'limit-address': { type: 'string' },
    topic: { type: 'string' },
    email: { type: 'string' },
  },
});
const command = positionals[0] ?? 'serve';
const serving = command === 'serve';

if (values.synchronous !== 'full' && values.synchronous !== 'normal') {
  console.error(`--synchronous ${values.synchronous}: full or normal`);
  process.exit(2);
}

let service;
try {
  const mailer = values.smtp ?? values['mail-dir'];
  service = await createSubscriptionService({
    database: values.db,
    synchronous: values.synchronous,
    mount: values.mount,
    singleOptIn: values['single-opt-in'] || !serving,
    ...(values.origin ? { publicOrigin: values.origin } : {}),
    ...(mailer ? { mailer } : {}),
    ...(values['mail-from'] ? { mailFrom: values['mail-from'] } : {}),
    ...(values['allow-origin'] ? { allowedOrigins: values['allow-origin'] } : {}),
    trustProxy: !!values['trust-proxy'],
    csrf: !!values.csrf,
    limits: {
      ...(values['limit-ip'] ? { perIpPerMinute: Number(values['limit-ip']) } : {}),
      ...(values['limit-address'] ? { perAddressPerHour: Number(values['limit-address']) } : {}),
    },
    log: (line) => console.error(line),
  });
} catch (error) {
  console.error(/** @type {Error} */ (error).message);
  process.exit(1);
}

if (command === 'export') {
  if (!values.topic) throw new Error('export needs --topic');
  for (const row of await service.subscribers(values.topic)) console.log(JSON.stringify(row));
  await service.close();
} else if (command === 'erase') {
  if (!values.email) throw new Error('erase needs --email');
  console.log(`erased ${await service.erase(values.email)} subscription(s)`);
  await service.close();
} else if (serving) {
  const handler = service;
  const server = createServer({ ...SERVER_TIMEOUTS }, (req, res) => {
    handler(req, res).catch((error) => {
      console.error(`gazette: ${/** @type {Error} */ (error).message}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.keepAliveTimeout = SERVER_TIMEOUTS.keepAliveTimeout;
  server.listen(Number(values.port), values.host, () => {
    const address = /** @type {import('node:net').AddressInfo} */ (server.address());
    console.log(`gazette-subscriptions: listening on http://${values.host}:${address.port}${values.mount}`);
  });
  const stop = () => server.close(() => void service.close().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  console.error(`unknown command ${command}: serve, export or erase`);
  process.exit(2);
}
