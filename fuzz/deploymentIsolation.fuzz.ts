import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { StaffUser } from '../server/auth/staffAuth';
import { openDatabase } from '../server/db/client';
import { deployments, staffUsers } from '../server/db/schema';
import { callerFor, createOrg, createStaff } from '../server/testing/fixtures';
import { useParleyProcess } from '../server/testing/parleyProcess';
import { rawHttpRequest } from '../server/testing/rawHttpRequest';
import { type ApiOperation, apiOperations } from './apiOperations';
import { jsonSchemaArbitrary } from './jsonSchemaArbitrary';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);
const SAMPLES_PER_BODY = Number(process.env.FUZZ_DEPLOYMENT_BODIES ?? 2);
const ANSWER_WITHIN_MS = 5_000;
const SHARED_DEVICE = 'fcm-token-of-a-phone-with-several-apps';

interface Conversation {
  id: string;
  token: string;
  secretText: string;
}

/** One deployment as its customers know it: their conversations, devices and identity key. */
interface Party {
  publicId: string;
  deploymentId: string;
  anonymous: Conversation;
  verified: Conversation;
  registrationIds: string[];
  devices: string[];
  /** An identity token for `user-1` signed with this deployment's own secret. */
  identityToken: string;
}

/**
 * Three deployments: the demo org's app and web store, and another org's app. The customers
 * of each, anonymous and verified (all of them `user-1` in their own app), call every
 * operation of the public API with their own credentials and another deployment's ids:
 * conversation ids, push registration ids, public id. Nothing may come back that names the
 * other deployment's conversations, devices or messages, and not one of its rows may change.
 */
describe('deployment isolation on the public API', () => {
  const startParley = useParleyProcess();

  it("never lets one deployment's customers reach another deployment's data", {
    timeout: 300_000,
  }, async () => {
    const parley = await startParley({
      NEXTAUTH_SECRET: 'deployment-isolation-secret-0123456789',
      API_RATE_LIMIT_DEPLOYMENT_PER_SECOND: '1000000',
      API_RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000000',
    });
    const db = openDatabase(parley.databasePath);
    try {
      const demoAdmin = db
        .select()
        .from(staffUsers)
        .where(eq(staffUsers.email, 'admin@acme.test'))
        .get();
      if (!demoAdmin) throw new Error('the demo org was not seeded');
      const otherOrg = createOrg(db, 'globex');
      const otherAdmin = await createStaff(db, otherOrg.id, 'admin');
      await callerFor(db, otherAdmin).deployments.create({
        name: 'Globex app',
        channel: 'in_app',
        publicId: 'globex-app',
      });

      const parties: Party[] = [];
      for (const [publicId, admin] of [
        ['acme-app', demoAdmin],
        ['acme-web', demoAdmin],
        ['globex-app', otherAdmin],
      ] as const) {
        parties.push(await seedParty(parley.base, db, admin, publicId));
      }
      await untilQuiet(() => parties.map((party) => rowsOf(db, party)).join('\n'));

      const operations = apiOperations(
        await (await fetch(`${parley.base}/api/v1/openapi.json`)).json(),
      );
      const byStatus = new Map<number, number>();
      const failures: string[] = [];
      let sent = 0;
      for (const operation of operations) {
        for (const caller of parties) {
          for (const credential of ['anonymous', 'verified'] as const) {
            for (const target of parties.filter((party) => party !== caller)) {
              for (const { path, namesRecord } of pathsAimedAt(operation, target)) {
                for (const body of bodiesFor(operation, caller, target)) {
                  const before = rowsOf(db, target);
                  const res = await rawHttpRequest(
                    parley.base,
                    rawRequest(operation.method, path, caller[credential].token, body),
                    ANSWER_WITHIN_MS,
                  );
                  sent += 1;
                  byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
                  const what = `${caller.publicId} ${credential} → ${operation.method} ${path} ${body ?? ''}`;
                  const named = namesOf(target).filter((name) => res.body.includes(name));
                  if (res.timedOut || res.status === 0 || res.status >= 500)
                    failures.push(`${what}: answered ${res.status} ${res.body.slice(0, 200)}`);
                  if (named.length > 0)
                    failures.push(
                      `${what}: answered with ${named.join(', ')} of ${target.publicId}`,
                    );
                  if (namesRecord && res.status < 400)
                    failures.push(`${what}: opened, ${res.status}`);
                  if (rowsOf(db, target) !== before)
                    failures.push(`${what}: changed ${target.publicId}'s rows`);
                  if (!parley.alive()) throw new Error(`Parley died: ${parley.output()}`);
                }
              }
            }
          }
        }
      }

      console.log(
        `Deployment isolation: ${sent} requests to ${operations.length} operations across ${parties.length} deployments in 2 orgs; failures ${failures.length}; answers by status: ${[
          ...byStatus,
        ]
          .sort(([a], [b]) => a - b)
          .map(([status, count]) => `${status}: ${count}`)
          .join(', ')}`,
      );
      expect(failures).toEqual([]);
    } finally {
      db.$client.close();
    }
  });
});

async function seedParty(
  base: string,
  db: ReturnType<typeof openDatabase>,
  admin: StaffUser,
  publicId: string,
): Promise<Party> {
  const deployment = db.select().from(deployments).where(eq(deployments.publicId, publicId)).get();
  if (!deployment) throw new Error(`no deployment ${publicId}`);
  const secret = `identity-secret-of-${publicId}-0123456789abcdef`;
  await callerFor(db, admin).deployments.updateIdentity({
    id: deployment.id,
    mode: 'optional',
    algorithm: 'HS256',
    secret,
  });
  const identityToken = await new SignJWT({ name: `Customer of ${publicId}` })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('user-1')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));

  const converse = async (kind: string, body: Record<string, unknown>): Promise<Conversation> => {
    const started = await api(base, 'POST', `/api/v1/deployments/${publicId}/conversations`, body);
    if (started.status !== 201) throw new Error(`start ${publicId}: ${JSON.stringify(started)}`);
    const conversation = {
      id: started.body.conversationId as string,
      token: started.body.accessToken as string,
      secretText: `only-${publicId}-${kind}-knows-this`,
    };
    const sent = await api(
      base,
      'POST',
      `/api/v1/conversations/${conversation.id}/messages`,
      { clientMessageId: 'm-1', text: conversation.secretText },
      conversation.token,
    );
    if (sent.status !== 201) throw new Error(`send ${publicId}: ${JSON.stringify(sent)}`);
    return conversation;
  };
  const anonymous = await converse('anonymous', {});
  const verified = await converse('verified', { identityToken });

  const devices = [`fcm-token-of-${publicId}-anonymous`, SHARED_DEVICE];
  const registrationIds: string[] = [];
  for (const [device, conversation] of [
    [devices[0], anonymous],
    [devices[1], verified],
  ] as const) {
    const registered = await api(
      base,
      'POST',
      '/api/v1/push-registrations',
      { platform: 'fcm', token: device },
      conversation.token,
    );
    if (registered.status !== 201)
      throw new Error(`push ${publicId}: ${JSON.stringify(registered)}`);
    registrationIds.push(registered.body.id);
  }
  return {
    publicId,
    deploymentId: deployment.id,
    anonymous,
    verified,
    registrationIds,
    devices,
    identityToken,
  };
}

async function api(base: string, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/**
 * The operation's path with each parameter set to one of the target's ids, every way; a path
 * naming one of its conversations or devices must be refused (a public id is public).
 */
function pathsAimedAt(
  operation: ApiOperation,
  target: Party,
): { path: string; namesRecord: boolean }[] {
  let paths = [operation.path];
  for (const name of operation.pathParams) {
    const values =
      name === 'conversationId'
        ? [target.anonymous.id, target.verified.id]
        : name === 'registrationId'
          ? target.registrationIds
          : name === 'deploymentId'
            ? [target.publicId]
            : null;
    if (!values) throw new Error(`Name the target's ids for the path parameter {${name}}.`);
    paths = paths.flatMap((path) => values.map((value) => path.replace(`{${name}}`, value)));
  }
  const namesRecord = operation.pathParams.some((name) => name !== 'deploymentId');
  return paths.map((path) => ({ path, namesRecord }));
}

/**
 * Valid bodies as the contract describes them, plus what an intruder would try: its own
 * identity token at the other deployment, and the other deployment's device tokens.
 */
function bodiesFor(operation: ApiOperation, caller: Party, target: Party): (string | undefined)[] {
  if (!operation.body) return [undefined];
  const samples = fc
    .sample(jsonSchemaArbitrary(operation.body), { numRuns: SAMPLES_PER_BODY, seed: SEED })
    .map((value) => JSON.stringify(value));
  const properties = Object.keys(operation.body.properties ?? {});
  if (properties.includes('identityToken'))
    samples.push(JSON.stringify({ identityToken: caller.identityToken }));
  if (operation.path.endsWith('/push-registrations')) {
    for (const token of target.devices) samples.push(JSON.stringify({ platform: 'fcm', token }));
  }
  // Logging out with the other deployment's device tokens must stop nothing there.
  if (operation.path.endsWith('/push-registrations/revoke')) {
    for (const token of target.devices) samples.push(JSON.stringify({ token }));
  }
  return samples;
}

function rawRequest(method: string, path: string, token: string, body: string | undefined) {
  const payload = Buffer.from(body ?? '');
  return {
    head: [
      `${method} ${path} HTTP/1.1`,
      'host: 127.0.0.1',
      'connection: close',
      `authorization: Bearer ${token}`,
      ...(body === undefined
        ? []
        : ['content-type: application/json', `content-length: ${payload.length}`]),
      '',
      '',
    ].join('\r\n'),
    body: payload,
  };
}

/** What only the target's own customers may see. */
function namesOf(party: Party): string[] {
  return [
    party.deploymentId,
    party.anonymous.id,
    party.verified.id,
    party.anonymous.secretText,
    party.verified.secretText,
    ...party.registrationIds,
  ];
}

/** Every row of the target's deployment, conversations and devices, as one text. */
function rowsOf(db: ReturnType<typeof openDatabase>, party: Party): string {
  const sessions = [party.anonymous.id, party.verified.id];
  const query = (sql: string, ...params: string[]) =>
    JSON.stringify(db.$client.prepare(sql).all(...params));
  const inSessions = (table: string) =>
    query(`select * from ${table} where session_id in (?, ?) order by rowid`, ...sessions);
  return [
    query('select * from deployments where id = ?', party.deploymentId),
    query('select * from messaging_sessions where id in (?, ?) order by id', ...sessions),
    query(
      'select * from push_registrations where deployment_id = ? order by id',
      party.deploymentId,
    ),
    ...['conversation_entries', 'csat_responses', 'work_items', 'bot_turn_traces'].map(inSessions),
  ].join('\n');
}

/** Waits until the bot has answered what the setup sent: nothing changes for half a second. */
async function untilQuiet(read: () => string) {
  let last = read();
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = read();
    if (now === last) return;
    last = now;
  }
  throw new Error('the seeded conversations never settled');
}
