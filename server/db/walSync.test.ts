import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { heldFlushes } from '../testing/heldFlushes';
import { useTestDb } from '../testing/testDb';
import { openDatabase } from './client';
import { WalSync, walSyncFor } from './walSync';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('flushing the WAL off the event loop', () => {
  it('makes a caller that came during a flush wait for a flush that starts after it', async () => {
    const { started, flush } = heldFlushes();
    const wal = new WalSync('unused', flush);
    let firstDone = false;
    let secondDone = false;
    void wal.sync().then(() => {
      firstDone = true;
    });
    void wal.sync().then(() => {
      secondDone = true;
    });
    expect(started).toHaveLength(1);

    started[0]?.finish();
    await tick();
    expect(firstDone).toBe(true);
    expect(secondDone).toBe(false);
    expect(started).toHaveLength(2);

    started[1]?.finish();
    await tick();
    expect(secondDone).toBe(true);
  });

  it('shares one follow-up flush among everyone who arrived during the running one', async () => {
    const { started, flush } = heldFlushes();
    const wal = new WalSync('unused', flush);
    void wal.sync();
    const waiting = Array.from({ length: 5 }, () => wal.sync());
    started[0]?.finish();
    await tick();
    started[1]?.finish();
    await Promise.all(waiting);
    expect(started).toHaveLength(2);
  });

  it('fails every sync after a failed flush: a later flush could succeed without the lost pages', async () => {
    const { started, flush } = heldFlushes();
    const wal = new WalSync('unused', flush);
    const failing = wal.sync();
    const queued = wal.sync();
    started[0]?.fail(new Error('EIO'));
    await expect(failing).rejects.toThrow('restart Parley');
    await expect(failing).rejects.toMatchObject({ cause: new Error('EIO') });
    await expect(queued).rejects.toThrow('restart Parley');
    await expect(wal.sync()).rejects.toThrow('restart Parley');
    expect(started).toHaveLength(1);
  });

  describe('on disk', () => {
    let dir: string | undefined;
    afterEach(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = undefined;
    });

    it('flushes a real file, and fails when the WAL is missing rather than skip the flush', async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'parley-wal-'));
      const file = path.join(dir, 'parley.db-wal');
      writeFileSync(file, 'frames');
      await expect(new WalSync(file).sync()).resolves.toBeUndefined();
      await expect(new WalSync(path.join(dir, 'missing.db-wal')).sync()).rejects.toThrow(
        'restart Parley',
      );
    });
  });
});

describe('which connections get one', () => {
  const openDb = useTestDb();

  it('a database file at synchronous = FULL does; one in memory or relaxed on purpose does not', () => {
    const db = openDb();
    expect(walSyncFor(db)).toBeInstanceOf(WalSync);
    db.$client.pragma('synchronous = NORMAL');
    expect(walSyncFor(db)).toBeUndefined();

    const memory = openDatabase(':memory:');
    expect(walSyncFor(memory)).toBeUndefined();
    memory.$client.close();
  });
});
