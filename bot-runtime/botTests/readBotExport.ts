import type { FlowDocument } from '../flow/flowDocument';
import { type LoadIssue, loadFlow } from '../flow/loadFlow';
import { type TestCase, testSuiteSchema } from './testCase';
import { migrateTestSuite } from './testSuiteMigrations';

/** The field of an exported bot that carries its test cases, beside the flow's own fields. */
export const TEST_CASES_FIELD = 'testCases';

export type BotExportResult =
  | { ok: true; flow: FlowDocument; testCases: TestCase[] }
  | { ok: false; error: { code: string; message: string; issues: LoadIssue[] } };

/**
 * Reads an exported bot: the flow document (migrated and parsed as any stored flow) and its test
 * cases, a suite with its own schemaVersion under `testCases`. An export made before bots had
 * test cases has none.
 */
export function readBotExport(raw: unknown): BotExportResult {
  const loaded = loadFlow(raw);
  if (!loaded.ok) return loaded;
  const suite = (raw as Record<string, unknown>)[TEST_CASES_FIELD];
  if (suite === undefined) return { ok: true, flow: loaded.flow, testCases: [] };
  const testCases = readTestSuite(suite);
  if (!testCases.ok) return testCases;
  return { ok: true, flow: loaded.flow, testCases: testCases.cases };
}

/** A suite as stored or exported, migrated to the current format and parsed. */
export function readTestSuite(
  raw: unknown,
):
  | { ok: true; cases: TestCase[] }
  | { ok: false; error: { code: string; message: string; issues: LoadIssue[] } } {
  const migrated = migrateTestSuite(raw);
  if (!migrated.ok) {
    const issues = [{ path: [TEST_CASES_FIELD], message: migrated.message }];
    return { ok: false, error: { code: 'TEST_CASES_INVALID', message: migrated.message, issues } };
  }
  const parsed = testSuiteSchema.safeParse(migrated.suite);
  if (parsed.success) return { ok: true, cases: parsed.data.cases };
  const issues = parsed.error.issues.map((issue) => ({
    path: [
      TEST_CASES_FIELD,
      ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    ],
    message: issue.message,
  }));
  return {
    ok: false,
    error: { code: 'TEST_CASES_INVALID', message: 'The test cases are not valid.', issues },
  };
}
