import { describe, expect, it } from 'vitest';
import template from '../templates/customer-support.json';
import { readBotExport } from './readBotExport';
import { migrateTestSuite, type TestSuiteMigration } from './testSuiteMigrations';

const { testCases: _suite, ...withoutTests } = template;

describe('reading an exported bot', () => {
  it('reads the flow and the test cases it carries', () => {
    const read = readBotExport(template);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.flow.name).toBe('Customer support');
    expect(read.testCases.map((testCase) => testCase.id)).toContain('order-with-number');
    expect(read.testCases[0]?.turns[0]?.input).toEqual({ type: 'start' });
  });

  it('reads an export made before bots had test cases as having none', () => {
    const read = readBotExport(withoutTests);
    expect(read).toMatchObject({ ok: true, testCases: [] });
  });

  it('keeps the test cases out of the flow document', () => {
    const read = readBotExport(template);
    expect(read.ok && 'testCases' in read.flow).toBe(false);
  });

  it('names the broken field of a test case', () => {
    const broken = structuredClone(template);
    (broken.testCases.cases[0]?.turns[1]?.expect[0] as { kind: string }).kind = 'vibes';
    const read = readBotExport(broken);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error.code).toBe('TEST_CASES_INVALID');
    expect(!read.ok && read.error.issues[0]?.path.slice(0, 6)).toEqual([
      'testCases',
      'cases',
      0,
      'turns',
      1,
      'expect',
    ]);
  });

  it('refuses cases that do not open the chat first, or share an id', () => {
    const late = structuredClone(template);
    late.testCases.cases[0]?.turns.shift();
    expect(readBotExport(late)).toMatchObject({
      ok: false,
      error: {
        issues: [expect.objectContaining({ message: expect.stringContaining('opens the chat') })],
      },
    });
    const twins = structuredClone(template);
    twins.testCases.cases.push(structuredClone(twins.testCases.cases[0] as never));
    expect(readBotExport(twins)).toMatchObject({
      ok: false,
      error: { issues: [expect.objectContaining({ message: 'Two test cases share an id.' })] },
    });
  });

  it('refuses test cases from a newer Parley, saying so', () => {
    const newer = { ...template, testCases: { ...template.testCases, schemaVersion: 99 } };
    expect(readBotExport(newer)).toMatchObject({
      ok: false,
      error: { code: 'TEST_CASES_INVALID', message: expect.stringContaining('newer Parley') },
    });
  });

  it('still reports a broken flow as the flow', () => {
    const read = readBotExport({ ...template, nodes: 'none' });
    expect(!read.ok && read.error.code).toBe('FLOW_INVALID');
  });
});

describe('test suite migrations', () => {
  it('upgrades an old suite one named step at a time', () => {
    const renameSteps: TestSuiteMigration = {
      name: 'migrateTestSuiteFromV1ToV2',
      from: 1,
      migrate: (suite) => ({ ...suite, cases: suite.tests, tests: undefined }),
    };
    const migrated = migrateTestSuite({ schemaVersion: 1, tests: [] }, [renameSteps], 2);
    expect(migrated).toEqual({
      ok: true,
      suite: { schemaVersion: 2, cases: [], tests: undefined },
    });
    expect(migrateTestSuite({ schemaVersion: 1, cases: [] }, [], 2)).toEqual({
      ok: false,
      message: 'No migration upgrades test cases 1 to 2.',
    });
  });
});
