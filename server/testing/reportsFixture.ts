import type { Db } from '../db/client';
import {
  agentPresenceChanges,
  agentStates,
  bots,
  botVersions,
  type Channel,
  conversationEntries,
  csatResponses,
  deployments,
  messagingSessions,
  orgs,
  type Presence,
  presenceStatuses,
  queueMembers,
  queues,
  staffUsers,
  workItems,
} from '../db/schema';
import { DEFAULT_DEPLOYMENT_SETTINGS } from '../deployments/deploymentCatalog';

export const at = (iso: string) => new Date(iso);

/**
 * The rows reports read, written straight into the tables so every time is exact: an org in
 * Paris with two deployments, two bot versions, two queues and two agents. What each
 * conversation does is spelt out in `seedReportsWorld`; the tests work their figures from it.
 */
export function reportsOrg(db: Db, slug: string, timeZone: string) {
  const org = db.insert(orgs).values({ name: slug, slug, timeZone }).returning().get();
  const now = at('2030-01-01T00:00:00Z');
  const deployment = (name: string, channel: Channel) =>
    db
      .insert(deployments)
      .values({
        orgId: org.id,
        publicId: `${slug}-${name}`,
        name,
        channel,
        apiKeyHash: 'not-used-by-reports',
        apiKeyPrefix: 'pk_',
        apiKeyRotatedAt: now,
        settings: DEFAULT_DEPLOYMENT_SETTINGS,
        updatedAt: now,
      })
      .returning()
      .get();
  const bot = db
    .insert(bots)
    .values({ orgId: org.id, name: 'Helper', updatedAt: now })
    .returning()
    .get();
  const version = (number: number) =>
    db
      .insert(botVersions)
      .values({
        orgId: org.id,
        botId: bot.id,
        number,
        flow: {},
        nluModel: {},
        checksum: `v${number}`,
      })
      .returning()
      .get();
  const queue = (name: string) =>
    db.insert(queues).values({ orgId: org.id, name }).returning().get();
  const agent = (name: string, capacity: number, queueId: string) => {
    const user = db
      .insert(staffUsers)
      .values({
        orgId: org.id,
        email: `${name}@${slug}.example`,
        name,
        role: 'agent',
        passwordHash: 'not-used-by-reports',
      })
      .returning()
      .get();
    db.insert(agentStates)
      .values({ orgId: org.id, userId: user.id, capacity, updatedAt: now })
      .run();
    db.insert(queueMembers).values({ orgId: org.id, userId: user.id, queueId }).run();
    return user;
  };
  const orders = queue('Orders');
  const billing = queue('Billing');
  return {
    org,
    app: deployment('App', 'in_app'),
    web: deployment('Web', 'web'),
    v1: version(1),
    v2: version(2),
    orders,
    billing,
    alice: agent('Alice', 2, orders.id),
    bob: agent('Bob', 1, billing.id),
    lunch: db
      .insert(presenceStatuses)
      .values({ orgId: org.id, name: 'Lunch', takesWork: false })
      .returning()
      .get(),
  };
}

type ReportsOrg = ReturnType<typeof reportsOrg>;

export interface SessionSpec {
  deployment: 'app' | 'web';
  version: 'v1' | 'v2' | null;
  createdAt: string;
  status: (typeof messagingSessions.$inferInsert)['status'];
  agentType: (typeof messagingSessions.$inferInsert)['agentType'];
  endedAt?: string;
  endedBy?: (typeof messagingSessions.$inferInsert)['endedBy'];
  agent?: 'alice' | 'bob';
  acceptedAt?: string;
  workItem?: {
    queue: 'orders' | 'billing';
    status: (typeof workItems.$inferInsert)['status'];
    askedAt: string;
    acceptedAt?: string;
    completedAt?: string;
    handoff: Record<string, unknown>;
  };
  /** Entries in order: who wrote them, their type, and when. */
  entries?: [actor: 'customer' | 'bot' | 'agent' | 'system', type: string, at: string][];
  csat?: number;
}

export function addSession(db: Db, world: ReportsOrg, spec: SessionSpec) {
  const agentId = spec.agent ? world[spec.agent].id : null;
  const deployment = world[spec.deployment];
  const session = db
    .insert(messagingSessions)
    .values({
      orgId: world.org.id,
      deploymentId: deployment.id,
      channel: deployment.channel,
      status: spec.status,
      agentType: spec.agentType,
      botId: spec.version ? world[spec.version].botId : null,
      botVersionId: spec.version ? world[spec.version].id : null,
      agentId,
      createdAt: at(spec.createdAt),
      acceptedAt: spec.acceptedAt ? at(spec.acceptedAt) : null,
      endedAt: spec.endedAt ? at(spec.endedAt) : null,
      endedBy: spec.endedBy ?? null,
    })
    .returning()
    .get();
  const item = spec.workItem;
  if (item) {
    db.insert(workItems)
      .values({
        orgId: world.org.id,
        sessionId: session.id,
        queueId: world[item.queue].id,
        status: item.status,
        askedAt: at(item.askedAt),
        acceptedBy: item.acceptedAt ? agentId : null,
        acceptedAt: item.acceptedAt ? at(item.acceptedAt) : null,
        completedAt: item.completedAt ? at(item.completedAt) : null,
        handoff: item.handoff,
        createdAt: at(item.askedAt),
      })
      .run();
  }
  (spec.entries ?? []).forEach(([actor, type, when], index) => {
    db.insert(conversationEntries)
      .values({
        orgId: world.org.id,
        sessionId: session.id,
        seq: index + 1,
        actorType: actor,
        actorId: actor === 'agent' ? agentId : null,
        entryType: type,
        payload: type === 'text' ? { text: '…' } : {},
        createdAt: at(when),
      })
      .run();
  });
  if (spec.csat) {
    db.insert(csatResponses)
      .values({ orgId: world.org.id, sessionId: session.id, score: spec.csat })
      .run();
  }
  return session;
}

export function addPresenceChange(
  db: Db,
  world: ReportsOrg,
  agent: 'alice' | 'bob',
  presence: Presence,
  when: string,
  presenceStatusId: string | null = null,
) {
  db.insert(agentPresenceChanges)
    .values({
      orgId: world.org.id,
      userId: world[agent].id,
      presence,
      presenceStatusId,
      at: at(when),
    })
    .run();
}
