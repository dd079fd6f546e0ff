import type { ConversationView } from '../_live/consoleTypes';
import { valueText } from './valueText';

/**
 * What the bot learned before handing over, pinned above the transcript so the agent does not
 * ask again: the intent it recognised (and how sure it was), the summary, the variables.
 */
export function HandoffCard({ view }: { view: ConversationView }) {
  const { intent, intentConfidence, summary, variables } = view.handoff;
  const captured = Object.entries(variables);
  if (!intent && !summary && captured.length === 0) return null;
  return (
    <section className="handoff-card" aria-label="Hand-off from the bot">
      <h2>
        Hand-off
        {view.workItem && <span className="muted"> · {view.workItem.queueName}</span>}
      </h2>
      {intent && (
        <p>
          <span className="muted">Intent </span>
          <strong>{intent}</strong>
          {intentConfidence !== null && (
            <span className="muted"> ({Math.round(intentConfidence * 100)}% sure)</span>
          )}
        </p>
      )}
      {summary && <p className="handoff-summary">{summary}</p>}
      {captured.length > 0 && (
        <dl className="field-list">
          {captured.map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{valueText(value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
