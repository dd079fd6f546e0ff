import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import type { KnowledgeArticle } from '../types';

export interface RankedArticle {
  article: KnowledgeArticle;
  /** Cosine similarity of TF-IDF vectors, 0 (nothing shared) to 1. */
  score: number;
}

/**
 * Ranks knowledge-base articles against a customer's question, best first: stemmed words
 * without stopwords (natural's Porter stemmer), weighted by TF-IDF, compared by cosine. A
 * cosine is bounded, unlike natural's TfIdf sum of weights, so one "I don't know" threshold
 * means the same thing for any knowledge base. An article's question counts twice its answer:
 * it is what customers ask.
 */
export function rankArticles(
  question: string,
  articles: readonly KnowledgeArticle[],
): RankedArticle[] {
  const documents = articles.map((article) => {
    const questionTerms = terms(article.question);
    return [...questionTerms, ...questionTerms, ...terms(article.answer)];
  });
  const idf = inverseDocumentFrequency(documents);
  const query = weigh(terms(question), idf, Math.log(1 + documents.length) + 1);
  return articles
    .map((article, index) => ({
      article,
      score: cosine(query, weigh(documents[index] ?? [], idf, 0)),
    }))
    .sort((a, b) => b.score - a.score);
}

function terms(text: string): string[] {
  return PorterStemmer.tokenizeAndStem(text);
}

/** Smoothed IDF, as in common TF-IDF implementations: ln((1 + n) / (1 + df)) + 1. */
function inverseDocumentFrequency(documents: readonly string[][]): Map<string, number> {
  const documentFrequency = new Map<string, number>();
  for (const document of documents) {
    for (const term of new Set(document)) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  const idf = new Map<string, number>();
  for (const [term, frequency] of documentFrequency) {
    idf.set(term, Math.log((1 + documents.length) / (1 + frequency)) + 1);
  }
  return idf;
}

/**
 * A term vector normalised to length 1. Words no article uses get `unknownWeight`, so a
 * question about something else entirely scores low instead of matching on its one known word.
 */
function weigh(
  document: readonly string[],
  idf: ReadonlyMap<string, number>,
  unknownWeight: number,
): Map<string, number> {
  const vector = new Map<string, number>();
  for (const term of document) {
    vector.set(term, (vector.get(term) ?? 0) + (idf.get(term) ?? unknownWeight));
  }
  const length = Math.hypot(...vector.values());
  if (length > 0) for (const [term, weight] of vector) vector.set(term, weight / length);
  return vector;
}

function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  for (const [term, weight] of a) dot += weight * (b.get(term) ?? 0);
  return dot;
}
