import { describe, expect, it } from 'vitest';
import { loadNlu } from '../loadNlu';
import { trainNlu } from '../trainNlu';
import { bundledWordVectors } from './readBundledWordVectors';
import { decodeWordVectors, wordVectorRow } from './wordVectors';

const resources = { wordVectorsFor: bundledWordVectors };
const weather = ['what is the weather like', 'will it be sunny tomorrow', 'forecast for today'];
const billing = ['i was charged twice', 'refund my payment', 'my invoice is wrong'];

function cosine(a: string, b: string): number {
  const vectors = bundledWordVectors('en');
  if (vectors === null) throw new Error('English has word vectors');
  const rowA = wordVectorRow(vectors, a) as number;
  const rowB = wordVectorRow(vectors, b) as number;
  let dot = 0;
  for (let d = 0; d < vectors.dimensions; d++) {
    dot +=
      (vectors.values[rowA * vectors.dimensions + d] as number) *
      (vectors.values[rowB * vectors.dimensions + d] as number);
  }
  return dot * vectors.scale * vectors.scale;
}

describe('bundled English word vectors', () => {
  it('place related words near each other', () => {
    expect(cosine('rain', 'weather')).toBeGreaterThan(cosine('rain', 'payment') + 0.3);
    expect(cosine('reimbursement', 'refund')).toBeGreaterThan(
      cosine('reimbursement', 'sunny') + 0.3,
    );
  });

  it('fall back to the part before an apostrophe', () => {
    const vectors = bundledWordVectors('en');
    expect(vectors && wordVectorRow(vectors, "what's")).toBe(vectors?.rows.get('what'));
  });

  it('are not used for languages they do not cover', () => {
    expect(bundledWordVectors('de')).toBeNull();
    const model = trainNlu(
      {
        language: 'de',
        intents: [
          { name: 'lieferung', phrases: ['wo ist mein paket'] },
          { name: 'rechnung', phrases: ['meine rechnung ist falsch'] },
        ],
      },
      resources,
    );
    expect(model.wordVectors).toBeNull();
  });
});

describe('intent recognition with word vectors', () => {
  const model = trainNlu(
    {
      intents: [
        { name: 'weather', phrases: weather },
        { name: 'billing', phrases: billing },
      ],
    },
    resources,
  );

  it('recognises words that no training phrase contains', () => {
    const nlu = loadNlu(model, resources);
    expect(nlu.classify('rain', { threshold: 0 }).intent).toBe('weather');
    expect(nlu.classify('reimbursement', { threshold: 0 }).intent).toBe('billing');
  });

  it('records the vectors in the model and refuses to load it with others or none', () => {
    expect(model.wordVectors).toBe(bundledWordVectors('en')?.id);
    expect(() => loadNlu({ ...model, wordVectors: 'some-other-vectors' }, resources)).toThrow(
      /trained with the word vectors some-other-vectors/,
    );
    expect(() => loadNlu(model)).toThrow(/trained with the word vectors/);
  });

  it('trains without them when none are given', () => {
    const plain = trainNlu({
      intents: [
        { name: 'weather', phrases: weather },
        { name: 'billing', phrases: billing },
      ],
    });
    expect(plain.wordVectors).toBeNull();
    expect(loadNlu(plain).classify('refund please', { threshold: 0 }).intent).toBe('billing');
  });
});

describe('the word vector file format', () => {
  it('refuses a truncated file', () => {
    const header = JSON.stringify({ id: 'x', dimensions: 2, count: 2, scale: 1, wordBytes: 3 });
    const bytes = new TextEncoder().encode(`${header}\na\nb\u0001`);
    expect(() => decodeWordVectors(bytes)).toThrow(/truncated or corrupt/);
  });
});
