import { describe, expect, it } from 'vitest';
import { createTextAnalyzer } from './analyzeText';
import { buildFeatureSpace, extractTerms, featureCount, vectorize } from './featureSpace';
import { loadNlu } from './loadNlu';
import { nluModelSchema } from './nluModel';
import { supportBot } from './supportBot.fixture';
import { trainNlu } from './trainNlu';
import { FEW_SHOT_POOLING, MEAN_POOLING, poolingFor, type VectorPooling } from './vectorPooling';
import { bundledWordVectors } from './wordVectors/readBundledWordVectors';

const resources = { wordVectorsFor: bundledWordVectors };
const analyze = createTextAnalyzer('en');

function vectorFeatures(pooling: VectorPooling, text: string) {
  const phrases = supportBot.intents.flatMap((intent) => intent.phrases).map(analyze);
  const space = buildFeatureSpace(phrases.map(extractTerms), bundledWordVectors('en'), pooling);
  const vector = vectorize(space, analyze(text));
  const terms = space.idf.length;
  const blockNorms: number[] = [];
  vector.indices.forEach((feature, k) => {
    if (feature < terms) return;
    const block = Math.floor((feature - terms) / 100);
    blockNorms[block] = (blockNorms[block] ?? 0) + (vector.values[k] as number) ** 2;
  });
  return { count: featureCount(space) - terms, blockNorms: blockNorms.map(Math.sqrt) };
}

describe('pooling the word vectors', () => {
  it('makes one block per pooling, each with the norm of its weight', () => {
    const mean = vectorFeatures(MEAN_POOLING, 'where is my parcel');
    expect(mean.count).toBe(100);
    expect(mean.blockNorms).toHaveLength(1);
    expect(mean.blockNorms[0]).toBeCloseTo(1, 5);
    const fewShot = vectorFeatures(FEW_SHOT_POOLING, 'where is my parcel');
    expect(fewShot.count).toBe(300);
    expect(fewShot.blockNorms.map((norm) => norm.toFixed(4))).toEqual(
      [FEW_SHOT_POOLING.mean, FEW_SHOT_POOLING.max, FEW_SHOT_POOLING.min].map((w) => w.toFixed(4)),
    );
  });

  it('adds nothing for an utterance without a known word', () => {
    expect(vectorFeatures(FEW_SHOT_POOLING, 'zzqx 12345').blockNorms).toEqual([]);
  });

  it('uses the max and min only for small training sets', () => {
    expect(poolingFor(1_500)).toEqual(FEW_SHOT_POOLING);
    expect(poolingFor(15_000)).toEqual(MEAN_POOLING);
  });

  it('is recorded in the model and gives identical predictions after a JSON round trip', () => {
    const model = trainNlu(supportBot, resources);
    expect(model.vectorPooling).toEqual(FEW_SHOT_POOLING);
    const nlu = loadNlu(model, resources);
    const reloaded = loadNlu(JSON.parse(JSON.stringify(model)), resources);
    const now = new Date('2025-03-14T10:00:00Z');
    for (const text of ['where is my parcel', 'reset my login', 'hello there', 'refund it']) {
      expect(reloaded.classify(text, { now })).toEqual(nlu.classify(text, { now }));
    }
  });

  it('defaults to the mean alone for models stored before it was recorded', () => {
    const { vectorPooling: _, ...stored } = trainNlu(supportBot, resources);
    expect(nluModelSchema.parse(stored).vectorPooling).toEqual(MEAN_POOLING);
  });
});
