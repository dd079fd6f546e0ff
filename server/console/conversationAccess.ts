import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { messagingSessions, queues, workItems } from '../db/schema';
import { DomainError } from '../errors';

/** Who may read a conversation in the console: the agent it was offered or given to, or a lead. */
export interface ConversationViewer {
  id: string;
  orgId: string;
  /** Supervisors and admins read any conversation of the org. */
  seesAll: boolean;
}

/**
 * The conversation a viewer asked for, with its latest work item and who holds it; refused
 * when it belongs to another org (as if it did not exist) or to another agent.
 */
export function readableConversation(db: Db, viewer: ConversationViewer, sessionId: string) {
  const session = db
    .select()
    .from(messagingSessions)
    .where(and(eq(messagingSessions.id, sessionId), eq(messagingSessions.orgId, viewer.orgId)))
    .get();
  if (!session) throw new DomainError('NOT_FOUND', 'No such conversation.');
  const item = db
    .select({ item: workItems, queueName: queues.name })
    .from(workItems)
    .innerJoin(queues, eq(queues.id, workItems.queueId))
    .where(eq(workItems.sessionId, session.id))
    .orderBy(desc(workItems.createdAt))
    .get();
  const holder = item && (item.item.acceptedBy ?? item.item.offeredTo);
  if (!viewer.seesAll && holder !== viewer.id && session.agentId !== viewer.id) {
    throw new DomainError('FORBIDDEN', 'This conversation is not yours to read.');
  }
  return { session, item, holder };
}
