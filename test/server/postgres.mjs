// @ts-check
/**
 * A throwaway PostgreSQL cluster for the server tests: initdb into a temp folder (as the postgres
 * user when run as root, since the server refuses root), a free loopback port, stopped and
 * removed at the end. Fails (never skips) with what to install when PostgreSQL is missing.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest `/usr/lib/postgresql/<n>/bin`, or PG_BIN. */
function binaries() {
  if (process.env['PG_BIN']) return process.env['PG_BIN'];
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) {
    throw new Error(
      'PostgreSQL is not installed: the server tests need its binaries (Debian: apt-get install postgresql; ' +
        'or set PG_BIN to the folder holding initdb and pg_ctl). .ci/run installs it.',
    );
  }
  return join(base, newest, 'bin');
}

/** A free loopback port. */
export function freePort() {
  return /** @type {Promise<number>} */ (
    new Promise((resolve, reject) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
        server.close(() => resolve(port));
      });
      server.on('error', reject);
    })
  );
}

/**
 * Starts a cluster; `url(db)` names a database in it (created on demand), `stop()` removes it.
 * Tests run it with `fsync=off` (fast, and nothing there must survive a power loss); the bench
 * passes `{ fsync: true }` to measure a durable setup.
 */
export async function startPostgres({ fsync = false } = {}) {
  const bin = binaries();
  const dir = mkdtempSync(join(tmpdir(), 'gz-pg-'));
  const root = process.getuid?.() === 0;
  const as = (/** @type {string} */ file, /** @type {string[]} */ args) =>
    root
      ? execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'pipe' })
      : execFileSync(file, args, { stdio: 'pipe' });
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  as(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${fsync ? 'on' : 'off'} -c max_connections=60`;
  as(join(bin, 'pg_ctl'), ['-D', data, '-o', settings, '-l', join(dir, 'log'), '-w', 'start']);
  let n = 0;
  return {
    port,
    /** A new, empty database's URL. */
    async database() {
      const name = `gz_${process.pid}_${++n}`;
      as(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name]);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop() {
      try {
        as(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
