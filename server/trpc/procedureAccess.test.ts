import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import type { StaffUser } from '../auth/staffAuth';
import { STAFF_ROLES } from '../db/schema';
import { callerFor, createOrg, createStaff } from '../testing/fixtures';
import { useTestDb } from '../testing/testDb';
import { PROCEDURE_ACCESS } from './procedureAccess';
import { appRouter } from './root';

const PROCEDURES = Object.keys(appRouter._def.procedures).sort();

/** Calls a procedure by its path, as the tRPC endpoint does; resolves to the refusal's code. */
async function outcome(caller: ReturnType<typeof callerFor>, path: string): Promise<string> {
  const call = path
    .split('.')
    .reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], caller);
  try {
    await (call as (input: unknown) => Promise<unknown>)(undefined);
    return 'OK';
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
}

describe('who may call each tRPC procedure', () => {
  const openDb = useTestDb();

  it('is written down for every procedure the router has, and for nothing it lacks', () => {
    expect(PROCEDURES).toEqual(Object.keys(PROCEDURE_ACCESS).sort());
  });

  it('is enforced exactly as the table says, for every role and for nobody signed in', async () => {
    const db = openDb();
    const org = createOrg(db, 'acme');
    const staff: [string, StaffUser | null][] = [['signed out', null]];
    for (const role of STAFF_ROLES) staff.push([role, await createStaff(db, org.id, role)]);

    const refusals: string[] = [];
    for (const path of PROCEDURES) {
      const allowed = PROCEDURE_ACCESS[path];
      for (const [who, user] of staff) {
        const result = await outcome(callerFor(db, user), path);
        const expected =
          user === null
            ? 'UNAUTHORIZED'
            : allowed === 'anyStaff' || allowed?.includes(user.role)
              ? 'not refused'
              : 'FORBIDDEN';
        const got = result === 'UNAUTHORIZED' || result === 'FORBIDDEN' ? result : 'not refused';
        if (got !== expected)
          refusals.push(`${path} as ${who}: expected ${expected}, got ${result}`);
      }
    }
    expect(refusals).toEqual([]);
  });
});
