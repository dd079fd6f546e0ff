import { describe, expect, it } from 'vitest';
import { apiClient } from '../testing/apiClient';
import { useTestApi } from '../testing/apiServer';

/**
 * The demo bot as the seed publishes it, answering over the public API with its real actions:
 * the order and password-reset services over HTTP and the seeded knowledge base.
 */
describe('the seeded demo bot', () => {
  const startApi = useTestApi();

  async function chat() {
    const api = await startApi();
    const client = apiClient(api.base);
    const { body } = await client.start();
    let sent = 0;
    let seen = body.entries.length;
    return {
      /** Sends a message and returns the bot's replies to it. */
      async say(text: string) {
        sent += 1;
        const result = await client.send(body.conversationId, body.accessToken, {
          clientMessageId: `m${sent}`,
          text,
        });
        expect(result.status).toBe(201);
        await api.runtime.conversations.idle();
        const entries = await client.entries(body.conversationId, body.accessToken);
        const replies = entries.slice(seen).filter((entry) => entry.actor.type === 'bot');
        seen = entries.length;
        return replies.map((entry) => String(entry.payload.text ?? ''));
      },
    };
  }

  it('answers a shipping question from the seeded knowledge base', async () => {
    const customer = await chat();
    const replies = await customer.say('how long does shipping take?');
    expect(replies).toContain(
      'Standard shipping takes 3–5 business days and is free over $50; express delivery arrives next business day for $9.',
    );
  });

  it('starts a password reset through the reset service for the email the customer gives', async () => {
    const customer = await chat();
    expect(await customer.say('I forgot my password')).toContain(
      "I can help with that. What's the email address on your account?",
    );
    const replies = await customer.say('jamie@example.com');
    expect(replies).toContain(
      'If an account exists for jamie@example.com, a reset link is on its way. It can take a few minutes; check your spam folder too.',
    );
  });
});
