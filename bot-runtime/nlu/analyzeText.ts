import { bigrams } from 'natural/lib/natural/ngrams/ngrams.js';
import porterEn from 'natural/lib/natural/stemmers/porter_stemmer.js';
import porterDe from 'natural/lib/natural/stemmers/porter_stemmer_de.js';
import porterEs from 'natural/lib/natural/stemmers/porter_stemmer_es.js';
import porterFr from 'natural/lib/natural/stemmers/porter_stemmer_fr.js';
import porterIt from 'natural/lib/natural/stemmers/porter_stemmer_it.js';
import porterNl from 'natural/lib/natural/stemmers/porter_stemmer_nl.js';
import porterNo from 'natural/lib/natural/stemmers/porter_stemmer_no.js';
import porterPt from 'natural/lib/natural/stemmers/porter_stemmer_pt.js';
import porterRu from 'natural/lib/natural/stemmers/porter_stemmer_ru.js';
import porterSv from 'natural/lib/natural/stemmers/porter_stemmer_sv.js';
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import type { NluLanguage } from './schema';

const stemmers: Record<NluLanguage, { stem(token: string): string }> = {
  en: porterEn,
  de: porterDe,
  es: porterEs,
  fr: porterFr,
  it: porterIt,
  nl: porterNl,
  no: porterNo,
  pt: porterPt,
  ru: porterRu,
  sv: porterSv,
};

/** Stems repeat across utterances; the Porter stemmers are regex-heavy, so remember them. */
const STEM_CACHE_LIMIT = 50_000;

export interface AnalyzedText {
  /** Lower-cased tokens joined by single spaces: the input of the character n-grams. */
  normalized: string;
  /** The lower-cased tokens, for word vectors. */
  tokens: string[];
  stems: string[];
  /** Stem bigrams, sentence start and end included (`<s> what`, `time </s>`). */
  stemBigrams: string[];
}

export type TextAnalyzer = (text: string) => AnalyzedText;

/**
 * Tokenise on anything that is not a letter, digit or apostrophe (Unicode-aware, so "café" stays
 * one word), keep stopwords ("what", "how", "not" carry intent), stem per language.
 */
export function createTextAnalyzer(language: NluLanguage): TextAnalyzer {
  const tokenizer = new RegexpTokenizer({ pattern: /[^\p{L}\p{N}']+/u });
  const stemmer = stemmers[language];
  const stemCache = new Map<string, string>();

  const stem = (token: string): string => {
    let stemmed = stemCache.get(token);
    if (stemmed === undefined) {
      stemmed = stemmer.stem(token.replace(/'/g, '')) || token;
      if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
      stemCache.set(token, stemmed);
    }
    return stemmed;
  };

  return (text) => {
    const tokens = tokenizer
      .tokenize(text.normalize('NFKC').toLowerCase())
      .filter((token) => token !== "'" && token !== '');
    const stems = tokens.map(stem);
    const stemBigrams =
      stems.length === 0 ? [] : bigrams(stems, '<s>', '</s>').map((pair) => pair.join(' '));
    return { normalized: tokens.join(' '), tokens, stems, stemBigrams };
  };
}
