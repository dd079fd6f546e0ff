import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import {
  agentSkills,
  agentStates,
  messagingSessions,
  queueMembers,
  queues,
  routingDecisions,
  skills,
  staffUsers,
  workItems,
} from '../db/schema';
import { Router } from '../routing/router';
import { StaffEvents } from '../routing/staffEvents';
import { apiClient } from '../testing/apiClient';
import { freePort, startServerProcess } from '../testing/serverProcess';
import { EventHub } from './eventHub';
import { SessionHandoverEntries } from './sessionHandoverEntries';

const SENDS = 600;
const KILL_AFTER_ACKS = 120;
// Sends beyond this wait for a free slot: the kill then lands with this many in flight and the
// rest not yet sent, however fast the server answers on the machine at hand.
const IN_FLIGHT = 250;
// Large enough that copying it into the database file outlasts the test's reaction to it.
const WAL_BYTES_BEFORE_CHECKPOINT = 64 * 1024 * 1024;
const OFFER_SECONDS = 3;

describe('durability across a crash', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-crash-'));
  const env = {
    DATABASE_URL: `file:${path.join(dir, 'parley.db')}`,
    NEXTAUTH_SECRET: 'crash-test-secret-0123456789abcdef0123',
    PARLEY_DEMO_PASSWORD: 'crash-test-password',
    API_RATE_LIMIT_CONVERSATION_PER_MINUTE: '100000',
    API_RATE_LIMIT_DEPLOYMENT_PER_SECOND: '100000',
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A database of its own under `dir`, and the port its server keeps across a restart. */
  async function scratchServer(name: string) {
    const databasePath = path.join(mkdtempSync(path.join(dir, `${name}-`)), 'parley.db');
    const port = await freePort();
    const scratchEnv = { ...env, DATABASE_URL: `file:${databasePath}` };
    return { databasePath, start: () => startServerProcess(scratchEnv, port) };
  }

  it('keeps every acknowledged message exactly once, with contiguous seqs, after SIGKILL', {
    timeout: 90_000,
  }, async () => {
    const port = await freePort();
    const first = await startServerProcess(env, port);
    const client = apiClient(first.base);
    const conversations = await Promise.all(
      Array.from({ length: 10 }, async () => (await client.start()).body),
    );

    const acknowledged = new Map<string, string>();
    let killing: Promise<void> | undefined;
    let inFlight = 0;
    let inFlightAtKill = 0;
    const waitingForSlot: (() => void)[] = [];
    const sends = Array.from({ length: SENDS }, async (_, i) => {
      const conversation = conversations[i % conversations.length];
      if (!conversation) return;
      const clientMessageId = `crash-${i}`;
      if (inFlight >= IN_FLIGHT) await new Promise<void>((resolve) => waitingForSlot.push(resolve));
      inFlight++;
      try {
        const res = await client.send(conversation.conversationId, conversation.accessToken, {
          clientMessageId,
          text: `message ${i}`,
        });
        if (res.status === 201 || res.status === 200)
          acknowledged.set(clientMessageId, conversation.conversationId);
      } catch {
        // The connection died with the server: not acknowledged, so no promise was made.
      } finally {
        inFlight--;
      }
      if (acknowledged.size >= KILL_AFTER_ACKS && !killing) {
        inFlightAtKill = inFlight;
        killing = first.kill('SIGKILL');
      }
      waitingForSlot.shift()?.();
    });
    await Promise.all(sends);
    await killing;
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acknowledged.size).toBeLessThan(SENDS);
    expect(inFlightAtKill).toBeGreaterThanOrEqual(200);

    const second = await startServerProcess(env, port);
    try {
      const after = apiClient(second.base);
      for (const conversation of conversations) {
        const entries = await after.entries(conversation.conversationId, conversation.accessToken);
        expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
        const ids = entries.map((e) => e.clientMessageId).filter(Boolean);
        expect(new Set(ids).size).toBe(ids.length);
        for (const [id, conversationId] of acknowledged) {
          if (conversationId === conversation.conversationId) expect(ids).toContain(id);
        }
      }
      // Messages acknowledged just before the crash still get the bot's answer after restart.
      const unanswered = () => {
        const db = new Database(path.join(dir, 'parley.db'), { readonly: true });
        try {
          return db
            .prepare(
              `select count(*) as n from messaging_sessions s
               where s.agent_type = 'bot' and s.status != 'ended' and exists (
                 select 1 from conversation_entries e
                 where e.session_id = s.id and e.actor_type = 'customer' and e.seq > s.bot_handled_seq)`,
            )
            .get() as { n: number };
        } finally {
          db.close();
        }
      };
      await expect.poll(() => unanswered().n, { timeout: 20_000 }).toBe(0);
    } finally {
      await second.kill('SIGTERM');
    }
  });

  it('leaves every hand-off asked for before SIGKILL with exactly one work item after restart', {
    timeout: 120_000,
  }, async () => {
    const { databasePath, start } = await scratchServer('handoff');
    const first = await start();
    const client = apiClient(first.base);
    const conversations = await Promise.all(
      Array.from({ length: 60 }, async () => (await client.start()).body),
    );
    let acknowledged = 0;
    let killing: Promise<void> | undefined;
    await Promise.all(
      conversations.map(async (conversation, i) => {
        const res = await client
          .send(conversation.conversationId, conversation.accessToken, {
            clientMessageId: `human-${i}`,
            text: 'I want to talk to a human agent',
          })
          .catch(() => null);
        if (res?.status === 201) acknowledged++;
        // Kill while the bot turns of the acknowledged messages are still being taken.
        if (acknowledged >= 20 && !killing) killing = first.kill('SIGKILL');
      }),
    );
    await killing;

    const second = await start();
    try {
      const db = new Database(databasePath, { readonly: true });
      try {
        await expect.poll(() => everyMessageAnswered(db), { timeout: 30_000 }).toBe(true);
        const sessions = db
          .prepare(
            `select s.status, (select count(*) from work_items w where w.session_id = s.id) as items
             from messaging_sessions s`,
          )
          .all() as { status: string; items: number }[];
        const waiting = sessions.filter((session) => session.status === 'waiting');
        expect(waiting.length).toBeGreaterThanOrEqual(acknowledged);
        expect(sessions.filter((session) => session.items > 1)).toEqual([]);
        expect(waiting.filter((session) => session.items !== 1)).toEqual([]);
        expect(
          sessions.filter((session) => session.items > 0 && session.status !== 'waiting'),
        ).toEqual([]);
      } finally {
        db.close();
      }
    } finally {
      await second.kill('SIGTERM');
    }
  });

  it('resumes an offer SIGKILL interrupted: it times out after the restart and goes to the next agent', {
    timeout: 90_000,
  }, async () => {
    const { databasePath, start } = await scratchServer('offer');
    const first = await start();
    const db = openDatabase(databasePath);
    try {
      // Bob joins Alice in Orders, both Online: whoever is offered the customer first, the
      // other is next in line once that offer lapses.
      const orders = db.select().from(queues).where(eq(queues.name, 'Orders')).get();
      if (!orders) throw new Error('no Orders queue');
      db.update(queues)
        .set({ offerTimeoutSeconds: OFFER_SECONDS })
        .where(eq(queues.id, orders.id))
        .run();
      const staff = (email: string) => {
        const row = db.select().from(staffUsers).where(eq(staffUsers.email, email)).get();
        if (!row) throw new Error(`no ${email}`);
        return row;
      };
      const alice = staff('alice@acme.test');
      const bob = staff('bob@acme.test');
      const ordersSkill = db.select().from(skills).where(eq(skills.name, 'orders')).get();
      if (!ordersSkill) throw new Error('no orders skill');
      db.insert(queueMembers)
        .values({ orgId: orders.orgId, queueId: orders.id, userId: bob.id })
        .run();
      db.insert(agentSkills)
        .values({ orgId: orders.orgId, userId: bob.id, skillId: ordersSkill.id, level: 5 })
        .run();
      const router = new Router({
        db,
        handover: new SessionHandoverEntries(new EventHub()),
        staffEvents: new StaffEvents(),
      });
      for (const agent of [alice, bob]) {
        router.setPresence(orders.orgId, agent.id, { presence: 'online' }, agent.id);
      }

      const client = apiClient(first.base);
      const { body } = await client.start();
      const asked = await client.send(body.conversationId, body.accessToken, {
        clientMessageId: 'person',
        text: 'I need to talk to a person about my order A1001',
      });
      expect(asked.status).toBe(201);
      const item = () =>
        db.select().from(workItems).where(eq(workItems.sessionId, body.conversationId)).all();
      await expect.poll(() => item()[0]?.status, { timeout: 20_000 }).toBe('offered');
      await first.kill('SIGKILL');

      const [offered] = item();
      if (!offered?.offeredTo || !offered.offerExpiresAt) throw new Error('no offer held');
      const holder = offered.offeredTo;
      const next = holder === alice.id ? bob.id : alice.id;
      const load = (agentId: string) =>
        db.select().from(agentStates).where(eq(agentStates.userId, agentId)).get()?.load;
      expect(load(holder)).toBe(1);
      // The offer's time runs out while no process is up.
      const untilDue = offered.offerExpiresAt.getTime() - Date.now();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, untilDue) + 500));

      const second = await start();
      try {
        await expect.poll(() => item()[0]?.offeredTo, { timeout: 20_000 }).toBe(next);
        expect(item()).toHaveLength(1);
        expect(item()[0]?.status).toBe('offered');
        expect(load(holder)).toBe(0);
        expect(load(next)).toBe(1);
        const events = db
          .select({ event: routingDecisions.event, agentId: routingDecisions.agentId })
          .from(routingDecisions)
          .where(eq(routingDecisions.workItemId, offered.id))
          .orderBy(asc(routingDecisions.createdAt))
          .all()
          .filter(({ event }) => event !== 'waiting');
        expect(events).toEqual([
          { event: 'queued', agentId: null },
          { event: 'offered', agentId: holder },
          { event: 'offer_timed_out', agentId: holder },
          { event: 'offered', agentId: next },
        ]);
        const session = db
          .select()
          .from(messagingSessions)
          .where(eq(messagingSessions.id, body.conversationId))
          .get();
        expect(session).toMatchObject({ status: 'waiting', agentId: null });
      } finally {
        await second.kill('SIGTERM');
      }
    } finally {
      db.$client.close();
    }
  });

  it('keeps every acknowledged message and hand-off when SIGKILL lands in the middle of a WAL checkpoint', {
    timeout: 240_000,
  }, async () => {
    const { databasePath, start } = await scratchServer('checkpoint');
    const first = await start();
    const client = apiClient(first.base);
    const chats = await Promise.all(
      Array.from({ length: 20 }, async () => (await client.start()).body),
    );
    const handoffs = await Promise.all(
      Array.from({ length: 40 }, async () => (await client.start()).body),
    );

    const acknowledged = new Map<string, string>();
    let next = 0;
    const sendOne = async () => {
      const i = next++;
      const conversation = chats[i % chats.length];
      if (!conversation) return;
      // Long messages grow the WAL quickly: the entry, and the bot turn's trace that quotes it.
      const text = `message ${i} ${'nothing to see here '.repeat(190)}`;
      const res = await client
        .send(conversation.conversationId, conversation.accessToken, {
          clientMessageId: `wal-${i}`,
          text,
        })
        .catch(() => null);
      if (res?.status === 201 || res?.status === 200)
        acknowledged.set(`wal-${i}`, conversation.conversationId);
    };
    const handedOff = new Set<string>();
    const askForHuman = async (conversation: (typeof handoffs)[number]) => {
      const res = await client
        .send(conversation.conversationId, conversation.accessToken, {
          clientMessageId: 'human',
          text: 'I want to talk to a human agent',
        })
        .catch(() => null);
      if (res?.status === 201) handedOff.add(conversation.conversationId);
    };
    const keepSending = async (lanes: number, until: () => boolean) => {
      await Promise.all(
        Array.from({ length: lanes }, async () => {
          while (!until()) await sendOne();
        }),
      );
    };

    // A reader holding its snapshot keeps every checkpoint short of what was written after it,
    // as a long report or a backup does: the WAL grows until it lets go, and the checkpoint
    // that follows copies all of it.
    const reader = new Database(databasePath, { readonly: true });
    reader.prepare('begin').run();
    reader.prepare('select count(*) from conversation_entries').get();
    await Promise.all(handoffs.slice(0, 20).map(askForHuman));
    await keepSending(
      40,
      () => statSync(`${databasePath}-wal`).size >= WAL_BYTES_BEFORE_CHECKPOINT,
    );

    let killed = false;
    const load = Promise.all([
      keepSending(40, () => killed),
      ...handoffs.slice(20).map(askForHuman),
    ]);
    const shm = openSync(`${databasePath}-shm`, 'r');
    try {
      reader.prepare('commit').run();
      reader.close();
      const deadline = Date.now() + 30_000;
      while (!checkpointInProgress(shm)) {
        if (Date.now() > deadline) throw new Error('no checkpoint started after the reader left');
        await new Promise((resolve) => setImmediate(resolve));
      }
      await first.kill('SIGKILL');
      killed = true;
      // The shared memory keeps what the process last wrote: the copy had begun and not ended.
      expect(checkpointInProgress(shm)).toBe(true);
    } finally {
      closeSync(shm);
    }
    await load;
    expect(acknowledged.size).toBeGreaterThan(1_000);
    expect(handedOff.size).toBeGreaterThanOrEqual(20);

    const second = await start();
    try {
      const after = apiClient(second.base);
      for (const conversation of chats) {
        const entries = await after.entries(conversation.conversationId, conversation.accessToken);
        expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
        const ids = entries.map((e) => e.clientMessageId).filter(Boolean);
        expect(new Set(ids).size).toBe(ids.length);
        const missing = [...acknowledged]
          .filter(
            ([id, conversationId]) =>
              conversationId === conversation.conversationId && !ids.includes(id),
          )
          .map(([id]) => id);
        expect(missing).toEqual([]);
      }
      const db = new Database(databasePath, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        await expect.poll(() => everyMessageAnswered(db), { timeout: 60_000 }).toBe(true);
        const itemsOf = db.prepare(
          `select s.status, (select count(*) from work_items w where w.session_id = s.id) as items
           from messaging_sessions s where s.id = ?`,
        );
        const handoffStates = [...handedOff].map(
          (id) => itemsOf.get(id) as { status: string; items: number },
        );
        expect(
          handoffStates.filter((state) => state.status !== 'waiting' || state.items !== 1),
        ).toEqual([]);
        const twins = db
          .prepare('select session_id from work_items group by session_id having count(*) > 1')
          .all();
        expect(twins).toEqual([]);
      } finally {
        db.close();
      }
    } finally {
      await second.kill('SIGTERM');
    }
  });
});

/**
 * Whether a checkpoint has begun copying the WAL into the database file and not finished, read
 * from the WAL index SQLite shares between connections: after the two copies of its 48-byte
 * header, `nBackfill` (frames copied) and, 32 bytes on, `nBackfillAttempted` (frames a running
 * checkpoint set out to copy).
 */
function checkpointInProgress(shm: number): boolean {
  const header = Buffer.alloc(136);
  readSync(shm, header, 0, header.length, 0);
  return header.readUInt32LE(128) > header.readUInt32LE(96);
}

/** Whether the restarted bot has answered every customer message of an open bot conversation. */
function everyMessageAnswered(db: Database.Database): boolean {
  const { n } = db
    .prepare(
      `select count(*) as n from messaging_sessions s
       where s.agent_type = 'bot' and s.status != 'ended' and exists (
         select 1 from conversation_entries e
         where e.session_id = s.id and e.actor_type = 'customer' and e.seq > s.bot_handled_seq)`,
    )
    .get() as { n: number };
  return n === 0;
}
