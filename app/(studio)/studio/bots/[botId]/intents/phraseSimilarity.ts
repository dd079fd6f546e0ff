/**
 * A light model of how alike training phrases are, for the intents page's warnings: TF-IDF over
 * words (with a crude English suffix strip, so "orders" meets "order") and character trigrams
 * (so "pasword" still meets "password"), compared by cosine. It runs in the browser on every
 * edit, so it needs no word vectors and no stemmer library; the trained model, not this, decides
 * what a message means.
 */
export type SparseTerms = Map<string, number>;

export function phraseTokens(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}']+/u)
    .map((token) => token.replace(/'/g, ''))
    .filter((token) => token !== '');
}

function stripSuffix(token: string): string {
  if (token.length > 5 && token.endsWith('ing')) return token.slice(0, -3);
  if (token.length > 4 && token.endsWith('ed')) return token.slice(0, -2);
  if (token.length > 3 && token.endsWith('s') && !token.endsWith('ss')) return token.slice(0, -1);
  return token;
}

function rawTerms(phrase: string): string[] {
  const tokens = phraseTokens(phrase);
  const terms = tokens.map((token) => `w:${stripSuffix(token)}`);
  const text = ` ${tokens.join(' ')} `;
  for (let i = 0; i + 3 <= text.length; i++) terms.push(`c:${text.slice(i, i + 3)}`);
  return terms;
}

/** Unit TF-IDF vectors of `phrases`, the idf counted over them all. */
export function phraseVectors(phrases: readonly string[]): SparseTerms[] {
  const documents = phrases.map(rawTerms);
  const frequency = new Map<string, number>();
  for (const terms of documents) {
    for (const term of new Set(terms)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  }
  return documents.map((terms) => {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const vector: SparseTerms = new Map();
    let norm = 0;
    for (const [term, count] of counts) {
      const idf = Math.log((1 + documents.length) / (1 + (frequency.get(term) ?? 0))) + 1;
      // Words and trigrams weigh alike in total: there are many more trigrams than words.
      const weight = (1 + Math.log(count)) * idf * (term.startsWith('w:') ? 2 : 1);
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    for (const [term, weight] of vector) vector.set(term, norm > 0 ? weight / norm : 0);
    return vector;
  });
}

export function cosine(a: SparseTerms, b: SparseTerms): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}

/** The unit mean of some vectors: an intent's centre. */
export function centroid(vectors: readonly SparseTerms[]): SparseTerms {
  const sum: SparseTerms = new Map();
  for (const vector of vectors) {
    for (const [term, weight] of vector) sum.set(term, (sum.get(term) ?? 0) + weight);
  }
  let norm = 0;
  for (const weight of sum.values()) norm += weight * weight;
  norm = Math.sqrt(norm);
  for (const [term, weight] of sum) sum.set(term, norm > 0 ? weight / norm : 0);
  return sum;
}
