import { createHash } from 'node:crypto';
import type { FlowDocument } from '../../bot-runtime/flow';
import { type LoadedNlu, loadNlu } from '../../bot-runtime/nlu';
import { nluResources } from './nluResources';
import { trainOrExplain } from './tryNlu';

const CACHED_MODELS = 16;

/** Most recently used last: a Map keeps insertion order, so the first key is the oldest. */
const modelsByDefinition = new Map<string, LoadedNlu>();

/**
 * The NLU model for a draft, trained once per distinct intent/entity definition (and background
 * switch, and the bot's ignored messages): a preview turn after a message-text edit reuses the
 * model, a phrase edit trains a new one.
 */
export function previewNlu(flow: FlowDocument, extraBackground: readonly string[] = []): LoadedNlu {
  const key = createHash('sha256')
    .update(JSON.stringify([flow.nlu, flow.settings.nluBackground, extraBackground]))
    .digest('hex');
  const cached = modelsByDefinition.get(key);
  if (cached) {
    modelsByDefinition.delete(key);
    modelsByDefinition.set(key, cached);
    return cached;
  }
  // Trained as a published version would be, so a draft answers as its version will.
  const model = loadNlu(trainOrExplain(flow, extraBackground), nluResources);
  modelsByDefinition.set(key, model);
  const oldest = modelsByDefinition.keys().next();
  if (modelsByDefinition.size > CACHED_MODELS && !oldest.done) {
    modelsByDefinition.delete(oldest.value);
  }
  return model;
}
