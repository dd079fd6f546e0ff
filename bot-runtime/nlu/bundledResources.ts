import { bundledBackground } from './background/readBundledBackground';
import { bundledWordVectors } from './wordVectors/readBundledWordVectors';
import type { NluResources } from './wordVectors/wordVectors';

/**
 * Everything Parley ships for the NLU: the word vectors and the off-topic background. The server,
 * the CLIs and the tests that mean to read messages as production does all train with these.
 */
export const bundledNluResources: NluResources = {
  wordVectorsFor: bundledWordVectors,
  backgroundFor: bundledBackground,
};
