import { ZodError } from 'zod';
import { trainFlowNlu } from '../../bot-runtime/botTests/trainFlowNlu';
import type { FlowDocument } from '../../bot-runtime/flow';
import { type Classification, loadNlu, type NluModel } from '../../bot-runtime/nlu';
import { thresholdEffect } from '../../bot-runtime/nlu/pickThreshold';
import type { Db } from '../db/client';
import { DomainError } from '../errors';
import { getBot } from './botCatalog';
import { getDraft } from './botDrafts';
import { ignoredPhrases } from './misunderstood';
import { nluResources } from './nluResources';
import { requireLoadableFlow } from './requireLoadableFlow';

export interface NluTrial extends Classification {
  /** The flow's own threshold, the one the engine applies: below it the intent is `null`. */
  threshold: number;
  /**
   * What that threshold does on held-out data: the share of the bot's phrases still recognised
   * by a model that did not see them, and of off-topic utterances turned away (null when the
   * model learned no "none of these").
   */
  thresholdEffect: { understood: number; rejected: number | null } | null;
  /** The threshold training picked from held-out data, to suggest when the flow's differs. */
  suggestedThreshold: number;
  trainedOn: { intents: number; phrases: number };
  trainingMs: number;
}

/**
 * "Try it" on the intents page: trains a model on the phrases of the document being edited
 * (or, without one, of the saved draft) and classifies one sentence with it, as the engine
 * would. Nothing is stored: the model lives only for this answer.
 */
export function tryNlu(
  db: Db,
  orgId: string,
  input: { botId: string; document?: unknown; text: string },
): NluTrial {
  const ignored = () => ignoredPhrases(db, orgId, input.botId);
  if (input.document === undefined) {
    const { document } = getDraft(db, orgId, input.botId);
    return classifyWithFlowNlu(document, input.text, { extraBackground: ignored() });
  }
  getBot(db, orgId, input.botId);
  return classifyWithFlowNlu(requireLoadableFlow(input.document), input.text, {
    extraBackground: ignored(),
  });
}

export function classifyWithFlowNlu(
  flow: FlowDocument,
  text: string,
  options: { now?: Date; extraBackground?: readonly string[] } = {},
): NluTrial {
  const { now, extraBackground = [] } = options;
  const intents = flow.nlu.intents.filter((intent) => intent.phrases.length > 0);
  if (intents.length === 0) {
    throw new DomainError(
      'INVALID_INPUT',
      'There is nothing to train on yet: add training phrases to at least one intent.',
    );
  }
  const started = performance.now();
  const model = trainOrExplain(flow, extraBackground);
  const trainingMs = Math.round(performance.now() - started);
  const threshold = flow.settings.nluThreshold;
  const nlu = loadNlu(model, nluResources);
  const classification = nlu.classify(text, { threshold, now });
  const effect = thresholdEffect(nlu.thresholdCurve, threshold);
  return {
    ...classification,
    threshold,
    thresholdEffect: effect && { understood: effect.understood, rejected: effect.rejected },
    suggestedThreshold: nlu.threshold,
    trainedOn: {
      intents: intents.length,
      phrases: intents.reduce((total, intent) => total + intent.phrases.length, 0),
    },
    trainingMs,
  };
}

/** The model `trainFlowNlu` makes, with an invalid definition explained to the designer. */
export function trainOrExplain(
  flow: FlowDocument,
  extraBackground: readonly string[] = [],
): NluModel {
  try {
    return trainFlowNlu(flow, nluResources, extraBackground);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const issue = error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    throw new DomainError(
      'INVALID_INPUT',
      `The model cannot be trained${where}: ${issue?.message ?? 'the definition is not valid'}.`,
      { issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    );
  }
}
