import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { StaffUser } from '../auth/staffAuth';
import { TRANSCRIPT_PAGE } from '../console/transcriptPages';
import { staffUsers } from '../db/schema';
import { appendEntries } from '../messaging/conversationEntries';
import { callerFor, createOrg, createStaff, trpcRejection } from '../testing/fixtures';
import { useMessagingConversation } from '../testing/messagingRuntime';
import { botSays, scriptedBot } from '../testing/scriptedBot';

const LONG = 1_234;

describe('paging back through a long conversation in the console', () => {
  const start = useMessagingConversation();

  async function longConversation() {
    const conversation = await start(
      scriptedBot(() => ({ entries: [botSays('Noted.')], state: {}, status: 'awaiting_input' }))
        .runner,
    );
    await conversation.botTurns.idle();
    const { db, claims } = conversation;
    const session = conversation.session();
    const said = Array.from({ length: LONG }, (_, index) => ({
      actorType: 'customer' as const,
      actorName: 'Customer',
      type: 'text' as const,
      payload: { text: `message ${index + 1}` },
    }));
    db.$client.transaction(() => appendEntries(db, session.orgId, session.id, said))();
    const staff = (email: string): StaffUser => {
      const row = db.select().from(staffUsers).where(eq(staffUsers.email, email)).get();
      if (!row) throw new Error(`${email} missing`);
      return { id: row.id, orgId: row.orgId, email: row.email, name: row.name, role: row.role };
    };
    return { db, sessionId: claims.conversationId, staff, total: session.lastSeq + LONG };
  }

  it('shows the newest page first, then every earlier entry once, oldest page last', async () => {
    const { db, sessionId, staff, total } = await longConversation();
    const supervisor = callerFor(db, staff('supervisor@acme.test'));

    const view = await supervisor.console.conversation({ sessionId });
    expect(view.entries).toHaveLength(TRANSCRIPT_PAGE);
    expect(view.entries.at(-1)).toMatchObject({ seq: total, payload: { text: `message ${LONG}` } });
    expect(view.hasMore).toBe(true);

    const seen = view.entries.map((entry) => entry.seq);
    let hasMore = view.hasMore;
    let pages = 1;
    while (hasMore) {
      const page = await supervisor.console.earlierEntries({
        sessionId,
        beforeSeq: seen[0] ?? 1,
      });
      seen.unshift(...page.entries.map((entry) => entry.seq));
      hasMore = page.hasMore;
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(total / TRANSCRIPT_PAGE));
    expect(seen).toEqual(Array.from({ length: total }, (_, index) => index + 1));
  });

  it('says nothing is left once the first entry is reached', async () => {
    const { db, sessionId, staff } = await longConversation();
    const admin = callerFor(db, staff('admin@acme.test'));
    expect(await admin.console.earlierEntries({ sessionId, beforeSeq: 3 })).toMatchObject({
      entries: [{ seq: 1 }, { seq: 2 }],
      hasMore: false,
    });
    expect(await admin.console.earlierEntries({ sessionId, beforeSeq: 1 })).toEqual({
      entries: [],
      hasMore: false,
    });
  });

  it("never shows one org's transcript to another org, nor to an agent it was not given to", async () => {
    const { db, sessionId, staff } = await longConversation();
    const otherOrg = createOrg(db, 'other');
    const outsider = callerFor(db, await createStaff(db, otherOrg.id, 'admin'));
    const refused = await trpcRejection(
      outsider.console.earlierEntries({ sessionId, beforeSeq: 100 }),
    );
    expect(refused.code).toBe('NOT_FOUND');

    const alice = callerFor(db, staff('alice@acme.test'));
    const notHers = await trpcRejection(
      alice.console.earlierEntries({ sessionId, beforeSeq: 100 }),
    );
    expect(notHers.code).toBe('FORBIDDEN');
  });

  it('refuses a page before a seq that cannot exist', async () => {
    const { db, sessionId, staff } = await longConversation();
    const admin = callerFor(db, staff('admin@acme.test'));
    const refused = await trpcRejection(admin.console.earlierEntries({ sessionId, beforeSeq: 0 }));
    expect(refused.code).toBe('BAD_REQUEST');
  });
});
