import { describe, expect, it } from 'vitest';
import { apiClient, openStream } from '../testing/apiClient';
import { useTestApi } from '../testing/apiServer';
import { publishTestFlow } from '../testing/publishTestFlow';

describe('bot typing', () => {
  const startApi = useTestApi();

  it('announces a delayed message with a typing entry without holding the reply back', async () => {
    const { base, db, runtime } = await startApi();
    publishTestFlow(db, 'acme-app', {
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'ask', type: 'ask', data: { prompt: 'Your order number?', variable: 'order' } },
        {
          id: 'checking',
          type: 'message',
          data: { text: 'Let me look that up…', typingDelayMs: 10_000 },
        },
        { id: 'done', type: 'end', data: { message: 'Found it.' } },
      ],
      edges: [
        ['start', 'next', 'ask'],
        ['ask', 'next', 'checking'],
        ['ask', 'invalid', 'done'],
        ['checking', 'next', 'done'],
      ],
    });
    const client = apiClient(base);
    const { body } = await client.start();
    const stream = await openStream(
      `${base}/api/v1/conversations/${body.conversationId}/stream?after=${body.entries.length}`,
      { authorization: `Bearer ${body.accessToken}` },
    );

    const sentAt = Date.now();
    await client.send(body.conversationId, body.accessToken, {
      clientMessageId: 'order',
      text: 'A1001',
    });
    await stream.waitFor(() => stream.entries().some((entry) => entry.type === 'status_changed'));
    await stream.stop();
    expect(Date.now() - sentAt).toBeLessThan(10_000);

    const botEntries = stream
      .entries()
      .filter((entry) => entry.actor.type === 'bot')
      .map((entry) => ({ type: entry.type, payload: entry.payload }));
    expect(botEntries).toEqual([
      { type: 'typing', payload: { durationMs: 10_000 } },
      { type: 'text', payload: { text: 'Let me look that up…' } },
      { type: 'text', payload: { text: 'Found it.' } },
    ]);
    await runtime.botTurns.idle();
    const stored = await client.entries(body.conversationId, body.accessToken);
    expect(stored.map((entry) => entry.type)).toContain('typing');
  });
});
