import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agentStates, workItems } from '../db/schema';
import { logDecision } from './decisionLog';
import { recordPresenceChanges } from './presenceHistory';
import { loadRoutingSettings } from './routingSettings';
import type { AfterCommit, SessionHandover } from './sessionHandover';
import { atomically } from './workItem';
import { returnAcceptedItem, withdrawOffer } from './workItemMoves';

export interface TimersResult {
  /** Orgs whose items moved (they need a routing pass), with the agents whose work changed. */
  orgs: Map<string, Set<string>>;
  afterCommit: AfterCommit[];
}

function touch(result: TimersResult, orgId: string, agentId?: string) {
  const agents = result.orgs.get(orgId) ?? new Set<string>();
  if (agentId) agents.add(agentId);
  result.orgs.set(orgId, agents);
}

/**
 * An Online agent whose console has sent no heartbeat for this long has closed it (a reconnect
 * takes seconds; the console beats every `CONSOLE_HEARTBEAT_MS`).
 */
export const CONSOLE_GONE_MS = 60_000;
export const CONSOLE_HEARTBEAT_MS = 20_000;

/**
 * Everything due by `at`: offers not answered in time go on to the next agent, waits past a
 * queue's overflow reach the overflow queue, optional skills are dropped, items whose agent has
 * not answered are offered again, and Online agents whose console has gone are set Away. Timers
 * are due-at columns, so a restart resumes them; each move is conditional, so two sweepers
 * never move one item twice.
 */
export function runDueTimers(db: Db, at: Date, handover: SessionHandover): TimersResult {
  const result: TimersResult = { orgs: new Map(), afterCommit: [] };
  expireOffers(db, at, result);
  overflowItems(db, at, result);
  dropOptionalSkills(db, at, result);
  reassignUnanswered(db, at, handover, result);
  awayWhenConsoleGone(db, at, result);
  return result;
}

/**
 * Nobody is there to answer offers: Away keeps the conversations they hold (they may be back
 * in a minute) and stops new offers, which would otherwise each wait out their timeout.
 */
function awayWhenConsoleGone(db: Db, at: Date, result: TimersResult) {
  const gone = and(
    eq(agentStates.presence, 'online'),
    lte(agentStates.consoleSeenAt, new Date(at.getTime() - CONSOLE_GONE_MS)),
  );
  // Read first: the sweep runs every second and must not take the write lock for nothing.
  for (const agent of db
    .select({ userId: agentStates.userId, orgId: agentStates.orgId })
    .from(agentStates)
    .where(gone)
    .all()) {
    const away = atomically(db, () => {
      const changed = db
        .update(agentStates)
        .set({ presence: 'away', presenceStatusId: null, consoleSeenAt: null, updatedAt: at })
        .where(and(eq(agentStates.userId, agent.userId), gone))
        .run().changes;
      if (changed > 0) recordPresenceChanges(db, [{ ...agent, ...AWAY, at }]);
      return changed;
    });
    if (away > 0) touch(result, agent.orgId, agent.userId);
  }
}

const AWAY = { presence: 'away', presenceStatusId: null } as const;

const due = (column: typeof workItems.offerExpiresAt, at: Date) => lte(column, at);

function expireOffers(db: Db, at: Date, result: TimersResult) {
  for (const item of db
    .select()
    .from(workItems)
    .where(and(eq(workItems.status, 'offered'), due(workItems.offerExpiresAt, at)))
    .all()) {
    const agentId = item.offeredTo;
    if (!agentId) continue;
    atomically(db, () => {
      if (!withdrawOffer(db, item.id, agentId, at, true)) return;
      logDecision(db, {
        orgId: item.orgId,
        workItemId: item.id,
        event: 'offer_timed_out',
        agentId,
        reason: 'the offer was not answered in time',
        at,
      });
      const state = db
        .update(agentStates)
        .set({ missedOffers: sql`${agentStates.missedOffers} + 1` })
        .where(eq(agentStates.userId, agentId))
        .returning()
        .get();
      const limit = loadRoutingSettings(db, item.orgId).autoAwayAfterMissedOffers;
      if (state && limit !== null && state.missedOffers >= limit && state.presence === 'online') {
        db.update(agentStates)
          .set({ presence: 'away', presenceStatusId: null, missedOffers: 0, updatedAt: at })
          .where(eq(agentStates.userId, agentId))
          .run();
        recordPresenceChanges(db, [{ orgId: item.orgId, userId: agentId, ...AWAY, at }]);
      }
      touch(result, item.orgId, agentId);
    });
  }
}

function overflowItems(db: Db, at: Date, result: TimersResult) {
  for (const item of db
    .select()
    .from(workItems)
    .where(
      and(
        inArray(workItems.status, ['queued', 'offered', 'accepted']),
        isNull(workItems.overflowQueueId),
        due(workItems.overflowAt, at),
      ),
    )
    .all()) {
    if (item.status === 'accepted') {
      // Served meanwhile: the overflow no longer applies.
      db.update(workItems)
        .set({ overflowAt: null })
        .where(and(eq(workItems.id, item.id), eq(workItems.status, 'accepted')))
        .run();
      continue;
    }
    // An item on offer overflows too: the customer has waited as long, and should the offer
    // come back declined or unanswered, the overflow queue's agents are in line for it.
    atomically(db, () => {
      const moved = db
        .update(workItems)
        .set({
          overflowQueueId: sql`(select overflow_queue_id from queues where id = ${item.queueId})`,
          overflowAt: null,
          waitingReason: null,
        })
        .where(
          and(
            eq(workItems.id, item.id),
            inArray(workItems.status, ['queued', 'offered']),
            due(workItems.overflowAt, at),
          ),
        )
        .returning()
        .get();
      if (!moved) return;
      logDecision(db, {
        orgId: item.orgId,
        workItemId: item.id,
        event: 'overflowed',
        reason: 'waited past the queue’s overflow time; the overflow queue’s agents may take it',
        at,
      });
      touch(result, item.orgId);
    });
  }
}

function dropOptionalSkills(db: Db, at: Date, result: TimersResult) {
  for (const item of db
    .select()
    .from(workItems)
    .where(and(eq(workItems.status, 'queued'), due(workItems.optionalSkillsUntil, at)))
    .all()) {
    atomically(db, () => {
      const dropped = db
        .update(workItems)
        .set({ optionalSkills: [], optionalSkillsUntil: null, waitingReason: null })
        .where(and(eq(workItems.id, item.id), due(workItems.optionalSkillsUntil, at)))
        .returning()
        .get();
      if (!dropped) return;
      logDecision(db, {
        orgId: item.orgId,
        workItemId: item.id,
        event: 'optional_skills_dropped',
        reason: `waited past the queue’s wait for ${item.optionalSkills.map((s) => s.skill).join(', ')}`,
        at,
      });
      touch(result, item.orgId);
    });
  }
}

function reassignUnanswered(db: Db, at: Date, handover: SessionHandover, result: TimersResult) {
  for (const item of db
    .select()
    .from(workItems)
    .where(and(eq(workItems.status, 'accepted'), due(workItems.replyDueAt, at)))
    .all()) {
    const agentId = item.acceptedBy;
    if (!agentId) continue;
    atomically(db, () => {
      const returned = returnAcceptedItem(db, item.id, agentId, at, 'no_reply', handover, {
        replyDueBy: at,
      });
      if (!returned) return;
      logDecision(db, {
        orgId: item.orgId,
        workItemId: item.id,
        event: 'rerouted',
        agentId,
        reason: 'the agent did not answer in time after accepting',
        at,
      });
      result.afterCommit.push(returned.afterCommit);
      touch(result, item.orgId, agentId);
    });
  }
}
