import { open } from 'node:fs/promises';
import type { Db } from './client';

/** Makes what was written to a file before the call durable; resolves when it is. */
export type FileSync = (file: string) => Promise<void>;

/**
 * Flushes the WAL file to disk off the event loop, one flush at a time. A caller whose commit
 * came after the running flush began waits for the next one, and every caller that arrives
 * meanwhile shares that next one: a burst of commits costs two flushes, not one each.
 *
 * A failed flush is final. After a write-back error Linux may mark the lost pages clean, so a
 * later flush can succeed without them; and the WAL's frames are chained, so losing earlier
 * frames loses every later commit on recovery. Every sync from then on fails until a restart.
 */
export class WalSync {
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  private failure: Error | null = null;

  /** Set once a flush failed; writers should not commit what can no longer be acknowledged. */
  get failed(): Error | null {
    return this.failure;
  }

  constructor(
    private readonly walFile: string,
    private readonly flushFile: FileSync = flushToDisk,
  ) {}

  /** Resolves once everything written to the WAL before this call would survive a power cut. */
  sync(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (!this.running) return this.start();
    if (!this.next) {
      this.next = this.running.then(
        () => this.startQueued(),
        () => this.startQueued(),
      );
    }
    return this.next;
  }

  private startQueued() {
    this.next = null;
    return this.failure ? Promise.reject(this.failure) : this.start();
  }

  private start(): Promise<void> {
    const flush = this.flushFile(this.walFile)
      .catch((error: unknown) => {
        this.failure ??= new Error(
          'Flushing the database log to disk failed; restart Parley once the disk is healthy. ' +
            'Writes are refused until then.',
          { cause: error },
        );
        throw this.failure;
      })
      .finally(() => {
        if (this.running === flush) this.running = null;
      });
    this.running = flush;
    return flush;
  }
}

/**
 * fdatasync on a fresh descriptor each time. The WAL exists while a connection is open, so a
 * missing file is an error, not nothing to flush.
 */
async function flushToDisk(file: string) {
  const handle = await open(file, 'r');
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/**
 * A WalSync for the connection when its commits should each wait for an fsync: a database file
 * in WAL mode at `synchronous = FULL`. Anything else (in memory, or durability relaxed on
 * purpose) has nothing to flush.
 */
export function walSyncFor(db: Db): WalSync | undefined {
  const client = db.$client;
  if (client.memory) return undefined;
  if (client.pragma('journal_mode', { simple: true }) !== 'wal') return undefined;
  if (client.pragma('synchronous', { simple: true }) !== SYNCHRONOUS_FULL) return undefined;
  return new WalSync(`${client.name}-wal`);
}

const SYNCHRONOUS_FULL = 2;
