import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { supportBot } from './supportBot.fixture';

const directory = mkdtempSync(join(tmpdir(), 'parley-nlu-cli-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function writeJsonl(name: string, rows: { text: string; intent: string }[]): string {
  const file = join(directory, name);
  writeFileSync(file, rows.map((row) => JSON.stringify(row)).join('\n'));
  return file;
}

const phrases = supportBot.intents.flatMap((intent) =>
  intent.phrases.map((text) => ({ text, intent: intent.name })),
);
const trainFile = writeJsonl('train.jsonl', [
  ...phrases,
  { text: 'what is the weather today', intent: 'oos' },
  { text: 'tell me a joke', intent: 'oos' },
  { text: 'who is the president', intent: 'oos' },
]);
const testFile = writeJsonl('test.jsonl', [
  { text: 'where is my parcel', intent: 'order_status' },
  { text: 'forgot password', intent: 'password_reset' },
  { text: 'human please', intent: 'talk_to_human' },
  { text: 'I want a refund', intent: 'returns' },
  { text: 'sing me a song', intent: 'oos' },
]);

function runCli(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const command = ['--import', 'tsx', 'bot-runtime/nlu/cli.ts', ...args];
  return new Promise((resolve) => {
    execFile(process.execPath, command, { timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

// Each run starts a TypeScript process; running them side by side keeps the suite quick.
describe.concurrent('nlu eval', () => {
  it('prints one JSON report as its only stdout line', async () => {
    const run = await runCli(
      'eval',
      '--train',
      trainFile,
      '--test',
      testFile,
      '--oos-label',
      'oos',
    );
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0] ?? '');
    expect(Object.keys(report)).toEqual([
      'n',
      'accuracy',
      'macroF1',
      'inScopeAccuracy',
      'oosRecall',
      'trainMs',
      'predictPerSec',
      'threshold',
    ]);
    expect(report.n).toBe(5);
    for (const key of ['accuracy', 'macroF1', 'inScopeAccuracy', 'oosRecall', 'threshold']) {
      expect(report[key]).toBeGreaterThanOrEqual(0);
      expect(report[key]).toBeLessThanOrEqual(1);
    }
    expect(report.trainMs).toBeGreaterThanOrEqual(0);
    expect(report.predictPerSec).toBeGreaterThan(0);
  });

  it('uses the given threshold and reports null oos fields without out-of-scope data', async () => {
    const inScopeOnly = writeJsonl('in-scope.jsonl', phrases);
    const run = await runCli(
      'eval',
      '--train',
      inScopeOnly,
      '--test',
      inScopeOnly,
      '--threshold',
      '0',
    );
    const report = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '');
    expect(report.threshold).toBe(0);
    expect(report.oosRecall).toBeNull();
    expect(report.inScopeAccuracy).toBe(1);
  });

  it.each([
    [['eval', '--train', 'x.jsonl']],
    [['eval', '--train', 'a', '--test', 'b', '--threshold', 'high']],
  ])('refuses %j with a message and exit code 2', async (args) => {
    const run = await runCli(...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^nlu: .+\n\nusage: /);
  });
});
