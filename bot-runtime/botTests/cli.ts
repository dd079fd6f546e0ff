import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { builtInActions } from '../actions/builtInActions';
import { loadNlu } from '../nlu';
import { bundledNluResources } from '../nlu/bundledResources';
import { junitReport } from './junitReport';
import { readBotExport } from './readBotExport';
import { runTestSuite } from './runTestSuite';
import type { TestInput } from './testCase';
import { trainFlowNlu } from './trainFlowNlu';

const USAGE = `usage: bot-test <exported-bot.json> [--junit report.xml]

Runs the test cases inside an exported bot against its flow, with the NLU trained as publishing
trains it and every action answering from its mock (or the answer a case gives it). Prints one
line per case and a summary. Exit status: 0 when every case passes, 1 when any fails or the bot
has no test cases, 2 when the file cannot be read or is not an exported bot.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  const exported = readExport(options.file);
  const { flow, testCases } = exported;
  if (testCases.length === 0) {
    process.stdout.write(`${flow.name}: no test cases in ${options.file}\n`);
    return 1;
  }
  const started = performance.now();
  const resources = bundledNluResources;
  const nlu = loadNlu(trainFlowNlu(flow, resources), resources);
  const run = await runTestSuite({ flow, nlu, actions: builtInActions }, testCases);
  const seconds = (performance.now() - started) / 1000;
  for (const result of run.results) {
    if (result.passed) {
      process.stdout.write(`PASS  ${result.name}\n`);
      continue;
    }
    const failure = result.failure;
    process.stdout.write(`FAIL  ${result.name}\n`);
    if (failure) {
      process.stdout.write(`      turn ${failure.turn} (${describeInput(failure.input)})\n`);
      process.stdout.write(`      expected: ${failure.expected}\n`);
      process.stdout.write(`      actual:   ${failure.actual}\n`);
    }
  }
  process.stdout.write(
    `\n${flow.name}: ${run.passed} passed, ${run.failed} failed, ${run.results.length} test cases in ${seconds.toFixed(2)} s\n`,
  );
  if (options.junit) {
    try {
      writeFileSync(options.junit, junitReport(flow.name, run, seconds));
    } catch (error) {
      throw new UsageError(`cannot write ${options.junit}: ${(error as Error).message}`);
    }
  }
  return run.failed > 0 ? 1 : 0;
}

function describeInput(input: TestInput): string {
  switch (input.type) {
    case 'start':
      return input.text === undefined
        ? 'chat opened'
        : `chat opened with ${JSON.stringify(input.text)}`;
    case 'text':
      return `customer says ${JSON.stringify(input.text)}`;
    case 'choice':
      return `customer taps ${JSON.stringify(input.label ?? input.value)}`;
    case 'form':
      return 'customer sends the form';
    case 'noAgent':
      return 'routing answers that nobody can come';
    case 'returned':
      return 'an agent hands back to the bot';
  }
}

function parseOptions(argv: string[]): { file: string; junit: string | undefined } {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [file, ...rest] = parsed.positionals;
  if (!file || rest.length > 0) throw new UsageError('expected one exported bot file');
  return { file, junit: parsed.values.junit };
}

function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { junit: { type: 'string' } },
  });
}

function readExport(file: string) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not JSON: ${(error as Error).message}`);
  }
  const exported = readBotExport(raw);
  if (!exported.ok) {
    const issues = exported.error.issues
      .slice(0, 10)
      .map((issue) => `\n  ${issue.path.join('.') || '(top)'}: ${issue.message}`)
      .join('');
    throw new UsageError(
      `${file} is not an exported Parley bot: ${exported.error.message}${issues}`,
    );
  }
  return exported;
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`bot-test: ${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  },
);
