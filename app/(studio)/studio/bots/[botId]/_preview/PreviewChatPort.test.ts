import { describe, expect, it } from 'vitest';
import type { Entry } from '@/sdk/types';
import type { Db } from '@/server/db/client';
import { callerFor, createOrg, createStaff } from '@/server/testing/fixtures';
import { useTestDb } from '@/server/testing/testDb';
import { PreviewChatPort, type PreviewEvent } from './PreviewChatPort';

async function previewOfSupportBot(db: Db) {
  const org = createOrg(db, 'acme');
  const designer = await createStaff(db, org.id, 'designer');
  const bots = callerFor(db, designer).bots;
  const bot = await bots.create({ name: 'Support', template: 'customerSupport' });
  const { document } = await bots.draft({ botId: bot.id });
  const port = new PreviewChatPort(
    (state, input) => bots.previewTurn({ botId: bot.id, document, state, input }),
    'Support',
  );
  const entries: Entry[] = [];
  const events: PreviewEvent[] = [];
  port.onEntry((entry) => entries.push(entry));
  port.onEvent((event) => events.push(event));
  return { port, entries, events };
}

function settled(events: PreviewEvent[], count: number) {
  return expect.poll(() => events.length, { timeout: 10_000 }).toBe(count);
}

describe('the preview chat as the widget sees it', () => {
  const openDb = useTestDb();

  it('greets, echoes what was sent and answers, one turn after another', async () => {
    const { port, entries, events } = await previewOfSupportBot(openDb());
    const pending: number[] = [];
    port.onOutbox((messages) => pending.push(messages.length));

    port.start();
    port.start();
    await port.send({ choice: 'orderStatus' });
    await port.send('A1001');
    await settled(events, 3);

    const texts = entries.map((entry) => entry.payload.text ?? entry.payload.label);
    expect(texts).toContain('Where is my order?');
    expect(texts).toContain('Order A1001 is shipped.');
    expect(entries.map((entry) => entry.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(events.map((event) => event.kind)).toEqual(['turn', 'turn', 'turn']);
    expect(pending.at(-1)).toBe(0);
  });

  it('drops a turn that finishes after the preview was restarted', async () => {
    const { port, entries, events } = await previewOfSupportBot(openDb());

    port.start();
    port.close();
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(entries).toEqual([]);
    expect(events).toEqual([]);
  });
});
