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
  const index = articleIndex(articles);
  const query = weigh(terms(question), index.idf, Math.log(1 + articles.length) + 1);
  return articles
    .map((article, position) => ({
      article,
      score: cosine(query, index.vectors[position] ?? new Map()),
    }))
    .sort((a, b) => b.score - a.score);
}

interface ArticleIndex {
  idf: Map<string, number>;
  vectors: Map<string, number>[];
}

/**
 * A knowledge base changes rarely but is searched on every FAQ question, and stemming its
 * articles cost more than the rest of the search: indexes are kept by content (the settings
 * it comes from are read afresh each turn, so object identity would never match).
 */
const indexes = new Map<string, ArticleIndex>();
const MAX_INDEXES = 32;

function articleIndex(articles: readonly KnowledgeArticle[]): ArticleIndex {
  const key = JSON.stringify(articles.map((article) => [article.question, article.answer]));
  const cached = indexes.get(key);
  if (cached) return cached;
  const documents = articles.map((article) => {
    const questionTerms = terms(article.question);
    return [...questionTerms, ...questionTerms, ...terms(article.answer)];
  });
  const idf = inverseDocumentFrequency(documents);
  const index = { idf, vectors: documents.map((document) => weigh(document, idf, 0)) };
  if (indexes.size >= MAX_INDEXES) indexes.delete(indexes.keys().next().value as string);
  indexes.set(key, index);
  return index;
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
