import { Worker } from 'node:worker_threads';
import type { Db } from './client';

export interface CheckpointReport {
  /** Frames in the WAL file. */
  log: number;
  /** Frames of those now copied into the database file. */
  checkpointed: number;
}

export interface WalCheckpointerOptions {
  /** How often the worker checkpoints. */
  intervalMs?: number;
  /**
   * From this many frames on, the server finishes a caught-up checkpoint itself, so the WAL
   * starts over from its beginning instead of growing while writes never pause.
   */
  restartFrames?: number;
  onReport?: (report: CheckpointReport) => void;
}

export interface WalCheckpointer {
  /** Ends the worker; the connection checkpoints by itself again. */
  stop(): Promise<void>;
}

/** SQLite's own default, restored when the worker is gone. */
const AUTOCHECKPOINT_FRAMES = 1000;

/**
 * Moves WAL checkpoints off the event loop. SQLite checkpoints inside the commit that crosses
 * 1,000 frames: on the message path that copy and its two fsyncs were about a fifth of the write
 * cost (bench:writes), all of it blocking every request. Here a worker thread with its own
 * connection checkpoints every `intervalMs`, and this connection no longer checkpoints on
 * commit. A checkpoint cannot restart the WAL while the writer keeps appending, so once the
 * WAL is long and the worker has caught up, this connection copies the frames written since the
 * worker's checkpoint itself (on the event loop, once per `restartFrames`), and the WAL starts
 * over. Should the worker stop, this connection checkpoints on commit again.
 */
export function startWalCheckpointer(
  db: Db,
  options: WalCheckpointerOptions = {},
): WalCheckpointer {
  const client = db.$client;
  if (client.memory || client.pragma('journal_mode', { simple: true }) !== 'wal') {
    return { stop: async () => {} };
  }
  const restartFrames = options.restartFrames ?? 4 * AUTOCHECKPOINT_FRAMES;
  const worker = new Worker(new URL('./walCheckpointWorker.mjs', import.meta.url), {
    workerData: { file: client.name, intervalMs: options.intervalMs ?? 100 },
  });
  worker.unref();
  client.pragma('wal_autocheckpoint = 0');
  const checkpointInline = () => {
    if (client.open) client.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_FRAMES}`);
  };

  worker.on('message', (report: CheckpointReport) => {
    if (report.log >= restartFrames && report.checkpointed === report.log && client.open) {
      try {
        client.pragma('wal_checkpoint(PASSIVE)');
      } catch (error) {
        console.error('Finishing a checkpoint failed; the worker tries again:', error);
      }
    }
    options.onReport?.(report);
  });
  worker.on('error', (error) => {
    console.error('The checkpoint worker failed; checkpointing on commit again:', error);
  });
  let stopping = false;
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      if (!stopping) console.error('The checkpoint worker stopped; checkpointing on commit again.');
      checkpointInline();
      resolve();
    }),
  );

  return {
    async stop() {
      stopping = true;
      // Held open until the worker has closed its connection.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
