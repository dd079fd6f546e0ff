import type { NluResources } from '../../bot-runtime/nlu';
import { bundledWordVectors } from '../../bot-runtime/nlu/wordVectors/readBundledWordVectors';

/** What every model the server trains or loads is given: the word vectors Parley ships. */
export const nluResources: NluResources = { wordVectorsFor: bundledWordVectors };
