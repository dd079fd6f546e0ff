import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { apiClient } from '../testing/apiClient';
import { freePort, startServerProcess } from '../testing/serverProcess';

const SENDS = 600;
const KILL_AFTER_ACKS = 120;
// Sends beyond this wait for a free slot: the kill then lands with this many in flight and the
// rest not yet sent, however fast the server answers on the machine at hand.
const IN_FLIGHT = 250;
// Large enough that copying it into the database file outlasts the test's reaction to it.
const WAL_BYTES_BEFORE_CHECKPOINT = 64 * 1024 * 1024;

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
    const handoffDir = mkdtempSync(path.join(tmpdir(), 'parley-crash-handoff-'));
    const databasePath = path.join(handoffDir, 'parley.db');
    const handoffEnv = { ...env, DATABASE_URL: `file:${databasePath}` };
    const port = await freePort();
    const first = await startServerProcess(handoffEnv, port);
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

    const second = await startServerProcess(handoffEnv, port);
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
      rmSync(handoffDir, { recursive: true, force: true });
    }
  });

  it('keeps every acknowledged message and hand-off when SIGKILL lands in the middle of a WAL checkpoint', {
    timeout: 240_000,
  }, async () => {
    const walDir = mkdtempSync(path.join(tmpdir(), 'parley-crash-checkpoint-'));
    const databasePath = path.join(walDir, 'parley.db');
    const walEnv = { ...env, DATABASE_URL: `file:${databasePath}` };
    const port = await freePort();
    const first = await startServerProcess(walEnv, port);
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

    const second = await startServerProcess(walEnv, port);
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
      rmSync(walDir, { recursive: true, force: true });
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
