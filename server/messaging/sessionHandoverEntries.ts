import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { type EntryDraft, messagingSessions } from '../db/schema';
import type { AfterCommit, JoiningAgent, SessionHandover } from '../routing/sessionHandover';
import type { WorkItem } from '../routing/workItem';
import { appendEntries } from './conversationEntries';
import type { EventHub } from './eventHub';
import { loadSession } from './loadSession';
import { publishEntries } from './publishEntries';
import { statusDraft } from './statusDraft';

const participant = (change: 'joined' | 'left', agent: JoiningAgent): EntryDraft => ({
  actorType: 'system',
  actorName: 'Parley',
  type: 'participant_changed',
  payload: { change, participant: { type: 'agent', name: agent.name } },
});

/**
 * Messaging's half of routing's moves: the session and the entries the customer sees when an
 * agent joins or leaves, and their place in line. Runs inside routing's write.
 */
export class SessionHandoverEntries implements SessionHandover {
  constructor(private readonly hub: EventHub) {}

  agentJoined(db: Db, item: WorkItem, agent: JoiningAgent, at: Date): AfterCommit {
    const session = loadSession(db, item.sessionId);
    db.update(messagingSessions)
      .set({ status: 'active', agentId: agent.id, acceptedAt: at })
      .where(eq(messagingSessions.id, session.id))
      .run();
    const rows = appendEntries(db, session.orgId, session.id, [
      statusDraft(session.status, 'active', 'agent_joined'),
      participant('joined', agent),
    ]);
    return () => publishEntries(this.hub, session.id, rows);
  }

  agentLeft(db: Db, item: WorkItem, agent: JoiningAgent, reason: string, _at: Date): AfterCommit {
    const session = loadSession(db, item.sessionId);
    db.update(messagingSessions)
      .set({ status: 'waiting', agentId: null })
      .where(eq(messagingSessions.id, session.id))
      .run();
    const rows = appendEntries(db, session.orgId, session.id, [
      participant('left', agent),
      statusDraft(session.status, 'waiting', reason),
    ]);
    return () => publishEntries(this.hub, session.id, rows);
  }

  queuePosition(
    db: Db,
    item: WorkItem,
    position: number,
    estimatedWaitSeconds: number,
    _at: Date,
  ): AfterCommit {
    const rows = appendEntries(db, item.orgId, item.sessionId, [
      {
        actorType: 'system',
        actorName: 'Parley',
        type: 'queue_position',
        payload: { position, estimatedWaitSeconds },
      },
    ]);
    return () => publishEntries(this.hub, item.sessionId, rows);
  }
}
