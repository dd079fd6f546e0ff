import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../server/db/client';
import {
  agentStates,
  bots,
  botVersions,
  type Channel,
  deployments,
  orgs,
  presenceStatuses,
  queueMembers,
  queues,
  staffUsers,
} from '../../server/db/schema';
import { DEFAULT_DEPLOYMENT_SETTINGS } from '../../server/deployments/deploymentCatalog';

/**
 * A contact centre's history written straight into the tables reports read, through prepared
 * statements in large transactions: one org in Paris with four deployments (two in-app, two
 * web), a bot published eight times over the period, five queues, forty agents with a working
 * day of presence changes each, and `conversations` conversations spread over the `days` before
 * `end`, busier by day than by night. Of the bot's conversations about 45 % end in the bot, 12 %
 * are left in it and 40 % are handed to a queue; of those, 8 % are left while waiting and the
 * rest are accepted, answered and ended, with a CSAT answer for a quarter of ended conversations.
 * A second, small org shares the tables, so every query has another org's rows to skip.
 * Fixed pseudo-random sequence: two runs with the same options write the same history.
 */
export interface HistoryOptions {
  conversations: number;
  days: number;
  end: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface History {
  orgId: string;
  timeZone: string;
  deploymentIds: string[];
  botVersionIds: string[];
  queueIds: string[];
  agentIds: string[];
  otherOrgId: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 5_000;
const TIME_ZONE = 'Europe/Paris';

let seed = 20_301_207;
function random(): number {
  // Mulberry32: fast, and good enough to spread times and outcomes.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
/** A skewed duration: median `median` seconds, with a long tail up to `max`. */
const seconds = (median: number, max: number) =>
  Math.min(max, Math.round(median * Math.exp((random() + random() + random() - 1.5) * 1.6)));

const INTENTS = ['orderStatus', 'refund', 'delivery', 'cancelOrder', 'billing', 'technical'];
const NODE_OF_INTENT: Record<string, string> = {
  orderStatus: 'escalateOrders',
  refund: 'escalateBilling',
  delivery: 'escalateOrders',
  cancelOrder: 'escalateOrders',
  billing: 'escalateBilling',
  technical: 'escalateSupport',
};
const QUEUE_NAMES = ['Orders', 'Billing', 'Support', 'Returns', 'VIP'];
const QUEUE_OF_INTENT: Record<string, number> = {
  orderStatus: 0,
  refund: 1,
  delivery: 0,
  cancelOrder: 3,
  billing: 1,
  technical: 2,
};

export function generateHistory(db: Db, options: HistoryOptions): History {
  const sqlite = db.$client;
  sqlite.pragma('synchronous = OFF');
  const start = options.end.getTime() - options.days * DAY_MS;
  const setupAt = new Date(start - DAY_MS);
  const acme = createOrg(db, 'acme', setupAt, start, options.days * DAY_MS);
  const globex = createOrg(db, 'globex', setupAt, start, options.days * DAY_MS);

  const insertSession = sqlite.prepare(
    `insert into messaging_sessions (id, org_id, deployment_id, channel, status, agent_type, bot_id,
       bot_version_id, agent_id, last_seq, created_at, accepted_at, last_customer_activity_at,
       ended_at, ended_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEntry = sqlite.prepare(
    `insert into conversation_entries (id, org_id, session_id, seq, actor_type, actor_id,
       actor_name, entry_type, payload, client_message_id, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertItem = sqlite.prepare(
    `insert into work_items (id, org_id, session_id, queue_id, status, asked_at, handoff,
       accepted_by, accepted_at, completed_at, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCsat = sqlite.prepare(
    `insert into csat_responses (id, org_id, session_id, score, created_at) values (?, ?, ?, ?, ?)`,
  );
  const insertPresence = sqlite.prepare(
    `insert into agent_presence_changes (id, org_id, user_id, presence, presence_status_id, at)
     values (?, ?, ?, ?, ?, ?)`,
  );

  const now = options.end.getTime();
  function conversation(world: World, createdAt: number) {
    const id = uuidv7({ msecs: createdAt });
    const deployment = pick(world.deployments);
    const version = world.versionAt(createdAt);
    const withBot = random() < 0.95;
    const entries: [actor: string, actorId: string | null, type: string, at: number][] = [];
    entries.push(['customer', null, 'text', createdAt + 1_000]);
    let status = 'ended';
    let agentType = withBot ? 'bot' : 'agent';
    let agentId: string | null = null;
    let acceptedAt: number | null = null;
    let endedAt: number | null = null;
    let endedBy: string | null = null;
    let lastCustomer = createdAt + 1_000;
    // Written after the session it belongs to.
    let item: unknown[] | null = null;
    const outcome = random();
    if (withBot) entries.push(['bot', null, 'text', createdAt + 2_000]);
    if (withBot && outcome < 0.45) {
      const at = createdAt + seconds(120, 1_200) * 1_000;
      entries.push(['customer', null, 'text', at - 20_000], ['bot', null, 'text', at]);
      lastCustomer = at - 20_000;
      endedAt = at;
      endedBy = 'bot';
    } else if (withBot && outcome < 0.57) {
      endedAt = createdAt + seconds(300, 3_600) * 1_000;
      endedBy = random() < 0.6 ? 'customer' : 'system';
    } else if (withBot && outcome < 0.6) {
      // Still talking to the bot, or left without an end yet.
      status = 'inactive';
    } else {
      if (withBot) agentType = 'bot_to_agent';
      const intent = withBot && random() < 0.9 ? pick(INTENTS) : null;
      const queueIndex = intent ? (QUEUE_OF_INTENT[intent] ?? 0) : random() < 0.1 ? 4 : 2;
      const queue = world.queues[queueIndex] as QueueInfo;
      const askedAt = createdAt + (withBot ? seconds(60, 600) * 1_000 : 500);
      const handoff = withBot
        ? JSON.stringify({
            intent,
            nodeId: intent ? NODE_OF_INTENT[intent] : 'escalateSupport',
            variables: { orderNumber: String(Math.floor(random() * 1e6)) },
          })
        : '{}';
      const waited = seconds(90, 3_600) * 1_000;
      const itemId = uuidv7({ msecs: askedAt });
      if (random() < 0.08 || askedAt + waited > now) {
        // Left while waiting, or still in the line.
        const left = askedAt + waited > now ? null : askedAt + seconds(120, 1_800) * 1_000;
        status = left ? 'ended' : 'waiting';
        endedAt = left;
        endedBy = left ? (random() < 0.8 ? 'customer' : 'system') : null;
        item = [
          itemId,
          world.orgId,
          id,
          queue.id,
          left ? 'cancelled' : 'queued',
          askedAt,
          handoff,
          null,
          null,
          left,
          askedAt,
        ];
      } else {
        agentId = pick(queue.members);
        acceptedAt = askedAt + waited;
        entries.push(['system', null, 'participant_changed', acceptedAt]);
        const answered = random() < 0.96;
        const firstReply = acceptedAt + seconds(25, 300) * 1_000;
        if (answered) {
          entries.push(
            ['agent', agentId, 'typing', firstReply - 3_000],
            ['agent', agentId, 'text', firstReply],
            ['customer', null, 'text', firstReply + 40_000],
            ['agent', agentId, 'text', firstReply + 90_000],
          );
          lastCustomer = firstReply + 40_000;
        }
        const handled = acceptedAt + seconds(480, 5_400) * 1_000;
        const ended = handled <= now;
        status = ended ? 'ended' : 'active';
        endedAt = ended ? Math.max(handled, firstReply + 100_000) : null;
        endedBy = ended ? (random() < 0.7 ? 'agent' : 'customer') : null;
        item = [
          itemId,
          world.orgId,
          id,
          queue.id,
          ended ? 'completed' : 'accepted',
          askedAt,
          handoff,
          agentId,
          acceptedAt,
          endedAt,
          askedAt,
        ];
      }
    }
    const shown = entries.filter(([, , , at]) => at <= now);
    insertSession.run(
      id,
      world.orgId,
      deployment.id,
      deployment.channel,
      status,
      agentType,
      withBot ? world.botId : null,
      withBot ? version : null,
      agentId,
      shown.length,
      createdAt,
      acceptedAt,
      lastCustomer,
      endedAt,
      endedBy,
    );
    if (item) insertItem.run(...item);
    shown.forEach(([actor, actorId, type, at], index) => {
      insertEntry.run(
        uuidv7({ msecs: at }),
        world.orgId,
        id,
        index + 1,
        actor,
        actorId,
        actor === 'agent' ? 'Agent' : actor === 'bot' ? 'Helper' : '',
        type,
        type === 'text' ? '{"text":"Where is my order?"}' : '{}',
        actor === 'customer' ? `m-${index}` : null,
        at,
      );
    });
    if (endedAt && random() < 0.25) {
      const roll = random();
      const score = roll < 0.08 ? 1 : roll < 0.16 ? 2 : roll < 0.3 ? 3 : roll < 0.6 ? 4 : 5;
      insertCsat.run(uuidv7({ msecs: endedAt }), world.orgId, id, score, endedAt + 30_000);
    }
  }

  const total = options.conversations;
  const otherShare = 0.02;
  let done = 0;
  const writeBatch = sqlite.transaction((count: number) => {
    for (let i = 0; i < count; i++, done++) {
      const world = random() < otherShare ? globex : acme;
      conversation(world, timeOf(done, total, start, options.days));
    }
  });
  while (done < total) {
    writeBatch(Math.min(BATCH, total - done));
    options.onProgress?.(done, total);
  }
  sqlite.transaction(() => {
    for (const world of [acme, globex]) {
      writePresence(world, start, options.days, now, (userId, presence, statusId, at) =>
        insertPresence.run(uuidv7({ msecs: at }), world.orgId, userId, presence, statusId, at),
      );
    }
  })();
  sqlite.pragma('synchronous = FULL');
  sqlite.exec('analyze');
  return {
    orgId: acme.orgId,
    timeZone: TIME_ZONE,
    deploymentIds: acme.deployments.map((d) => d.id),
    botVersionIds: acme.versions.map((v) => v.id),
    queueIds: acme.queues.map((q) => q.id),
    agentIds: acme.agents,
    otherOrgId: globex.orgId,
  };
}

/**
 * The start of the i-th of `total` conversations: days in order, and within a day more by
 * day than by night (a triangle peaking at 14:00 UTC), so a day's conversations still come in
 * order and each id sorts with its time, as on a live system.
 */
function timeOf(i: number, total: number, start: number, days: number): number {
  const position = (i / total) * days;
  const day = Math.floor(position);
  const within = position - day;
  // Map a uniform fraction of the day onto a triangle between 04:00 and 24:00 UTC.
  const peak = (14 - 4) / 20;
  const x = within < peak ? Math.sqrt(within * peak) : 1 - Math.sqrt((1 - within) * (1 - peak));
  return start + day * DAY_MS + Math.round((4 + x * 20) * 60 * 60 * 1000);
}

interface QueueInfo {
  id: string;
  members: string[];
}

interface World {
  orgId: string;
  botId: string;
  deployments: { id: string; channel: Channel }[];
  versions: { id: string; from: number }[];
  versionAt: (at: number) => string;
  queues: QueueInfo[];
  agents: string[];
  lunchId: string;
}

function createOrg(db: Db, slug: string, at: Date, start: number, span: number): World {
  const org = db
    .insert(orgs)
    .values({ name: slug, slug, timeZone: TIME_ZONE, createdAt: at })
    .returning()
    .get();
  const deploymentList = (
    [
      ['iOS app', 'in_app'],
      ['Android app', 'in_app'],
      ['Website', 'web'],
      ['Help centre', 'web'],
    ] as const
  ).map(([name, channel], index) =>
    db
      .insert(deployments)
      .values({
        orgId: org.id,
        publicId: `${slug}-${index}`,
        name,
        channel,
        apiKeyHash: 'bench',
        apiKeyPrefix: 'pk_',
        apiKeyRotatedAt: at,
        settings: DEFAULT_DEPLOYMENT_SETTINGS,
        updatedAt: at,
      })
      .returning({ id: deployments.id, channel: deployments.channel })
      .get(),
  );
  const bot = db
    .insert(bots)
    .values({ orgId: org.id, name: 'Helper', updatedAt: at })
    .returning()
    .get();
  const versions = Array.from({ length: 8 }, (_, index) => ({
    id: db
      .insert(botVersions)
      .values({
        orgId: org.id,
        botId: bot.id,
        number: index + 1,
        flow: {},
        nluModel: {},
        checksum: `v${index + 1}`,
      })
      .returning()
      .get().id,
    // A new version an eighth of the way further into the period each time.
    from: start + (index / 8) * span,
  }));
  const queueList = QUEUE_NAMES.map((name) => ({
    id: db.insert(queues).values({ orgId: org.id, name }).returning().get().id,
    members: [] as string[],
  }));
  const agents = Array.from({ length: 40 }, (_, index) => {
    const user = db
      .insert(staffUsers)
      .values({
        orgId: org.id,
        email: `agent${index}@${slug}.bench`,
        name: `Agent ${String(index).padStart(2, '0')}`,
        role: 'agent',
        passwordHash: 'bench',
      })
      .returning()
      .get();
    db.insert(agentStates)
      .values({ orgId: org.id, userId: user.id, capacity: 2 + (index % 3), updatedAt: at })
      .run();
    // Each agent in one main queue, and every third one in a second.
    const memberOf = [index % QUEUE_NAMES.length];
    if (index % 3 === 0) memberOf.push((index + 2) % QUEUE_NAMES.length);
    for (const q of memberOf) {
      const queue = queueList[q] as QueueInfo;
      queue.members.push(user.id);
      db.insert(queueMembers).values({ orgId: org.id, userId: user.id, queueId: queue.id }).run();
    }
    return user.id;
  });
  const lunchId = db
    .insert(presenceStatuses)
    .values({ orgId: org.id, name: 'Lunch', takesWork: false })
    .returning()
    .get().id;
  return {
    orgId: org.id,
    botId: bot.id,
    deployments: deploymentList,
    versions,
    versionAt: (when) => {
      // A few conversations stay on the version before, as a session keeps the one it began with.
      let found = versions[0]?.id ?? '';
      for (const version of versions)
        if (version.from <= when - random() * DAY_MS) found = version.id;
      return found;
    },
    queues: queueList,
    agents,
    lunchId,
  };
}

type WritePresence = (
  userId: string,
  presence: string,
  statusId: string | null,
  at: number,
) => void;

/**
 * A working day per agent, five days a week: Online at the shift's start, Lunch, Online, a
 * short Away now and then, Offline at the end.
 */
function writePresence(
  world: World,
  start: number,
  days: number,
  now: number,
  write: WritePresence,
) {
  world.agents.forEach((userId, index) => {
    const shiftStartHour = 6 + (index % 4) * 3;
    for (let day = 0; day < days; day++) {
      if ((day + index) % 7 >= 5) continue;
      const dayStart = start + day * DAY_MS + shiftStartHour * 3_600_000;
      const minute = (m: number) => dayStart + m * 60_000 + Math.floor(random() * 300_000);
      const changes: [string, string | null, number][] = [
        ['online', null, minute(0)],
        ['busy', world.lunchId, minute(240)],
        ['online', null, minute(290)],
      ];
      if (random() < 0.3) changes.push(['away', null, minute(360)], ['online', null, minute(375)]);
      changes.push(['offline', null, minute(480)]);
      for (const [presence, statusId, at] of changes) {
        if (at <= now) write(userId, presence, statusId, at);
      }
    }
  });
}
