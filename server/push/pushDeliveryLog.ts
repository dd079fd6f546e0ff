import { and, count, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../db/client';
import { deployments, pushDeliveries, pushRegistrations } from '../db/schema';
import type { Page } from '../pagination';
import type { pushDeliveriesInput } from './pushSettingSchemas';

/** One notification as staff see it: where it went and what the provider answered, no token. */
export interface PushDeliveryView {
  id: string;
  sessionId: string | null;
  seq: number | null;
  deploymentName: string;
  platform: (typeof pushRegistrations.$inferSelect)['platform'];
  status: (typeof pushDeliveries.$inferSelect)['status'];
  attempts: number;
  nextAttemptAt: Date;
  providerStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** The org's notifications, newest first, for finding out why a customer heard nothing. */
export function listPushDeliveries(
  db: Db,
  orgId: string,
  input: z.infer<typeof pushDeliveriesInput>,
): Page<PushDeliveryView> {
  const where = and(
    eq(pushDeliveries.orgId, orgId),
    input.status ? eq(pushDeliveries.status, input.status) : undefined,
    input.sessionId ? eq(pushDeliveries.sessionId, input.sessionId) : undefined,
  );
  const items = db
    .select({
      id: pushDeliveries.id,
      sessionId: pushDeliveries.sessionId,
      seq: pushDeliveries.seq,
      deploymentName: deployments.name,
      platform: pushRegistrations.platform,
      status: pushDeliveries.status,
      attempts: pushDeliveries.attempts,
      nextAttemptAt: pushDeliveries.nextAttemptAt,
      providerStatus: pushDeliveries.providerStatus,
      lastError: pushDeliveries.lastError,
      createdAt: pushDeliveries.createdAt,
      sentAt: pushDeliveries.sentAt,
    })
    .from(pushDeliveries)
    .innerJoin(pushRegistrations, eq(pushRegistrations.id, pushDeliveries.registrationId))
    .innerJoin(deployments, eq(deployments.id, pushRegistrations.deploymentId))
    .where(where)
    .orderBy(desc(pushDeliveries.createdAt), desc(pushDeliveries.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total = db.select({ n: count() }).from(pushDeliveries).where(where).get()?.n ?? 0;
  return { items, total, page: input.page, pageSize: input.pageSize };
}
