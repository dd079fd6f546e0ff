import type { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import type { TestCaseInput } from '../../bot-runtime/botTests/testCase';
import type { FlowDocument } from '../../bot-runtime/flow';
import type { Db } from '../db/client';
import { DomainError } from '../errors';
import { callerFor, createOrg, createStaff, trpcRejection } from '../testing/fixtures';
import { useTestDb } from '../testing/testDb';

async function studioOrg(db: Db, slug = 'acme') {
  const org = createOrg(db, slug);
  return {
    designer: await createStaff(db, org.id, 'designer'),
    qa: await createStaff(db, org.id, 'qa'),
    admin: await createStaff(db, org.id, 'admin'),
  };
}

function details(error: TRPCError) {
  expect(error.cause).toBeInstanceOf(DomainError);
  return { code: (error.cause as DomainError).code, ...(error.cause as DomainError).details };
}

/** What QA saves from the preview after asking for order A1001. */
const orderShipped: TestCaseInput = {
  id: 'order-a1001',
  name: 'Where is my order A1001',
  turns: [
    { input: { type: 'start' } },
    {
      input: { type: 'text', text: 'where is my order A1001' },
      expect: [
        { kind: 'botSays', match: 'exact', text: 'Order A1001 is shipped.' },
        { kind: 'visited', nodeId: 'orderAnswer' },
      ],
    },
  ],
};

/** The designer rewords the order-status answer, which the test pins. */
function reworded(document: FlowDocument, text: string): FlowDocument {
  return {
    ...document,
    nodes: document.nodes.map((node) =>
      node.id === 'orderAnswer' ? { ...node, data: { ...node.data, text } } : node,
    ),
  };
}

describe('bot test cases', () => {
  const openDb = useTestDb();

  it('come with the demo template and all pass on its draft', async () => {
    const db = openDb();
    const { designer } = await studioOrg(db);
    const bots = callerFor(db, designer).bots;
    const bot = await bots.create({ name: 'Support', template: 'customerSupport' });
    const before = await bots.testCases({ botId: bot.id });
    expect(before.summary).toEqual({ total: 12, passed: 0, failed: 0, notRun: 12 });

    const run = await bots.runTests({ botId: bot.id });
    expect(run.target).toEqual({ kind: 'draft', revision: 1 });
    expect(run.results.filter((result) => !result.passed)).toEqual([]);
    const after = await bots.testCases({ botId: bot.id });
    expect(after.summary).toEqual({ total: 12, passed: 12, failed: 0, notRun: 0 });
  });

  it('QA saves a case, runs it green, sees it break on a reworded answer and pass once fixed', async () => {
    const db = openDb();
    const { designer, qa } = await studioOrg(db);
    const bot = await callerFor(db, designer).bots.create({ name: 'Support', template: 'blank' });
    const asDesigner = callerFor(db, designer).bots;
    const template = await asDesigner.create({ name: 'Shop', template: 'customerSupport' });
    const asQa = callerFor(db, qa).bots;
    await asQa.createTestCase({ botId: template.id, testCase: orderShipped });
    expect(
      (await asQa.runTests({ botId: template.id, caseIds: ['order-a1001'] })).results[0],
    ).toMatchObject({ caseId: 'order-a1001', passed: true });

    const draft = await asDesigner.draft({ botId: template.id });
    await asDesigner.saveDraft({
      botId: template.id,
      baseRevision: draft.revision,
      document: reworded(draft.document, 'Your order {{orderNumber}} is {{orderState}}.'),
    });
    const stale = await asQa.testCases({ botId: template.id });
    expect(stale.cases.find((c) => c.testCase.id === 'order-a1001')?.lastRun).toMatchObject({
      passed: true,
      current: false,
    });
    expect(stale.summary.notRun).toBe(13);

    const failing = await asQa.runTests({ botId: template.id, caseIds: ['order-a1001'] });
    expect(failing.results[0]?.failure).toMatchObject({
      turn: 1,
      expected: 'bot says exactly "Order A1001 is shipped."',
      actual:
        'bot said "Your order A1001 is shipped.", "Is there anything else I can help you with?"',
    });
    expect((await asQa.testCases({ botId: template.id })).summary).toMatchObject({ failed: 1 });

    const stored = (await asQa.testCases({ botId: template.id })).cases.find(
      (c) => c.testCase.id === 'order-a1001',
    );
    const loosened: TestCaseInput = {
      ...orderShipped,
      turns: [
        { input: { type: 'start' } },
        {
          input: { type: 'text', text: 'where is my order A1001' },
          expect: [
            { kind: 'botSays', match: 'matches', text: 'order A1001 is shipped', ignoreCase: true },
          ],
        },
      ],
    };
    const updated = await asQa.updateTestCase({
      botId: template.id,
      testCase: loosened,
      baseRevision: stored?.revision ?? 0,
    });
    expect(updated).toMatchObject({ revision: 2, lastRun: null });
    const green = await asQa.runTests({ botId: template.id, caseIds: ['order-a1001'] });
    expect(green.results[0]?.passed).toBe(true);
    expect((await asQa.testCases({ botId: bot.id })).cases).toEqual([]);
  });

  it('runs against a published version without touching the draft results', async () => {
    const db = openDb();
    const { designer } = await studioOrg(db);
    const bots = callerFor(db, designer).bots;
    const bot = await bots.create({ name: 'Support', template: 'customerSupport' });
    await bots.createTestCase({ botId: bot.id, testCase: orderShipped });
    const version = await bots.publish({ botId: bot.id, note: 'v1' });
    const draft = await bots.draft({ botId: bot.id });
    await bots.saveDraft({
      botId: bot.id,
      baseRevision: draft.revision,
      document: reworded(draft.document, 'Shipped? {{orderState}}'),
    });
    const onVersion = await bots.runTests({
      botId: bot.id,
      caseIds: ['order-a1001'],
      versionId: version.id,
    });
    expect(onVersion).toMatchObject({ target: { kind: 'version', number: 1 }, passed: 1 });
    expect((await bots.testCases({ botId: bot.id })).cases.every((c) => c.lastRun === null)).toBe(
      true,
    );
    const onDraft = await bots.runTests({ botId: bot.id, caseIds: ['order-a1001'] });
    expect(onDraft).toMatchObject({ target: { kind: 'draft', revision: 2 }, failed: 1 });
  });

  it('refuses a second case with the same id, a stale edit, and names unknown cases', async () => {
    const db = openDb();
    const { designer, qa } = await studioOrg(db);
    const bot = await callerFor(db, designer).bots.create({
      name: 'Support',
      template: 'customerSupport',
    });
    const asQa = callerFor(db, qa).bots;
    await asQa.createTestCase({ botId: bot.id, testCase: orderShipped });
    const twin = await trpcRejection(
      asQa.createTestCase({ botId: bot.id, testCase: orderShipped }),
    );
    expect(details(twin)).toMatchObject({ code: 'TEST_CASE_EXISTS', caseId: 'order-a1001' });

    await asQa.updateTestCase({ botId: bot.id, testCase: orderShipped, baseRevision: 1 });
    const stale = await trpcRejection(
      asQa.updateTestCase({
        botId: bot.id,
        testCase: { ...orderShipped, name: 'Mine' },
        baseRevision: 1,
      }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(details(stale)).toMatchObject({ code: 'TEST_CASE_CONFLICT', revision: 2 });

    const unknown = await trpcRejection(asQa.runTests({ botId: bot.id, caseIds: ['nope'] }));
    expect(unknown.message).toBe('This bot has no test case "nope".');
    await asQa.deleteTestCase({ botId: bot.id, caseId: 'order-a1001' });
    expect(
      (await trpcRejection(asQa.deleteTestCase({ botId: bot.id, caseId: 'order-a1001' }))).code,
    ).toBe('NOT_FOUND');
  });

  it('refuses a case that does not open the chat first, with a clear message', async () => {
    const db = openDb();
    const { designer } = await studioOrg(db);
    const bots = callerFor(db, designer).bots;
    const bot = await bots.create({ name: 'Support', template: 'blank' });
    const error = await trpcRejection(
      bots.createTestCase({
        botId: bot.id,
        testCase: { ...orderShipped, turns: orderShipped.turns.slice(1) },
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('The first turn opens the chat');
  });
});

describe('bot test cases: export, import and copies', () => {
  const openDb = useTestDb();

  it('travel in the export file and come back on import and duplicate', async () => {
    const db = openDb();
    const { designer } = await studioOrg(db);
    const bots = callerFor(db, designer).bots;
    const bot = await bots.create({ name: 'Support', template: 'customerSupport' });
    await bots.createTestCase({ botId: bot.id, testCase: orderShipped });
    const exported = await bots.export({ botId: bot.id });
    expect(exported.document.testCases.schemaVersion).toBe(1);
    expect(exported.document.testCases.cases.at(-1)?.id).toBe('order-a1001');

    const imported = await bots.import({ text: JSON.stringify(exported.document) });
    const importedCases = (await bots.testCases({ botId: imported.id })).cases;
    expect(importedCases.map((c) => c.testCase)).toEqual(exported.document.testCases.cases);
    const copy = await bots.duplicate({ botId: bot.id });
    expect((await bots.testCases({ botId: copy.id })).summary.total).toBe(13);
  });

  it('imports an export made before bots had test cases', async () => {
    const db = openDb();
    const { designer } = await studioOrg(db);
    const bots = callerFor(db, designer).bots;
    const bot = await bots.create({ name: 'Support', template: 'customerSupport' });
    const { testCases: _cases, ...old } = (await bots.export({ botId: bot.id })).document;
    const imported = await bots.import({ text: JSON.stringify(old) });
    expect((await bots.testCases({ botId: imported.id })).cases).toEqual([]);
  });

  it('refuses a file whose test cases are broken, naming where, and creates nothing', async () => {
    const db = openDb();
    const { designer } = await studioOrg(db);
    const bots = callerFor(db, designer).bots;
    const bot = await bots.create({ name: 'Support', template: 'customerSupport' });
    const { document } = await bots.export({ botId: bot.id });
    const broken = structuredClone(document);
    (broken.testCases.cases[1]?.turns[1]?.expect[1] as { match: string }).match = 'roughly';
    const error = await trpcRejection(bots.import({ text: JSON.stringify(broken) }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(details(error)).toMatchObject({
      code: 'TEST_CASES_INVALID',
      issues: [expect.objectContaining({ path: 'testCases.cases.1.turns.1.expect.1.match' })],
    });
    expect((await bots.list({})).total).toBe(1);
  });
});

describe('bot test cases: org isolation', () => {
  const openDb = useTestDb();

  it('answers NOT_FOUND for another org’s bot on every test procedure', async () => {
    const db = openDb();
    const a = await studioOrg(db, 'org-a');
    const b = await studioOrg(db, 'org-b');
    const bot = await callerFor(db, a.designer).bots.create({
      name: 'Secret',
      template: 'customerSupport',
    });
    const asB = callerFor(db, b.admin).bots;
    const attempts = [
      asB.testCases({ botId: bot.id }),
      asB.createTestCase({ botId: bot.id, testCase: orderShipped }),
      asB.updateTestCase({
        botId: bot.id,
        testCase: { ...orderShipped, id: 'order-with-number' },
        baseRevision: 1,
      }),
      asB.deleteTestCase({ botId: bot.id, caseId: 'order-with-number' }),
      asB.runTests({ botId: bot.id }),
    ];
    for (const call of attempts) {
      const error = await trpcRejection(call);
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).not.toContain('Secret');
    }
    const mine = await callerFor(db, a.designer).bots.testCases({ botId: bot.id });
    expect(mine.summary).toEqual({ total: 12, passed: 0, failed: 0, notRun: 12 });
    expect(mine.cases.every((c) => c.revision === 1)).toBe(true);
  });
});
