import type { Db } from './client';

interface Job {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit. Writes requested in the same tick share one transaction, so one fsync makes
 * all of them durable: with `synchronous = FULL` a commit survives a power cut, and batching
 * keeps that affordable under load. Each job runs in its own savepoint, so one job that fails
 * rolls back alone. A promise resolves only after the commit that holds its job.
 */
export class WriteBatcher {
  private queue: Job[] = [];
  private scheduled = false;

  constructor(private readonly db: Db) {}

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
    const client = this.db.$client;
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      client.transaction(() => {
        for (const job of batch) {
          try {
            outcomes.push({ ok: true, value: client.transaction(job.work)() });
          } catch (error) {
            outcomes.push({ ok: false, value: error });
          }
        }
      })();
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
