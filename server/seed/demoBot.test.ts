import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { PublishedBotRunner } from '../bots/publishedBotRunner';
import {
  botTurnTraces,
  deployments,
  messagingSessions,
  queues,
  staffUsers,
  workItems,
} from '../db/schema';
import { apiClient } from '../testing/apiClient';
import { useTestApi } from '../testing/apiServer';

const IDENTITY_SECRET = 'identity-secret-of-the-app-backend-0123456789';

/** A stand-in for the app's accounts service: records each reset request it gets. */
async function startAccountsService() {
  const received: unknown[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.writeHead(202, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, received, close: () => server.close() };
}

/**
 * The demo bot as the seed publishes it, answering over the public API with its real actions:
 * the order and password-reset services over HTTP and the seeded knowledge base.
 */
describe('the seeded demo bot', () => {
  const startApi = useTestApi();

  let closeAccounts: (() => void) | undefined;
  afterEach(() => closeAccounts?.());

  async function chat(
    api?: Awaited<ReturnType<typeof startApi>>,
    start: Record<string, unknown> = {},
  ) {
    api ??= await startApi();
    const client = apiClient(api.base);
    const { body } = await client.start('acme-app', start);
    let sent = 0;
    let seen = body.entries.length;
    const runtime = api.runtime;
    return {
      /** Sends a message and returns the bot's replies to it. */
      async say(text: string) {
        sent += 1;
        const result = await client.send(body.conversationId, body.accessToken, {
          clientMessageId: `m${sent}`,
          text,
        });
        expect(result.status).toBe(201);
        await runtime.botTurns.idle();
        const entries = await client.entries(body.conversationId, body.accessToken);
        const replies = entries.slice(seen).filter((entry) => entry.actor.type === 'bot');
        seen = entries.length;
        return replies.map((entry) => String(entry.payload.text ?? ''));
      },
      id: body.conversationId,
      status() {
        return api.db
          .select({ status: messagingSessions.status })
          .from(messagingSessions)
          .where(eq(messagingSessions.id, body.conversationId))
          .get()?.status;
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

  it('resets the password of a customer the app signed in, by their id, without asking for an email', async () => {
    const accounts = await startAccountsService();
    closeAccounts = accounts.close;
    const api = await startApi({
      bot: (db, base) => new PublishedBotRunner(db, { trustedOrigins: [base, accounts.origin] }),
    });
    const deployment = api.db
      .select()
      .from(deployments)
      .where(eq(deployments.publicId, 'acme-app'))
      .get();
    if (!deployment) throw new Error('The demo deployment is missing.');
    api.db
      .update(deployments)
      .set({
        identityMode: 'optional',
        identityAlgorithm: 'HS256',
        identitySecret: IDENTITY_SECRET,
        settings: {
          ...deployment.settings,
          actions: {
            ...deployment.settings.actions,
            passwordResetUrl: `${accounts.origin}/reset`,
          },
        },
      })
      .where(eq(deployments.publicId, 'acme-app'))
      .run();
    const identityToken = await new SignJWT({ sub: 'user-1001' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(IDENTITY_SECRET));

    const signedIn = await chat(api, { identityToken });
    expect(await signedIn.say('I forgot my password')).toContain(
      "I've sent a password reset link to the email address on your account. It can take a few minutes; check your spam folder too.",
    );
    expect(accounts.received).toEqual([{ customerId: 'user-1001' }]);

    const anonymous = await chat(api);
    expect(await anonymous.say('I forgot my password')).toContain(
      "I can help with that. What's the email address on your account?",
    );
    await anonymous.say('jamie@example.com');
    expect(accounts.received).toEqual([
      { customerId: 'user-1001' },
      { email: 'jamie@example.com' },
    ]);
  });

  it('hands a customer to an agent who can take them, or says nobody can', async () => {
    const api = await startApi();
    const waiting = await chat(api);
    expect(await waiting.say('I forgot my password')).toHaveLength(1);
    expect(await waiting.say('let me talk to a human')).toContain(
      "I'm connecting you with our accounts team. Someone will be with you shortly.",
    );
    const queued = api.db
      .select({ queue: queues.name, status: workItems.status })
      .from(workItems)
      .innerJoin(queues, eq(queues.id, workItems.queueId))
      .all();
    expect(queued).toEqual([{ queue: 'Accounts', status: 'queued' }]);

    // Bob is the only agent with the accounts skill.
    api.db
      .update(staffUsers)
      .set({ active: false })
      .where(eq(staffUsers.email, 'bob@acme.test'))
      .run();
    const alone = await chat(api);
    await alone.say('I forgot my password');
    // Never "connecting you" first: the hand-off message waits for someone who can take it.
    expect(await alone.say('let me talk to a human')).toEqual([
      'All our agents are busy right now, sorry. Please start a new chat a little later and someone will help you.',
    ]);
    expect(alone.status()).toBe('ended');
    const turns = api.db
      .select({ status: botTurnTraces.status, trace: botTurnTraces.trace })
      .from(botTurnTraces)
      .where(eq(botTurnTraces.sessionId, alone.id))
      .orderBy(botTurnTraces.turn)
      .all();
    expect(turns.map((turn) => turn.status).slice(-2)).toEqual(['escalated', 'ended']);
    expect(turns.at(-1)?.trace).toMatchObject({ noAgentReason: 'NO_CAPABLE_AGENT' });
    expect(api.db.select().from(workItems).all()).toHaveLength(1);
  });
});
