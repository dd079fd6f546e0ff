import { describe, expect, it, vi } from 'vitest';
import { createOrg } from '../testing/fixtures';
import { heldFlushes } from '../testing/heldFlushes';
import { useTestDb } from '../testing/testDb';
import { orgs } from './schema';
import { WalSync } from './walSync';
import { WriteBatcher } from './writeBatcher';

describe('group commit', () => {
  const openDb = useTestDb();

  it('commits the writes of one tick together and rolls back only the one that failed', async () => {
    const db = openDb();
    const writes = new WriteBatcher(db);
    const kept = writes.run(() => createOrg(db, 'kept').slug);
    const failed = writes.run(() => {
      createOrg(db, 'failed');
      throw new Error('refused');
    });
    const alsoKept = writes.run(() => createOrg(db, 'also-kept').slug);

    await expect(kept).resolves.toBe('kept');
    await expect(failed).rejects.toThrow('refused');
    await expect(alsoKept).resolves.toBe('also-kept');
    const slugs = db
      .select({ slug: orgs.slug })
      .from(orgs)
      .all()
      .map((row) => row.slug);
    expect(slugs.sort()).toEqual(['also-kept', 'kept']);
  });

  it('commits again after a batch, so later writes are not lost', async () => {
    const db = openDb();
    const writes = new WriteBatcher(db);
    await writes.run(() => createOrg(db, 'first'));
    await writes.run(() => createOrg(db, 'second'));
    expect(db.$client.inTransaction).toBe(false);
    expect(db.select().from(orgs).all()).toHaveLength(2);
  });

  describe('with the WAL flushed off the event loop', () => {
    function heldWal() {
      const { started, flush } = heldFlushes();
      return { wal: new WalSync('unused', flush), pending: started };
    }

    it('answers a write only after the flush that follows its commit', async () => {
      const db = openDb();
      const { wal, pending } = heldWal();
      const writes = new WriteBatcher(db, wal);
      let answered = false;
      const write = writes
        .run(() => createOrg(db, 'flushed').slug)
        .then((slug) => {
          answered = true;
          return slug;
        });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(pending).toHaveLength(1);
      expect(answered).toBe(false);

      pending[0]?.finish();
      await expect(write).resolves.toBe('flushed');
    });

    it('fails the writes of a batch whose flush failed, and acknowledges nothing after it', async () => {
      const db = openDb();
      const { wal, pending } = heldWal();
      const writes = new WriteBatcher(db, wal);
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      const unflushed = writes.run(() => createOrg(db, 'unflushed'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      pending[0]?.fail(new Error('EIO'));
      await expect(unflushed).rejects.toThrow('restart Parley');

      await expect(writes.run(() => createOrg(db, 'later'))).rejects.toThrow('restart Parley');
      expect(pending).toHaveLength(1);
      expect(logged).toHaveBeenCalledTimes(1);
      logged.mockRestore();
      const slugs = db.select({ slug: orgs.slug }).from(orgs).all();
      expect(slugs).toEqual([{ slug: 'unflushed' }]);
    });

    it('drains: waits until every write asked for has its answer', async () => {
      const db = openDb();
      const { wal, pending } = heldWal();
      const writes = new WriteBatcher(db, wal);
      const write = writes.run(() => createOrg(db, 'draining'));
      let drained = false;
      const draining = writes.drain().then(() => {
        drained = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(drained).toBe(false);
      pending[0]?.finish();
      await draining;
      await expect(write).resolves.toMatchObject({ slug: 'draining' });
    });

    it('leaves the connection at synchronous = FULL for everyone else', async () => {
      const db = openDb();
      const writes = new WriteBatcher(db, new WalSync(`${db.$client.name}-wal`));
      await writes.run(() => createOrg(db, 'durable'));
      expect(db.$client.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.select().from(orgs).all()).toHaveLength(1);
    });
  });
});
