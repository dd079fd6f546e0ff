import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { presenceStatuses } from '../db/schema';

/** The org's own presence statuses ("Lunch", "Training"), offered beside the built-in ones. */
export function presenceStatusChoices(db: Db, orgId: string) {
  return db
    .select({
      id: presenceStatuses.id,
      name: presenceStatuses.name,
      takesWork: presenceStatuses.takesWork,
    })
    .from(presenceStatuses)
    .where(eq(presenceStatuses.orgId, orgId))
    .orderBy(asc(presenceStatuses.name))
    .all();
}
