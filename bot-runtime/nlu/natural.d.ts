// `natural` ships types only for its index, which loads every submodule (and a .env file).
// These declare the few submodules the NLU imports directly.
declare module 'natural/lib/natural/tokenizers/regexp_tokenizer.js' {
  export class RegexpTokenizer {
    constructor(options: { pattern: RegExp; gaps?: boolean });
    tokenize(text: string): string[];
  }
}

declare module 'natural/lib/natural/ngrams/ngrams.js' {
  export function bigrams(sequence: string[], startSymbol?: string, endSymbol?: string): string[][];
}

declare module 'natural/lib/natural/stemmers/*.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
