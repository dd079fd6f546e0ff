import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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

  it('has nothing to do for a database in memory', async () => {
    const memory = openDatabase(':memory:');
    const checkpointer = startWalCheckpointer(memory);
    await checkpointer.stop();
    expect(memory.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    memory.$client.close();
  });
});
