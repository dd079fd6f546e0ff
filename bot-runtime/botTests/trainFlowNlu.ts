import type { FlowDocument } from '../flow/flowDocument';
import { type NluModel, type NluResources, trainNlu } from '../nlu';

/**
 * The model a flow runs with once published, trained from its intents that have phrases. A flow
 * without any still gets a model, so every version loads the same way. Publishing and the test
 * runner both train with this, so a test reads messages as production will.
 *
 * `extraBackground`: more utterances the bot should not understand, e.g. the misunderstood
 * messages its designer marked "ignore"; they teach "none of these" whatever the background
 * switch says, since the designer picked them for this bot.
 */
export function trainFlowNlu(
  flow: FlowDocument,
  resources: NluResources,
  extraBackground: readonly string[] = [],
): NluModel {
  const intents = flow.nlu.intents.filter((intent) => intent.phrases.length > 0);
  return trainNlu(
    {
      language: flow.nlu.language,
      intents: intents.length > 0 ? intents : [{ name: 'none', phrases: ['-'] }],
      outOfScope: [...extraBackground],
      background: flow.settings.nluBackground && intents.length > 0,
      entities: flow.nlu.entities,
    },
    resources,
  );
}
