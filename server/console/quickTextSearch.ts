import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { quickTexts } from '../db/schema';
import { likePattern } from '../pagination';

export const QUICK_TEXT_RESULTS = 20;

/** The org's quick texts whose title or body holds `search`, by title, for the composer. */
export function searchQuickTexts(db: Db, orgId: string, search: string) {
  const pattern = likePattern(search.trim());
  return db
    .select({ id: quickTexts.id, title: quickTexts.title, body: quickTexts.body })
    .from(quickTexts)
    .where(
      and(
        eq(quickTexts.orgId, orgId),
        search.trim()
          ? or(
              sql`${quickTexts.title} like ${pattern} escape '\\'`,
              sql`${quickTexts.body} like ${pattern} escape '\\'`,
            )
          : undefined,
      ),
    )
    .orderBy(asc(quickTexts.title))
    .limit(QUICK_TEXT_RESULTS)
    .all();
}
