import { describe, expect, it } from 'vitest';
import { generateApiKey } from '../deployments/apiKey';
import { DEFAULT_DEPLOYMENT_SETTINGS } from '../deployments/deploymentCatalog';
import { createOrg } from '../testing/fixtures';
import { useTestDb } from '../testing/testDb';
import { conversationEntries, deployments, messagingSessions } from './schema';

describe('conversation entry constraints', () => {
  const openDb = useTestDb();

  function sessionFixture() {
    const db = openDb();
    const org = createOrg(db, 'acme');
    const key = generateApiKey();
    const now = new Date();
    const deployment = db
      .insert(deployments)
      .values({
        orgId: org.id,
        publicId: 'acme-app',
        name: 'App',
        channel: 'in_app',
        apiKeyHash: key.hash,
        apiKeyPrefix: key.prefix,
        apiKeyRotatedAt: now,
        settings: DEFAULT_DEPLOYMENT_SETTINGS,
        updatedAt: now,
      })
      .returning()
      .get();
    const session = db
      .insert(messagingSessions)
      .values({ orgId: org.id, deploymentId: deployment.id, channel: 'in_app' })
      .returning()
      .get();
    const entry = (seq: number, clientMessageId: string | null) => ({
      orgId: org.id,
      sessionId: session.id,
      seq,
      actorType: 'customer' as const,
      entryType: 'text',
      payload: { text: 'hello' },
      clientMessageId,
    });
    return { db, entry };
  }

  it('refuses a second entry with the same seq in a session', () => {
    const { db, entry } = sessionFixture();
    db.insert(conversationEntries).values(entry(1, 'a')).run();
    expect(() => db.insert(conversationEntries).values(entry(1, 'b')).run()).toThrow(/UNIQUE/);
  });

  it('refuses a second entry with the same clientMessageId in a session', () => {
    const { db, entry } = sessionFixture();
    db.insert(conversationEntries).values(entry(1, 'same')).run();
    expect(() => db.insert(conversationEntries).values(entry(2, 'same')).run()).toThrow(/UNIQUE/);
  });

  it('allows many entries without a clientMessageId (bot and agent messages)', () => {
    const { db, entry } = sessionFixture();
    db.insert(conversationEntries)
      .values([entry(1, null), entry(2, null), entry(3, null)])
      .run();
    expect(db.select().from(conversationEntries).all()).toHaveLength(3);
  });
});
