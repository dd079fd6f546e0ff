import { and, asc, count, eq, ne, or, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/recordAudit';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import { quickTexts } from '../db/schema';
import { DomainError } from '../errors';
import { likePattern, type Page, type PageInput } from '../pagination';
import { atomically } from '../routing/workItem';
import { type QuickTextInput, quickTextInput } from './quickTextSchema';
import { validInput } from './validInput';

export interface QuickTextRow {
  id: string;
  title: string;
  body: string;
  updatedAt: Date;
}

const columns = {
  id: quickTexts.id,
  title: quickTexts.title,
  body: quickTexts.body,
  updatedAt: quickTexts.updatedAt,
};

/** The org's quick texts by title; `search` finds words in the title or the text, in any case. */
export function listQuickTexts(db: Db, orgId: string, input: PageInput): Page<QuickTextRow> {
  const pattern = likePattern(input.search.toLowerCase());
  const where = and(
    eq(quickTexts.orgId, orgId),
    input.search
      ? or(
          sql`lower(${quickTexts.title}) like ${pattern} escape '\\'`,
          sql`lower(${quickTexts.body}) like ${pattern} escape '\\'`,
        )
      : undefined,
  );
  const items = db
    .select(columns)
    .from(quickTexts)
    .where(where)
    .orderBy(asc(quickTexts.title), asc(quickTexts.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total = db.select({ n: count() }).from(quickTexts).where(where).get()?.n ?? 0;
  return { items, total, page: input.page, pageSize: input.pageSize };
}

export function createQuickText(db: Db, actor: StaffUser, input: QuickTextInput): QuickTextRow {
  const text = validInput(quickTextInput, input);
  refuseTakenTitle(db, actor.orgId, text.title);
  return atomically(db, () => {
    const row = db
      .insert(quickTexts)
      .values({ orgId: actor.orgId, ...text, updatedAt: new Date() })
      .returning(columns)
      .get();
    recordAudit(db, {
      orgId: actor.orgId,
      actorUserId: actor.id,
      action: 'quick_text.created',
      targetType: 'quick_text',
      targetId: row.id,
      details: { title: text.title },
    });
    return row;
  });
}

export function updateQuickText(
  db: Db,
  actor: StaffUser,
  id: string,
  input: QuickTextInput,
): QuickTextRow {
  const text = validInput(quickTextInput, input);
  const before = textInOrg(db, actor.orgId, id);
  refuseTakenTitle(db, actor.orgId, text.title, id);
  return atomically(db, () => {
    const row = db
      .update(quickTexts)
      .set({ ...text, updatedAt: new Date() })
      .where(eq(quickTexts.id, id))
      .returning(columns)
      .get();
    recordAudit(db, {
      orgId: actor.orgId,
      actorUserId: actor.id,
      action: 'quick_text.updated',
      targetType: 'quick_text',
      targetId: id,
      details: {
        title: text.title,
        ...(before.title !== text.title ? { previousTitle: before.title } : {}),
        bodyChanged: before.body !== text.body,
      },
    });
    return row as QuickTextRow;
  });
}

export function deleteQuickText(db: Db, actor: StaffUser, id: string) {
  const text = textInOrg(db, actor.orgId, id);
  atomically(db, () => {
    db.delete(quickTexts).where(eq(quickTexts.id, id)).run();
    recordAudit(db, {
      orgId: actor.orgId,
      actorUserId: actor.id,
      action: 'quick_text.deleted',
      targetType: 'quick_text',
      targetId: id,
      details: { title: text.title },
    });
  });
  return { id };
}

function textInOrg(db: Db, orgId: string, id: string) {
  const row = db
    .select({ title: quickTexts.title, body: quickTexts.body })
    .from(quickTexts)
    .where(and(eq(quickTexts.id, id), eq(quickTexts.orgId, orgId)))
    .get();
  if (!row) throw new DomainError('NOT_FOUND', 'No such quick text in your organisation.');
  return row;
}

function refuseTakenTitle(db: Db, orgId: string, title: string, exceptId?: string) {
  const taken = db
    .select({ title: quickTexts.title })
    .from(quickTexts)
    .where(
      and(
        eq(quickTexts.orgId, orgId),
        sql`lower(${quickTexts.title}) = lower(${title})`,
        exceptId ? ne(quickTexts.id, exceptId) : undefined,
      ),
    )
    .get();
  if (taken) {
    throw new DomainError('CONFLICT', `There is already a quick text titled “${taken.title}”.`, {
      field: 'title',
    });
  }
}
