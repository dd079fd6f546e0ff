import { and, asc, count, eq, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/recordAudit';
import { generatePassword, hashPassword } from '../auth/password';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import { STAFF_ROLES, staffUsers } from '../db/schema';
import { DomainError } from '../errors';
import { likePattern, type Page, type PageInput } from '../pagination';

export const createStaffUserInput = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role: z.enum(STAFF_ROLES),
});

export interface StaffUserRow {
  id: string;
  email: string;
  name: string;
  role: (typeof STAFF_ROLES)[number];
  active: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
}

const listColumns = {
  id: staffUsers.id,
  email: staffUsers.email,
  name: staffUsers.name,
  role: staffUsers.role,
  active: staffUsers.active,
  createdAt: staffUsers.createdAt,
  lastSignInAt: staffUsers.lastSignInAt,
};

export function listStaffUsers(db: Db, orgId: string, input: PageInput): Page<StaffUserRow> {
  const pattern = likePattern(input.search);
  const where = and(
    eq(staffUsers.orgId, orgId),
    input.search
      ? or(
          sql`${staffUsers.email} like ${pattern} escape '\\'`,
          sql`${staffUsers.name} like ${pattern} escape '\\'`,
        )
      : undefined,
  );
  const items = db
    .select(listColumns)
    .from(staffUsers)
    .where(where)
    .orderBy(asc(staffUsers.name), asc(staffUsers.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total = db.select({ n: count() }).from(staffUsers).where(where).get()?.n ?? 0;
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** Creates a staff user with a temporary password, which is returned once and never stored. */
export async function createStaffUser(
  db: Db,
  actor: StaffUser,
  input: z.infer<typeof createStaffUserInput>,
) {
  const email = input.email.trim().toLowerCase();
  const taken = db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(sql`lower(${staffUsers.email}) = ${email}`)
    .get();
  if (taken) throw new DomainError('EMAIL_TAKEN', `${email} already has an account.`);
  const temporaryPassword = generatePassword();
  const user = db
    .insert(staffUsers)
    .values({
      orgId: actor.orgId,
      email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(temporaryPassword),
    })
    .returning(listColumns)
    .get();
  recordAudit(db, {
    orgId: actor.orgId,
    actorUserId: actor.id,
    action: 'staff_user.created',
    targetType: 'staff_user',
    targetId: user.id,
    details: { email, role: input.role },
  });
  return { user, temporaryPassword };
}

function findInOrg(db: Db, orgId: string, userId: string) {
  const row = db
    .select(listColumns)
    .from(staffUsers)
    .where(and(eq(staffUsers.id, userId), eq(staffUsers.orgId, orgId)))
    .get();
  if (!row) throw new DomainError('NOT_FOUND', 'No such user in your organisation.');
  return row;
}

export function changeStaffRole(
  db: Db,
  actor: StaffUser,
  userId: string,
  role: (typeof STAFF_ROLES)[number],
) {
  const user = findInOrg(db, actor.orgId, userId);
  // An admin demoting themself could leave the org with nobody able to undo it.
  if (user.id === actor.id) {
    throw new DomainError('CANNOT_CHANGE_SELF', 'You cannot change your own role.');
  }
  db.update(staffUsers).set({ role }).where(eq(staffUsers.id, user.id)).run();
  recordAudit(db, {
    orgId: actor.orgId,
    actorUserId: actor.id,
    action: 'staff_user.role_changed',
    targetType: 'staff_user',
    targetId: user.id,
    details: { from: user.role, to: role },
  });
  return { ...user, role };
}

export function setStaffUserActive(db: Db, actor: StaffUser, userId: string, active: boolean) {
  const user = findInOrg(db, actor.orgId, userId);
  if (user.id === actor.id) {
    throw new DomainError('CANNOT_CHANGE_SELF', 'You cannot deactivate your own account.');
  }
  db.update(staffUsers).set({ active }).where(eq(staffUsers.id, user.id)).run();
  recordAudit(db, {
    orgId: actor.orgId,
    actorUserId: actor.id,
    action: active ? 'staff_user.reactivated' : 'staff_user.deactivated',
    targetType: 'staff_user',
    targetId: user.id,
  });
  return { ...user, active };
}
