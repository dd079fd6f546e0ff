import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { orgs } from '../db/schema';

export function orgTimeZone(db: Db, orgId: string): string {
  return (
    db.select({ timeZone: orgs.timeZone }).from(orgs).where(eq(orgs.id, orgId)).get()?.timeZone ??
    'UTC'
  );
}
