import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { messagingSessions } from '../db/schema';
import { apiClient } from '../testing/apiClient';
import { useTestApi } from '../testing/apiServer';
import { createOrg } from '../testing/fixtures';
import { publishTestFlow } from '../testing/publishTestFlow';
import { listSessionTraces } from './sessionTraces';

describe('listSessionTraces', () => {
  const startApi = useTestApi();

  /** A conversation of `messages` customer messages, each answered by a bot that asks again. */
  async function conversation(messages: number) {
    const { base, db, runtime } = await startApi();
    publishTestFlow(db, 'acme-app', {
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'ask', type: 'ask', data: { prompt: 'Anything else?', variable: 'said' } },
      ],
      edges: [
        ['start', 'next', 'ask'],
        ['ask', 'next', 'ask'],
        ['ask', 'invalid', 'ask'],
      ],
    });
    const client = apiClient(base);
    const { body } = await client.start();
    for (let i = 1; i <= messages; i++) {
      await client.send(body.conversationId, body.accessToken, {
        clientMessageId: `m${i}`,
        text: `message ${i}`,
      });
    }
    await runtime.botTurns.idle();
    const orgId = orgOf(db, body.conversationId);
    return { db, orgId, sessionId: body.conversationId };
  }

  it("reads a session's traces newest first, a page at a time", async () => {
    const { db, orgId, sessionId } = await conversation(4);

    const first = listSessionTraces(db, orgId, sessionId, { limit: 2 });
    expect(first.traces.map((row) => row.turn)).toEqual([5, 4]);
    expect(first.traces[0]?.trace.input).toEqual({ type: 'text', text: 'message 4' });
    expect(first.nextBefore).toBe(4);

    const second = listSessionTraces(db, orgId, sessionId, { limit: 2, before: 4 });
    expect(second.traces.map((row) => row.turn)).toEqual([3, 2]);
    const last = listSessionTraces(db, orgId, sessionId, {
      limit: 2,
      before: second.nextBefore ?? 0,
    });
    expect(last.traces.map((row) => row.turn)).toEqual([1]);
    expect(last.traces[0]?.trace.input).toEqual({ type: 'start' });
    expect(last.nextBefore).toBeNull();

    expect(listSessionTraces(db, orgId, sessionId).traces).toHaveLength(5);
  });

  it("never shows one org another org's traces", async () => {
    const { db, orgId, sessionId } = await conversation(1);
    const other = createOrg(db, 'other-org');

    expect(listSessionTraces(db, orgId, sessionId).traces).toHaveLength(2);
    expect(listSessionTraces(db, other.id, sessionId)).toEqual({ traces: [], nextBefore: null });
  });
});

function orgOf(db: Db, sessionId: string): string {
  const row = db
    .select({ orgId: messagingSessions.orgId })
    .from(messagingSessions)
    .where(eq(messagingSessions.id, sessionId))
    .get();
  if (!row) throw new Error(`No session ${sessionId}`);
  return row.orgId;
}
