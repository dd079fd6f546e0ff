import { builtInActions } from '../../bot-runtime/actions';
import type { TestRunContext } from '../../bot-runtime/botTests/runTestCase';
import { runTestSuite, type TestSuiteResult } from '../../bot-runtime/botTests/runTestSuite';
import { loadNlu } from '../../bot-runtime/nlu';
import type { Db } from '../db/client';
import { botVersions } from '../db/schema';
import { DomainError } from '../errors';
import { getDraft } from './botDrafts';
import { listTestCases, recordLastRuns } from './botTestCases';
import { isVersionOf } from './botVersions';
import { ignoredPhrases } from './misunderstood';
import { nluResources } from './nluResources';
import { previewNlu } from './previewNlu';
import { requireLoadableFlow } from './requireLoadableFlow';

export type TestTarget = { kind: 'draft'; revision: number } | { kind: 'version'; number: number };

export interface BotTestRun extends TestSuiteResult {
  target: TestTarget;
  durationMs: number;
}

/**
 * Runs a bot's test cases (all, or the ones named) against its saved draft or one of its
 * published versions, in this process with no network: actions answer from their mocks unless
 * a case gives them an answer. A draft run is kept as each case's latest result, which
 * publishing reads; a version run only answers.
 */
export async function runBotTests(
  db: Db,
  orgId: string,
  input: { botId: string; caseIds?: string[]; versionId?: string },
): Promise<BotTestRun> {
  const stored = listTestCases(db, orgId, input.botId).cases;
  const cases = input.caseIds
    ? input.caseIds.map((caseId) => {
        const found = stored.find((c) => c.testCase.id === caseId);
        if (!found) throw new DomainError('NOT_FOUND', `This bot has no test case "${caseId}".`);
        return found;
      })
    : stored;
  const { context, target } = input.versionId
    ? versionContext(db, orgId, input.botId, input.versionId)
    : draftContext(db, orgId, input.botId);
  const started = performance.now();
  const run = await runTestSuite(
    context,
    cases.map((c) => c.testCase),
  );
  const durationMs = Math.round(performance.now() - started);
  if (target.kind === 'draft') {
    const at = new Date().toISOString();
    recordLastRuns(
      db,
      orgId,
      input.botId,
      run.results.map((result, index) => ({
        caseId: result.caseId,
        lastRun: {
          at,
          draftRevision: target.revision,
          caseRevision: cases[index]?.revision ?? 0,
          passed: result.passed,
          failure: result.failure,
        },
      })),
    );
  }
  return { ...run, target, durationMs };
}

/** The saved draft with the model publishing would train from it (trained once per intent set). */
function draftContext(db: Db, orgId: string, botId: string) {
  const draft = getDraft(db, orgId, botId);
  const context: TestRunContext = {
    flow: draft.document,
    nlu: previewNlu(draft.document, ignoredPhrases(db, orgId, botId)),
    actions: builtInActions,
  };
  return { context, target: { kind: 'draft', revision: draft.revision } as const };
}

/** A published version exactly as customers get it: its own flow and its stored model. */
function versionContext(db: Db, orgId: string, botId: string, versionId: string) {
  const row = db
    .select({ number: botVersions.number, flow: botVersions.flow, nluModel: botVersions.nluModel })
    .from(botVersions)
    .where(isVersionOf(orgId, botId, versionId))
    .get();
  if (!row) throw new DomainError('NOT_FOUND', 'No such version of this bot.');
  const context: TestRunContext = {
    flow: requireLoadableFlow(row.flow),
    nlu: loadNlu(row.nluModel, nluResources),
    actions: builtInActions,
  };
  return { context, target: { kind: 'version', number: row.number } as const };
}
