import type { Db } from '../db/client';
import type { ConversationClaims } from './accessTokens';
import type { SessionRow } from './botTurns';
import { MessagingError } from './messagingErrors';
import { sessionStatementsFor } from './sessionStatements';

/** The session as stored now; a missing one reads as a conversation that does not exist. */
export function loadSession(db: Db, id: string): SessionRow {
  const session = sessionStatementsFor(db).byId.get({ id });
  if (!session) throw new MessagingError('CONVERSATION_NOT_FOUND', 'No such conversation.');
  return session;
}

/** The session a token opens, checked against the database (an ended org or session is gone). */
export function loadOwnSession(db: Db, claims: ConversationClaims): SessionRow {
  const session = sessionStatementsFor(db).byId.get({ id: claims.conversationId });
  if (!session || session.orgId !== claims.orgId)
    throw new MessagingError('CONVERSATION_NOT_FOUND', 'No such conversation.');
  return session;
}
