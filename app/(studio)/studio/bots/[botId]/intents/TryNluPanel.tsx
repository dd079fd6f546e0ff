'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import type { FlowDocument, NluDefinition } from '@/bot-runtime/flow';

/**
 * "Try it": trains a model on the phrases as they are on screen (saved or not) and shows how
 * it ranks a sentence and which entities it finds.
 */
export function TryNluPanel({ botId, flow }: { botId: string; flow: FlowDocument }) {
  const trpc = useTRPC();
  const tryNlu = useMutation(trpc.bots.tryNlu.mutationOptions());
  const [text, setText] = useState('');
  const [triedOn, setTriedOn] = useState<NluDefinition | null>(null);
  const phraseCount = flow.nlu.intents.reduce((total, i) => total + i.phrases.length, 0);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim() || tryNlu.isPending) return;
    setTriedOn(flow.nlu);
    tryNlu.mutate({ botId, document: flow, text });
  }

  const trial = tryNlu.data;
  return (
    <section className="stack try-nlu" aria-label="Try it">
      <h2>Try it</h2>
      <form className="stack" onSubmit={submit}>
        <label>
          A customer says
          <input
            value={text}
            placeholder="e.g. where is my parcel?"
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <div>
          <button type="submit" disabled={!text.trim() || tryNlu.isPending || phraseCount === 0}>
            {tryNlu.isPending ? 'Training…' : 'Try'}
          </button>
        </div>
      </form>
      {phraseCount === 0 && <p className="muted">Add training phrases first.</p>}
      {tryNlu.isPending && (
        <div className="stack" role="status">
          <progress aria-label="Training the model" />
          <span className="muted">Training on {phraseCount} phrases…</span>
        </div>
      )}
      {tryNlu.isError && <ErrorAlert error={tryNlu.error} />}
      {trial && !tryNlu.isPending && (
        <div className="stack" data-testid="nlu-trial">
          {triedOn !== flow.nlu && (
            <p className="alert alert-warning">
              The phrases changed since this answer. Try again to retrain.
            </p>
          )}
          <p>
            {trial.intent ? (
              <>
                Recognised <strong>{trial.intent}</strong> ({percent(trial.confidence)})
              </>
            ) : (
              <>Not recognised: {notRecognisedWhy(trial)}, so the customer gets the fallback.</>
            )}
          </p>
          {trial.thresholdEffect && (
            <p className="muted" data-testid="threshold-effect">
              At the bot’s threshold of {percent(trial.threshold)}, a model that had not seen them
              recognises {percent(trial.thresholdEffect.understood)} of your phrases
              {trial.thresholdEffect.rejected === null
                ? '.'
                : ` and turns away ${percent(trial.thresholdEffect.rejected)} of off-topic messages.`}
              {Math.abs(trial.suggestedThreshold - trial.threshold) >= 0.1 &&
                ` On these phrases ${percent(trial.suggestedThreshold)} would balance the two best; set it under Settings → Understanding.`}
            </p>
          )}
          <ol className="nlu-ranking" aria-label="Ranking">
            {trial.ranking.map((score) => (
              <li
                key={score.intent}
                className={score.confidence < trial.threshold ? 'muted' : undefined}
                title={
                  score.confidence < trial.threshold
                    ? `Below the threshold of ${percent(trial.threshold)}`
                    : undefined
                }
              >
                <span className="nlu-ranking-name">{score.intent}</span>
                <meter min={0} max={1} value={score.confidence} aria-hidden />
                <span className="nlu-ranking-value">{percent(score.confidence)}</span>
              </li>
            ))}
          </ol>
          <h3>Entities found</h3>
          {trial.entities.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul aria-label="Entities found">
              {trial.entities.map((match) => (
                <li key={`${match.entity}:${match.start}`}>
                  <code>{match.entity}</code> = <strong>{String(match.value)}</strong>{' '}
                  <span className="muted">from “{match.text}”</span>
                </li>
              ))}
            </ul>
          )}
          <p className="muted">
            Trained on {trial.trainedOn.phrases} phrases of {trial.trainedOn.intents} intents in{' '}
            {trial.trainingMs} ms.
          </p>
        </div>
      )}
    </section>
  );
}

/** Why the best guess was not taken: "none of these" won, or it was below the threshold. */
function notRecognisedWhy(trial: { confidence: number; threshold: number }): string {
  if (trial.confidence >= trial.threshold) return 'it reads as none of the intents (off-topic)';
  return `the best guess (${percent(trial.confidence)}) is below the bot’s threshold of ${percent(trial.threshold)}`;
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}
