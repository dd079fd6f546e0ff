import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Db } from '../server/db/client';
import {
  botVersions,
  deployments,
  messagingSessions,
  misunderstoodMessages,
  orgs,
  pushDeliveries,
  pushRegistrations,
  queues,
} from '../server/db/schema';
import { deriveSecretsKey } from '../server/deployments/secretCipher';
import { ensurePushSettings } from '../server/push/pushSettings';
import { enqueueHandoff } from '../server/routing/enqueueHandoff';
import { seedDemoOrg } from '../server/seed/seedDemoOrg';
import { callerFor, createOrg, createStaff } from '../server/testing/fixtures';
import { useTestDb } from '../server/testing/testDb';
import { appRouter } from '../server/trpc/root';
import { type JsonSchema, jsonSchemaArbitrary } from './jsonSchemaArbitrary';

const INPUTS_PER_PROCEDURE = Number(process.env.FUZZ_ORG_INPUTS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);

type Rows = Map<string, string>;

/**
 * An admin of a second org calls every tRPC procedure with generated inputs whose ids are the
 * first org's (its bots, versions, deployments, staff). Nothing may come back that names the
 * first org's records, and not one of the first org's rows may change.
 */
describe('org isolation under generated tRPC calls', () => {
  const openDb = useTestDb();

  it("never lets one org read or change another org's data", async () => {
    const db = openDb();
    await seedDemoOrg(db, { demoPassword: 'a-demo-password' });
    const victim = db.select().from(orgs).get();
    if (!victim) throw new Error('the demo org was not seeded');
    seedWaitingConversation(db, victim.id);
    ensurePushSettings(db, deriveSecretsKey('org-isolation-fuzz-session-secret-0123456789'));
    const intruderOrg = createOrg(db, 'intruder');
    const intruder = callerFor(db, await createStaff(db, intruderOrg.id, 'admin'));
    const victimIds = idsOf(db, victim.id);
    const before = snapshot(db);

    const leaks: string[] = [];
    let calls = 0;
    const outcomes = new Map<string, number>();
    for (const [path, procedure] of Object.entries(appRouter._def.procedures)) {
      const schema = inputSchemaOf(procedure);
      const inputs = fc.sample(jsonSchemaArbitrary(schema), {
        numRuns: INPUTS_PER_PROCEDURE,
        seed: SEED,
      });
      for (const generated of inputs) {
        const input = withVictimIds(path, generated, victimIds);
        const call = path
          .split('.')
          .reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], intruder) as (
          input: unknown,
        ) => Promise<unknown>;
        calls += 1;
        const result = await call(input).then(
          (value) => {
            outcomes.set('OK', (outcomes.get('OK') ?? 0) + 1);
            return value;
          },
          (error: { code?: string }) => {
            const code = error.code ?? 'ERROR';
            outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
            return undefined;
          },
        );
        const text = JSON.stringify(result) ?? '';
        const named = victimIds.all.filter((id) => text.includes(id));
        if (named.length > 0)
          leaks.push(`${path}(${JSON.stringify(input)}) returned ${named.join(', ')}`);
      }
    }

    const after = snapshot(db);
    const changed = [...before.entries()]
      .filter(([key, row]) => after.get(key) !== row && !key.startsWith('staff_users:'))
      .map(([key]) => key);
    const added = [...after.entries()]
      .filter(([key, row]) => !before.has(key) && row.includes(victim.id))
      .map(([key]) => key);
    console.log(
      `Org isolation: ${calls} calls to ${Object.keys(appRouter._def.procedures).length} procedures as another org's admin; leaks ${leaks.length}, rows of the first org changed ${changed.length}, added to it ${added.length}; answers: ${[...outcomes].map(([code, n]) => `${code} ${n}`).join(', ')}`,
    );
    expect(leaks).toEqual([]);
    expect(changed).toEqual([]);
    expect(added).toEqual([]);
  });
});

function inputSchemaOf(procedure: unknown): JsonSchema {
  const inputs = (procedure as { _def: { inputs?: z.ZodType[] } })._def.inputs ?? [];
  const [input] = inputs;
  if (!input) return {};
  return z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

interface VictimIds {
  bots: string[];
  versions: string[];
  deployments: string[];
  staff: string[];
  sessions: string[];
  workItems: string[];
  misunderstood: string[];
  /** Routing configuration by its router's name: skills, queues, presenceStatuses, quickTexts. */
  routing: Record<string, string[]>;
  all: string[];
}

/** A customer of the first org waiting in its Orders queue, so console procedures have a target. */
function seedWaitingConversation(db: Db, orgId: string) {
  const deployment = db.select().from(deployments).where(eq(deployments.orgId, orgId)).get();
  const queue = db.select().from(queues).where(eq(queues.orgId, orgId)).get();
  if (!deployment || !queue) throw new Error('the demo org has no deployment or queue');
  const session = db
    .insert(messagingSessions)
    .values({ orgId, deploymentId: deployment.id, channel: deployment.channel, status: 'waiting' })
    .returning()
    .get();
  enqueueHandoff(db, session, queue, undefined, new Date());
  // A message its bot did not understand, for the misunderstood inbox procedures to guard.
  const version = db.select().from(botVersions).where(eq(botVersions.orgId, orgId)).get();
  if (!version) throw new Error('the demo org has no published bot');
  db.insert(misunderstoodMessages)
    .values({
      orgId,
      botId: version.botId,
      botVersionId: version.id,
      sessionId: session.id,
      seq: 1,
      text: 'victim customer words',
      score: 0.2,
    })
    .run();
  // A notification to the waiting customer, for the push deliveries list to guard.
  const registration = db
    .insert(pushRegistrations)
    .values({
      orgId,
      deploymentId: deployment.id,
      sessionId: session.id,
      platform: 'fcm',
      token: 'victim-device-token',
    })
    .returning()
    .get();
  db.insert(pushDeliveries)
    .values({
      orgId,
      registrationId: registration.id,
      sessionId: session.id,
      nextAttemptAt: new Date(),
    })
    .run();
}

function idsOf(db: Db, orgId: string): VictimIds {
  const column = (sql: string) =>
    (db.$client.prepare(sql).all(orgId) as { id: string }[]).map((row) => row.id);
  const bots = column('select id from bots where org_id = ?');
  const versions = column(
    'select v.id from bot_versions v join bots b on b.id = v.bot_id where b.org_id = ?',
  );
  const deployments = column('select id from deployments where org_id = ?');
  const staff = column('select id from staff_users where org_id = ?');
  const sessions = column('select id from messaging_sessions where org_id = ?');
  const workItems = column('select id from work_items where org_id = ?');
  const misunderstood = column('select id from misunderstood_messages where org_id = ?');
  const routing = {
    skills: column('select id from skills where org_id = ?'),
    queues: column('select id from queues where org_id = ?'),
    presenceStatuses: column('select id from presence_statuses where org_id = ?'),
    quickTexts: column('select id from quick_texts where org_id = ?'),
  };
  return {
    bots,
    versions,
    deployments,
    staff,
    sessions,
    workItems,
    misunderstood,
    routing,
    all: [
      orgId,
      ...bots,
      ...versions,
      ...deployments,
      ...staff,
      ...sessions,
      ...workItems,
      ...misunderstood,
      ...Object.values(routing).flat(),
    ],
  };
}

/**
 * The generated input with every id field, nested ones too (a transfer's `to`), pointing at one
 * of the first org's records.
 */
function withVictimIds(path: string, input: unknown, ids: VictimIds): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const [area, subArea = ''] = path.split('.');
  const pick = (list: string[], seed: string) =>
    list[seed.length % Math.max(list.length, 1)] ?? seed;
  return Object.fromEntries(
    Object.entries(input).map(([key, value]) => {
      const seed = JSON.stringify(value) ?? '';
      if (key === 'botId') return [key, pick(ids.bots, seed)];
      if (key === 'versionId') return [key, pick(ids.versions, seed)];
      if (key === 'deploymentId') return [key, pick(ids.deployments, seed)];
      if (key === 'userId' || key === 'agentId') return [key, pick(ids.staff, seed)];
      if (key === 'sessionId') return [key, pick(ids.sessions, seed)];
      if (key === 'workItemId') return [key, pick(ids.workItems, seed)];
      if (key === 'ids' && area === 'misunderstood') return [key, ids.misunderstood];
      if (key === 'queueId' || key === 'overflowQueueId') {
        return [key, pick(ids.routing.queues ?? [], seed)];
      }
      if (key === 'statusId') return [key, pick(ids.routing.presenceStatuses ?? [], seed)];
      if (value && typeof value === 'object') return [key, withVictimIds(path, value, ids)];
      if (key === 'id') {
        const list =
          area === 'deployments'
            ? ids.deployments
            : area === 'staffUsers'
              ? ids.staff
              : area === 'routingConfig'
                ? (ids.routing[subArea] ?? [])
                : ids.bots;
        return [key, pick(list, seed)];
      }
      return [key, value];
    }),
  );
}

/** Every row of every table, keyed by table and rowid. */
function snapshot(db: Db): Rows {
  const rows: Rows = new Map();
  const tables = db.$client
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'",
    )
    .all() as { name: string }[];
  for (const { name } of tables) {
    const all = db.$client.prepare(`select rowid as "rowid:", * from "${name}"`).all() as Record<
      string,
      unknown
    >[];
    for (const row of all) rows.set(`${name}:${row['rowid:']}`, JSON.stringify(row));
  }
  return rows;
}
