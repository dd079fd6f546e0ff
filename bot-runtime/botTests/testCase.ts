import { z } from 'zod';
import { identifierSchema } from '../flow/identifier';
import { jsonValueSchema } from '../flow/json';

export const CURRENT_TEST_SUITE_SCHEMA_VERSION = 1;

const nonEmpty = z.string().trim().min(1, 'Required.');

/**
 * What wakes the bot for one turn of a test: the opening of the chat (optionally by typing), a
 * message, a tapped quick reply, a submitted form, routing answering a hand-off with "nobody
 * can come" (the escalate node's "No agent available" path), or an agent handing the
 * conversation back to the bot (its "Back from an agent" path).
 */
export const testInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), text: z.string().max(4_000).optional() }),
  z.object({ type: z.literal('text'), text: z.string().max(4_000) }),
  z.object({
    type: z.literal('choice'),
    value: z.string().max(500),
    label: z.string().max(500).optional(),
  }),
  z.object({ type: z.literal('form'), fields: z.record(z.string(), jsonValueSchema) }),
  z.object({ type: z.literal('noAgent') }),
  z.object({ type: z.literal('returned') }),
]);
export type TestInput = z.output<typeof testInputSchema>;

export const textMatchModes = ['exact', 'contains', 'matches'] as const;
export type TextMatchMode = (typeof textMatchModes)[number];

export const endStatuses = ['awaiting_input', 'escalated', 'ended'] as const;

/**
 * What must hold after a turn. Each kind reads only that turn's result (and, for variables and
 * status, the conversation's state once the turn is over):
 * - `botSays`: one of the turn's text messages equals `text` (exact), contains it (contains), or
 *   is matched anywhere by the RE2 pattern `text` (matches); `ignoreCase` for all three.
 * - `intent`: the intent the NLU read in the customer's message this turn, below the flow's
 *   threshold counting as `null` (not understood); for a tapped quick reply that names an intent,
 *   that intent. `null` expects "not understood", which is also what a turn whose message no
 *   node classified reads (an email typed at an ask node).
 * - `visited`: the turn went through the node (entered it, resumed it or jumped from it).
 * - `variable`: after the turn the variable holds exactly this JSON value (unset reads `null`).
 * - `status`: after the turn the conversation waits for the customer (`awaiting_input`), is
 *   handed off (`escalated`; with `queue`, the turn's hand-off, or the last one before it, named
 *   that queue) or has ended (`ended`).
 * - `noAgent`: this turn left an escalate node through its "No agent available" output.
 */
export const expectationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('botSays'),
    match: z.enum(textMatchModes),
    text: z.string().min(1, 'Say what the bot should say.').max(4_000),
    ignoreCase: z.boolean().default(false),
  }),
  z.object({ kind: z.literal('intent'), intent: z.string().max(200).nullable() }),
  z.object({ kind: z.literal('visited'), nodeId: nonEmpty.max(200) }),
  z.object({ kind: z.literal('variable'), variable: identifierSchema, value: jsonValueSchema }),
  z.object({
    kind: z.literal('status'),
    status: z.enum(endStatuses),
    queue: z.string().trim().min(1).max(200).optional(),
  }),
  z.object({ kind: z.literal('noAgent') }),
]);
export type Expectation = z.output<typeof expectationSchema>;
export type ExpectationInput = z.input<typeof expectationSchema>;

export const testTurnSchema = z.object({
  input: testInputSchema,
  expect: z.array(expectationSchema).max(100).default([]),
});
export type TestTurn = z.output<typeof testTurnSchema>;

/**
 * What an action answers in this test instead of its mock: an output (checked against the
 * action's own output schema, like a real answer) or a failure, which takes the action node's
 * "failure" path.
 */
export const mockAnswerSchema = z.union([
  z.object({ output: jsonValueSchema }),
  z.object({ error: z.string().min(1).max(1_000) }),
]);
export type MockAnswer = z.output<typeof mockAnswerSchema>;

/**
 * One saved conversation and what must happen in it. The first turn opens the chat; each later
 * turn is what the customer (or routing) does next, in order.
 */
export const testCaseSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Use letters, digits, "-" and "_" (at most 64).'),
  name: nonEmpty.max(200),
  /** Values the variables hold when the chat opens, in place of the flow's defaults. */
  variables: z.record(identifierSchema, jsonValueSchema).default({}),
  /** Per action name; an action not named here answers from its mock. */
  mocks: z.record(z.string(), mockAnswerSchema).default({}),
  turns: z
    .array(testTurnSchema)
    .min(1, 'A test case needs at least the opening of the chat.')
    .max(200)
    .refine((turns) => turns[0]?.input.type === 'start', {
      message: 'The first turn opens the chat (input type "start").',
    })
    .refine((turns) => turns.slice(1).every((turn) => turn.input.type !== 'start'), {
      message: 'Only the first turn opens the chat.',
    }),
});
export type TestCase = z.output<typeof testCaseSchema>;
export type TestCaseInput = z.input<typeof testCaseSchema>;

/** A bot's test cases as they travel in an exported bot's `testCases` field. */
export const testSuiteSchema = z.object({
  schemaVersion: z.literal(CURRENT_TEST_SUITE_SCHEMA_VERSION),
  cases: z
    .array(testCaseSchema)
    .max(1_000)
    .refine((cases) => new Set(cases.map((c) => c.id)).size === cases.length, {
      message: 'Two test cases share an id.',
    }),
});
export type TestSuite = z.output<typeof testSuiteSchema>;
