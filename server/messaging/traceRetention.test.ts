import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { botTurnTraces, messagingSessions } from '../db/schema';
import { apiClient } from '../testing/apiClient';
import { useTestApi } from '../testing/apiServer';
import { pruneBotTurnTraces } from './traceRetention';

describe('pruning bot turn traces', () => {
  const startApi = useTestApi();

  /** Two conversations' traces, the first one's dated a day earlier. */
  async function oldAndNewTraces() {
    const { base, db, runtime } = await startApi();
    const client = apiClient(base);
    const old = await client.start();
    await client.send(old.body.conversationId, old.body.accessToken, {
      clientMessageId: 'm1',
      text: 'what are your opening hours?',
    });
    const recent = await client.start();
    await runtime.botTurns.idle();
    const dayAgo = new Date(Date.now() - 24 * 60 * 60_000);
    db.update(botTurnTraces)
      .set({ createdAt: dayAgo })
      .where(eq(botTurnTraces.sessionId, old.body.conversationId))
      .run();
    return { db, oldId: old.body.conversationId, recentId: recent.body.conversationId };
  }

  it('deletes the traces stored before the cut-off and keeps the rest', async () => {
    const { db, oldId, recentId } = await oldAndNewTraces();
    expect(traceCount(db, oldId)).toBe(2);

    const deleted = await pruneBotTurnTraces(db, Date.now() - 60 * 60_000);

    expect(deleted).toBe(2);
    expect(traceCount(db, oldId)).toBe(0);
    expect(traceCount(db, recentId)).toBe(1);
    expect(db.select().from(messagingSessions).all()).toHaveLength(2);
  });

  it('deletes a backlog larger than one batch', async () => {
    const { db, oldId } = await oldAndNewTraces();

    expect(await pruneBotTurnTraces(db, Date.now() - 60 * 60_000, 1)).toBe(2);
    expect(traceCount(db, oldId)).toBe(0);
  });
});

function traceCount(db: Db, sessionId: string): number {
  return db.select().from(botTurnTraces).where(eq(botTurnTraces.sessionId, sessionId)).all().length;
}
