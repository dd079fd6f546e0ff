import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bundledNluResources } from './bundledResources';
import { evaluate } from './evaluate';
import { loadNlu } from './loadNlu';
import { trainNlu } from './trainNlu';

const USAGE = `usage: nlu eval --train FILE --test FILE [--threshold X] [--oos-label LABEL]
                [--no-background]

  FILE        JSON Lines of {"text": ..., "intent": ...}
  --threshold confidence below which the answer is "none of these" (0..1);
              without it, the threshold picked from the training data is used
  --oos-label the label of out-of-scope utterances (default: oos); training rows
              with it teach "none of these", test rows with it count for oosRecall
  --no-background  train without the off-topic background Parley ships

Prints progress to stderr and, as the last line of stdout, one JSON object:
{"n","accuracy","macroF1","inScopeAccuracy","oosRecall","trainMs","predictPerSec","threshold"}`;

const WARM_UP = 300;

class UsageError extends Error {}

interface LabelledUtterance {
  text: string;
  intent: string;
}

function main(argv: string[]): void {
  const options = parseOptions(argv);
  const train = readUtterances(options.train);
  const test = readUtterances(options.test);
  const hasOos = [...train, ...test].some((row) => row.intent === options.oosLabel);
  const oosLabel = hasOos ? options.oosLabel : null;

  const phrasesByIntent = new Map<string, string[]>();
  const outOfScope: string[] = [];
  for (const row of train) {
    if (row.intent === oosLabel) outOfScope.push(row.text);
    else phrasesByIntent.set(row.intent, [...(phrasesByIntent.get(row.intent) ?? []), row.text]);
  }
  process.stderr.write(`training on ${train.length} utterances, ${phrasesByIntent.size} intents\n`);
  const trainStart = performance.now();
  const resources = bundledNluResources;
  const nlu = loadNlu(
    trainNlu(
      {
        intents: [...phrasesByIntent].map(([name, phrases]) => ({ name, phrases })),
        outOfScope,
        background: options.background,
      },
      resources,
    ),
    resources,
  );
  const trainMs = Math.round(performance.now() - trainStart);
  const threshold = options.threshold ?? nlu.threshold;

  process.stderr.write(`trained in ${trainMs} ms; classifying ${test.length} utterances\n`);
  const now = new Date();
  // Throughput is a steady-state figure: let the JIT compile the hot path before timing it.
  for (const row of test.slice(0, WARM_UP)) nlu.classify(row.text, { threshold, now });
  const predictStart = performance.now();
  const predicted = test.map((row) => nlu.classify(row.text, { threshold, now }).intent);
  const predictSeconds = (performance.now() - predictStart) / 1000;

  const report = evaluate(
    test.map((row, i) => ({ expected: row.intent, predicted: predicted[i] ?? null })),
    oosLabel,
  );
  const round = (value: number) => Math.round(value * 10_000) / 10_000;
  process.stdout.write(
    `${JSON.stringify({
      n: report.n,
      accuracy: round(report.accuracy),
      macroF1: round(report.macroF1),
      inScopeAccuracy: round(report.inScopeAccuracy),
      oosRecall: report.oosRecall === null ? null : round(report.oosRecall),
      trainMs,
      predictPerSec: Math.round(test.length / predictSeconds),
      threshold: round(threshold),
    })}\n`,
  );
}

function parseOptions(argv: string[]) {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1 || positionals[0] !== 'eval') {
    throw new UsageError(
      `expected the command "eval", got ${JSON.stringify(positionals.join(' '))}`,
    );
  }
  if (!values.train || !values.test) throw new UsageError('--train and --test are required');
  let threshold: number | undefined;
  if (values.threshold !== undefined) {
    threshold = Number(values.threshold);
    if (values.threshold.trim() === '' || !(threshold >= 0 && threshold <= 1)) {
      throw new UsageError(`--threshold must be a number from 0 to 1, got "${values.threshold}"`);
    }
  }
  return {
    train: values.train,
    test: values.test,
    threshold,
    oosLabel: values['oos-label'] ?? 'oos',
    background: !values['no-background'],
  };
}

function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      train: { type: 'string' },
      test: { type: 'string' },
      threshold: { type: 'string' },
      'oos-label': { type: 'string' },
      'no-background': { type: 'boolean' },
    },
  });
}

function readUtterances(file: string): LabelledUtterance[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const rows = content
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch {
        throw new UsageError(`${file}:${number}: not valid JSON`);
      }
      const { text, intent } = (row ?? {}) as Partial<LabelledUtterance>;
      if (typeof text !== 'string' || typeof intent !== 'string' || text.trim() === '') {
        throw new UsageError(`${file}:${number}: expected {"text": string, "intent": string}`);
      }
      return { text, intent };
    });
  if (rows.length === 0) throw new UsageError(`${file}: no utterances`);
  return rows;
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`nlu: ${error.message}\n\n${USAGE}\n`);
  process.exit(2);
}
