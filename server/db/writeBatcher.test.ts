import { describe, expect, it } from 'vitest';
import { createOrg } from '../testing/fixtures';
import { useTestDb } from '../testing/testDb';
import { orgs } from './schema';
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
});
