import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccessTokens } from '../server/messaging/accessTokens';
import { useParleyProcess } from '../server/testing/parleyProcess';
import { rawHttpRequest } from '../server/testing/rawHttpRequest';
import { apiOperations } from './apiOperations';
import { type FuzzWorld, fuzzedRequest } from './fuzzedRequest';
import { FuzzTally } from './fuzzTally';

const SECRET = 'fuzz-secret-of-at-least-thirty-two-characters';
const RUNS = Number(process.env.FUZZ_RUNS ?? 3_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);
const ANSWER_WITHIN_MS = 5_000;

/**
 * Every operation of the public API, read from its own OpenAPI document, sent valid and
 * mutated requests over raw TCP. Each must be answered in time, never with a 5xx, and every
 * 4xx must be JSON with a code; afterwards the server must still hold a normal conversation.
 */
describe('public API under generated requests', () => {
  const startParley = useParleyProcess();

  it('answers every request in time, never with a 5xx, and keeps working', async () => {
    const parley = await startParley({
      NEXTAUTH_SECRET: SECRET,
      API_RATE_LIMIT_DEPLOYMENT_PER_SECOND: '1000000',
      API_RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000000',
    });
    const { base } = parley;
    const operations = apiOperations(await (await fetch(`${base}/api/v1/openapi.json`)).json());
    const world = await buildWorld(base);
    const tally = new FuzzTally();
    const started = performance.now();

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations).chain((operation) => fuzzedRequest(operation, world)),
        async (request) => {
          const res = await rawHttpRequest(base, request.raw, ANSWER_WITHIN_MS);
          tally.record(request.operation, res.status);
          if (res.timedOut) tally.fail(`no answer within ${ANSWER_WITHIN_MS} ms`, request.summary);
          else if (res.status === 0 && !request.mayGoUnanswered) {
            tally.fail('connection closed without an answer', request.summary);
          } else if (request.mustBeRefused && res.status > 0 && res.status < 400) {
            tally.fail(
              `opened with a token for another conversation or none: ${res.status}`,
              request.summary,
            );
          } else if (res.status >= 500)
            tally.fail(`answered ${res.status} ${res.body}`, request.summary);
          else if (res.status >= 400 && request.raw.head.slice(0, 4).toString() !== 'HEAD') {
            if (!hasErrorCode(res.body))
              tally.fail(`${res.status} without a JSON error code`, request.summary);
          }
          if (!parley.alive()) throw new Error(`Parley died: ${parley.output().slice(-2_000)}`);
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );

    console.log(
      `Public API fuzz (seed ${SEED}):\n${tally.report((performance.now() - started) / 1000)}`,
    );
    expect(tally.failures).toEqual([]);
    expect(parley.alive()).toBe(true);
    expect(parley.output()).not.toMatch(/failed:|unhandled/i);
    await expectNormalConversation(base);
  });
});

function hasErrorCode(body: string): boolean {
  try {
    const code = JSON.parse(body)?.error?.code;
    return typeof code === 'string' && /^[A-Z][A-Z_]+$/.test(code);
  } catch {
    return false;
  }
}

/** Two real conversations, and tokens that must open neither. */
async function buildWorld(base: string): Promise<FuzzWorld> {
  const conversations = [];
  for (let i = 0; i < 2; i++) {
    const res = await fetch(`${base}/api/v1/deployments/acme-app/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const { conversationId, accessToken } = await res.json();
    conversations.push({ id: conversationId as string, token: accessToken as string });
  }
  const own = conversations[0] ?? { id: '', token: '' };
  const payload = JSON.parse(Buffer.from(own.token.split('.')[1] ?? '', 'base64url').toString());
  const claims = {
    conversationId: own.id,
    orgId: payload.org,
    deploymentId: payload.dep,
    contactId: null,
  };
  const expired = await new AccessTokens(SECRET).issue(claims, Date.now() - 3 * 60 * 60 * 1000);
  const foreignKey = await new AccessTokens('another-secret-of-thirty-two-characters!').issue(
    claims,
  );
  const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${own.token.split('.')[1]}.`;
  return {
    host: new URL(base).host,
    conversations,
    deployments: ['acme-app', 'acme-web', 'no-such-deployment'],
    expiredToken: expired.token,
    badTokens: [foreignKey.token, unsigned, 'abc.def.ghi', 'x'.repeat(8_000), ''],
  };
}

async function expectNormalConversation(base: string) {
  const started = await fetch(`${base}/api/v1/deployments/acme-app/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(started.status).toBe(201);
  const { conversationId, accessToken } = await started.json();
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
  const sent = await fetch(`${base}/api/v1/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ clientMessageId: 'after-fuzz', text: 'where is my order A1001?' }),
  });
  expect(sent.status).toBe(201);
  const answered = async () => {
    const res = await fetch(`${base}/api/v1/conversations/${conversationId}/entries`, { headers });
    const { entries } = (await res.json()) as {
      entries: { seq: number; actor: { type: string } }[];
    };
    const asked = entries.find((entry) => entry.actor.type === 'customer');
    return entries.some(
      (entry) => entry.actor.type === 'bot' && entry.seq > (asked?.seq ?? Infinity),
    );
  };
  await expect.poll(answered, { timeout: 15_000 }).toBe(true);
}
