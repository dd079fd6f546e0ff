'use client';

import type { PreviewTurn } from '@/server/bots/previewTurn';
import { describeInput, describeReason, describeResult } from './traceText';

/**
 * The engine's explanation of each preview turn, newest last: the nodes it went through, the
 * output each took and why. Choosing a step centres its node on the canvas.
 */
export function TracePanel({
  turns,
  onFocusNode,
}: {
  turns: PreviewTurn[];
  onFocusNode: (nodeId: string) => void;
}) {
  if (turns.length === 0) return <p className="muted">The trace of each turn appears here.</p>;
  return (
    <ol className="preview-trace" aria-label="Trace">
      {turns.map((turn, turnIndex) => (
        // Every turn shows at least one new entry, so its last seq tells it apart.
        <li key={turn.state.lastSeq} className="preview-turn">
          <h3>
            {turnIndex + 1}. {describeInput(turn.trace.input)}{' '}
            <span className="muted">{turn.trace.durationMs} ms</span>
          </h3>
          {turn.trace.error && (
            <p className="preview-trace-error">
              {turn.trace.error.code}: {turn.trace.error.message}
            </p>
          )}
          <ol className="preview-steps">
            {turn.trace.steps.map((step) => (
              <li key={`${step.step}-${step.nodeId}`}>
                <button
                  type="button"
                  className="preview-step"
                  data-testid={`trace-step-${step.nodeId}`}
                  onClick={() => onFocusNode(step.nodeId)}
                >
                  <strong>{step.nodeLabel || step.nodeId}</strong>{' '}
                  <span className="muted">{step.nodeType}</span> {describeResult(step)}
                </button>
                {step.reasons.length > 0 && (
                  <ul className="preview-reasons">
                    {step.reasons.flatMap(describeReason).map((line, index) => (
                      // The same line can repeat (two identical rules); order is the identity.
                      // biome-ignore lint/suspicious/noArrayIndexKey: see above
                      <li key={index}>{line}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
          {turn.handoff && (
            <p className="muted">
              Hands over to {turn.handoff.queue ?? 'the first queue'} (priority{' '}
              {turn.handoff.priority}).
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
