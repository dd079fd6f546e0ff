// Runs SQLite checkpoints on their own thread and connection, so copying the WAL into the
// database file never blocks the server's event loop. Plain JavaScript: a worker thread does
// not inherit the TypeScript loader the server runs under.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, intervalMs } = workerData;
const db = new Database(file);
db.pragma('synchronous = FULL');
// PASSIVE: copies what no reader still needs and never waits for the writer.
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');

const timer = setInterval(() => {
  try {
    const { log, checkpointed } = checkpoint.get();
    parentPort.postMessage({ log, checkpointed });
  } catch (error) {
    // A failed checkpoint (a full disk, say) is tried again at the next tick.
    console.error('Checkpoint failed:', error);
  }
}, intervalMs);

parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
