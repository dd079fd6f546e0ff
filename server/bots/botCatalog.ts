import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TestCase } from '../../bot-runtime/botTests/testCase';
import type { FlowDocument } from '../../bot-runtime/flow';
import { recordAudit } from '../audit/recordAudit';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import { botDrafts, bots, botVersions, deployments } from '../db/schema';
import { DomainError } from '../errors';
import { likePattern, type Page, type PageInput } from '../pagination';
import type { createBotInput } from './botSchemas';
import { templateDocument } from './botTemplates';
import { requireLoadableFlow } from './requireLoadableFlow';
import { insertTestCases, readTestCases } from './storedTestCases';

export interface BotSummary {
  id: string;
  name: string;
  description: string;
  updatedAt: Date;
  /** Null until the first publish. */
  latestVersion: number | null;
  /** Deployments serving one of this bot's versions to customers. */
  liveDeployments: number;
}

const summaryColumns = {
  id: bots.id,
  name: bots.name,
  description: bots.description,
  updatedAt: bots.updatedAt,
  latestVersion: sql<
    number | null
  >`(select max(${botVersions.number}) from ${botVersions} where ${botVersions.botId} = ${bots.id})`,
  liveDeployments: sql<number>`(select count(*) from ${deployments} where ${deployments.botId} = ${bots.id})`,
};

export function listBots(db: Db, orgId: string, input: PageInput): Page<BotSummary> {
  const where = and(
    eq(bots.orgId, orgId),
    input.search ? sql`${bots.name} like ${likePattern(input.search)} escape '\\'` : undefined,
  );
  const items = db
    .select(summaryColumns)
    .from(bots)
    .where(where)
    .orderBy(asc(sql`lower(${bots.name})`), asc(bots.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total = db.select({ n: count() }).from(bots).where(where).get()?.n ?? 0;
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** Another org's bot answers exactly like a missing one, so ids reveal nothing. */
export function getBot(db: Db, orgId: string, botId: string): BotSummary {
  const row = db
    .select(summaryColumns)
    .from(bots)
    .where(and(eq(bots.id, botId), eq(bots.orgId, orgId)))
    .get();
  if (!row) throw new DomainError('NOT_FOUND', 'No such bot in your organisation.');
  return row;
}

/** A new bot from a template, with the test cases the template ships. */
export function createBot(db: Db, actor: StaffUser, input: z.infer<typeof createBotInput>) {
  const template = templateDocument(input.template, input.name);
  const document = requireLoadableFlow(template.document);
  return insertBot(db, actor, document, { template: input.template }, template.testCases);
}

/** Stores a new bot with its draft and test cases; the name and description come from the document. */
export function insertBot(
  db: Db,
  actor: StaffUser,
  document: FlowDocument,
  auditDetails: Record<string, unknown>,
  testCases: readonly TestCase[] = [],
): BotSummary {
  const now = new Date();
  const botId = db.transaction((tx) => {
    const bot = tx
      .insert(bots)
      .values({
        orgId: actor.orgId,
        name: document.name,
        description: document.description,
        createdBy: actor.id,
        updatedAt: now,
      })
      .returning({ id: bots.id })
      .get();
    tx.insert(botDrafts)
      .values({ botId: bot.id, orgId: actor.orgId, document, updatedBy: actor.id, updatedAt: now })
      .run();
    insertTestCases(tx, actor.orgId, bot.id, testCases, actor.id);
    return bot.id;
  });
  recordAudit(db, {
    orgId: actor.orgId,
    actorUserId: actor.id,
    action: 'bot.created',
    targetType: 'bot',
    targetId: botId,
    details: { name: document.name, ...auditDetails },
  });
  return getBot(db, actor.orgId, botId);
}

export function renameBot(db: Db, actor: StaffUser, botId: string, name: string): BotSummary {
  const before = getBot(db, actor.orgId, botId);
  db.update(bots)
    .set({ name, updatedAt: new Date() })
    .where(and(eq(bots.id, botId), eq(bots.orgId, actor.orgId)))
    .run();
  recordAudit(db, {
    orgId: actor.orgId,
    actorUserId: actor.id,
    action: 'bot.renamed',
    targetType: 'bot',
    targetId: botId,
    details: { from: before.name, to: name },
  });
  return getBot(db, actor.orgId, botId);
}

/** A new bot with a copy of the draft and the test cases; versions stay with the original. */
export function duplicateBot(db: Db, actor: StaffUser, botId: string): BotSummary {
  const original = getBot(db, actor.orgId, botId);
  const draft = db
    .select({ document: botDrafts.document })
    .from(botDrafts)
    .where(and(eq(botDrafts.botId, botId), eq(botDrafts.orgId, actor.orgId)))
    .get();
  const document = requireLoadableFlow(draft?.document);
  return insertBot(
    db,
    actor,
    { ...document, name: `${original.name} (copy)`, description: original.description },
    { duplicatedFrom: botId },
    readTestCases(db, actor.orgId, botId),
  );
}

/** Refused while a deployment serves the bot, so customers never lose their bot silently. */
export function deleteBot(db: Db, actor: StaffUser, botId: string) {
  const bot = getBot(db, actor.orgId, botId);
  const live = db
    .select({ name: deployments.name })
    .from(deployments)
    .where(and(eq(deployments.botId, botId), eq(deployments.orgId, actor.orgId)))
    .all();
  if (live.length > 0) {
    throw new DomainError(
      'BOT_IS_LIVE',
      `${bot.name} is live on ${live.map((d) => d.name).join(', ')}. Point ${live.length === 1 ? 'that deployment' : 'those deployments'} to another bot first.`,
      { deployments: live.map((d) => d.name) },
    );
  }
  db.delete(bots)
    .where(and(eq(bots.id, botId), eq(bots.orgId, actor.orgId)))
    .run();
  recordAudit(db, {
    orgId: actor.orgId,
    actorUserId: actor.id,
    action: 'bot.deleted',
    targetType: 'bot',
    targetId: botId,
    details: { name: bot.name },
  });
  return { id: botId };
}
