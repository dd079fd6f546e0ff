import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { verifyCustomerIdentity } from '../auth/customerIdentity';
import type { Contacts } from '../contacts/contacts';
import type { Db } from '../db/client';
import {
  contacts,
  conversationEntries,
  csatResponses,
  deployments,
  messagingSessions,
  type SessionStatus,
} from '../db/schema';
import type { WriteBatcher } from '../db/writeBatcher';
import type { RoutingSignals } from '../routing/routingSignals';
import { closeSessionItems, holdersOf } from '../routing/workItemMoves';
import type { AccessTokens, ConversationClaims } from './accessTokens';
import type { BotTurnOrchestrator } from './botTurnOrchestrator';
import type { SessionRow } from './botTurns';
import { appendEntries, listEntriesAfter, toApiEntry } from './conversationEntries';
import type { Escalation } from './escalation';
import type { EventHub } from './eventHub';
import { loadOwnSession, loadSession } from './loadSession';
import { MessagingError } from './messagingErrors';
import { checkPrechatAnswers } from './prechatAnswers';
import { publishEntries } from './publishEntries';
import { statusDraft } from './statusDraft';

export interface ConversationLifecycleDeps {
  db: Db;
  writes: WriteBatcher;
  hub: EventHub;
  tokens: AccessTokens;
  contacts: Contacts;
  botTurns: BotTurnOrchestrator;
  escalation: Escalation;
  routing?: RoutingSignals;
  now?: () => number;
}

const OPEN_STATUSES: SessionStatus[] = ['new', 'waiting', 'active', 'inactive'];
const GREETING_PAGE = 50;

/**
 * A conversation from the customer's side, from start to end: starting or resuming one, the
 * access token that opens it, ending and rating it, the verified customer's history, and the
 * sweep that moves silent conversations to inactive and then ended.
 */
export class ConversationLifecycle {
  private readonly now: () => number;

  constructor(private readonly deps: ConversationLifecycleDeps) {
    this.now = deps.now ?? Date.now;
  }

  async start(input: {
    deploymentPublicId: string;
    identityToken?: string;
    context?: Record<string, unknown>;
    prechat?: Record<string, string | number | boolean>;
    locale?: string;
  }) {
    const { db } = this.deps;
    const deployment = db
      .select()
      .from(deployments)
      .where(eq(deployments.publicId, input.deploymentPublicId))
      .get();
    if (!deployment)
      throw new MessagingError(
        'DEPLOYMENT_NOT_FOUND',
        `No deployment "${input.deploymentPublicId}".`,
      );
    const identity = await verifyCustomerIdentity(
      deployment,
      input.identityToken,
      Math.floor(this.now() / 1000),
    );
    if (identity.kind === 'refused') throw new MessagingError(identity.code, identity.message);

    if (identity.kind === 'verified') {
      const open = db
        .select()
        .from(messagingSessions)
        .innerJoin(contacts, eq(contacts.id, messagingSessions.contactId))
        .where(
          and(
            eq(messagingSessions.deploymentId, deployment.id),
            eq(contacts.orgId, deployment.orgId),
            eq(contacts.externalUserId, identity.identity.sub),
            inArray(messagingSessions.status, OPEN_STATUSES),
          ),
        )
        .orderBy(desc(messagingSessions.createdAt))
        .get()?.messaging_sessions;
      if (open) {
        await this.deps.contacts.upsert(deployment.orgId, identity.identity);
        return { ...(await this.describe(open, true)), resumed: true };
      }
    }

    // Checked before the contact is written: a refused start leaves nothing behind.
    const prechat = checkPrechatAnswers(
      deployment.settings.prechatFields ?? [],
      input.prechat ?? {},
    );
    if (!prechat.ok) throw new MessagingError('PRECHAT_INVALID', prechat.message);
    const contactId =
      identity.kind === 'verified'
        ? await this.deps.contacts.upsert(deployment.orgId, identity.identity)
        : null;

    const createdAt = new Date(this.now());
    const session = await this.deps.writes.run(() =>
      db
        .insert(messagingSessions)
        .values({
          orgId: deployment.orgId,
          deploymentId: deployment.id,
          channel: deployment.channel,
          botId: deployment.botId,
          botVersionId: deployment.botVersionId,
          agentType: deployment.botVersionId ? 'bot' : 'agent',
          contactId,
          identityVerified: contactId !== null,
          context: input.context ?? {},
          prechat: prechat.answers,
          locale: input.locale ?? null,
          createdAt,
          lastCustomerActivityAt: createdAt,
        })
        .returning()
        .get(),
    );
    if (session.botVersionId) {
      await this.deps.botTurns.greet(session);
    } else {
      await this.deps.escalation.escalateWithoutBot(session, {});
    }
    const fresh = loadSession(db, session.id);
    return { ...(await this.describe(fresh, false)), resumed: false };
  }

  async end(claims: ConversationClaims) {
    const session = loadOwnSession(this.deps.db, claims);
    if (session.status === 'ended') return { status: 'ended' as const };
    let holders: string[] = [];
    const rows = await this.deps.writes.run(() => {
      const current = loadSession(this.deps.db, session.id);
      if (current.status === 'ended') return [];
      this.deps.db
        .update(messagingSessions)
        .set({ status: 'ended', endedAt: new Date(this.now()), endedBy: 'customer' })
        .where(eq(messagingSessions.id, session.id))
        .run();
      holders = holdersOf(closeSessionItems(this.deps.db, session.id, new Date(this.now())));
      return appendEntries(this.deps.db, session.orgId, session.id, [
        statusDraft(current.status, 'ended', 'customer_ended'),
      ]);
    });
    publishEntries(this.deps.hub, session.id, rows);
    this.deps.routing?.closed(session.orgId, holders);
    return { status: 'ended' as const };
  }

  async rate(claims: ConversationClaims, score: number, comment: string | undefined) {
    const session = loadOwnSession(this.deps.db, claims);
    const rows = await this.deps.writes.run(() => {
      const given = this.deps.db
        .select({ id: csatResponses.id })
        .from(csatResponses)
        .where(eq(csatResponses.sessionId, session.id))
        .get();
      if (given)
        throw new MessagingError('CSAT_ALREADY_GIVEN', 'This conversation has already been rated.');
      this.deps.db
        .insert(csatResponses)
        .values({ orgId: session.orgId, sessionId: session.id, score, comment: comment ?? null })
        .run();
      return appendEntries(this.deps.db, session.orgId, session.id, [
        {
          actorType: 'customer',
          actorName: this.deps.contacts.displayName(session.contactId),
          type: 'csat_response',
          payload: { score, ...(comment ? { comment } : {}) },
        },
      ]);
    });
    publishEntries(this.deps.hub, session.id, rows);
    return { score };
  }

  /**
   * Issues a fresh access token. With an identity token, an anonymous conversation becomes the
   * verified customer's (they signed in mid-chat); a conversation already linked to a different
   * customer is refused.
   */
  async refreshToken(claims: ConversationClaims, identityToken?: string) {
    let session = loadOwnSession(this.deps.db, claims);
    if (identityToken) {
      const deployment = this.deps.db
        .select()
        .from(deployments)
        .where(eq(deployments.id, session.deploymentId))
        .get();
      if (!deployment)
        throw new MessagingError('DEPLOYMENT_NOT_FOUND', 'The deployment no longer exists.');
      const identity = await verifyCustomerIdentity(
        deployment,
        identityToken,
        Math.floor(this.now() / 1000),
      );
      if (identity.kind === 'refused') throw new MessagingError(identity.code, identity.message);
      if (identity.kind === 'verified') {
        const contactId = await this.deps.contacts.upsert(session.orgId, identity.identity);
        if (session.contactId && session.contactId !== contactId) {
          throw new MessagingError(
            'IDENTITY_MISMATCH',
            'This conversation belongs to another customer.',
          );
        }
        if (!session.contactId) {
          await this.deps.writes.run(() =>
            this.deps.db
              .update(messagingSessions)
              .set({ contactId, identityVerified: true })
              .where(eq(messagingSessions.id, session.id))
              .run(),
          );
          session = loadSession(this.deps.db, session.id);
        }
      }
    }
    return this.deps.tokens.issue(claimsFor(session), this.now());
  }

  /**
   * Conversations of a verified customer, newest first, for history across devices: those of
   * the deployment the token came through. Contacts are the org's, but each deployment has its
   * own identity key, so one app's signed-in user never reads what they said in another app.
   */
  listForContact(claims: ConversationClaims) {
    if (!claims.contactId) {
      throw new MessagingError(
        'VERIFIED_IDENTITY_REQUIRED',
        'Only verified customers have a conversation history.',
      );
    }
    const sessions = this.deps.db
      .select()
      .from(messagingSessions)
      .where(
        and(
          eq(messagingSessions.orgId, claims.orgId),
          eq(messagingSessions.deploymentId, claims.deploymentId),
          eq(messagingSessions.contactId, claims.contactId),
        ),
      )
      .orderBy(desc(messagingSessions.createdAt))
      .limit(50)
      .all();
    return sessions.map((session) => {
      const last = this.deps.db
        .select()
        .from(conversationEntries)
        .where(eq(conversationEntries.sessionId, session.id))
        .orderBy(desc(conversationEntries.seq))
        .get();
      return {
        conversationId: session.id,
        status: session.status,
        createdAt: session.createdAt.toISOString(),
        lastEntry: last ? toApiEntry(last, session) : null,
      };
    });
  }

  /**
   * Moves silent conversations along, as each deployment configures: a conversation with the
   * bot or an agent turns inactive after the customer's silence, and an inactive one ends.
   * Conversations waiting for an agent never turn inactive: the customer is waiting for us.
   * A bot question with a no-answer timeout gets its `timeout` turn, queued like a message's.
   */
  async sweepIdleSessions(now = this.now()) {
    const { db } = this.deps;
    let changed = 0;
    this.deps.botTurns.answerSilentWaits(now);
    for (const deployment of db
      .select({ id: deployments.id, settings: deployments.settings })
      .from(deployments)
      .all()) {
      const { inactiveAfterMinutes, endAfterMinutes } = deployment.settings;
      const inactiveBefore = new Date(now - inactiveAfterMinutes * 60_000);
      const endBefore = new Date(now - (inactiveAfterMinutes + endAfterMinutes) * 60_000);
      const transitions = [
        {
          from: ['new', 'active'] as SessionStatus[],
          to: 'inactive' as const,
          before: inactiveBefore,
        },
        { from: ['inactive'] as SessionStatus[], to: 'ended' as const, before: endBefore },
      ];
      for (const transition of transitions) {
        const idle = db
          .select()
          .from(messagingSessions)
          .where(
            and(
              eq(messagingSessions.deploymentId, deployment.id),
              inArray(messagingSessions.status, transition.from),
              lt(messagingSessions.lastCustomerActivityAt, transition.before),
            ),
          )
          .limit(500)
          .all();
        for (const session of idle) {
          let holders: string[] = [];
          const rows = await this.deps.writes.run(() => {
            const current = loadSession(this.deps.db, session.id);
            if (current.status !== session.status) return [];
            db.update(messagingSessions)
              .set(
                transition.to === 'ended'
                  ? { status: 'ended', endedAt: new Date(now), endedBy: 'system' }
                  : { status: 'inactive' },
              )
              .where(eq(messagingSessions.id, session.id))
              .run();
            if (transition.to === 'ended') {
              holders = holdersOf(closeSessionItems(db, session.id, new Date(now)));
            }
            return appendEntries(db, session.orgId, session.id, [
              statusDraft(session.status, transition.to, 'customer_silent'),
            ]);
          });
          publishEntries(this.deps.hub, session.id, rows);
          if (transition.to === 'ended' && rows.length > 0)
            this.deps.routing?.closed(session.orgId, holders);
          changed += rows.length;
        }
      }
    }
    return changed;
  }

  private async describe(session: SessionRow, resumed: boolean) {
    const { token, expiresAt } = await this.deps.tokens.issue(claimsFor(session), this.now());
    const after = resumed ? Math.max(0, session.lastSeq - GREETING_PAGE) : 0;
    const rows = listEntriesAfter(this.deps.db, session.id, after, GREETING_PAGE);
    return {
      conversationId: session.id,
      accessToken: token,
      accessTokenExpiresAt: expiresAt.toISOString(),
      status: session.status,
      entries: rows.map((row) => toApiEntry(row, session)),
    };
  }
}

function claimsFor(session: SessionRow): ConversationClaims {
  return {
    conversationId: session.id,
    orgId: session.orgId,
    deploymentId: session.deploymentId,
    contactId: session.contactId,
  };
}
