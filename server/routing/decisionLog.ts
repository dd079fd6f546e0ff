import type { Db } from '../db/client';
import { type ConsideredAgent, type RoutingEvent, routingDecisions } from '../db/schema';

export interface DecisionRecord {
  orgId: string;
  workItemId: string;
  event: RoutingEvent;
  agentId?: string | null;
  actorId?: string | null;
  reason?: string;
  considered?: ConsideredAgent[];
  at: Date;
}

/** Writes one line of a work item's decision log; call it inside the write it explains. */
export function logDecision(db: Db, record: DecisionRecord) {
  db.insert(routingDecisions)
    .values({
      orgId: record.orgId,
      workItemId: record.workItemId,
      event: record.event,
      agentId: record.agentId ?? null,
      actorId: record.actorId ?? null,
      reason: record.reason ?? '',
      considered: record.considered ?? [],
      createdAt: record.at,
    })
    .run();
}
