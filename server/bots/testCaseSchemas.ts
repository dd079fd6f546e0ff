import { z } from 'zod';
import {
  expectationSchema,
  testCaseSchema,
  testInputSchema,
} from '../../bot-runtime/botTests/testCase';

const botId = z.string().min(1);
const caseId = z.string().min(1).max(64);

export const testCasesInput = z.object({ botId });

export const createTestCaseInput = z.object({ botId, testCase: testCaseSchema });

export const updateTestCaseInput = z.object({
  botId,
  testCase: testCaseSchema,
  /** The revision the editor started from; a newer one is refused, so no edit is lost. */
  baseRevision: z.number().int().min(1),
});

export const deleteTestCaseInput = z.object({ botId, caseId });

export const runTestsInput = z.object({
  botId,
  /** The cases to run; all of the bot's when left out. */
  caseIds: z.array(caseId).min(1).max(1_000).optional(),
  /** A published version to run against; the saved draft when left out. */
  versionId: z.string().min(1).optional(),
});

/** The latest run of a case against the draft, as stored with it. */
export const lastRunSchema = z.object({
  at: z.iso.datetime(),
  draftRevision: z.number().int(),
  caseRevision: z.number().int(),
  passed: z.boolean(),
  failure: z
    .object({
      turn: z.number().int(),
      input: testInputSchema,
      expectation: expectationSchema.nullable(),
      expected: z.string(),
      actual: z.string(),
    })
    .nullable(),
});
export type LastRun = z.output<typeof lastRunSchema>;
