// @ts-check
/**
 * The SQLite WAL checkpointer, a worker thread with its own connection (started by store.mjs).
 * SQLite's automatic checkpoint runs inside the COMMIT that crosses 1,000 WAL pages: that request's
 * group then waits while the WAL is synced and copied back into the database file and the file is
 * synced (up to 360 ms measured under the bench). Here the copy runs beside the request thread:
 * `wal_checkpoint(PASSIVE)` never waits for, nor blocks, a writer or a reader. It repeats at once
 * while the writers keep it from finishing (each round copies only what came in during the last),
 * and every `interval` ms otherwise; once every frame is copied, the next write starts the WAL
 * over (past `restartPages`, a RESTART checkpoint makes sure of that). Durability does not depend on it: a commit is in the WAL before it is acknowledged.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { path, interval, restartPages } = /** @type {{ path: string, interval: number, restartPages: number }} */ (
  workerData
);
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
// The copy is background work: on Linux this thread runs at the lowest priority (nice 19), so
// on a busy core it gives way to the request thread instead of taking half of it.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 19);
} catch {
  // not Linux: the thread keeps the process's priority
}
const db = new Database(path);
// Another process's checkpoint holds the lock briefly: wait for it rather than fail.
db.pragma('busy_timeout = 1000');
/** @type {ReturnType<typeof setTimeout> | undefined} */
let timer;
let closing = false;

function checkpoint() {
  timer = undefined;
  if (closing) return;
  let again = false;
  try {
    const row = /** @type {{ busy: number, log: number, checkpointed: number }} */ (
      db.pragma('wal_checkpoint(PASSIVE)')[0]
    );
    port.postMessage({ type: 'checkpoint', ...row });
    // Frames left over: the writers added some while this round copied; chase them.
    again = row.log > 0 && row.checkpointed < row.log;
    // Under a steady stream of commits PASSIVE never catches the last frames, so the WAL would
    // never start over and grow without end (and slow every read). Past `restartPages`, RESTART
    // copies what the PASSIVE round left (a few commits' worth) while it holds the writers off
    // for those milliseconds, and the next commit starts the WAL from its beginning.
    if (row.log >= restartPages) {
      port.postMessage({ type: 'checkpoint', ...db.pragma('wal_checkpoint(RESTART)')[0] });
      again = false;
    }
  } catch (error) {
    port.postMessage({ type: 'error', message: /** @type {Error} */ (error).message });
  }
  timer = setTimeout(checkpoint, again ? 20 : interval);
}

port.on('message', (message) => {
  if (message !== 'close') return;
  closing = true;
  clearTimeout(timer);
  db.close();
  port.close();
});
timer = setTimeout(checkpoint, interval);
