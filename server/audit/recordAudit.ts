import type { Db } from '../db/client';
import { auditLog } from '../db/schema';

export interface AuditEvent {
  orgId: string;
  actorUserId: string | null;
  action: string;
  targetType: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/** Appends to the org's audit log; callers pass what changed, never secrets. */
export function recordAudit(db: Db, event: AuditEvent) {
  db.insert(auditLog).values(event).run();
}
