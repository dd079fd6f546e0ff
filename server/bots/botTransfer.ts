import { readTestSuite, TEST_CASES_FIELD } from '../../bot-runtime/botTests/readBotExport';
import {
  CURRENT_TEST_SUITE_SCHEMA_VERSION,
  type TestCase,
  type TestSuite,
} from '../../bot-runtime/botTests/testCase';
import type { FlowDocument } from '../../bot-runtime/flow';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import { DomainError } from '../errors';
import { slugify } from '../slugify';
import { type BotSummary, getBot, insertBot } from './botCatalog';
import { getDraft } from './botDrafts';
import { lineAt, requireLoadableFlow } from './requireLoadableFlow';
import { readTestCases } from './storedTestCases';

/**
 * The draft as a file another Parley installation (or this one) can import, and `bot-test` can
 * run: the flow document with the bot's test cases beside its fields, as a suite with its own
 * schemaVersion.
 */
export function exportBot(
  db: Db,
  orgId: string,
  botId: string,
): { fileName: string; document: FlowDocument & { testCases: TestSuite } } {
  const bot = getBot(db, orgId, botId);
  const { document } = getDraft(db, orgId, botId);
  const cases = readTestCases(db, orgId, botId);
  return {
    fileName: `${slugify(bot.name, 60, 'bot')}.json`,
    document: {
      ...document,
      name: bot.name,
      description: bot.description,
      [TEST_CASES_FIELD]: { schemaVersion: CURRENT_TEST_SUITE_SCHEMA_VERSION, cases },
    },
  };
}

/**
 * Creates a bot from an exported file, with the test cases it carries; a file that is not a
 * flow, or whose test cases are broken, is refused with every problem.
 */
export function importBot(
  db: Db,
  actor: StaffUser,
  input: { text: string; name?: string },
): BotSummary {
  const raw = parseJson(input.text);
  const document = requireLoadableFlow(raw, input.text);
  const testCases = requireTestCases(raw);
  return insertBot(
    db,
    actor,
    { ...document, name: input.name ?? document.name },
    { imported: true },
    testCases,
  );
}

/** The test cases of an exported bot; none in a file exported before bots had them. */
export function requireTestCases(raw: unknown): TestCase[] {
  const suite = (raw as Record<string, unknown>)[TEST_CASES_FIELD];
  if (suite === undefined) return [];
  const read = readTestSuite(suite);
  if (read.ok) return read.cases;
  const issues = read.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
  throw new DomainError(
    'TEST_CASES_INVALID',
    `The file's test cases are not valid (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${issues[0]?.path}: ${issues[0]?.message}`,
    { issues },
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason)?.[1];
    const line = position === undefined ? undefined : lineAt(text, Number(position));
    throw new DomainError('FLOW_INVALID', `The file is not JSON${line ? ` (line ${line})` : ''}.`, {
      issues: [{ path: '', line, message: reason }],
    });
  }
}
