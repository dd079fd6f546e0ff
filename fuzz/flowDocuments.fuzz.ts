import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionRegistry } from '../bot-runtime/actions';
import {
  runTurn,
  type SessionState,
  sessionStateSchema,
  type TurnResult,
} from '../bot-runtime/engine';
import { keywordClassifier } from '../bot-runtime/engine/testing/keywordClassifier';
import { testServices } from '../bot-runtime/engine/testing/testServices';
import {
  type FlowDocument,
  type FlowIssue,
  loadFlow,
  validateFlowDocument,
} from '../bot-runtime/flow';
import type { JsonValue } from '../bot-runtime/flow/json';
import type { TurnInput } from '../bot-runtime/flow/nodes/turnInput';
import { supportTemplateActions } from '../bot-runtime/templates/testing/supportTemplateStubs';
import { bots, orgs } from '../server/db/schema';
import { DomainError } from '../server/errors';
import { seedDemoOrg } from '../server/seed/seedDemoOrg';
import { callerFor, createStaff } from '../server/testing/fixtures';
import { useTestDb } from '../server/testing/testDb';
import { flowDocumentArbitrary } from './flowDocumentArbitrary';
import { seedFlows } from './seedFlows';

const RUNS = Number(process.env.FUZZ_FLOW_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);
const TURNS = 6;
/** How an API refuses a document it cannot take; anything else (a 500 above all) is a bug. */
const REFUSALS = new Set(['BAD_REQUEST', 'CONFLICT', 'NOT_FOUND']);
/**
 * How a turn of a validated flow may legitimately go wrong: loops the validator cannot see, and
 * outputs a node only takes at run time. Anything else means the validator let a broken flow
 * through or the engine broke on a valid one.
 */
const RUNTIME_ERRORS = new Set(['STEP_LIMIT', 'OUTPUT_NOT_CONNECTED']);
const knownActions = actionRegistry.list().map((action) => action.name);

describe('flow documents, generated and mutated', () => {
  const openDb = useTestDb();

  it('import, saveDraft and publish accept a flow or refuse it naming the problem, and a refused save keeps the draft', async () => {
    const db = openDb();
    await seedDemoOrg(db, { demoPassword: 'a-demo-password' });
    const org = db.select().from(orgs).get();
    if (!org) throw new Error('the demo org was not seeded');
    const bot = db.select().from(bots).where(eq(bots.orgId, org.id)).get();
    if (!bot) throw new Error('the demo org has no bot');
    const api = callerFor(db, await createStaff(db, org.id, 'admin', 'fuzz-admin@acme.test'));

    const problems: string[] = [];
    const answers = new Map<string, number>();
    const tally = (procedure: string, outcome: string) => {
      const key = `${procedure} ${outcome}`;
      answers.set(key, (answers.get(key) ?? 0) + 1);
    };
    const flows = fc.sample(flowDocumentArbitrary(seedFlows()), { numRuns: RUNS, seed: SEED });
    for (const [index, flow] of flows.entries()) {
      const report = (what: string) => problems.push(`#${index} (${flow.origin}): ${what}`);
      const imported = await answerOf(() => api.bots.import({ text: flow.text }));
      tally('import', imported.outcome);
      const importProblem = refusalProblem(imported);
      if (importProblem) report(`import ${importProblem}`);

      const before = await api.bots.draft({ botId: bot.id });
      const saved = await answerOf(() =>
        api.bots.saveDraft({
          botId: bot.id,
          baseRevision: before.revision,
          document: flow.document,
        }),
      );
      tally('saveDraft', saved.outcome);
      const saveProblem = refusalProblem(saved);
      if (saveProblem) report(`saveDraft ${saveProblem}`);
      if (saved.outcome !== 'OK') {
        const after = await api.bots.draft({ botId: bot.id });
        if (JSON.stringify(after) !== JSON.stringify(before))
          report('a refused save changed the draft');
        continue;
      }
      const published = await answerOf(() =>
        api.bots.publish({ botId: bot.id, note: flow.origin }),
      );
      tally('publish', published.outcome);
      const publishProblem = refusalProblem(published);
      if (publishProblem) report(`publish ${publishProblem}`);
    }

    console.log(
      `Flow documents through the API: ${flows.length} documents into import, saveDraft and publish; problems ${problems.length}; answers: ${[...answers].map(([key, n]) => `${key} ${n}`).join(', ')}`,
    );
    expect(problems).toEqual([]);
  });

  it('the engine runs every flow the validator accepts without failing unexpectedly', async () => {
    const problems: string[] = [];
    const errors = new Map<string, number>();
    let accepted = 0;
    let turns = 0;
    const samples = fc.sample(
      fc.tuple(
        flowDocumentArbitrary(seedFlows()),
        fc.array(customerMoveArbitrary(), { minLength: 1, maxLength: TURNS }),
      ),
      { numRuns: RUNS, seed: SEED },
    );
    for (const [index, [flow, moves]] of samples.entries()) {
      let issues: FlowIssue[];
      try {
        issues = validateFlowDocument(flow.document, { knownActions });
      } catch (error) {
        problems.push(`#${index} (${flow.origin}): validateFlowDocument threw ${String(error)}`);
        continue;
      }
      if (issues.some((issue) => issue.severity === 'error')) continue;
      const loaded = loadFlow(flow.document);
      if (!loaded.ok) {
        problems.push(`#${index} (${flow.origin}): validated without errors but does not load`);
        continue;
      }
      accepted += 1;
      const outcome = await converse(loaded.flow, moves);
      turns += outcome.turns;
      for (const code of outcome.errors) errors.set(code, (errors.get(code) ?? 0) + 1);
      for (const problem of outcome.problems)
        problems.push(`#${index} (${flow.origin}): ${problem}`);
    }

    console.log(
      `Flow documents through the engine: ${samples.length} documents, ${accepted} accepted by the validator, ${turns} turns run; problems ${problems.length}; turn errors: ${[...errors].map(([code, n]) => `${code} ${n}`).join(', ') || 'none'}`,
    );
    expect(problems).toEqual([]);
  });
});

interface Answer {
  outcome: string;
  error?: unknown;
}

async function answerOf(call: () => Promise<unknown>): Promise<Answer> {
  try {
    await call();
    return { outcome: 'OK' };
  } catch (error) {
    if (!(error instanceof TRPCError)) return { outcome: 'THROWN', error };
    const cause = error.cause instanceof DomainError ? `/${error.cause.code}` : '';
    return { outcome: `${error.code}${cause}`, error };
  }
}

/** What is wrong with how a call refused, or null for a success or a proper refusal. */
function refusalProblem(answer: Answer): string | null {
  if (answer.outcome === 'OK') return null;
  const error = answer.error;
  if (!(error instanceof TRPCError)) return `threw ${String(error)}`;
  if (!REFUSALS.has(error.code)) {
    return `answered ${error.code}: ${error.message} ${error.cause?.stack ?? ''}`;
  }
  if (error.message.trim() === '') return `answered ${error.code} without a message`;
  const cause = error.cause;
  if (cause instanceof DomainError && cause.code.startsWith('FLOW_')) {
    const issues = cause.details?.issues;
    const named =
      Array.isArray(issues) &&
      issues.length > 0 &&
      issues.every(
        (issue: { message?: unknown }) => typeof issue.message === 'string' && issue.message !== '',
      );
    if (!named) return `refused with ${cause.code} but names no problem`;
  }
  return null;
}

/** What the customer does next; choices and form fields are picked from what the bot offered. */
type CustomerMove =
  | { kind: 'text'; text: string }
  | { kind: 'choice'; pick: number }
  | { kind: 'form'; fields: Record<string, JsonValue> }
  | { kind: 'timeout'; minutes: number }
  | { kind: 'noAgent' }
  | { kind: 'restart'; text?: string };

function customerMoveArbitrary(): fc.Arbitrary<CustomerMove> {
  const text = fc.oneof(
    fc.constantFrom(
      'my invoice',
      'agent please',
      'where is my order A1001?',
      'reset my password',
      'jane@example.com',
      'A1001',
      'yes',
      'no',
      '42',
      'tea',
      '1',
      '',
      '{{__proto__}}',
      'constructor',
    ),
    fc.string({ maxLength: 40 }),
  );
  return fc.oneof(
    { weight: 6, arbitrary: text.map((value) => ({ kind: 'text' as const, text: value })) },
    { weight: 3, arbitrary: fc.nat().map((pick) => ({ kind: 'choice' as const, pick })) },
    {
      weight: 1,
      arbitrary: fc
        .dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }))
        // fast-check's JSON type has read-only arrays; the values are plain JSON all the same.
        .map((fields) => ({ kind: 'form' as const, fields: fields as Record<string, JsonValue> })),
    },
    {
      weight: 1,
      arbitrary: fc.nat({ max: 2000 }).map((minutes) => ({ kind: 'timeout' as const, minutes })),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'noAgent' as const }) },
    {
      weight: 1,
      arbitrary: fc
        .option(text, { nil: undefined })
        .map((value) => ({ kind: 'restart' as const, text: value })),
    },
  );
}

/** A conversation with a validated flow, carrying the state between turns like the host does. */
async function converse(
  flow: FlowDocument,
  moves: CustomerMove[],
): Promise<{ turns: number; errors: string[]; problems: string[] }> {
  const nlu = keywordClassifier({
    intents: Object.fromEntries(
      flow.nlu.intents.map((intent) => [intent.name, [intent.name, ...intent.phrases]]),
    ),
  });
  const services = testServices({ actions: supportTemplateActions().actions });
  const errors: string[] = [];
  const problems: string[] = [];
  let state: SessionState | null = null;
  let last: TurnResult | null = null;
  let turns = 0;
  for (const move of [{ kind: 'restart' } as CustomerMove, ...moves]) {
    if (move.kind === 'timeout') services.clock.advance(move.minutes * 60_000);
    const input = turnInputFor(move, last);
    turns += 1;
    try {
      last = await runTurn({ flow, nlu, state, input, services });
    } catch (error) {
      problems.push(`runTurn threw on ${JSON.stringify(input)}: ${String(error)}`);
      return { turns, errors, problems };
    }
    const code = last.trace.error?.code;
    if (code) {
      errors.push(code);
      if (!RUNTIME_ERRORS.has(code)) {
        problems.push(
          `turn ${turns} (${JSON.stringify(input)}) failed: ${code} ${last.trace.error?.message}`,
        );
      }
    }
    if (!sessionStateSchema.safeParse(last.state).success) {
      problems.push(`turn ${turns} left a state the next turn cannot read`);
    }
    state = last.state;
  }
  return { turns, errors, problems };
}

function turnInputFor(move: CustomerMove, last: TurnResult | null): TurnInput {
  switch (move.kind) {
    case 'text':
      return { type: 'text', text: move.text };
    case 'choice': {
      const offered = (last?.outputs ?? []).flatMap((output) =>
        output.type === 'text' ? output.quickReplies : [],
      );
      const reply = offered[move.pick % Math.max(offered.length, 1)];
      return reply
        ? { type: 'choice', value: reply.value, label: reply.label }
        : { type: 'choice', value: `option-${move.pick}` };
    }
    case 'form':
      return { type: 'form', fields: move.fields };
    case 'timeout':
      return { type: 'timeout' };
    case 'noAgent':
      return { type: 'noAgent' };
    case 'restart':
      return move.text === undefined ? { type: 'start' } : { type: 'start', text: move.text };
  }
}
