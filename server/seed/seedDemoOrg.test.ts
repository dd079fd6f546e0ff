import { getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { verifyStaffCredentials } from '../auth/staffAuth';
import type { Db } from '../db/client';
import * as schema from '../db/schema';
import { useTestDb } from '../testing/testDb';
import { seedDemoOrg } from './seedDemoOrg';

function snapshot(db: Db) {
  const tables = Object.values(schema).filter((value) => is(value, SQLiteTable)) as SQLiteTable[];
  return Object.fromEntries(
    tables.map((table) => [getTableName(table), db.select().from(table).all()]),
  );
}

describe('seedDemoOrg', () => {
  const openDb = useTestDb();

  it('creates the Acme org with its staff, queues, presence statuses, quick texts, deployments and contacts', async () => {
    const db = openDb();
    await seedDemoOrg(db, { demoPassword: 'demo-password-1' });
    const data = snapshot(db);
    expect(data.orgs).toHaveLength(1);
    expect((data.staff_users as { email: string }[]).map((u) => u.email).sort()).toEqual([
      'admin@acme.test',
      'alice@acme.test',
      'bob@acme.test',
      'designer@acme.test',
      'qa@acme.test',
      'supervisor@acme.test',
    ]);
    expect((data.queues as { name: string }[]).map((q) => q.name).sort()).toEqual([
      'Accounts',
      'Orders',
    ]);
    expect((data.deployments as { publicId: string }[]).map((d) => d.publicId).sort()).toEqual([
      'acme-app',
      'acme-web',
    ]);
    expect(data.agent_skills).toHaveLength(2);
    expect(data.presence_statuses).toMatchObject([
      { name: 'Lunch', takesWork: false },
      { name: 'Training', takesWork: false },
    ]);
    expect((data.quick_texts as { title: string }[]).map((text) => text.title)).toEqual([
      'Greeting',
      'Order lookup',
    ]);
    expect(data.contacts).toHaveLength(3);
    expect(data.cases).toHaveLength(3);
    expect(await verifyStaffCredentials(db, 'alice@acme.test', 'demo-password-1')).toMatchObject({
      role: 'agent',
    });
  });

  it('changes nothing when run a second time', async () => {
    const db = openDb();
    await seedDemoOrg(db, { demoPassword: 'demo-password-1' });
    const first = snapshot(db);
    const second = await seedDemoOrg(db, { demoPassword: 'another-password' });
    expect(second.createdStaff).toBe(0);
    expect(snapshot(db)).toEqual(first);
  });

  it('generates a password when none is configured and reports it once', async () => {
    const db = openDb();
    const first = await seedDemoOrg(db);
    expect(first.generatedPassword).toMatch(/^[\w-]{16,}$/);
    expect(
      await verifyStaffCredentials(db, 'admin@acme.test', first.generatedPassword ?? ''),
    ).not.toBeNull();
    expect((await seedDemoOrg(db)).generatedPassword).toBeUndefined();
  });
});
