import { open } from 'node:fs/promises';
import type { Db } from './client';

/** Makes what was written to a file before the call durable; resolves when it is. */
export type FileSync = (file: string) => Promise<void>;

/**
 * Flushes the WAL file to disk off the event loop, one flush at a time. A caller whose commit
 * came after the running flush began waits for the next one, and every caller that arrives
 * meanwhile shares that next one: a burst of commits costs two flushes, not one each.
 */
export class WalSync {
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(
    private readonly walFile: string,
    private readonly flushFile: FileSync = flushToDisk,
  ) {}

  /** Resolves once everything written to the WAL before this call would survive a power cut. */
  sync(): Promise<void> {
    if (!this.running) return this.start();
    if (!this.next) {
      // A failed flush does not excuse the next one: it starts either way.
      this.next = this.running.then(
        () => this.startQueued(),
        () => this.startQueued(),
      );
    }
    return this.next;
  }

  private startQueued() {
    this.next = null;
    return this.start();
  }

  private start(): Promise<void> {
    const flush = this.flushFile(this.walFile).finally(() => {
      if (this.running === flush) this.running = null;
    });
    this.running = flush;
    return flush;
  }
}

/** fdatasync on a fresh descriptor, so a WAL file SQLite re-created is never missed. */
async function flushToDisk(file: string) {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    // No WAL file: SQLite checkpointed everything into the database and removed it on close.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
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
