'use client';

import { useMemo, useState } from 'react';
import type { FlowDocument } from '@/bot-runtime/flow';
import { CodeEditor } from './CodeEditor';
import { flowCode, type ParsedFlowCode, parseFlowCode } from './parseFlowCode';

/**
 * The whole flow as JSON. Edits are applied as one undoable change once they pass the same
 * schema a save does; otherwise the schema's objections are listed and nothing changes.
 */
export function FlowCodeView({
  flow,
  readOnly,
  onApply,
}: {
  flow: FlowDocument;
  readOnly: boolean;
  onApply: (flow: FlowDocument) => void;
}) {
  const [shownFlow, setShownFlow] = useState(flow);
  const [text, setText] = useState(() => flowCode(flow));
  const [problems, setProblems] = useState<Extract<ParsedFlowCode, { ok: false }>['problems']>([]);
  const shownCode = useMemo(() => flowCode(shownFlow), [shownFlow]);
  const dirty = text !== shownCode;

  // Undo, redo or a reload replace the flow: follow them unless there are edits not applied.
  if (flow !== shownFlow && !dirty) {
    setShownFlow(flow);
    setText(flowCode(flow));
  }

  function apply() {
    const parsed = parseFlowCode(text);
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    setProblems([]);
    setShownFlow(parsed.flow);
    setText(flowCode(parsed.flow));
    onApply(parsed.flow);
  }

  function discard() {
    setProblems([]);
    setShownFlow(flow);
    setText(flowCode(flow));
  }

  return (
    <section className="flow-code" aria-label="Flow as JSON">
      <div className="row flow-code-bar">
        {readOnly ? (
          <span className="muted">Read-only.</span>
        ) : (
          <>
            <button type="button" className="primary" onClick={apply} disabled={!dirty}>
              Apply changes
            </button>
            <button type="button" onClick={discard} disabled={!dirty}>
              Discard
            </button>
            <span className="muted">
              {dirty ? 'Changes not applied yet.' : 'Edit the JSON, then apply; undo reverts it.'}
            </span>
          </>
        )}
      </div>
      {problems.length > 0 && (
        <div className="alert alert-error" role="alert">
          Not applied: the flow would not be valid.
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.line}:${problem.message}`}>
                {problem.line ? `Line ${problem.line}: ` : ''}
                {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <CodeEditor
        value={text}
        language="json"
        readOnly={readOnly}
        height="100%"
        label="Flow JSON"
        onChange={setText}
      />
    </section>
  );
}
