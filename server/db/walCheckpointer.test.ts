import { renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTestDb } from '../testing/testDb';
import { openDatabase } from './client';
import { type CheckpointReport, startWalCheckpointer } from './walCheckpointer';
import { WriteBatcher } from './writeBatcher';

const FRAME_BYTES = 4096 + 24;

describe('checkpoints on a worker thread', () => {
  const openDb = useTestDb();

  it('keeps the WAL short while writes never pause', { timeout: 30_000 }, async () => {
    const db = openDb();
    db.$client.exec('create table payloads (body blob not null)');
    const insert = db.$client.prepare('insert into payloads (body) values (randomblob(3000))');
    const reports: CheckpointReport[] = [];
    const restartFrames = 200;
    const checkpointer = startWalCheckpointer(db, {
      intervalMs: 5,
      restartFrames,
      onReport: (report) => reports.push(report),
    });
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(0);

    const writes = new WriteBatcher(db);
    const walFile = `${db.$client.name}-wal`;
    let walPeakBytes = 0;
    let rows = 0;
    const until = Date.now() + 1_500;
    while (Date.now() < until) {
      await writes.run(() => {
        for (let row = 0; row < 20; row++) insert.run();
      });
      rows += 20;
      walPeakBytes = Math.max(walPeakBytes, statSync(walFile).size);
    }
    await checkpointer.stop();

    expect(reports.some((report) => report.checkpointed > 0)).toBe(true);
    // Without the server finishing caught-up checkpoints, this WAL grew past 29,000 frames:
    // a checkpoint that runs beside a writer never finds the WAL fully copied.
    expect(walPeakBytes / FRAME_BYTES).toBeLessThan(20 * restartFrames);
    expect(db.$client.prepare('select count(*) as n from payloads').get()).toEqual({ n: rows });
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('checkpoints on commit again when the worker dies', { timeout: 30_000 }, async () => {
    const db = openDb();
    db.$client.exec('create table payloads (body blob not null)');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    // The worker opens the database by its path: with its folder gone, it fails at start.
    const folder = path.dirname(db.$client.name);
    renameSync(folder, `${folder}-away`);
    let checkpointer: ReturnType<typeof startWalCheckpointer> | undefined;
    try {
      checkpointer = startWalCheckpointer(db);
      expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      await vi.waitFor(
        () => expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000),
        { timeout: 10_000 },
      );
      expect(errors).toHaveBeenCalledWith(
        'The checkpoint worker stopped; checkpointing on commit again.',
      );
    } finally {
      renameSync(`${folder}-away`, folder);
      errors.mockRestore();
    }

    const insert = db.$client.prepare('insert into payloads (body) values (randomblob(3000))');
    const walFile = `${db.$client.name}-wal`;
    let walPeakBytes = 0;
    for (let batch = 0; batch < 200; batch++) {
      db.$client.transaction(() => {
        for (let row = 0; row < 20; row++) insert.run();
      })();
      walPeakBytes = Math.max(walPeakBytes, statSync(walFile).size);
    }
    // 4,000 rows of one page each: without checkpoints on commit the WAL would hold them all.
    expect(walPeakBytes / FRAME_BYTES).toBeLessThan(1500);
    await checkpointer?.stop();
  });

  it('has nothing to do for a database in memory', async () => {
    const memory = openDatabase(':memory:');
    const checkpointer = startWalCheckpointer(memory);
    await checkpointer.stop();
    expect(memory.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    memory.$client.close();
  });
});
