import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { FlowDocument } from '../../bot-runtime/flow';
import { recordAudit } from '../audit/recordAudit';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import { botDrafts, bots, staffUsers } from '../db/schema';
import { DomainError } from '../errors';
import { getBot } from './botCatalog';
import type { saveDraftInput } from './botSchemas';
import { requireLoadableFlow } from './requireLoadableFlow';

export interface BotDraft {
  botId: string;
  botName: string;
  document: FlowDocument;
  revision: number;
  updatedAt: Date;
  updatedBy: string | null;
}

export interface SavedDraft {
  revision: number;
  updatedAt: Date;
}

/** What a refused save tells the editor, so it can say who changed the draft and when. */
export interface DraftConflictDetails {
  revision: number;
  updatedAt: string;
  updatedBy: string | null;
}

export function getDraft(db: Db, orgId: string, botId: string): BotDraft {
  const bot = getBot(db, orgId, botId);
  const row = readDraftRow(db, orgId, botId);
  return {
    botId,
    botName: bot.name,
    document: requireLoadableFlow(row.document),
    revision: row.revision,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedByName,
  };
}

/**
 * Replaces the draft when it is still at `baseRevision`; otherwise refuses with DRAFT_CONFLICT
 * naming who saved meanwhile, so no edit is lost without someone choosing to.
 */
export function saveDraft(
  db: Db,
  actor: StaffUser,
  input: z.infer<typeof saveDraftInput>,
): SavedDraft {
  getBot(db, actor.orgId, input.botId);
  const document = requireLoadableFlow(input.document);
  const now = new Date();
  const saved = db.transaction((tx) => {
    const current = tx
      .select({ revision: botDrafts.revision })
      .from(botDrafts)
      .where(and(eq(botDrafts.botId, input.botId), eq(botDrafts.orgId, actor.orgId)))
      .get();
    if (!current) throw new DomainError('NOT_FOUND', 'This bot has no draft.');
    if (current.revision !== input.baseRevision && !input.overwrite) return null;
    const revision = current.revision + 1;
    tx.update(botDrafts)
      .set({ document, revision, updatedBy: actor.id, updatedAt: now })
      .where(eq(botDrafts.botId, input.botId))
      .run();
    tx.update(bots).set({ updatedAt: now }).where(eq(bots.id, input.botId)).run();
    return { revision, updatedAt: now, overwritten: current.revision !== input.baseRevision };
  });
  if (!saved) throw draftConflict(db, actor.orgId, input.botId);
  if (saved.overwritten) {
    recordAudit(db, {
      orgId: actor.orgId,
      actorUserId: actor.id,
      action: 'bot.draft_overwritten',
      targetType: 'bot',
      targetId: input.botId,
      details: { baseRevision: input.baseRevision, revision: saved.revision },
    });
  }
  return { revision: saved.revision, updatedAt: saved.updatedAt };
}

function draftConflict(db: Db, orgId: string, botId: string): DomainError {
  const row = readDraftRow(db, orgId, botId);
  const details: DraftConflictDetails = {
    revision: row.revision,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedByName,
  };
  return new DomainError(
    'DRAFT_CONFLICT',
    `${row.updatedByName ?? 'Someone'} saved this bot at ${details.updatedAt} while you were editing.`,
    { ...details },
  );
}

function readDraftRow(db: Db, orgId: string, botId: string) {
  const row = db
    .select({
      document: botDrafts.document,
      revision: botDrafts.revision,
      updatedAt: botDrafts.updatedAt,
      updatedByName: staffUsers.name,
    })
    .from(botDrafts)
    .leftJoin(staffUsers, eq(staffUsers.id, botDrafts.updatedBy))
    .where(and(eq(botDrafts.botId, botId), eq(botDrafts.orgId, orgId)))
    .get();
  if (!row) throw new DomainError('NOT_FOUND', 'This bot has no draft.');
  return row;
}
