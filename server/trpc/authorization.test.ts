import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deployments, staffUsers } from '../db/schema';
import { callerFor, createOrg, createStaff, trpcRejection } from '../testing/fixtures';
import { useTestDb } from '../testing/testDb';

describe('tRPC authorisation', () => {
  const openDb = useTestDb();

  it('answers UNAUTHORIZED to a signed-out caller', async () => {
    const db = openDb();
    const error = await trpcRejection(callerFor(db, null).me.get());
    expect(error.code).toBe('UNAUTHORIZED');
  });

  it('answers FORBIDDEN when an agent calls an admin procedure', async () => {
    const db = openDb();
    const org = createOrg(db, 'acme');
    const agent = await createStaff(db, org.id, 'agent');
    const error = await trpcRejection(callerFor(db, agent).deployments.list({}));
    expect(error.code).toBe('FORBIDDEN');
    await expect(callerFor(db, agent).me.get()).resolves.toMatchObject({ role: 'agent' });
  });

  it('locks out a deactivated user at once, even with a valid session', async () => {
    const db = openDb();
    const org = createOrg(db, 'acme');
    const admin = await createStaff(db, org.id, 'admin');
    db.update(staffUsers).set({ active: false }).where(eq(staffUsers.id, admin.id)).run();
    const error = await trpcRejection(callerFor(db, admin).staffUsers.list({}));
    expect(error.code).toBe('UNAUTHORIZED');
  });

  it('uses the role in the database, not the one the session started with', async () => {
    const db = openDb();
    const org = createOrg(db, 'acme');
    const admin = await createStaff(db, org.id, 'admin');
    db.update(staffUsers).set({ role: 'agent' }).where(eq(staffUsers.id, admin.id)).run();
    const error = await trpcRejection(callerFor(db, admin).staffUsers.list({}));
    expect(error.code).toBe('FORBIDDEN');
  });
});

describe('org isolation', () => {
  const openDb = useTestDb();

  async function twoOrgs() {
    const db = openDb();
    const orgA = createOrg(db, 'org-a');
    const orgB = createOrg(db, 'org-b');
    const adminA = await createStaff(db, orgA.id, 'admin');
    const adminB = await createStaff(db, orgB.id, 'admin');
    const { deployment } = await callerFor(db, adminA).deployments.create({
      name: 'A app',
      channel: 'in_app',
      publicId: 'org-a-app',
    });
    return { db, adminA, adminB, deployment };
  }

  it('hides another org’s deployment from reads: NOT_FOUND, not the data', async () => {
    const { db, adminB, deployment } = await twoOrgs();
    const asB = callerFor(db, adminB);
    const error = await trpcRejection(asB.deployments.byId({ id: deployment.id }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).not.toContain('org-a-app');
    expect((await asB.deployments.list({})).items).toEqual([]);
  });

  it('refuses changes to another org’s deployment and leaves it as it was', async () => {
    const { db, adminB, deployment } = await twoOrgs();
    const before = db.select().from(deployments).where(eq(deployments.id, deployment.id)).get();
    const asB = callerFor(db, adminB);
    const attempts = [
      asB.deployments.rotateApiKey({ id: deployment.id }),
      asB.deployments.updateAllowedOrigins({
        id: deployment.id,
        allowedOrigins: ['https://evil.example'],
      }),
      asB.deployments.updateIdentity({ id: deployment.id, mode: 'optional', secret: 'generate' }),
    ];
    for (const attempt of attempts) expect((await trpcRejection(attempt)).code).toBe('NOT_FOUND');
    expect(db.select().from(deployments).where(eq(deployments.id, deployment.id)).get()).toEqual(
      before,
    );
  });

  it('keeps staff lists and changes within the org', async () => {
    const { db, adminA, adminB } = await twoOrgs();
    const listed = await callerFor(db, adminB).staffUsers.list({});
    expect(listed.items.map((u) => u.email)).toEqual([adminB.email]);
    const error = await trpcRejection(
      callerFor(db, adminB).staffUsers.setActive({ userId: adminA.id, active: false }),
    );
    expect(error.code).toBe('NOT_FOUND');
  });
});
