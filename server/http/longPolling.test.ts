import { describe, expect, it } from 'vitest';
import { apiClient } from '../testing/apiClient';
import { useTestApi } from '../testing/apiServer';

describe('long-polling GET /entries?wait=', () => {
  const startApi = useTestApi();

  it('holds the answer until an entry arrives, counting the customer as looking meanwhile', async () => {
    const { base, runtime } = await startApi();
    const client = apiClient(base);
    const { body } = await client.start();
    const { conversationId, accessToken } = body;
    await runtime.botTurns.idle();
    const stored = await client.entries(conversationId, accessToken);
    const last = stored.at(-1)?.seq ?? 0;

    const askedAt = Date.now();
    const poll = client.call(
      'GET',
      `/api/v1/conversations/${conversationId}/entries?after=${last}&wait=10`,
      undefined,
      accessToken,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(runtime.hub.hasCustomerStream(conversationId)).toBe(true);
    await client.send(conversationId, accessToken, { clientMessageId: 'p-1', text: 'hello' });
    const answer = await poll;

    expect(answer.status).toBe(200);
    expect(answer.body.entries[0]).toMatchObject({ seq: last + 1, clientMessageId: 'p-1' });
    expect(Date.now() - askedAt).toBeLessThan(5_000);
    expect(runtime.hub.hasCustomerStream(conversationId)).toBe(false);
  });

  it('answers at once when there is something after `after`, and empty once the wait is over', async () => {
    const { base, runtime } = await startApi();
    const client = apiClient(base);
    const { body } = await client.start();
    const { conversationId, accessToken } = body;
    await runtime.botTurns.idle();
    const url = (after: number, wait: number) =>
      `/api/v1/conversations/${conversationId}/entries?after=${after}&wait=${wait}`;

    const startedAt = Date.now();
    const backlog = await client.call('GET', url(0, 10), undefined, accessToken);
    expect(backlog.body.entries.length).toBeGreaterThan(0);
    expect(Date.now() - startedAt).toBeLessThan(1_000);

    const last = backlog.body.entries.at(-1).seq;
    const quiet = await client.call('GET', url(last, 1), undefined, accessToken);
    expect(quiet.body).toEqual({ entries: [], hasMore: false });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1_000);
    expect(runtime.hub.hasCustomerStream(conversationId)).toBe(false);

    const tooLong = await client.call('GET', url(last, 31), undefined, accessToken);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe('INVALID_REQUEST');
  });
});
