import { describe, expect, it } from 'vitest';
import { callerFor, createOrg, createStaff } from '@/server/testing/fixtures';
import { useTestDb } from '@/server/testing/testDb';
import { previewPath } from './previewPath';

describe('the path a preview conversation took', () => {
  const openDb = useTestDb();

  async function orderStatusConversation() {
    const db = openDb();
    const org = createOrg(db, 'acme');
    const bots = callerFor(db, await createStaff(db, org.id, 'qa')).bots;
    const designerBots = callerFor(db, await createStaff(db, org.id, 'designer')).bots;
    const bot = await designerBots.create({ name: 'Support', template: 'customerSupport' });
    const { document } = await bots.draft({ botId: bot.id });
    const started = await bots.previewTurn({
      botId: bot.id,
      document,
      state: null,
      input: { type: 'start' },
    });
    const asked = await bots.previewTurn({
      botId: bot.id,
      document,
      state: started.state,
      input: { type: 'text', text: 'where is my order A1001' },
    });
    return { document, turns: [started, asked] };
  }

  it('marks every node and edge of "where is my order A1001", and where it waits now', async () => {
    const { document, turns } = await orderStatusConversation();

    const path = previewPath(document, turns);

    expect(path.currentNodeId).toBe('anythingElse');
    expect([...path.visitedNodeIds]).toEqual([
      'start',
      'greet',
      'menu',
      'topicOrders',
      'lookupOrder',
      'orderFound',
      'orderAnswer',
      'anythingElse',
    ]);
    const edgesOf = (ids: ReadonlySet<string>) =>
      document.edges
        .filter((edge) => ids.has(edge.id))
        .map((edge) => `${edge.sourceNodeId}.${edge.sourceOutput}->${edge.targetNodeId}`);
    expect(edgesOf(path.visitedEdgeIds)).toEqual([
      'start.next->greet',
      'greet.next->menu',
      'menu.orderStatus->topicOrders',
      'topicOrders.next->lookupOrder',
      'lookupOrder.success->orderFound',
      'orderFound.true->orderAnswer',
      'orderAnswer.next->anythingElse',
    ]);
  });

  it('leaves out the branches not taken', async () => {
    const { document, turns } = await orderStatusConversation();

    const path = previewPath(document, turns);

    expect(path.visitedNodeIds.has('orderMissing')).toBe(false);
    const notTaken = document.edges.filter(
      (edge) => edge.sourceNodeId === 'orderFound' && edge.sourceOutput === 'false',
    );
    expect(notTaken).toHaveLength(1);
    expect(path.visitedEdgeIds.has(notTaken[0]?.id ?? '')).toBe(false);
  });

  it('is empty before the conversation starts', () => {
    const path = previewPath({ edges: [] }, []);
    expect(path).toEqual({
      currentNodeId: null,
      visitedNodeIds: new Set(),
      visitedEdgeIds: new Set(),
    });
  });
});
