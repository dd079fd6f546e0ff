import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { type StaffRole, staffUsers } from '../db/schema';
import { hashPassword, verifyPassword } from './password';

export interface StaffUser {
  id: string;
  orgId: string;
  email: string;
  name: string;
  role: StaffRole;
}

// Compared against when the email is unknown, so a miss costs as long as a wrong password.
const decoyHash = hashPassword('decoy-password-for-timing');

/** Checks staff credentials; null for an unknown email, a wrong password or a deactivated user. */
export async function verifyStaffCredentials(
  db: Db,
  email: string,
  password: string,
): Promise<StaffUser | null> {
  const row = db
    .select()
    .from(staffUsers)
    .where(sql`lower(${staffUsers.email}) = ${email.trim().toLowerCase()}`)
    .get();
  const ok = await verifyPassword(password, row?.passwordHash ?? (await decoyHash));
  if (!row || !ok || !row.active) return null;
  db.update(staffUsers).set({ lastSignInAt: new Date() }).where(eq(staffUsers.id, row.id)).run();
  return toStaffUser(row);
}

/** The signed-in user as the database says now: a deactivated user loses access at once. */
export function loadActiveStaffUser(db: Db, userId: string): StaffUser | null {
  const row = db.select().from(staffUsers).where(eq(staffUsers.id, userId)).get();
  return row?.active ? toStaffUser(row) : null;
}

function toStaffUser(row: typeof staffUsers.$inferSelect): StaffUser {
  return { id: row.id, orgId: row.orgId, email: row.email, name: row.name, role: row.role };
}
