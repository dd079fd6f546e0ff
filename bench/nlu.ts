/**
 * Intent recognition benchmark: Parley's NLU (through its CLI, exactly as measured by hand) and
 * nlp.js on the same splits in the same run. Prints a table and rewrites the NLU section of
 * bench/RESULTS.md. Run from the repository root: `npm run bench:nlu`, or
 * `npm run bench:nlu -- 10-shot` for the splits whose name contains "10-shot".
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { evaluate } from '../bot-runtime/nlu/evaluate';
import { createPrng, shuffleInPlace } from '../bot-runtime/nlu/prng';
import { describeMachine, today } from './machine';
import { writeResultsSection } from './resultsFile';

const DATA = '../shared/data/nlu';

interface Split {
  name: string;
  /** Paths of training files: one, or several samples whose results are averaged. */
  train: string[];
  test: string;
  oosLabel: string | null;
  /** The threshold to classify with; without it, the one the model picked from its training data. */
  threshold?: number;
  /** Train without the off-topic background Parley ships. */
  noBackground?: boolean;
}

const DEMO_BOT = 'bot-runtime/templates/customer-support.json';
/**
 * Customer-style messages for the demo bot (typos, slang, several sentences, complaints) and
 * off-topic ones labelled `oos`, written apart from the bot's phrases: what the bot is measured on.
 */
const DEMO_DEV_SET = 'bench/nlu-dev/demo-bot.jsonl';
/** A bot of ten intents with ten phrases each: how long a designer waits for "try it". */
const TEN_INTENTS = 10;

/**
 * Few-shot results hang on which ten phrases a bot starts with: the official 10-shot file holds
 * the first ten of each intent, often near-paraphrases of each other. These samples draw ten at
 * random per intent from the full training set (fixed seeds, so every run draws the same ones).
 */
const RANDOM_SAMPLES = { from: 'clinc150/train.jsonl', perIntent: 10, seeds: [1, 2, 3, 4, 5] };

function splitsFor(sampleDirectory: string): Split[] {
  const demo = writeDemoBot(sampleDirectory);
  const tenIntents = writeFirstIntents(sampleDirectory, TEN_INTENTS);
  return [
    {
      name: 'Demo bot → its development set',
      train: [demo.train],
      test: DEMO_DEV_SET,
      oosLabel: 'oos',
      threshold: demo.threshold,
    },
    {
      name: 'Demo bot → its development set, no background',
      train: [demo.train],
      test: DEMO_DEV_SET,
      oosLabel: 'oos',
      threshold: demo.threshold,
      noBackground: true,
    },
    {
      name: `CLINC150 ${TEN_INTENTS} intents, 10-shot → val`,
      train: [tenIntents.train],
      test: tenIntents.test,
      oosLabel: 'oos',
    },
    {
      name: 'CLINC150 full → val',
      train: [`${DATA}/clinc150/train.jsonl`],
      test: `${DATA}/clinc150/val.jsonl`,
      oosLabel: 'oos',
    },
    {
      name: 'CLINC150 10-shot → val',
      train: [`${DATA}/clinc150/train-10shot.jsonl`],
      test: `${DATA}/clinc150/val.jsonl`,
      oosLabel: 'oos',
    },
    {
      name: 'CLINC150 10-shot → val, no background',
      train: [`${DATA}/clinc150/train-10shot.jsonl`],
      test: `${DATA}/clinc150/val.jsonl`,
      oosLabel: 'oos',
      noBackground: true,
    },
    {
      name: `CLINC150 10-shot, ${RANDOM_SAMPLES.seeds.length} random samples → val`,
      train: RANDOM_SAMPLES.seeds.map((seed) => writeRandomSample(sampleDirectory, seed)),
      test: `${DATA}/clinc150/val.jsonl`,
      oosLabel: 'oos',
    },
    {
      name: 'SNIPS → val',
      train: [`${DATA}/snips/train.jsonl`],
      test: `${DATA}/snips/val.jsonl`,
      oosLabel: null,
    },
  ];
}

/**
 * The demo bot's phrases as training rows (the CLI adds each intent's name, as publishing does),
 * and the threshold its flow applies.
 */
function writeDemoBot(directory: string): { train: string; threshold: number } {
  const flow = JSON.parse(readFileSync(DEMO_BOT, 'utf8')) as {
    settings: { nluThreshold: number };
    nlu: { intents: { name: string; phrases: string[] }[] };
  };
  const rows = flow.nlu.intents.flatMap((intent) =>
    intent.phrases.map((text) => ({ text, intent: intent.name })),
  );
  const file = path.join(directory, 'demo-bot.jsonl');
  writeFileSync(file, `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`);
  return { train: file, threshold: flow.settings.nluThreshold };
}

/** The official 10-shot phrases of the first `count` intents, and their validation rows plus oos. */
function writeFirstIntents(directory: string, count: number): { train: string; test: string } {
  const train = readUtterances(`${DATA}/clinc150/train-10shot.jsonl`);
  const intents = new Set([...new Set(train.map((row) => row.intent))].slice(0, count));
  const test = readUtterances(`${DATA}/clinc150/val.jsonl`).filter(
    (row) => intents.has(row.intent) || row.intent === 'oos',
  );
  const write = (name: string, rows: LabelledUtterance[]) => {
    const file = path.join(directory, name);
    writeFileSync(file, `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`);
    return file;
  };
  return {
    train: write(
      'clinc150-first-intents.jsonl',
      train.filter((row) => intents.has(row.intent)),
    ),
    test: write('clinc150-first-intents-val.jsonl', test),
  };
}

/** Ten in-scope phrases per intent, drawn with the seed; returns the sample's path. */
function writeRandomSample(directory: string, seed: number): string {
  const byIntent = new Map<string, LabelledUtterance[]>();
  for (const row of readUtterances(`${DATA}/${RANDOM_SAMPLES.from}`)) {
    if (row.intent === 'oos') continue;
    byIntent.set(row.intent, [...(byIntent.get(row.intent) ?? []), row]);
  }
  const random = createPrng(seed);
  const sample = [...byIntent.values()].flatMap((rows) => {
    const shuffled = [...rows];
    shuffleInPlace(shuffled, random);
    return shuffled.slice(0, RANDOM_SAMPLES.perIntent);
  });
  const file = path.join(directory, `clinc150-10shot-seed${seed}.jsonl`);
  writeFileSync(file, `${sample.map((row) => JSON.stringify(row)).join('\n')}\n`);
  return file;
}

interface Row {
  split: string;
  system: string;
  n: number;
  accuracy: number;
  macroF1: number;
  inScopeAccuracy: number;
  oosRecall: number | null;
  trainMs: number;
  predictPerSec: number;
  threshold: number;
  /** In-scope accuracy of each training sample, when the row averages several. */
  perSample: number[];
}

type Measurement = Omit<Row, 'split' | 'system' | 'perSample'>;

interface LabelledUtterance {
  text: string;
  intent: string;
}

function readUtterances(file: string): LabelledUtterance[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledUtterance);
}

function runParley(split: Split, train: string): Measurement {
  const args = ['tsx', 'bot-runtime/nlu/cli.ts', 'eval', '--train', train, '--test', split.test];
  if (split.oosLabel) args.push('--oos-label', split.oosLabel);
  if (split.threshold !== undefined) args.push('--threshold', String(split.threshold));
  if (split.noBackground) args.push('--no-background');
  const stdout = execFileSync('npx', args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as Measurement;
}

/** nlp.js's default: an answer scoring below 0.5 is "None". */
const NLPJS_THRESHOLD = 0.5;

async function runNlpJs(split: Split, trainFile: string): Promise<Measurement> {
  const require = createRequire(import.meta.url);
  const { BrainNLU } = require('node-nlp') as {
    BrainNLU: new (
      settings: object,
    ) => {
      add(utterance: string, intent: string): void;
      train(): Promise<unknown>;
      getBestClassification(utterance: string): Promise<{ intent: string; score: number }>;
    };
  };
  const train = readUtterances(trainFile);
  const test = readUtterances(split.test);
  // Trained in file order, nlp.js collapses on data sorted by intent; shuffled, it does its best.
  shuffleInPlace(train, createPrng(42));
  const brain = new BrainNLU({ language: 'en', log: false });
  for (const row of train) brain.add(row.text, row.intent === split.oosLabel ? 'None' : row.intent);
  const trainStart = performance.now();
  await brain.train();
  const trainMs = Math.round(performance.now() - trainStart);
  const predictStart = performance.now();
  const predicted: (string | null)[] = [];
  for (const row of test) {
    const best = await brain.getBestClassification(row.text);
    predicted.push(
      best && best.intent !== 'None' && best.score >= NLPJS_THRESHOLD ? best.intent : null,
    );
  }
  const predictPerSec = Math.round(test.length / ((performance.now() - predictStart) / 1000));
  const report = evaluate(
    test.map((row, i) => ({ expected: row.intent, predicted: predicted[i] ?? null })),
    split.oosLabel,
  );
  return { ...report, trainMs, predictPerSec, threshold: NLPJS_THRESHOLD };
}

/** Runs one system on each of the split's training files; a row of their means. */
async function measure(
  split: Split,
  system: string,
  run: (split: Split, train: string) => Measurement | Promise<Measurement>,
): Promise<Row> {
  const measurements: Measurement[] = [];
  for (const train of split.train) {
    process.stderr.write(`${split.name}: ${system} (${path.basename(train)})\n`);
    measurements.push(await run(split, train));
  }
  const mean = (value: (measurement: Measurement) => number) =>
    measurements.reduce((sum, measurement) => sum + value(measurement), 0) / measurements.length;
  const first = measurements[0] as Measurement;
  return {
    split: split.name,
    system,
    n: first.n,
    accuracy: mean((m) => m.accuracy),
    macroF1: mean((m) => m.macroF1),
    inScopeAccuracy: mean((m) => m.inScopeAccuracy),
    oosRecall: first.oosRecall === null ? null : mean((m) => m.oosRecall ?? 0),
    trainMs: mean((m) => m.trainMs),
    predictPerSec: Math.round(mean((m) => m.predictPerSec)),
    threshold: mean((m) => m.threshold),
    perSample: measurements.length > 1 ? measurements.map((m) => m.inScopeAccuracy) : [],
  };
}

/** A Markdown table with padded columns, as the formatter would write it. */
function formatTable(rows: Row[]): string {
  const fixed = (value: number | null) => (value === null ? '–' : value.toFixed(3));
  const header = [
    'data',
    'system',
    'in-scope acc',
    'OOS recall',
    'accuracy',
    'macro F1',
    'threshold',
    'train s',
    'classify/s',
  ];
  const cells = rows.map((row) => [
    row.split,
    row.system,
    fixed(row.inScopeAccuracy),
    fixed(row.oosRecall),
    fixed(row.accuracy),
    fixed(row.macroF1),
    row.threshold.toFixed(2),
    (row.trainMs / 1000).toFixed(1),
    row.predictPerSec.toLocaleString('en-US'),
  ]);
  const widths = header.map((title, column) =>
    Math.max(3, title.length, ...cells.map((line) => (line[column] ?? '').length)),
  );
  const leftAligned = (column: number) => column < 2;
  const line = (values: string[]) =>
    `| ${values
      .map((value, column) =>
        leftAligned(column)
          ? value.padEnd(widths[column] ?? 0)
          : value.padStart(widths[column] ?? 0),
      )
      .join(' | ')} |`;
  const rule = `| ${widths
    .map((width, column) => (leftAligned(column) ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`))
    .join(' | ')} |`;
  return [line(header), rule, ...cells.map(line)].join('\n');
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const rows: Row[] = [];
  const sampleDirectory = mkdtempSync(path.join(tmpdir(), 'parley-nlu-bench-'));
  try {
    const splits = splitsFor(sampleDirectory);
    for (const split of splits.filter((candidate) => !only || candidate.name.includes(only))) {
      rows.push(await measure(split, 'Parley', runParley));
      // nlp.js has no background to switch off: its row would repeat the one above.
      if (!split.noBackground) rows.push(await measure(split, 'nlp.js (BrainNLU)', runNlpJs));
    }
  } finally {
    rmSync(sampleDirectory, { recursive: true, force: true });
  }
  const table = formatTable(rows);
  process.stdout.write(`${table}\n`);
  writeResultsSection('nlu', nluSection(table, rows));
  process.stderr.write('wrote bench/RESULTS.md\n');
}

function nluSection(table: string, rows: Row[]): string {
  const parley = (split: string) =>
    rows.find((row) => row.system === 'Parley' && row.split.startsWith(split));
  const full = parley('CLINC150 full');
  const fewShot = parley('CLINC150 10-shot');
  const snips = parley('SNIPS');
  const thresholds = [full, fewShot, snips]
    .map((row) => (row ? `${row.split}: ${row.threshold.toFixed(2)}` : null))
    .filter(Boolean)
    .join(', ');
  const samples = rows
    .filter((row) => row.perSample.length > 0)
    .map(
      (row) =>
        `${row.split}, ${row.system}: ${row.perSample.map((value) => value.toFixed(3)).join(', ')}`,
    )
    .join('; ');
  return `
## NLU: intent recognition (\`npm run bench:nlu\`)

Machine: ${describeMachine()}. Date: ${today()}. Each system on one core, in the same run; the
machine was shared with other work, so times are upper bounds.

${table}

**Thresholds.** Parley's, picked by \`trainNlu\` from its own training data (see below):
${thresholds}. nlp.js keeps its default 0.5; out-of-scope training rows are its \`None\` intent,
and its training data is shuffled. Parley's "train s" includes the cross-validation and loading the
model; its "classify/s" is single-threaded steady state (after classifying 300 utterances to warm
the JIT up) and includes entity extraction and the ranking.

**Random 10-shot samples.** Ten phrases per intent drawn at random from CLINC150's training set
(fixed seeds), each sample trained and tested on its own; the table shows the means. In-scope
accuracy per sample: ${samples || 'not run'}.

${BACKGROUND}

${MODEL_CHOICE}
`;
}

/** The off-topic background (issue 22): what it was measured against before it existed. */
const BACKGROUND = `
**Small bots and the off-topic background.** Every model also learns "none of these" from the
off-topic utterances Parley ships (\`bot-runtime/nlu/background/en.txt\`, 540 written for Parley,
none from CLINC150), minus those too close to the bot's phrases, weighted as one intent's worth of
phrases. The demo bot rows use the bot's own threshold (its flow's \`nluThreshold\`, 0.5) on its
development set (\`bench/nlu-dev/demo-bot.jsonl\`: 164 customer-style messages over its 7 intents
and 58 off-topic ones, written before the demo's phrases were extended and kept apart from them).
Before this work (the 77 phrases it had, threshold 0.6, no background) the demo bot scored 0.860
in-scope and turned away 0.345 of the off-topic messages ("tell me a joke" went to talkToHuman at
1.00); at the threshold its model picked (0.42), 0.915 and 0.103. The "no background" rows train
the same phrases without it. The CLINC150 10-intent row is the official 10-shot phrases of its
first ten intents against their validation messages and all 100 out-of-scope ones: its "train s"
is what a designer of a 10-intent bot waits for (it includes reading the word vectors). Before the
background, CLINC150 scored 0.939 in-scope / 0.650 out-of-scope recall on the full data, 0.810 /
0.270 on the official 10-shot file and 0.853 / 0.222 on random 10-shot samples. With the background, CLINC150 10-shot gives up 1.1 points of in-scope accuracy (0.810 →
0.799) for out-of-scope recall 0.27 → 0.51: short of the aim of 0.6 within one point. Also
tried: a virtual "none of these" class fitted with the softmax scale (0.780 / 0.65), and picking
the threshold with the background among the held-out rows (0.795 / 0.55).
Cost: training the same 10-intent bot took 0.67 s of CPU with the background against 0.26 s
without (warm, on this loaded machine; the "train s" column adds reading the word vectors and
waiting for the CPU), and the background adds one class and its vocabulary to every model.
`.trim();

/** Measured while choosing the model (CLINC150 train -> val unless said otherwise). */
const MODEL_CHOICE = `
**The model, and why.** TF-IDF with sublinear term frequency over Porter stems, stem bigrams
(with sentence start/end) and character 2-5-grams of the lower-cased text (\`natural\` tokenises,
stems and makes the bigrams; stopwords are kept, since "what", "how" and "not" carry intent),
the word and character blocks L2-normalised apart and weighted 1:3 in squared norm (0.932-0.934
in-scope without threshold, against 0.930 for equal weights and 0.929 for 2:1 towards words),
plus, for English, the idf-weighted mean of the words' pretrained vectors (GloVe 6B, 100
dimensions, the 50,000 most frequent words shipped as int8 in 5 MB) as a third block weighing as
much as the other two together. The vectors bring what the training phrases cannot: words a
designer never typed. Without threshold they took CLINC150 10-shot from 0.760 to 0.778 and the full
data from 0.934 to 0.946; weight 0.5 gained less and 1.5 no more on the full data; SNIPS stayed
within one utterance. Up to 5,000 training phrases the mean weighs 1.4 and is joined by the
element-wise max and min of the vectors (0.7 each): 10-shot in-scope 0.774 → 0.787 with the
threshold (0.779 → 0.790 averaged over four disjoint 10-shot samples), +0.2 at 20 phrases per
intent; on larger sets it gains 0.3 points or less for a third more training time, so they keep
the mean alone. Nothing else tried on the 10-shot samples moved it by more than the noise (about
half a point): SIF weights and removing the common component, DCT and cubic-mean blocks, whitening
the sentence vectors, random Fourier features of them, nearest-centroid, nearest-neighbour and
word-alignment scores mixed into the margins, pairwise re-ranking of the two best intents,
neighbour-swap and word-dropout augmentation (worse), skip-bigrams, borrowing an unseen word's
nearest training stem, positive-class weights and C (earlier, expanding each word to its nearest
neighbours gained 1 point where the mean gained 2). **Intent names**: each intent's name, split
into words (\`improve_credit_score\` → "improve credit score"), is one more training phrase, unless it
has no word in it or several intents' names come to the same phrase. 10-shot in-scope 0.787 →
0.810 with the threshold (0.797 → 0.814 without); over other 10-shot samples +1.9 points (four
samples of phrases 1-10, 11-20, 21-30 and 31-40 of each intent: 0.790 → 0.809) and +0.8 (nine
random disjoint samples: 0.846 → 0.854, better in eight); 5 phrases per intent +6.7 points, 20
and 50 phrases +0.7 and +0.6, the full data and SNIPS within one or two utterances. It relies on
names that say what the intent means, as designers write them; the threshold it picks on 10-shot
is lower (0.17 instead of 0.25), so out-of-scope recall there falls from 0.38 to 0.27. Also tried
with the names, none better: the cosine between the utterance's and the name's mean vector added
to the margins, a block of each word's best similarity to the names' words, the name repeated,
its nearest-neighbour paraphrases, the name appended to every phrase; and softmax regression
instead of the SVMs, plain hinge loss, tighter convergence and per-intent bias offsets. With
WordNet (already installed as a dependency of \`natural\`): the vectors retrofitted to its synonyms
(and hypernyms, similar adjectives, derivations) scored 0.800-0.810 on the official file, and
synset features for each word 0.804-0.816 there but lower on random samples; 100,000 words of
vectors instead of 50,000 did no better and doubled the file. The
official 10-shot file is a hard sample: its phrases are the first ten of each intent, often
near-paraphrases of each other, and random 10-phrase samples score about 0.85 already.
Static vectors seem to top out near 0.81 on it: a sentence encoder (MiniLM and the like) would need model files that no npm package ships
and would classify at a few hundred utterances a second, not thousands.
The classifier is one-vs-rest linear SVMs with squared hinge loss (C = 1; 0.3 to 100 were all
within 0.8 points on 10-shot and 0.3 points on the full data), solved by dual coordinate descent as
in liblinear, class by class so the weights in training stay in cache, with shrinking and a bias
that starts at -1 so the first pass skips most negatives. Weights below 1% of a class's largest are
dropped (two thirds of them, for 0.03 points). Classifying looks character n-grams up by a rolling
hash checked against the stored term, without building a string per n-gram, and ranks the ten best
intents rather than sorting all of them. Confidences are a softmax of the margins with a
temperature fitted on held-out margins; out-of-scope training rows, when present, are one more
class, so "none of these" is learned and the threshold only has to catch the rest.

**Threshold choice.** Picked by \`trainNlu\` from held-out predictions on its own training data, never
from the test labels. Without out-of-scope examples (SNIPS, a new bot) nothing says what a higher
threshold would catch, so it takes the highest that costs at most half a point of held-out in-scope
accuracy. With them (CLINC150 full) it maximises held-out in-scope accuracy plus out-of-scope recall
within one point of in-scope accuracy: the validation curve with word vectors runs 0 → 0.946 / 0.29
OOS, 0.30 → 0.943 / 0.55, 0.35 → 0.942 / 0.63, 0.45 → 0.938 / 0.70, 0.50 → 0.933 / 0.73, and the
held-out curve has the same shape. On 10-shot the threshold costs under half a point of in-scope
accuracy on the validation set (0.814 without it).

**The official 10-shot file against random samples.** The goal is in-scope accuracy of at least
0.83 with ten phrases per intent, and quotes nlp.js at 0.79 and a plain TF-IDF (word and character
n-grams) + softmax linear model at 0.81. On the official file nlp.js scores 0.69 with its threshold
(0.72 without), and the plain linear model 0.75 (scikit-learn's TF-IDF of word 1-2-grams and
character 2-5-grams with logistic regression or a linear SVM, 0.747-0.752 over four settings; not
part of this bench). On random samples of ten phrases per intent, nlp.js scores 0.77 with its
threshold (0.80-0.81 without) and the plain linear model 0.81-0.83: the quoted figures match random
samples, not the official file, whose first-ten phrases are a harder sample for every system.
Parley: 0.810 on the official file (+6 points on the plain linear model), about 0.85 on random
samples (+3).

**Model size.** Weights are stored sparse by feature as base64 typed arrays; the word vectors are
not in the model, only their id (a model refuses to load with other vectors).
`.trim();

await main();
