'use client';

import {
  Handle,
  type Node,
  type NodeProps,
  Position,
  type ReactFlowState,
  useStore,
} from '@xyflow/react';
import { createContext, memo, type ReactNode, useContext } from 'react';
import type { FlowIssue, NodeChangeKind, NodeOutput } from '@/bot-runtime/flow';
import { nodeGeometry } from './nodeGeometry';
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

/**
 * Below this zoom a node's text is a few pixels tall: nodes are drawn as their outline, icon,
 * label in large type and marks only, which makes a large flow zoomed out to fit several times
 * cheaper to draw and its labels readable.
 */
const FAR_ZOOM = 0.4;
const isZoomedOut = (state: ReactFlowState) => state.transform[2] < FAR_ZOOM;

/** True while the canvas is not yet fitted: nodes are drawn far whatever the zoom. */
const DrawFarContext = createContext(false);
export const DrawNodesFar = DrawFarContext.Provider;

/** A node on the canvas: type icon, label, one-line summary and a labelled handle per output. */
export const FlowNodeView = memo(function FlowNodeView({
  id,
  data,
  selected,
}: NodeProps<FlowCanvasNode>) {
  const zoomedOut = useStore(isZoomedOut);
  const far = useContext(DrawFarContext) || zoomedOut;
  const severity = data.issues.some((i) => i.severity === 'error')
    ? 'error'
    : data.issues.length > 0
      ? 'warning'
      : null;
  const className = `flow-node${selected ? ' is-selected' : ''}${data.highlight ? ` is-${data.highlight}` : ''}`;
  const mark = severity && (
    <span
      className={`flow-node-mark mark-${severity}`}
      role="img"
      aria-label={`${data.issues.length} ${severity === 'error' ? 'error' : 'warning'}${data.issues.length === 1 ? '' : 's'}`}
      title={data.issues.map((i) => i.message).join('\n')}
    >
      {severity === 'error' ? '!' : '▲'}
    </span>
  );
  if (far)
    return <FarNode id={id} data={data} className={className} severity={severity} mark={mark} />;
  return (
    <div
      className={className}
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
        {mark}
      </div>
      <div className="flow-node-type">{data.typeLabel}</div>
      <div className="flow-node-summary">{data.summary}</div>
      {data.outputs.length > 0 && (
        <div
          className="flow-node-outputs"
          style={{ gridTemplateColumns: `repeat(${data.outputs.length}, minmax(0, 1fr))` }}
        >
          {data.outputs.map((output) => (
            <div key={output.name} className="flow-node-output">
              <span className="flow-node-output-label">{output.label}</span>
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

/**
 * The zoomed-out node: the same box and handles at the same places (nodeGeometry), so edges
 * stay put and nothing is measured again when the zoom crosses FAR_ZOOM, with the label only.
 */
function FarNode({
  id,
  data,
  className,
  severity,
  mark,
}: {
  id: string;
  data: FlowNodeData;
  className: string;
  severity: 'error' | 'warning' | null;
  mark: ReactNode;
}) {
  const geometry = nodeGeometry(
    data.outputs.map((output) => output.name),
    !data.isEntry,
  );
  return (
    <div
      className={`${className} is-far`}
      style={{ height: geometry.height }}
      title={data.label || data.typeLabel}
      data-testid={`flow-node-${id}`}
      data-severity={severity ?? 'none'}
      data-diff={data.highlight !== 'found' ? (data.highlight ?? undefined) : undefined}
    >
      {!data.isEntry && (
        <Handle type="target" position={Position.Top} id="in" aria-label={`Into ${data.label}`} />
      )}
      <span className="flow-node-icon" aria-hidden>
        {nodeIcon(data.icon)}
      </span>
      <span className="flow-node-label">{data.label || data.typeLabel}</span>
      {mark}
      {data.outputs.map((output, index) => (
        <Handle
          key={output.name}
          type="source"
          position={Position.Bottom}
          id={output.name}
          style={{ left: `${((index + 0.5) * 100) / data.outputs.length}%` }}
          aria-label={`${output.label} output of ${data.label}`}
        />
      ))}
    </div>
  );
}
