import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  agentStates,
  contacts,
  conversationEntries,
  messagingSessions,
  queues,
  workItems,
} from '../db/schema';
import { presenceStatusChoices } from './presenceStatusChoices';

const UNNAMED_CUSTOMER = 'Customer';

/** One line of the agent's list: an offer waiting for an answer or a conversation they hold. */
export interface WorkspaceItem {
  workItemId: string;
  sessionId: string;
  customerName: string;
  queueName: string;
  intent: string | null;
  status: 'offered' | 'accepted';
  offeredAt: Date | null;
  offerExpiresAt: Date | null;
  acceptedAt: Date | null;
  sessionStatus: string;
  lastSeq: number;
  /** Customer entries the agent has not read. */
  unread: number;
  lastText: string | null;
}

/**
 * What the agent console shows around the conversations: the agent's presence and load, the
 * org's custom statuses, offers waiting for an answer and the conversations they hold.
 */
export function agentWorkspace(db: Db, orgId: string, agentId: string) {
  const state = db
    .select()
    .from(agentStates)
    .where(and(eq(agentStates.userId, agentId), eq(agentStates.orgId, orgId)))
    .get();
  const statuses = presenceStatusChoices(db, orgId);
  const rows = db
    .select({
      item: workItems,
      queueName: queues.name,
      customerName: contacts.name,
      sessionStatus: messagingSessions.status,
      lastSeq: messagingSessions.lastSeq,
      agentReadSeq: messagingSessions.agentReadSeq,
    })
    .from(workItems)
    .innerJoin(queues, eq(queues.id, workItems.queueId))
    .innerJoin(messagingSessions, eq(messagingSessions.id, workItems.sessionId))
    .leftJoin(contacts, eq(contacts.id, messagingSessions.contactId))
    .where(
      and(
        eq(workItems.orgId, orgId),
        or(
          and(eq(workItems.status, 'offered'), eq(workItems.offeredTo, agentId)),
          and(eq(workItems.status, 'accepted'), eq(workItems.acceptedBy, agentId)),
        ),
      ),
    )
    .orderBy(asc(workItems.offeredAt))
    .all();
  const sessionIds = rows.map((row) => row.item.sessionId);
  const customerEntries =
    sessionIds.length === 0
      ? []
      : db
          .select({
            sessionId: conversationEntries.sessionId,
            seq: conversationEntries.seq,
            actorType: conversationEntries.actorType,
            payload: conversationEntries.payload,
          })
          .from(conversationEntries)
          .where(
            and(
              inArray(conversationEntries.sessionId, sessionIds),
              inArray(conversationEntries.entryType, ['text', 'choice']),
            ),
          )
          .orderBy(desc(conversationEntries.seq))
          .all();
  const items: WorkspaceItem[] = rows.map((row) => {
    const own = customerEntries.filter((entry) => entry.sessionId === row.item.sessionId);
    const last = own[0];
    return {
      workItemId: row.item.id,
      sessionId: row.item.sessionId,
      customerName: row.customerName ?? UNNAMED_CUSTOMER,
      queueName: row.queueName,
      intent: typeof row.item.handoff.intent === 'string' ? row.item.handoff.intent : null,
      status: row.item.status as 'offered' | 'accepted',
      offeredAt: row.item.offeredAt,
      offerExpiresAt: row.item.offerExpiresAt,
      acceptedAt: row.item.acceptedAt,
      sessionStatus: row.sessionStatus,
      lastSeq: row.lastSeq,
      unread: own.filter((entry) => entry.actorType === 'customer' && entry.seq > row.agentReadSeq)
        .length,
      lastText:
        last && typeof last.payload.text === 'string'
          ? last.payload.text
          : last && typeof last.payload.label === 'string'
            ? last.payload.label
            : null,
    };
  });
  return {
    presence: state?.presence ?? 'offline',
    presenceStatusId: state?.presenceStatusId ?? null,
    capacity: state?.capacity ?? 0,
    load: state?.load ?? 0,
    statuses,
    offers: items.filter((item) => item.status === 'offered'),
    conversations: items.filter((item) => item.status === 'accepted'),
  };
}

export type AgentWorkspace = ReturnType<typeof agentWorkspace>;
