'use client';

import type { FieldChange } from '@/bot-runtime/flow';
import type { FlowComparison } from './flowComparison';

const KIND_LABELS = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;

/**
 * The inspector while comparing: what differs overall, and the changed fields of the node
 * selected on the canvas.
 */
export function ComparePanel({
  comparison,
  selectedNodeId,
  onFocusNode,
}: {
  comparison: FlowComparison;
  selectedNodeId: string | undefined;
  onFocusNode: (nodeId: string) => void;
}) {
  const { diff, flow } = comparison;
  const nameOf = (nodeId: string) => flow.nodes.find((n) => n.id === nodeId)?.label || nodeId;
  const selected = selectedNodeId
    ? diff.nodes.find((node) => node.nodeId === selectedNodeId)
    : undefined;
  const count = (kind: keyof typeof KIND_LABELS) =>
    diff.nodes.filter((node) => node.kind === kind).length;

  return (
    <section className="stack compare-panel" aria-label="Comparison">
      <h2>
        {comparison.beforeLabel} → {comparison.afterLabel}
      </h2>
      <div className="row compare-legend">
        <span className="diff-added">{count('added')} added</span>
        <span className="diff-removed">{count('removed')} removed</span>
        <span className="diff-changed">{count('changed')} changed</span>
      </div>

      {selectedNodeId && (
        <section className="stack" aria-label="Selected node changes">
          <h3>{nameOf(selectedNodeId)}</h3>
          {!selected ? (
            <p className="muted">The same in both.</p>
          ) : selected.kind === 'changed' ? (
            <ChangesTable changes={selected.fields} />
          ) : (
            <p>
              {selected.kind === 'added'
                ? `Only in ${comparison.afterLabel}.`
                : `Only in ${comparison.beforeLabel}; removed since.`}
            </p>
          )}
        </section>
      )}

      {diff.nodes.length === 0 && diff.other.length === 0 ? (
        <p className="muted">
          No differences in the bot’s logic. Positions on the canvas are not compared.
        </p>
      ) : (
        <>
          {diff.nodes.length > 0 && (
            <ul className="compare-nodes" aria-label="Changed nodes">
              {diff.nodes.map((node) => (
                <li key={node.nodeId}>
                  <button
                    type="button"
                    className={`compare-node diff-${node.kind}`}
                    aria-current={node.nodeId === selectedNodeId ? 'true' : undefined}
                    onClick={() => onFocusNode(node.nodeId)}
                  >
                    {KIND_LABELS[node.kind]}: {nameOf(node.nodeId)}
                    {node.kind === 'changed' &&
                      ` (${node.fields.length} field${node.fields.length === 1 ? '' : 's'})`}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {diff.other.length > 0 && (
            <section className="stack" aria-label="Other changes">
              <h3>Settings, intents and entities</h3>
              <ChangesTable changes={diff.other} />
            </section>
          )}
        </>
      )}
    </section>
  );
}

function ChangesTable({ changes }: { changes: FieldChange[] }) {
  return (
    <table className="compare-fields">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.field}>
            <th scope="row">
              <code>{change.field}</code>
            </th>
            <td className="diff-before">{showValue(change.before)}</td>
            <td className="diff-after">{showValue(change.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const MAX_SHOWN = 240;

function showValue(value: unknown): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}
