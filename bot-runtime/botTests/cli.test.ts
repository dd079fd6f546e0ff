import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import template from '../templates/customer-support.json';

/*
 * The runner a team puts in its own CI, run as CI runs it: a process on an exported bot file.
 * The demo bot's own export must pass out of the box; a copy with one test broken must not.
 */

const TEMPLATE = 'bot-runtime/templates/customer-support.json';
const directory = mkdtempSync(join(tmpdir(), 'parley-bot-test-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function writeExport(name: string, content: unknown): string {
  const file = join(directory, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function botTest(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const command = ['--import', 'tsx', 'bot-runtime/botTests/cli.ts', ...args];
  return new Promise((resolve) => {
    execFile(process.execPath, command, { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

const broken = structuredClone(template);
const orderCase = broken.testCases.cases.find((testCase) => testCase.id === 'order-with-number');
const orderAnswer = orderCase?.turns[1]?.expect.find(
  (expectation) => expectation.kind === 'botSays',
) as { text: string } | undefined;
if (orderAnswer) orderAnswer.text = 'Order A1001 is on its way.';

// Each run starts a TypeScript process; running them side by side keeps the suite quick.
describe.concurrent('npm run bot-test', () => {
  it('passes the demo bot as it ships, one line per case and a summary', async () => {
    const junit = join(directory, 'passing.xml');
    const run = await botTest(TEMPLATE, '--junit', junit);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    const count = template.testCases.cases.length;
    expect(lines.filter((line) => line.startsWith('PASS  '))).toHaveLength(count);
    expect(lines).toContain('PASS  Order status with the number');
    expect(lines.at(-1)).toMatch(
      new RegExp(`^Customer support: ${count} passed, 0 failed, ${count} test cases in [\\d.]+ s$`),
    );
    const report = readFileSync(junit, 'utf8');
    expect(report).toContain(`tests="${count}" failures="0"`);
  });

  it('exits 1 when a case fails, showing expected against actual, and reports it in JUnit', async () => {
    const junit = join(directory, 'failing.xml');
    const run = await botTest(writeExport('broken.json', broken), '--junit', junit);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      [
        'FAIL  Order status with the number',
        '      turn 1 (customer says "where is my order A1001")',
        '      expected: bot says exactly "Order A1001 is on its way."',
        '      actual:   bot said "Order A1001 is shipped.", "Is there anything else I can help you with?"',
      ].join('\n'),
    );
    expect(run.stdout).toMatch(/1 failed/);
    const report = readFileSync(junit, 'utf8');
    expect(report).toContain('failures="1"');
    expect(report).toContain('<failure message="turn 1: expected bot says exactly');
  });

  it('exits 1 on an export without test cases: nothing was tested', async () => {
    const { testCases: _cases, ...withoutTests } = template;
    const run = await botTest(writeExport('untested.json', withoutTests));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Customer support: no test cases in');
  });

  it('exits 2 with a clear message on a file it cannot read', async () => {
    const missing = await botTest(join(directory, 'nowhere.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`bot-test: cannot read ${join(directory, 'nowhere.json')}`);
  });

  it('exits 2 on a file that is not JSON', async () => {
    const notJson = await botTest(writeExport('notes.json', 'my bot, roughly'));
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toContain('is not JSON');
  });

  it('exits 2 on JSON that is not an exported bot, naming the problems', async () => {
    const unversioned = await botTest(writeExport('other.json', { hello: 'world' }));
    expect(unversioned.status).toBe(2);
    expect(unversioned.stderr).toContain(
      'is not an exported Parley bot: The flow document has no schemaVersion number.',
    );
    const nodeless = await botTest(writeExport('nodeless.json', { schemaVersion: 1 }));
    expect(nodeless.status).toBe(2);
    expect(nodeless.stderr).toContain('  nodes: Invalid input: expected array');
  });

  it('exits 2 and prints its usage when called wrongly', async () => {
    const run = await botTest('--junit');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: bot-test <exported-bot.json> [--junit report.xml]');
  });
});
