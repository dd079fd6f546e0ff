import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agentStates, type Presence, presenceStatuses, staffUsers, workItems } from '../db/schema';
import { DomainError } from '../errors';
import { claimCapacity } from './capacity';
import { logDecision } from './decisionLog';
import { recordPresenceChanges } from './presenceHistory';
import { tellQueuePositions } from './queuePositions';
import { routeQueuedItems } from './routingPass';
import { loadRoutingSettings } from './routingSettings';
import type { RoutingSignals } from './routingSignals';
import { runDueTimers } from './routingTimers';
import type { AfterCommit, SessionHandover } from './sessionHandover';
import type { StaffEvents } from './staffEvents';
import { atomically, ClaimLost, type WorkItem } from './workItem';
import { acceptItem, queueForTransfer, returnAcceptedItem, withdrawOffer } from './workItemMoves';

export interface RouterDeps {
  db: Db;
  handover: SessionHandover;
  staffEvents: StaffEvents;
  now?: () => number;
}

/** A presence to set: a built-in one, or one of the org's own statuses by id. */
export type PresenceChoice = { presence: Presence } | { statusId: string };

/**
 * Omni-Channel routing for the process: the moves people make (accept, decline, presence,
 * transfer) and the sweep of due timers and waiting items. All state is in the database and
 * every move is a conditional write, so a second process running the same sweep is safe.
 */
export class Router implements RoutingSignals {
  private readonly now: () => number;

  constructor(private readonly deps: RouterDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Fires due timers, then routes and tells positions in every org with someone waiting. */
  tick() {
    const { db, handover } = this.deps;
    const at = new Date(this.now());
    const timers = runDueTimers(db, at, handover);
    this.finish(timers.afterCommit);
    for (const [orgId, agentIds] of timers.orgs) this.poke(orgId, [...agentIds]);
    const waitingOrgs = db
      .selectDistinct({ orgId: workItems.orgId })
      .from(workItems)
      .where(eq(workItems.status, 'queued'))
      .all();
    for (const { orgId } of waitingOrgs) this.pass(orgId, true);
  }

  /**
   * Offers what can be offered in the org now, then tells customers whose place changed. It
   * reads only the queues some agent has room in; the sweep reads them all.
   */
  route(orgId: string) {
    this.pass(orgId, false);
  }

  private pass(orgId: string, everything: boolean) {
    const { db, handover } = this.deps;
    const at = new Date(this.now());
    const replyWithin = loadRoutingSettings(db, orgId).noReplyReassignSeconds;
    // One commit (one flush of the log to disk) for the offers and the places in line.
    const { pass, positions } = atomically(db, () => {
      const routed = routeQueuedItems(db, orgId, at, handover, replyWithin, everything);
      return {
        pass: routed,
        positions: tellQueuePositions(db, orgId, at, handover, routed.queueIds),
      };
    });
    this.finish([...pass.afterCommit, ...positions]);
    for (const offer of pass.offers) {
      this.deps.staffEvents.publish({
        orgId,
        agentIds: [offer.agentId],
        ...(offer.autoAccepted ? {} : { offer: { workItemId: offer.item.id } }),
      });
    }
    if (pass.offers.length === 0 && positions.length > 0) this.poke(orgId, []);
  }

  accept(orgId: string, itemId: string, agentId: string): WorkItem {
    const { db, handover } = this.deps;
    const at = new Date(this.now());
    this.itemOf(orgId, itemId);
    const replyWithin = loadRoutingSettings(db, orgId).noReplyReassignSeconds;
    const accepted = atomically(db, () =>
      acceptItem(db, itemId, agentId, at, replyWithin, handover),
    );
    if (!accepted) {
      throw new DomainError(
        'CONFLICT',
        'This offer is no longer yours: it timed out or was withdrawn.',
      );
    }
    this.finish([accepted.afterCommit]);
    this.poke(orgId, [agentId]);
    return accepted.item;
  }

  decline(orgId: string, itemId: string, agentId: string, reason: string) {
    const { db } = this.deps;
    const at = new Date(this.now());
    this.itemOf(orgId, itemId);
    const declined = atomically(db, () => {
      const item = withdrawOffer(db, itemId, agentId, at, false);
      if (!item) return null;
      logDecision(db, {
        orgId,
        workItemId: itemId,
        event: 'declined',
        agentId,
        actorId: agentId,
        reason: reason.trim() || 'declined without a reason',
        at,
      });
      return item;
    });
    if (!declined) {
      throw new DomainError(
        'CONFLICT',
        'This offer is no longer yours: it timed out or was withdrawn.',
      );
    }
    this.poke(orgId, [agentId]);
    this.route(orgId);
  }

  /**
   * Sets an agent's presence. Going Offline hands their open work back to routing when the
   * org says so; coming Online routes at once.
   */
  setPresence(orgId: string, agentId: string, choice: PresenceChoice, actorId: string) {
    const { db, handover } = this.deps;
    const at = new Date(this.now());
    const agent = db
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(and(eq(staffUsers.id, agentId), eq(staffUsers.orgId, orgId)))
      .get();
    if (!agent) throw new DomainError('NOT_FOUND', 'No such agent in this org.');
    let presence: Presence;
    let statusId: string | null = null;
    if ('statusId' in choice) {
      const status = db
        .select()
        .from(presenceStatuses)
        .where(and(eq(presenceStatuses.id, choice.statusId), eq(presenceStatuses.orgId, orgId)))
        .get();
      if (!status) throw new DomainError('NOT_FOUND', 'That presence status no longer exists.');
      presence = status.takesWork ? 'online' : 'busy';
      statusId = status.id;
    } else {
      presence = choice.presence;
    }
    // Set by someone else, the presence holds whether or not the agent's console is open.
    const watched = actorId === agentId ? {} : { consoleSeenAt: null };
    const afterCommit = atomically(db, () => {
      db.insert(agentStates)
        .values({ userId: agentId, orgId, presence, presenceStatusId: statusId, updatedAt: at })
        .onConflictDoUpdate({
          target: agentStates.userId,
          set: { presence, presenceStatusId: statusId, missedOffers: 0, updatedAt: at, ...watched },
        })
        .run();
      recordPresenceChanges(db, [
        { orgId, userId: agentId, presence, presenceStatusId: statusId, at },
      ]);
      if (presence !== 'offline' || !loadRoutingSettings(db, orgId).rerouteOnOffline) return [];
      return this.handBackAll(agentId, at, actorId, handover);
    });
    this.finish(afterCommit);
    this.poke(orgId, [agentId]);
    this.route(orgId);
  }

  /** The agent's console is open: a heartbeat, so closing it sets them Away. */
  consoleSeen(agentId: string) {
    this.deps.db
      .update(agentStates)
      .set({ consoleSeenAt: new Date(this.now()) })
      .where(eq(agentStates.userId, agentId))
      .run();
  }

  /** Transfers an open item to another agent: offered to them, who accepts as usual. */
  transferToAgent(orgId: string, itemId: string, toAgentId: string, actorId: string) {
    const { db, handover } = this.deps;
    const at = new Date(this.now());
    const item = this.itemOf(orgId, itemId);
    const target = db
      .select({ orgId: staffUsers.orgId, name: staffUsers.name })
      .from(staffUsers)
      .where(eq(staffUsers.id, toAgentId))
      .get();
    if (!target || target.orgId !== orgId) throw new DomainError('NOT_FOUND', 'No such agent.');
    if (toAgentId === (item.acceptedBy ?? item.offeredTo)) {
      throw new DomainError('CONFLICT', `${target.name} already has this conversation.`);
    }
    let afterCommit: AfterCommit[] = [];
    try {
      afterCommit = atomically(db, () => {
        const released = this.release(item, at, 'transferred', handover);
        const offered = db
          .update(workItems)
          .set({
            status: 'offered',
            offeredTo: toAgentId,
            offeredAt: at,
            offerExpiresAt: new Date(
              at.getTime() +
                (queueForTransfer(db, orgId, item.queueId)?.offerTimeoutSeconds ?? 30) * 1000,
            ),
            waitingReason: null,
          })
          .where(and(eq(workItems.id, item.id), eq(workItems.status, 'queued')))
          .returning()
          .get();
        if (!offered || !claimCapacity(db, toAgentId, offered.size, at)) throw new ClaimLost();
        logDecision(db, {
          orgId,
          workItemId: item.id,
          event: 'transferred',
          agentId: toAgentId,
          actorId,
          reason: `transferred to ${target.name}`,
          at,
        });
        return released;
      });
    } catch (error) {
      if (!(error instanceof ClaimLost)) throw error;
      throw new DomainError(
        'CONFLICT',
        `${target.name} cannot take it now: not online, or no room left.`,
      );
    }
    this.finish(afterCommit);
    this.deps.staffEvents.publish({
      orgId,
      agentIds: [toAgentId, ...(item.acceptedBy ? [item.acceptedBy] : [])],
      offer: { workItemId: item.id },
    });
  }

  /** Transfers an item to another queue; it keeps its place in line there. */
  transferToQueue(orgId: string, itemId: string, queueId: string, actorId: string) {
    const { db, handover } = this.deps;
    const at = new Date(this.now());
    const item = this.itemOf(orgId, itemId);
    const queue = queueForTransfer(db, orgId, queueId);
    if (!queue) throw new DomainError('NOT_FOUND', 'No such queue.');
    const afterCommit = this.unlessMovedMeanwhile(() =>
      atomically(db, () => {
        const released = this.release(item, at, 'transferred', handover);
        db.update(workItems)
          .set({
            queueId: queue.id,
            requiredSkills: queue.requiredSkills,
            optionalSkills: queue.optionalSkills,
            optionalSkillsUntil:
              queue.optionalSkillsWaitSeconds === null
                ? null
                : new Date(at.getTime() + queue.optionalSkillsWaitSeconds * 1000),
            overflowQueueId: null,
            overflowAt:
              queue.overflowAfterSeconds === null || queue.overflowQueueId === null
                ? null
                : new Date(at.getTime() + queue.overflowAfterSeconds * 1000),
            size: queue.workItemSize,
            passedOverBy: [],
            toldPosition: null,
          })
          .where(and(eq(workItems.id, item.id), eq(workItems.status, 'queued')))
          .run();
        logDecision(db, {
          orgId,
          workItemId: item.id,
          event: 'transferred',
          actorId,
          reason: `transferred to the ${queue.name} queue`,
          at,
        });
        return released;
      }),
    );
    this.finish(afterCommit);
    this.poke(orgId, item.acceptedBy ? [item.acceptedBy] : []);
    this.route(orgId);
  }

  /** RoutingSignals: an item was queued; offer it now rather than on the next tick. */
  queued(orgId: string) {
    this.route(orgId);
  }

  /** RoutingSignals: a conversation ended and its items closed; their agents have room again. */
  closed(orgId: string, agentIds: string[]) {
    this.poke(orgId, agentIds);
    this.route(orgId);
  }

  /** A move that found the item elsewhere than it was read: the person acting is told so. */
  private unlessMovedMeanwhile<T>(move: () => T): T {
    try {
      return move();
    } catch (error) {
      if (!(error instanceof ClaimLost)) throw error;
      throw new DomainError('CONFLICT', 'This conversation moved meanwhile; look again and retry.');
    }
  }

  /** Takes an open item from whoever holds it, back to queued, inside the caller's write. */
  private release(
    item: WorkItem,
    at: Date,
    reason: string,
    handover: SessionHandover,
  ): AfterCommit[] {
    const { db } = this.deps;
    if (item.status === 'offered' && item.offeredTo) {
      if (!withdrawOffer(db, item.id, item.offeredTo, at, false)) throw new ClaimLost();
      return [];
    }
    if (item.status === 'accepted' && item.acceptedBy) {
      const returned = returnAcceptedItem(db, item.id, item.acceptedBy, at, reason, handover, {
        passOver: false,
      });
      if (!returned) throw new ClaimLost();
      return [returned.afterCommit];
    }
    if (item.status !== 'queued') {
      throw new DomainError('CONFLICT', 'This conversation is closed.');
    }
    return [];
  }

  private handBackAll(
    agentId: string,
    at: Date,
    actorId: string,
    handover: SessionHandover,
  ): AfterCommit[] {
    const { db } = this.deps;
    const afterCommit: AfterCommit[] = [];
    for (const item of db
      .select()
      .from(workItems)
      .where(
        or(
          and(eq(workItems.status, 'offered'), eq(workItems.offeredTo, agentId)),
          and(eq(workItems.status, 'accepted'), eq(workItems.acceptedBy, agentId)),
        ),
      )
      .all()) {
      if (item.status === 'offered') {
        withdrawOffer(db, item.id, agentId, at, false);
      } else {
        const returned = returnAcceptedItem(db, item.id, agentId, at, 'agent_offline', handover, {
          passOver: false,
        });
        if (returned) afterCommit.push(returned.afterCommit);
      }
      logDecision(db, {
        orgId: item.orgId,
        workItemId: item.id,
        event: 'rerouted',
        agentId,
        actorId,
        reason: 'the agent went offline',
        at,
      });
    }
    return afterCommit;
  }

  private itemOf(orgId: string, itemId: string): WorkItem {
    const item = this.deps.db
      .select()
      .from(workItems)
      .where(and(eq(workItems.id, itemId), eq(workItems.orgId, orgId)))
      .get();
    if (!item) throw new DomainError('NOT_FOUND', 'No such work item.');
    return item;
  }

  private finish(afterCommit: AfterCommit[]) {
    for (const run of afterCommit) run();
  }

  private poke(orgId: string, agentIds: string[]) {
    this.deps.staffEvents.publish({ orgId, agentIds });
  }
}
