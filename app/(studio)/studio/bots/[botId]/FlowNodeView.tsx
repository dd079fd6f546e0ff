'use client';

import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { FlowIssue, NodeChangeKind, NodeOutput } from '@/bot-runtime/flow';
import { nodeIcon } from './nodeIcons';

export type FlowNodeData = {
  label: string;
  typeLabel: string;
  icon: string;
  summary: string;
  outputs: NodeOutput[];
  isEntry: boolean;
  issues: FlowIssue[];
  /** Set by find and by compare. */
  highlight: 'found' | NodeChangeKind | null;
};

export type FlowCanvasNode = Node<FlowNodeData, 'flowNode'>;

/** A node on the canvas: type icon, label, one-line summary and a labelled handle per output. */
export const FlowNodeView = memo(function FlowNodeView({
  id,
  data,
  selected,
}: NodeProps<FlowCanvasNode>) {
  const severity = data.issues.some((i) => i.severity === 'error')
    ? 'error'
    : data.issues.length > 0
      ? 'warning'
      : null;
  return (
    <div
      className={`flow-node${selected ? ' is-selected' : ''}${data.highlight ? ` is-${data.highlight}` : ''}`}
      data-testid={`flow-node-${id}`}
      data-severity={severity ?? 'none'}
      data-diff={data.highlight !== 'found' ? (data.highlight ?? undefined) : undefined}
    >
      {!data.isEntry && (
        <Handle type="target" position={Position.Top} id="in" aria-label={`Into ${data.label}`} />
      )}
      <div className="flow-node-header">
        <span className="flow-node-icon" aria-hidden>
          {nodeIcon(data.icon)}
        </span>
        <span className="flow-node-label">{data.label || data.typeLabel}</span>
        {data.highlight && data.highlight !== 'found' && (
          <span className={`flow-node-diff diff-${data.highlight}`}>{data.highlight}</span>
        )}
        {severity && (
          <span
            className={`flow-node-mark mark-${severity}`}
            role="img"
            aria-label={`${data.issues.length} ${severity === 'error' ? 'error' : 'warning'}${data.issues.length === 1 ? '' : 's'}`}
            title={data.issues.map((i) => i.message).join('\n')}
          >
            {severity === 'error' ? '!' : '▲'}
          </span>
        )}
      </div>
      <div className="flow-node-type">{data.typeLabel}</div>
      <div className="flow-node-summary">{data.summary}</div>
      {data.outputs.length > 0 && (
        <div className="flow-node-outputs">
          {data.outputs.map((output) => (
            <div key={output.name} className="flow-node-output">
              <span>{output.label}</span>
              <Handle
                type="source"
                position={Position.Bottom}
                id={output.name}
                aria-label={`${output.label} output of ${data.label}`}
              />
            </div>
          ))}
        </div>
      )}
    </div>
  );
});
