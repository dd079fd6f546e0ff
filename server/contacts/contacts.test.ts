import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { contacts, orgs } from '../db/schema';
import { WriteBatcher } from '../db/writeBatcher';
import { useTestDb } from '../testing/testDb';
import { Contacts } from './contacts';

describe('Contacts', () => {
  const openDb = useTestDb();

  function setUp() {
    const db = openDb();
    const org = (slug: string) => db.insert(orgs).values({ name: slug, slug }).returning().get().id;
    return {
      db,
      service: new Contacts(db, new WriteBatcher(db)),
      acme: org('acme'),
      other: org('other'),
    };
  }

  const stored = (db: Db) =>
    db
      .select({
        orgId: contacts.orgId,
        sub: contacts.externalUserId,
        email: contacts.email,
        name: contacts.name,
      })
      .from(contacts)
      .all();

  it('knows a signed-in customer again by the app’s user id, within one org', async () => {
    const { db, service, acme, other } = setUp();
    const first = await service.upsert(acme, { sub: 'user-1', name: 'Jamie Rivera' });
    expect(await service.upsert(acme, { sub: 'user-1' })).toBe(first);
    expect(await service.upsert(other, { sub: 'user-1' })).not.toBe(first);
    expect(stored(db)).toEqual([
      { orgId: acme, sub: 'user-1', email: null, name: 'Jamie Rivera' },
      { orgId: other, sub: 'user-1', email: null, name: null },
    ]);
  });

  it('takes a new email or name from the token and keeps what the token leaves out', async () => {
    const { db, service, acme } = setUp();
    await service.upsert(acme, { sub: 'user-2', email: 'sam@old.example', name: 'Sam' });
    await service.upsert(acme, { sub: 'user-2', email: 'sam@new.example' });
    expect(stored(db)).toEqual([
      { orgId: acme, sub: 'user-2', email: 'sam@new.example', name: 'Sam' },
    ]);
  });

  it('names a customer by their contact, and "Customer" when unknown or unnamed', async () => {
    const { service, acme } = setUp();
    const named = await service.upsert(acme, { sub: 'user-3', name: 'Ada' });
    const unnamed = await service.upsert(acme, { sub: 'user-4' });
    expect(service.displayName(named)).toBe('Ada');
    expect(service.displayName(unnamed)).toBe('Customer');
    expect(service.displayName(null)).toBe('Customer');
  });
});
