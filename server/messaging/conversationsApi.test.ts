import { eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { contacts, conversationEntries, deployments, messagingSessions } from '../db/schema';
import { apiClient, openStream } from '../testing/apiClient';
import { useTestApi } from '../testing/apiServer';

const SECRET = 'identity-secret-of-the-app-backend-0123456789';

async function identityToken(
  claims: Record<string, unknown>,
  options: { secret?: string; expiresIn?: string; issuedAt?: number } = {},
) {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(options.issuedAt)
    .setExpirationTime(options.expiresIn ?? '5m');
  return jwt.sign(new TextEncoder().encode(options.secret ?? SECRET));
}

/** Swaps a signed token's claims and keeps its signature, as an attacker would. */
function forge(token: string, claims: Record<string, unknown>) {
  const [header, payload, signature] = token.split('.');
  const original = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
  return `${header}.${Buffer.from(JSON.stringify({ ...original, ...claims })).toString('base64url')}.${signature}`;
}

function unsignedToken(claims: Record<string, unknown>) {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ exp: Math.floor(Date.now() / 1000) + 300, ...claims })}.`;
}

describe('conversations over the public API', () => {
  const startApi = useTestApi();

  it('starts a conversation with the bot greeting', async () => {
    const { base } = await startApi();
    const res = await apiClient(base).start('acme-app', { context: { plan: 'gold' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'new',
      resumed: false,
      conversationId: expect.any(String),
    });
    const [typing, greeting] = res.body.entries;
    expect(typing).toMatchObject({ seq: 1, type: 'typing', actor: { type: 'bot' } });
    expect(greeting).toMatchObject({ seq: 2, actor: { type: 'bot', name: 'Customer support' } });
    expect(JSON.stringify(greeting?.payload)).toMatch(/order/i);
  });

  it('answers an order question through the demo bot and its order service', async () => {
    const { base, runtime } = await startApi();
    const client = apiClient(base);
    const { body } = await client.start();
    const sent = await client.send(body.conversationId, body.accessToken, {
      clientMessageId: 'm1',
      text: 'where is my order A1001?',
    });
    expect(sent.status).toBe(201);
    await runtime.botTurns.idle();
    const entries = await client.entries(body.conversationId, body.accessToken);
    const botText = entries
      .filter((e) => e.actor.type === 'bot')
      .map((e) => String(e.payload.text))
      .join('\n');
    expect(botText).toMatch(/A1001/);
    expect(botText).toMatch(/shipped/i);
  });

  it('stores a message once when the app retries with the same clientMessageId', async () => {
    const { base, db } = await startApi();
    const client = apiClient(base);
    const { body } = await client.start();
    const first = await client.send(body.conversationId, body.accessToken, {
      clientMessageId: 'retry-1',
      text: 'hello',
    });
    const second = await client.send(body.conversationId, body.accessToken, {
      clientMessageId: 'retry-1',
      text: 'hello',
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.entry).toEqual(first.body.entry);
    const stored = db
      .select()
      .from(conversationEntries)
      .where(eq(conversationEntries.clientMessageId, 'retry-1'))
      .all();
    expect(stored).toHaveLength(1);
  });

  it('gives 200 concurrent sends to one conversation contiguous seqs with no gaps or twins', async () => {
    const { base, runtime } = await startApi();
    const client = apiClient(base);
    const { body } = await client.start();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        client.send(body.conversationId, body.accessToken, {
          clientMessageId: `c-${i}`,
          text: `message ${i}`,
        }),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    await runtime.botTurns.idle();
    const entries = await client.entries(body.conversationId, body.accessToken);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    const customerIds = entries
      .filter((e) => e.actor.type === 'customer')
      .map((e) => e.clientMessageId);
    expect(new Set(customerIds).size).toBe(200);
  });

  it('resumes the stream after Last-Event-ID with exactly the missed entries, then live ones', async () => {
    const { base, runtime } = await startApi({ sseHeartbeatMs: 50 });
    const client = apiClient(base);
    const { body } = await client.start();
    const streamUrl = `${base}/api/v1/conversations/${body.conversationId}/stream`;
    const auth = { authorization: `Bearer ${body.accessToken}` };

    const first = await openStream(streamUrl, auth);
    await first.waitFor(() => first.entries().length >= 1);
    const seenSeq = first.entries().at(-1)?.seq ?? 0;
    await first.stop();

    await client.send(body.conversationId, body.accessToken, {
      clientMessageId: 'while-away',
      text: 'opening hours?',
    });
    await runtime.botTurns.idle();
    const missed = (await client.entries(body.conversationId, body.accessToken, seenSeq)).map(
      (e) => e.seq,
    );
    expect(missed.length).toBeGreaterThan(1);

    const resumed = await openStream(streamUrl, { ...auth, 'last-event-id': String(seenSeq) });
    await resumed.waitFor(() => resumed.entries().length >= missed.length);
    expect(resumed.entries().map((e) => e.seq)).toEqual(missed);
    expect(resumed.events.filter((e) => e.event === 'entry').map((e) => Number(e.id))).toEqual(
      missed,
    );

    await client.send(body.conversationId, body.accessToken, {
      clientMessageId: 'live',
      text: 'thanks',
    });
    await resumed.waitFor(() => resumed.entries().some((e) => e.clientMessageId === 'live'));
    const seqs = resumed.entries().map((e) => e.seq);
    expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
    await resumed.stop();
  });

  it('keeps one conversation’s token out of another conversation', async () => {
    const { base } = await startApi();
    const client = apiClient(base);
    const a = (await client.start()).body;
    const b = (await client.start()).body;
    const read = await client.call(
      'GET',
      `/api/v1/conversations/${b.conversationId}/entries`,
      undefined,
      a.accessToken,
    );
    expect(read.status).toBe(404);
    expect(read.body.error.code).toBe('CONVERSATION_NOT_FOUND');
    const write = await client.send(b.conversationId, a.accessToken, {
      clientMessageId: 'x',
      text: 'hi',
    });
    expect(write.status).toBe(404);
    const noToken = await client.call('GET', `/api/v1/conversations/${a.conversationId}/entries`);
    expect(noToken.status).toBe(401);
  });

  it('refreshes a token that expired while the app slept, and refuses the old one elsewhere', async () => {
    const { base, runtime } = await startApi();
    const client = apiClient(base);
    const { body } = await client.start();
    const claims = await runtime.tokens.verify(body.accessToken);
    if (!claims) throw new Error('fresh token did not verify');
    const { token: expired } = await runtime.tokens.issue(claims, Date.now() - 3 * 60 * 60 * 1000);
    const path = `/api/v1/conversations/${body.conversationId}`;
    expect((await client.call('GET', `${path}/entries`, undefined, expired)).status).toBe(401);
    const refreshed = await client.call('POST', `${path}/token`, {}, expired);
    expect(refreshed.status).toBe(200);
    expect(
      (await client.call('GET', `${path}/entries`, undefined, refreshed.body.accessToken)).status,
    ).toBe(200);
  });

  it('keeps the label of a tapped quick reply in the transcript', async () => {
    const { base } = await startApi();
    const client = apiClient(base);
    const { body } = await client.start();
    const res = await client.send(body.conversationId, body.accessToken, {
      clientMessageId: 'tap',
      choice: 'orderStatus',
      label: 'Where is my order?',
    });
    expect(res.status).toBe(201);
    expect(res.body.entry).toMatchObject({
      type: 'choice',
      payload: { value: 'orderStatus', label: 'Where is my order?' },
    });
  });

  it('answers 404 for a deployment id that does not exist', async () => {
    const { base } = await startApi();
    const res = await apiClient(base).start('no-such-deployment');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('DEPLOYMENT_NOT_FOUND');
  });

  it('refuses bodies over the size limit with 413 and stores nothing', async () => {
    const { base, db } = await startApi({ maxBodyBytes: 1024 });
    const client = apiClient(base);
    const { body } = await client.start();
    const res = await client.send(body.conversationId, body.accessToken, {
      clientMessageId: 'big',
      text: 'x'.repeat(2000),
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(
      db
        .select()
        .from(conversationEntries)
        .where(eq(conversationEntries.clientMessageId, 'big'))
        .all(),
    ).toEqual([]);
  });

  it('answers 400 with the field at fault for an invalid message', async () => {
    const { base } = await startApi();
    const client = apiClient(base);
    const { body } = await client.start();
    const res = await client.send(body.conversationId, body.accessToken, { text: 'no id' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_REQUEST');
  });

  it('rate-limits a conversation with 429 and Retry-After', async () => {
    const { base } = await startApi({ rateLimits: { conversationPerMinute: 3 } });
    const client = apiClient(base);
    const { body } = await client.start();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await client.send(body.conversationId, body.accessToken, {
        clientMessageId: `r${i}`,
        text: 'hi',
      });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses.slice(0, 3)).toEqual([201, 201, 201]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it('lets only allowed browser origins call a deployment', async () => {
    const { base, db } = await startApi();
    db.update(deployments)
      .set({ allowedOrigins: ['https://shop.example'] })
      .where(eq(deployments.publicId, 'acme-web'))
      .run();
    const client = apiClient(base);
    const allowed = await client.call(
      'POST',
      '/api/v1/deployments/acme-web/conversations',
      {},
      undefined,
      { origin: 'https://shop.example' },
    );
    expect(allowed.status).toBe(201);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const refused = await client.call(
      'POST',
      '/api/v1/deployments/acme-web/conversations',
      {},
      undefined,
      { origin: 'https://evil.example' },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ORIGIN_NOT_ALLOWED');
  });
});

describe('customer identity', () => {
  const startApi = useTestApi();

  async function withIdentityMode(mode: 'optional' | 'required') {
    const api = await startApi();
    api.db
      .update(deployments)
      .set({ identityMode: mode, identityAlgorithm: 'HS256', identitySecret: SECRET })
      .where(eq(deployments.publicId, 'acme-app'))
      .run();
    return { ...api, client: apiClient(api.base) };
  }

  it('links a verified customer to their contact and resumes their open conversation', async () => {
    const { client } = await withIdentityMode('required');
    const token = await identityToken({ sub: 'user-1001', name: 'Jamie Rivera' });
    const first = await client.start('acme-app', { identityToken: token });
    expect(first.status).toBe(201);
    const again = await client.start('acme-app', {
      identityToken: await identityToken({ sub: 'user-1001' }),
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ conversationId: first.body.conversationId, resumed: true });
    const history = await client.call(
      'GET',
      '/api/v1/conversations',
      undefined,
      again.body.accessToken,
    );
    expect(
      history.body.conversations.map((c: { conversationId: string }) => c.conversationId),
    ).toEqual([first.body.conversationId]);
  });

  it('refuses a verified start without a required pre-chat answer, writing nothing, but resumes without one', async () => {
    const { client, db } = await withIdentityMode('required');
    const deployment = db
      .select()
      .from(deployments)
      .where(eq(deployments.publicId, 'acme-app'))
      .get();
    if (!deployment) throw new Error('demo deployment missing');
    db.update(deployments)
      .set({
        settings: {
          ...deployment.settings,
          prechatFields: [{ name: 'topic', label: 'Topic', type: 'text', required: true }],
        },
      })
      .where(eq(deployments.id, deployment.id))
      .run();
    const contactsBefore = db.select().from(contacts).all().length;

    const token = await identityToken({ sub: 'user-2002', name: 'Sam Okafor' });
    const refused = await client.call('POST', '/api/v1/deployments/acme-app/conversations', {
      identityToken: token,
    });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'PRECHAT_INVALID' } } });
    expect(db.select().from(contacts).all()).toHaveLength(contactsBefore);

    const first = await client.start('acme-app', {
      identityToken: token,
      prechat: { topic: 'Billing' },
    });
    expect(first.status).toBe(201);
    const resumed = await client.start('acme-app', { identityToken: token });
    expect(resumed.body).toMatchObject({
      conversationId: first.body.conversationId,
      resumed: true,
    });
  });

  it.each([
    [
      'a forged signature',
      () => identityToken({ sub: 'u1' }, { secret: 'someone-elses-secret-0123456789abcdef' }),
      'IDENTITY_TOKEN_INVALID',
    ],
    [
      'an expired token',
      () => identityToken({ sub: 'u1' }, { expiresIn: '-10m' }),
      'IDENTITY_TOKEN_EXPIRED',
    ],
    ['alg: none', async () => unsignedToken({ sub: 'u1' }), 'IDENTITY_TOKEN_ALGORITHM'],
    [
      'a token signed with the wrong key',
      () => identityToken({ sub: 'u1' }, { secret: 'x'.repeat(40) }),
      'IDENTITY_TOKEN_INVALID',
    ],
    [
      'a forged payload',
      async () => forge(await identityToken({ sub: 'u1' }), { sub: 'admin' }),
      'IDENTITY_TOKEN_INVALID',
    ],
    [
      'a token issued in the future',
      () =>
        identityToken(
          { sub: 'u1' },
          { issuedAt: Math.floor(Date.now() / 1000) + 3600, expiresIn: '2h' },
        ),
      'IDENTITY_TOKEN_NOT_YET_VALID',
    ],
    ['garbage', async () => 'not-a-jwt', 'IDENTITY_TOKEN_INVALID'],
  ])('refuses %s with 401', async (_, makeToken, code) => {
    const { client } = await withIdentityMode('optional');
    const res = await client.start('acme-app', { identityToken: await makeToken() });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe(code);
  });

  it('refuses a token for another audience when the deployment names one', async () => {
    const { client, db } = await withIdentityMode('required');
    db.update(deployments)
      .set({ identityAudience: 'acme-mobile' })
      .where(eq(deployments.publicId, 'acme-app'))
      .run();
    const res = await client.start('acme-app', {
      identityToken: await identityToken({ sub: 'u1', aud: 'another-app' }),
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('IDENTITY_TOKEN_WRONG_AUDIENCE');
  });

  it('links an anonymous conversation to the customer who signs in mid-chat', async () => {
    const { client } = await withIdentityMode('optional');
    const anonymous = (await client.start('acme-app', {})).body;
    const path = `/api/v1/conversations/${anonymous.conversationId}/token`;
    const linked = await client.call(
      'POST',
      path,
      { identityToken: await identityToken({ sub: 'user-1002' }) },
      anonymous.accessToken,
    );
    expect(linked.status).toBe(200);
    const history = await client.call(
      'GET',
      '/api/v1/conversations',
      undefined,
      linked.body.accessToken,
    );
    expect(
      history.body.conversations.map((c: { conversationId: string }) => c.conversationId),
    ).toEqual([anonymous.conversationId]);
    const someoneElse = await client.call(
      'POST',
      path,
      { identityToken: await identityToken({ sub: 'user-1003' }) },
      linked.body.accessToken,
    );
    expect(someoneElse.status).toBe(403);
    expect(someoneElse.body.error.code).toBe('IDENTITY_MISMATCH');
  });

  it('keeps a verified customer’s history and devices to the deployment they signed in through', async () => {
    const { client, db } = await withIdentityMode('optional');
    const webSecret = 'identity-secret-of-the-web-store-0123456789';
    db.update(deployments)
      .set({ identityMode: 'optional', identityAlgorithm: 'HS256', identitySecret: webSecret })
      .where(eq(deployments.publicId, 'acme-web'))
      .run();
    const inApp = (
      await client.start('acme-app', { identityToken: await identityToken({ sub: 'user-1' }) })
    ).body;
    const onWeb = (
      await client.start('acme-web', {
        identityToken: await identityToken({ sub: 'user-1' }, { secret: webSecret }),
      })
    ).body;
    const device = { platform: 'fcm', token: 'one-phone-with-both-apps' };
    const appDevice = await client.call(
      'POST',
      '/api/v1/push-registrations',
      device,
      inApp.accessToken,
    );

    const history = await client.call('GET', '/api/v1/conversations', undefined, onWeb.accessToken);
    expect(
      history.body.conversations.map((c: { conversationId: string }) => c.conversationId),
    ).toEqual([onWeb.conversationId]);
    const webDevice = await client.call(
      'POST',
      '/api/v1/push-registrations',
      device,
      onWeb.accessToken,
    );
    expect(webDevice.status).toBe(201);
    expect(webDevice.body.id).not.toBe(appDevice.body.id);
    const removal = await client.call(
      'DELETE',
      `/api/v1/push-registrations/${appDevice.body.id}`,
      undefined,
      onWeb.accessToken,
    );
    expect(removal.status).toBe(404);
  });

  it('refuses anonymous customers in required mode', async () => {
    const required = await withIdentityMode('required');
    const refused = await required.client.start('acme-app', {});
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('IDENTITY_REQUIRED');
  });

  it('lets anonymous customers in, unverified and without a history, in optional mode', async () => {
    const { client, db } = await withIdentityMode('optional');
    const anonymous = await client.start('acme-app', {});
    expect(anonymous.status).toBe(201);
    const session = db
      .select()
      .from(messagingSessions)
      .where(eq(messagingSessions.id, anonymous.body.conversationId))
      .get();
    expect(session).toMatchObject({ identityVerified: false, contactId: null });
    const history = await client.call(
      'GET',
      '/api/v1/conversations',
      undefined,
      anonymous.body.accessToken,
    );
    expect(history.status).toBe(403);
    expect(history.body.error.code).toBe('VERIFIED_IDENTITY_REQUIRED');
  });
});
