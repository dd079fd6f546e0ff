import { createHash } from 'node:crypto';
import type { FlowDocument } from '../../bot-runtime/flow';
import { type LoadedNlu, loadNlu } from '../../bot-runtime/nlu';
import { nluResources } from './nluResources';
import { trainOrExplain } from './tryNlu';

const CACHED_MODELS = 16;

/** Most recently used last: a Map keeps insertion order, so the first key is the oldest. */
const modelsByDefinition = new Map<string, LoadedNlu>();

/**
 * The NLU model for a draft, trained once per distinct intent/entity definition: a preview
 * turn after a message-text edit reuses the model, a phrase edit trains a new one.
 */
export function previewNlu(flow: FlowDocument): LoadedNlu {
  const key = createHash('sha256').update(JSON.stringify(flow.nlu)).digest('hex');
  const cached = modelsByDefinition.get(key);
  if (cached) {
    modelsByDefinition.delete(key);
    modelsByDefinition.set(key, cached);
    return cached;
  }
  const withPhrases = flow.nlu.intents.filter((intent) => intent.phrases.length > 0);
  // The same stand-in a published version gets, so a draft without intents answers alike.
  const intents =
    withPhrases.length > 0 ? withPhrases : [{ name: 'none', description: '', phrases: ['-'] }];
  const model = loadNlu(trainOrExplain(flow, intents), nluResources);
  modelsByDefinition.set(key, model);
  const oldest = modelsByDefinition.keys().next();
  if (modelsByDefinition.size > CACHED_MODELS && !oldest.done) {
    modelsByDefinition.delete(oldest.value);
  }
  return model;
}
