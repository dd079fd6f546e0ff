import type { Db } from './client';
import type { WalSync } from './walSync';

interface Job {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: boolean; value: unknown };

/**
 * Group commit. Writes requested in the same tick share one transaction, so one fsync makes
 * all of them durable: with `synchronous = FULL` a commit survives a power cut, and batching
 * keeps that affordable under load. Each job runs in its own savepoint, so one job that fails
 * rolls back alone. A promise resolves only after the commit that holds its job is durable.
 *
 * With a `walSync` the fsync leaves the event loop: the batch commits without one and the WAL
 * is flushed on Node's thread pool before any of its jobs resolve, so the next batch's requests
 * and bot turns run while the disk works (bench:writes). Nothing is acknowledged or pushed before
 * the flush; a plain read in that millisecond can see the batch early. Other writers on the
 * connection keep their own fsync per commit.
 */
export class WriteBatcher {
  private queue: Job[] = [];
  private scheduled = false;
  private readonly unsettled = new Set<Promise<unknown>>();
  // Built once rather than per batch and per job: better-sqlite3 runs a transaction function
  // called inside another transaction in a savepoint.
  private readonly commitBatch: (batch: Job[]) => Outcome[];

  private readonly client: Db['$client'];

  constructor(
    db: Db,
    private readonly walSync?: WalSync,
  ) {
    this.client = db.$client;
    const inSavepoint = db.$client.transaction((work: () => unknown) => work());
    this.commitBatch = db.$client.transaction((batch: Job[]) =>
      batch.map((job): Outcome => {
        try {
          return { ok: true, value: inSavepoint(job.work) };
        } catch (error) {
          return { ok: false, value: error };
        }
      }),
    );
  }

  run<T>(work: () => T): Promise<T> {
    const done = new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
    this.unsettled.add(done);
    const forget = () => this.unsettled.delete(done);
    done.then(forget, forget);
    return done;
  }

  /**
   * Resolves when every write asked for so far has been answered, committed and flushed or
   * refused: before closing the connection, so no request is left without its answer.
   */
  async drain(): Promise<void> {
    while (this.unsettled.size > 0) await Promise.allSettled([...this.unsettled]);
  }

  private flush() {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    const broken = this.walSync?.failed;
    if (broken) {
      for (const job of batch) job.reject(broken);
      return;
    }
    let outcomes: Outcome[];
    try {
      outcomes = this.walSync ? this.commitUnsynced(batch) : this.commitBatch(batch);
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
    if (!this.walSync) {
      settle(batch, outcomes);
      return;
    }
    this.walSync.sync().then(
      () => settle(batch, outcomes),
      (error: unknown) => {
        // Committed but maybe not on disk: nobody may be told it was stored.
        console.error('Flushing the database log failed:', error);
        for (const job of batch) job.reject(error);
      },
    );
  }

  // exec, not a prepared statement: SQLite applies this pragma when it is prepared, not run.
  // It also costs a fifth of pragma(), which collects a result.
  private commitUnsynced(batch: Job[]) {
    this.client.exec('PRAGMA synchronous = NORMAL');
    try {
      return this.commitBatch(batch);
    } finally {
      this.client.exec('PRAGMA synchronous = FULL');
    }
  }
}

function settle(batch: Job[], outcomes: Outcome[]) {
  batch.forEach((job, index) => {
    const outcome = outcomes[index];
    if (outcome?.ok) job.resolve(outcome.value);
    else job.reject(outcome?.value);
  });
}
