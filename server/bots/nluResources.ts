import { bundledNluResources } from '../../bot-runtime/nlu/bundledResources';

/**
 * What every model the server trains or loads is given: the word vectors and the off-topic
 * background Parley ships.
 */
export const nluResources = bundledNluResources;
