import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  accounts,
  cases,
  contacts,
  deployments,
  messagingSessions,
  sessionNotes,
} from '../db/schema';
import { type ConversationViewer, readableConversation } from './conversationAccess';
import { entriesBefore, latestEntries } from './transcriptPages';

const EARLIER_CONVERSATIONS = 10;

/**
 * A conversation as staff see it: the newest page of the transcript with the bot's part, the
 * staff notes, the hand-off card from the bot and the customer's context (who they are, their
 * account, open cases, earlier conversations, what the app and the pre-chat form said).
 */
export function staffConversationView(db: Db, viewer: ConversationViewer, sessionId: string) {
  const { session, item, holder } = readableConversation(db, viewer, sessionId);
  const transcript = latestEntries(db, session);
  const contact = session.contactId
    ? db.select().from(contacts).where(eq(contacts.id, session.contactId)).get()
    : undefined;
  const account = contact?.accountId
    ? db.select().from(accounts).where(eq(accounts.id, contact.accountId)).get()
    : undefined;
  const deployment = db
    .select({ name: deployments.name, channel: deployments.channel })
    .from(deployments)
    .where(eq(deployments.id, session.deploymentId))
    .get();
  const handoff = item?.item.handoff ?? {};
  return {
    session: {
      id: session.id,
      status: session.status,
      channel: session.channel,
      deploymentName: deployment?.name ?? '',
      createdAt: session.createdAt,
      acceptedAt: session.acceptedAt,
      endedAt: session.endedAt,
      agentId: session.agentId,
      lastSeq: session.lastSeq,
      customerReadSeq: session.customerReadSeq,
      agentReadSeq: session.agentReadSeq,
      /** A bot handed it over, so the agent can hand it back. */
      fromBot: session.botVersionId !== null && session.botState !== null,
    },
    entries: transcript.entries,
    /** Earlier entries exist that are not shown; `earlierEntries` pages back through them. */
    hasMore: transcript.hasMore,
    notes: db
      .select({
        id: sessionNotes.id,
        authorName: sessionNotes.authorName,
        body: sessionNotes.body,
        createdAt: sessionNotes.createdAt,
      })
      .from(sessionNotes)
      .where(eq(sessionNotes.sessionId, session.id))
      .orderBy(asc(sessionNotes.createdAt))
      .all(),
    workItem: item
      ? {
          id: item.item.id,
          status: item.item.status,
          queueId: item.item.queueId,
          queueName: item.queueName,
          priority: item.item.priority,
          askedAt: item.item.askedAt,
          heldBy: holder ?? null,
        }
      : null,
    handoff: {
      intent: typeof handoff.intent === 'string' ? handoff.intent : null,
      intentConfidence:
        typeof handoff.intentConfidence === 'number' ? handoff.intentConfidence : null,
      summary: typeof handoff.summary === 'string' ? handoff.summary : null,
      variables:
        handoff.variables && typeof handoff.variables === 'object'
          ? (handoff.variables as Record<string, unknown>)
          : {},
    },
    customer: {
      verified: session.identityVerified,
      contact: contact
        ? {
            name: contact.name,
            email: contact.email,
            externalUserId: contact.externalUserId,
            attributes: contact.attributes,
          }
        : null,
      account: account ? { name: account.name, tier: account.tier } : null,
      cases: contact
        ? db
            .select({
              number: cases.number,
              subject: cases.subject,
              status: cases.status,
              createdAt: cases.createdAt,
            })
            .from(cases)
            .where(eq(cases.contactId, contact.id))
            .orderBy(desc(cases.createdAt))
            .all()
        : [],
      earlierConversations: contact
        ? db
            .select({
              id: messagingSessions.id,
              status: messagingSessions.status,
              createdAt: messagingSessions.createdAt,
              entryCount: messagingSessions.lastSeq,
            })
            .from(messagingSessions)
            .where(
              and(
                eq(messagingSessions.contactId, contact.id),
                ne(messagingSessions.id, session.id),
              ),
            )
            .orderBy(desc(messagingSessions.createdAt))
            .limit(EARLIER_CONVERSATIONS)
            .all()
        : [],
      context: session.context,
      prechat: session.prechat,
    },
  };
}

export type StaffConversationView = ReturnType<typeof staffConversationView>;

/** The transcript page before `beforeSeq`, for the same viewers as the conversation itself. */
export function earlierEntries(
  db: Db,
  viewer: ConversationViewer,
  sessionId: string,
  beforeSeq: number,
) {
  const { session } = readableConversation(db, viewer, sessionId);
  return entriesBefore(db, session, beforeSeq);
}
