import { and, asc, eq, sql } from 'drizzle-orm';
import { type TestCase, testCaseSchema } from '../../bot-runtime/botTests/testCase';
import type { Db } from '../db/client';
import { botTestCases } from '../db/schema';

/** A database or a transaction on one: enough to insert and read test case rows. */
type Writer = Pick<Db, 'insert' | 'select'>;

/** Stores cases read from an export, a template or a bot being copied; ids must be unique. */
export function insertTestCases(
  db: Writer,
  orgId: string,
  botId: string,
  cases: readonly TestCase[],
  authorId: string | null,
) {
  if (cases.length === 0) return;
  const now = new Date();
  db.insert(botTestCases)
    .values(
      cases.map((testCase) => ({
        orgId,
        botId,
        caseId: testCase.id,
        name: testCase.name,
        definition: testCase,
        updatedBy: authorId,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .run();
}

/**
 * A bot's test cases in the order they were added (rowid keeps the order of cases stored
 * together), without checking the bot is the org's.
 */
export function readTestCases(db: Writer, orgId: string, botId: string): TestCase[] {
  return db
    .select({ definition: botTestCases.definition })
    .from(botTestCases)
    .where(and(eq(botTestCases.orgId, orgId), eq(botTestCases.botId, botId)))
    .orderBy(asc(botTestCases.createdAt), sql`rowid`)
    .all()
    .map((row) => testCaseSchema.parse(row.definition));
}
