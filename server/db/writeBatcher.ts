import type { Db } from './client';

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
 * rolls back alone. A promise resolves only after the commit that holds its job.
 */
export class WriteBatcher {
  private queue: Job[] = [];
  private scheduled = false;
  // Built once rather than per batch and per job: better-sqlite3 runs a transaction function
  // called inside another transaction in a savepoint.
  private readonly commitBatch: (batch: Job[]) => Outcome[];

  constructor(db: Db) {
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
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush() {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    let outcomes: Outcome[];
    try {
      outcomes = this.commitBatch(batch);
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) job.resolve(outcome.value);
      else job.reject(outcome?.value);
    });
  }
}
