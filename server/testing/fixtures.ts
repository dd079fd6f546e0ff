import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import { hashPassword } from '../auth/password';
import type { StaffUser } from '../auth/staffAuth';
import type { ConsoleServices } from '../console/consoleServices';
import type { Db } from '../db/client';
import { orgs, type StaffRole, staffUsers } from '../db/schema';
import { createCaller } from '../trpc/root';
import { testConsoleServices } from './consoleServices';

// One hash for every fixture user: scrypt is deliberately slow.
const fixturePasswordHash = hashPassword('fixture-password');
export const FIXTURE_PASSWORD = 'fixture-password';

export function createOrg(db: Db, slug: string) {
  return db.insert(orgs).values({ name: slug, slug }).returning().get();
}

export async function createStaff(
  db: Db,
  orgId: string,
  role: StaffRole,
  email = `${role}-${orgId}@test.example`,
): Promise<StaffUser> {
  const row = db
    .insert(staffUsers)
    .values({ orgId, email, name: `${role} user`, role, passwordHash: await fixturePasswordHash })
    .returning()
    .get();
  return { id: row.id, orgId: row.orgId, email: row.email, name: row.name, role: row.role };
}

/** Calls the tRPC API as the given user (or signed out), the way the route handler does. */
export function callerFor(
  db: Db,
  user: StaffUser | null,
  services: ConsoleServices = testConsoleServices(db),
) {
  return createCaller({ db, sessionUserId: user?.id ?? null, consoleServices: () => services });
}

/** The tRPC error a call was refused with; fails the test when the call succeeds. */
export async function trpcRejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to be refused');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}
