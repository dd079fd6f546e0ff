import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterEach } from 'vitest';
import { Contacts } from '../contacts/contacts';
import { type Db, openDatabase } from '../db/client';
import {
  agentSkills,
  agentStates,
  deployments,
  messagingSessions,
  orgs,
  queueMembers,
  queues,
  type RequiredSkill,
  routingDecisions,
  routingSettings,
  skills,
  staffUsers,
  workItems,
} from '../db/schema';
import { WriteBatcher } from '../db/writeBatcher';
import { AccessTokens } from '../messaging/accessTokens';
import { BotTurnOrchestrator } from '../messaging/botTurnOrchestrator';
import { listEntriesAfter } from '../messaging/conversationEntries';
import { ConversationLifecycle } from '../messaging/conversationLifecycle';
import { Escalation } from '../messaging/escalation';
import { EventHub } from '../messaging/eventHub';
import { loadSession } from '../messaging/loadSession';
import { SessionHandoverEntries } from '../messaging/sessionHandoverEntries';
import { Router } from '../routing/router';
import type { RoutingSettings } from '../routing/routingSettings';
import { type StaffEvent, StaffEvents } from '../routing/staffEvents';
import { seedDemoOrg } from '../seed/seedDemoOrg';
import { scriptedBot } from './scriptedBot';

/** Keeps every poke routing sends to the consoles, for tests to read. */
class RecordedStaffEvents extends StaffEvents {
  constructor(private readonly recorded: StaffEvent[]) {
    super();
  }

  override publish(event: StaffEvent) {
    this.recorded.push(event);
    super.publish(event);
  }
}

/** A Monday morning in the future, far from any real clock the code might read by mistake. */
export const WORLD_START = Date.parse('2030-05-06T09:00:00Z');

export interface AgentSpec {
  queues: string[];
  /** Skill name → level. */
  skills?: Record<string, number>;
  capacity?: number;
}

export interface Ask {
  queue: string;
  skills?: RequiredSkill[];
  priority?: number;
}

type QueueSettings = Partial<Omit<typeof queues.$inferInsert, 'id' | 'orgId' | 'name'>>;

/**
 * The demo org (Alice in Orders with orders 7, Bob in Accounts with accounts 7, both offline,
 * capacity 3) over a scratch database file, with messaging and routing wired as the server
 * wires them but on a clock the test moves. Agents are named by the part of their email before
 * the @ ("alice"). `restart()` drops the router and its connection and opens new ones on the
 * same file, as a process restart would.
 */
export class RoutingWorld {
  now = WORLD_START;
  readonly staffEvents: StaffEvent[] = [];
  db!: Db;
  router!: Router;
  private writes!: WriteBatcher;
  private lifecycle!: ConversationLifecycle;
  private escalation!: Escalation;
  private readonly hub = new EventHub();
  private readonly connections: Db[] = [];
  readonly orgId: string;

  private constructor(
    readonly file: string,
    db: Db,
  ) {
    this.wire(db);
    const org = db.select().from(orgs).get();
    if (!org) throw new Error('the demo org is missing');
    this.orgId = org.id;
  }

  static async open(file: string): Promise<RoutingWorld> {
    const db = RoutingWorld.connect(file);
    await seedDemoOrg(db, { demoPassword: 'routing-world-password' });
    return new RoutingWorld(file, db);
  }

  /** A world on a copy of this one's database as it stands: a cheap fresh start for each run. */
  fork(file: string): RoutingWorld {
    this.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(this.file, file);
    return new RoutingWorld(file, RoutingWorld.connect(file));
  }

  private static connect(file: string): Db {
    const db = openDatabase(file);
    // No fsync per commit: these tests are about routing, not about surviving a power cut.
    db.$client.pragma('synchronous = OFF');
    return db;
  }

  private wire(db: Db) {
    this.db = db;
    this.connections.push(db);
    const now = () => this.now;
    const router = this.routerOn(db, this.staffEvents);
    this.router = router;
    this.writes = new WriteBatcher(db);
    const escalation = new Escalation({
      db,
      writes: this.writes,
      hub: this.hub,
      queued: (orgId) => router.queued(orgId),
      now,
    });
    this.lifecycle = new ConversationLifecycle({
      db,
      writes: this.writes,
      hub: this.hub,
      tokens: new AccessTokens('a-test-secret-of-at-least-thirty-two-characters'),
      contacts: new Contacts(db, this.writes),
      botTurns: new BotTurnOrchestrator({
        db,
        writes: this.writes,
        hub: this.hub,
        bot: scriptedBot(() => ({ entries: [], state: {}, status: 'awaiting_input' })).runner,
        escalation,
        now,
      }),
      escalation,
      routing: router,
      now,
    });
    this.escalation = escalation;
  }

  private routerOn(db: Db, recorded: StaffEvent[]): Router {
    return new Router({
      db,
      handover: new SessionHandoverEntries(this.hub),
      staffEvents: new RecordedStaffEvents(recorded),
      now: () => this.now,
    });
  }

  /** The process stops (mid-offer, mid-anything) and a new one opens the same file. */
  async restart() {
    await this.writes.drain();
    this.db.$client.close();
    this.wire(RoutingWorld.connect(this.file));
  }

  async close() {
    await this.writes.drain();
    for (const db of this.connections) if (db.$client.open) db.$client.close();
  }

  advance(seconds: number) {
    this.now += seconds * 1000;
  }

  /** Moves the clock on and runs the sweep, as the server's one-second tick does. */
  later(seconds: number) {
    this.advance(seconds);
    this.router.tick();
  }

  agentId(name: string): string {
    const row = this.db
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(eq(staffUsers.email, `${name}@acme.test`))
      .get();
    if (!row) throw new Error(`no agent ${name}`);
    return row.id;
  }

  nameOf(agentId: string | null): string | null {
    if (agentId === null) return null;
    const row = this.db
      .select({ email: staffUsers.email })
      .from(staffUsers)
      .where(eq(staffUsers.id, agentId))
      .get();
    return row?.email.split('@')[0] ?? null;
  }

  queueId(name: string): string {
    const row = this.db
      .select({ id: queues.id })
      .from(queues)
      .where(and(eq(queues.orgId, this.orgId), eq(queues.name, name)))
      .get();
    if (!row) throw new Error(`no queue ${name}`);
    return row.id;
  }

  addQueue(name: string, settings: QueueSettings = {}) {
    this.db
      .insert(queues)
      .values({ orgId: this.orgId, name, ...settings })
      .run();
  }

  setQueue(name: string, settings: QueueSettings) {
    this.db
      .update(queues)
      .set(settings)
      .where(eq(queues.id, this.queueId(name)))
      .run();
  }

  settings(settings: Partial<RoutingSettings>) {
    const at = new Date(this.now);
    this.db
      .insert(routingSettings)
      .values({ orgId: this.orgId, ...settings, updatedAt: at })
      .onConflictDoUpdate({ target: routingSettings.orgId, set: { ...settings, updatedAt: at } })
      .run();
  }

  /** An offline agent, member of `queues`, holding `skills`; "Carol Agent" for "carol". */
  addAgent(name: string, spec: AgentSpec) {
    const user = this.db
      .insert(staffUsers)
      .values({
        orgId: this.orgId,
        email: `${name}@acme.test`,
        name: `${name[0]?.toUpperCase()}${name.slice(1)} Agent`,
        role: 'agent',
        passwordHash: 'not-used-by-routing',
      })
      .returning()
      .get();
    this.db
      .insert(agentStates)
      .values({
        orgId: this.orgId,
        userId: user.id,
        capacity: spec.capacity ?? 3,
        updatedAt: new Date(this.now),
      })
      .run();
    for (const queue of spec.queues) {
      this.db
        .insert(queueMembers)
        .values({ orgId: this.orgId, userId: user.id, queueId: this.queueId(queue) })
        .run();
    }
    for (const [skill, level] of Object.entries(spec.skills ?? {})) {
      const skillId =
        this.db
          .select({ id: skills.id })
          .from(skills)
          .where(and(eq(skills.orgId, this.orgId), eq(skills.name, skill)))
          .get()?.id ??
        this.db.insert(skills).values({ orgId: this.orgId, name: skill }).returning().get().id;
      this.db
        .insert(agentSkills)
        .values({ orgId: this.orgId, userId: user.id, skillId, level })
        .run();
    }
    return user.id;
  }

  setCapacity(name: string, capacity: number) {
    this.db
      .update(agentStates)
      .set({ capacity })
      .where(eq(agentStates.userId, this.agentId(name)))
      .run();
  }

  online(...names: string[]) {
    for (const name of names) this.presence(name, 'online');
  }

  presence(name: string, presence: 'online' | 'offline' | 'away' | 'busy') {
    const id = this.agentId(name);
    this.router.setPresence(this.orgId, id, { presence }, id);
  }

  /**
   * A customer's bot hands them to a person in `queue`, the way a bot's escalate node does;
   * the work item is routed at once.
   */
  async ask({ queue, skills: needed = [], priority = 3 }: Ask) {
    const deployment = this.db
      .select()
      .from(deployments)
      .where(eq(deployments.publicId, 'acme-app'))
      .get();
    if (!deployment) throw new Error('the demo deployment is missing');
    const created = this.db
      .insert(messagingSessions)
      .values({
        orgId: this.orgId,
        deploymentId: deployment.id,
        channel: deployment.channel,
        createdAt: new Date(this.now),
      })
      .returning()
      .get();
    const queueRow = this.db
      .select()
      .from(queues)
      .where(eq(queues.id, this.queueId(queue)))
      .get();
    await this.escalation.escalate(loadSession(this.db, created.id), {
      handoff: { queue, skills: needed, priority, details: {}, said: [] },
      queue: queueRow ?? null,
    });
    const item = this.db.select().from(workItems).where(eq(workItems.sessionId, created.id)).get();
    if (!item) throw new Error('the hand-off queued no work item');
    return { sessionId: created.id, itemId: item.id };
  }

  /** The customer ends the conversation (the widget's "End chat"). */
  end(sessionId: string) {
    return this.lifecycle.end({
      conversationId: sessionId,
      orgId: this.orgId,
      deploymentId: loadSession(this.db, sessionId).deploymentId,
      contactId: null,
    });
  }

  accept(name: string, itemId: string) {
    return this.router.accept(this.orgId, itemId, this.agentId(name));
  }

  decline(name: string, itemId: string, reason = '') {
    this.router.decline(this.orgId, itemId, this.agentId(name), reason);
  }

  item(itemId: string) {
    const row = this.db.select().from(workItems).where(eq(workItems.id, itemId)).get();
    if (!row) throw new Error(`no work item ${itemId}`);
    return row;
  }

  /** Who has the item now and how: "offered to alice", "accepted by bob", "queued". */
  holder(itemId: string): string {
    const item = this.item(itemId);
    if (item.status === 'offered') return `offered to ${this.nameOf(item.offeredTo)}`;
    if (item.status === 'accepted') return `accepted by ${this.nameOf(item.acceptedBy)}`;
    return item.status;
  }

  agent(name: string) {
    const row = this.db
      .select()
      .from(agentStates)
      .where(eq(agentStates.userId, this.agentId(name)))
      .get();
    if (!row) throw new Error(`no agent state for ${name}`);
    return row;
  }

  decisions(itemId: string) {
    return this.db
      .select()
      .from(routingDecisions)
      .where(eq(routingDecisions.workItemId, itemId))
      .orderBy(sql`rowid`)
      .all();
  }

  session(sessionId: string) {
    return loadSession(this.db, sessionId);
  }

  /** What the customer's conversation shows after the bot's part, one line per entry. */
  customerSees(sessionId: string): string[] {
    return listEntriesAfter(this.db, sessionId, 0, 1000).map((row) => {
      const payload = row.payload as Record<string, unknown>;
      switch (row.entryType) {
        case 'status_changed':
          return `${payload.from} → ${payload.to} (${payload.reason})`;
        case 'participant_changed': {
          const who = payload.participant as { name: string };
          return `${who.name} ${payload.change}`;
        }
        case 'queue_position':
          return `position ${payload.position}, about ${payload.estimatedWaitSeconds} s`;
        default:
          return `${row.entryType}: ${JSON.stringify(payload)}`;
      }
    });
  }
}

/** Opens a fresh RoutingWorld per call, each on its own scratch file, closed after the test. */
export function useRoutingWorld() {
  const dirs: string[] = [];
  const worlds: RoutingWorld[] = [];
  afterEach(async () => {
    for (const world of worlds.splice(0)) await world.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-routing-'));
    dirs.push(dir);
    const world = await RoutingWorld.open(path.join(dir, 'parley.db'));
    worlds.push(world);
    return world;
  };
}
