import { and, desc, eq } from 'drizzle-orm';
import type { FlowDocument } from '../../bot-runtime/flow';
import { recordAudit } from '../audit/recordAudit';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import { botVersions, deployments, staffUsers } from '../db/schema';
import { DomainError } from '../errors';
import { getBot } from './botCatalog';
import { getDraft, type SavedDraft, saveDraft } from './botDrafts';
import { publishBotVersion } from './publishBotVersion';
import { requireLoadableFlow } from './requireLoadableFlow';

export interface BotVersionSummary {
  id: string;
  number: number;
  note: string;
  checksum: string;
  createdAt: Date;
  author: string | null;
  /** Names of the deployments serving this version now. */
  liveOn: string[];
}

export interface BotVersionDetail extends BotVersionSummary {
  flow: FlowDocument;
}

const versionColumns = {
  id: botVersions.id,
  number: botVersions.number,
  note: botVersions.note,
  checksum: botVersions.checksum,
  createdAt: botVersions.createdAt,
  author: staffUsers.name,
};

export function listVersions(db: Db, orgId: string, botId: string): BotVersionSummary[] {
  getBot(db, orgId, botId);
  const rows = db
    .select(versionColumns)
    .from(botVersions)
    .leftJoin(staffUsers, eq(staffUsers.id, botVersions.authorId))
    .where(and(eq(botVersions.botId, botId), eq(botVersions.orgId, orgId)))
    .orderBy(desc(botVersions.number))
    .all();
  const live = db
    .select({ name: deployments.name, versionId: deployments.botVersionId })
    .from(deployments)
    .where(and(eq(deployments.orgId, orgId), eq(deployments.botId, botId)))
    .all();
  return rows.map((row) => ({
    ...row,
    liveOn: live.filter((d) => d.versionId === row.id).map((d) => d.name),
  }));
}

export function getVersion(
  db: Db,
  orgId: string,
  botId: string,
  versionId: string,
): BotVersionDetail {
  const row = db
    .select({ ...versionColumns, flow: botVersions.flow })
    .from(botVersions)
    .leftJoin(staffUsers, eq(staffUsers.id, botVersions.authorId))
    .where(isVersionOf(orgId, botId, versionId))
    .get();
  if (!row) throw new DomainError('NOT_FOUND', 'No such version of this bot.');
  const liveOn = db
    .select({ name: deployments.name })
    .from(deployments)
    .where(and(eq(deployments.orgId, orgId), eq(deployments.botVersionId, versionId)))
    .all()
    .map((d) => d.name);
  return { ...row, flow: requireLoadableFlow(row.flow), liveOn };
}

/** Publishes the saved draft as the next immutable version; validation errors block it. */
export function publishDraft(
  db: Db,
  actor: StaffUser,
  input: { botId: string; note: string },
): BotVersionSummary {
  const draft = getDraft(db, actor.orgId, input.botId);
  const version = publishBotVersion(db, {
    orgId: actor.orgId,
    botId: input.botId,
    document: draft.document,
    authorId: actor.id,
    note: input.note,
  });
  recordAudit(db, {
    orgId: actor.orgId,
    actorUserId: actor.id,
    action: 'bot.published',
    targetType: 'bot',
    targetId: input.botId,
    details: { version: version.number, draftRevision: draft.revision },
  });
  return {
    id: version.id,
    number: version.number,
    note: version.note,
    checksum: version.checksum,
    createdAt: version.createdAt,
    author: actor.name,
    liveOn: [],
  };
}

/** Makes a version's flow the draft again; the version itself stays as it was. */
export function restoreDraftFromVersion(
  db: Db,
  actor: StaffUser,
  input: { botId: string; versionId: string; baseRevision: number },
): SavedDraft {
  const version = getVersion(db, actor.orgId, input.botId, input.versionId);
  const saved = saveDraft(db, actor, {
    botId: input.botId,
    baseRevision: input.baseRevision,
    document: version.flow,
    overwrite: false,
  });
  recordAudit(db, {
    orgId: actor.orgId,
    actorUserId: actor.id,
    action: 'bot.draft_restored',
    targetType: 'bot',
    targetId: input.botId,
    details: { version: version.number, revision: saved.revision },
  });
  return saved;
}

/** The version, when it is one of this org's bot's: anything else is nobody's to read. */
export function isVersionOf(orgId: string, botId: string, versionId: string) {
  return and(
    eq(botVersions.id, versionId),
    eq(botVersions.botId, botId),
    eq(botVersions.orgId, orgId),
  );
}
