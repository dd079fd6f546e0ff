import { describe, expect, it } from 'vitest';
import { botTurnTraces } from '../db/schema';
import { callerFor, createStaff, trpcRejection } from '../testing/fixtures';
import { addSession, at, reportsOrg } from '../testing/reportsFixture';
import { useTestDb } from '../testing/testDb';

describe('the studio analytics procedures', () => {
  const openDb = useTestDb();

  async function world() {
    const db = openDb();
    const acme = reportsOrg(db, 'acme', 'UTC');
    const session = addSession(db, acme, {
      deployment: 'app',
      version: 'v1',
      createdAt: new Date().toISOString(),
      status: 'ended',
      agentType: 'bot',
      endedBy: 'bot',
      entries: [['customer', 'text', new Date().toISOString()]],
    });
    db.insert(botTurnTraces)
      .values({
        orgId: acme.org.id,
        sessionId: session.id,
        turn: 1,
        botVersionId: acme.v1.id,
        status: 'ended',
        trace: { steps: [{ nodeId: 'start', output: null, nextNodeId: null }] },
        createdAt: at(new Date().toISOString()),
      })
      .run();
    const designer = await createStaff(db, acme.org.id, 'designer');
    return { db, acme, session, designer };
  }

  it('gives a designer the last days of a version, the conversations through a node and their transcript', async () => {
    const { db, acme, session, designer } = await world();
    const caller = callerFor(db, designer);
    const range = { lastDays: 7 };

    const overlay = await caller.botAnalytics.overlay({ botVersionId: acme.v1.id, range });
    expect(overlay.conversations).toBe(1);
    expect(overlay.nodes).toEqual([
      expect.objectContaining({ nodeId: 'start', conversations: 1, badShare: 0 }),
    ]);
    const through = await caller.botAnalytics.nodeConversations({
      botVersionId: acme.v1.id,
      range,
      nodeId: 'start',
    });
    expect(through.items.map((item) => [item.sessionId, item.outcome])).toEqual([
      [session.id, 'contained'],
    ]);
    const transcript = await caller.botAnalytics.transcript({ sessionId: session.id });
    expect(transcript.entries.map((e) => [e.actorType, e.text])).toEqual([['customer', '…']]);
  });

  it("refuses another org's records and a bad range with a code", async () => {
    const { db, acme, session } = await world();
    const other = reportsOrg(db, 'other', 'UTC');
    const outsider = callerFor(db, await createStaff(db, other.org.id, 'admin'));

    const range = { lastDays: 30 };
    expect(
      (await trpcRejection(outsider.botAnalytics.overlay({ botVersionId: acme.v1.id, range })))
        .code,
    ).toBe('NOT_FOUND');
    expect(
      (await trpcRejection(outsider.botAnalytics.transcript({ sessionId: session.id }))).code,
    ).toBe('NOT_FOUND');
    const backwards = await trpcRejection(
      outsider.botAnalytics.overlay({
        botVersionId: other.v1.id,
        range: { from: '2030-02-01', to: '2030-01-01' },
      }),
    );
    expect(backwards.code).toBe('BAD_REQUEST');
    expect(backwards.message).toBe('The range ends before it starts.');
  });
});
