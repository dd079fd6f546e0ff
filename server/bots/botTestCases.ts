import { and, asc, eq, sql } from 'drizzle-orm';
import { type TestCase, testCaseSchema } from '../../bot-runtime/botTests/testCase';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import { botDrafts, botTestCases } from '../db/schema';
import { DomainError } from '../errors';
import { getBot } from './botCatalog';
import { insertTestCases } from './storedTestCases';
import { type LastRun, lastRunSchema } from './testCaseSchemas';

export interface StoredTestCase {
  testCase: TestCase;
  revision: number;
  updatedAt: Date;
  /** The latest run against the draft; `current` when neither the draft nor the case changed since. */
  lastRun: (LastRun & { current: boolean }) | null;
}

export interface TestCaseList {
  cases: StoredTestCase[];
  draftRevision: number;
  /** What publishing shows: `notRun` counts cases never run, or changed since, or run on an older draft. */
  summary: { total: number; passed: number; failed: number; notRun: number };
}

/**
 * A bot's test cases in the order they were added (rowid keeps the order of cases stored
 * together), each with its latest result.
 */
export function listTestCases(db: Db, orgId: string, botId: string): TestCaseList {
  getBot(db, orgId, botId);
  const draftRevision = currentDraftRevision(db, orgId, botId);
  const cases = db
    .select()
    .from(botTestCases)
    .where(and(eq(botTestCases.orgId, orgId), eq(botTestCases.botId, botId)))
    .orderBy(asc(botTestCases.createdAt), sql`rowid`)
    .all()
    .map((row): StoredTestCase => {
      const lastRun = row.lastRun === null ? null : lastRunSchema.parse(row.lastRun);
      const current =
        lastRun !== null &&
        lastRun.draftRevision === draftRevision &&
        lastRun.caseRevision === row.revision;
      return {
        testCase: testCaseSchema.parse(row.definition),
        revision: row.revision,
        updatedAt: row.updatedAt,
        lastRun: lastRun && { ...lastRun, current },
      };
    });
  const fresh = cases.flatMap(({ lastRun }) => (lastRun?.current ? [lastRun] : []));
  const passed = fresh.filter((run) => run.passed).length;
  return {
    cases,
    draftRevision,
    summary: {
      total: cases.length,
      passed,
      failed: fresh.length - passed,
      notRun: cases.length - fresh.length,
    },
  };
}

/** Adds a case to the bot; an id the bot already uses is refused. */
export function createTestCase(
  db: Db,
  actor: StaffUser,
  botId: string,
  testCase: TestCase,
): StoredTestCase {
  getBot(db, actor.orgId, botId);
  if (findRow(db, actor.orgId, botId, testCase.id)) {
    throw new DomainError(
      'TEST_CASE_EXISTS',
      `This bot already has a test case with the id "${testCase.id}".`,
      { caseId: testCase.id },
    );
  }
  insertTestCases(db, actor.orgId, botId, [testCase], actor.id);
  return storedCase(db, actor.orgId, botId, testCase.id);
}

/**
 * Replaces a case when it is still at `baseRevision`. Its latest result is dropped: it was
 * the result of other expectations.
 */
export function updateTestCase(
  db: Db,
  actor: StaffUser,
  input: { botId: string; testCase: TestCase; baseRevision: number },
): StoredTestCase {
  getBot(db, actor.orgId, input.botId);
  const row = findRow(db, actor.orgId, input.botId, input.testCase.id);
  if (!row) throw new DomainError('NOT_FOUND', 'No such test case in this bot.');
  const updated = db
    .update(botTestCases)
    .set({
      name: input.testCase.name,
      definition: input.testCase,
      revision: row.revision + 1,
      updatedBy: actor.id,
      updatedAt: new Date(),
      lastRun: null,
    })
    .where(and(eq(botTestCases.id, row.id), eq(botTestCases.revision, input.baseRevision)))
    .run();
  if (updated.changes === 0) {
    throw new DomainError(
      'TEST_CASE_CONFLICT',
      `"${row.name}" was changed by someone else while you were editing it. Reload it first.`,
      { revision: row.revision },
    );
  }
  return storedCase(db, actor.orgId, input.botId, input.testCase.id);
}

export function deleteTestCase(db: Db, actor: StaffUser, botId: string, caseId: string) {
  getBot(db, actor.orgId, botId);
  const deleted = db
    .delete(botTestCases)
    .where(
      and(
        eq(botTestCases.orgId, actor.orgId),
        eq(botTestCases.botId, botId),
        eq(botTestCases.caseId, caseId),
      ),
    )
    .run();
  if (deleted.changes === 0) throw new DomainError('NOT_FOUND', 'No such test case in this bot.');
  return { caseId };
}

/** Writes each case's latest draft result, unless the case changed while it ran. */
export function recordLastRuns(
  db: Db,
  orgId: string,
  botId: string,
  runs: readonly { caseId: string; lastRun: LastRun }[],
) {
  db.transaction((tx) => {
    for (const { caseId, lastRun } of runs) {
      tx.update(botTestCases)
        .set({ lastRun })
        .where(
          and(
            eq(botTestCases.orgId, orgId),
            eq(botTestCases.botId, botId),
            eq(botTestCases.caseId, caseId),
            eq(botTestCases.revision, lastRun.caseRevision),
          ),
        )
        .run();
    }
  });
}

export function currentDraftRevision(db: Db, orgId: string, botId: string): number {
  const draft = db
    .select({ revision: botDrafts.revision })
    .from(botDrafts)
    .where(and(eq(botDrafts.orgId, orgId), eq(botDrafts.botId, botId)))
    .get();
  if (!draft) throw new DomainError('NOT_FOUND', 'This bot has no draft.');
  return draft.revision;
}

function storedCase(db: Db, orgId: string, botId: string, caseId: string): StoredTestCase {
  const found = listTestCases(db, orgId, botId).cases.find((c) => c.testCase.id === caseId);
  if (!found) throw new DomainError('NOT_FOUND', 'No such test case in this bot.');
  return found;
}

function findRow(db: Db, orgId: string, botId: string, caseId: string) {
  return db
    .select({ id: botTestCases.id, name: botTestCases.name, revision: botTestCases.revision })
    .from(botTestCases)
    .where(
      and(
        eq(botTestCases.orgId, orgId),
        eq(botTestCases.botId, botId),
        eq(botTestCases.caseId, caseId),
      ),
    )
    .get();
}
