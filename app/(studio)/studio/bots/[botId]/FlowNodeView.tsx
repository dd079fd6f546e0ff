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
 * Zoomed out, a node's text is a few pixels tall: below FULL_ZOOM nodes are drawn as outline,
 * icon, label in large type and marks; below LABEL_ZOOM, where even that label is too small to
 * read, as outline, icon and marks. Both are several times cheaper to draw, and to repaint on
 * every frame of a pan, than 300 nodes of small text.
 */
const FULL_ZOOM = 0.4;
const LABEL_ZOOM = 0.3;
type Detail = 'full' | 'label' | 'icon';
const detailAtZoom = (state: ReactFlowState): Detail => {
  const zoom = state.transform[2];
  return zoom >= FULL_ZOOM ? 'full' : zoom >= LABEL_ZOOM ? 'label' : 'icon';
};

/** True while the canvas is not yet fitted: nodes are drawn with least detail whatever the zoom. */
const DrawFarContext = createContext(false);
export const DrawNodesFar = DrawFarContext.Provider;

/** A node on the canvas: type icon, label, one-line summary and a labelled handle per output. */
export const FlowNodeView = memo(function FlowNodeView({
  id,
  data,
  selected,
}: NodeProps<FlowCanvasNode>) {
  const zoomDetail = useStore(detailAtZoom);
  const detail = useContext(DrawFarContext) ? 'icon' : zoomDetail;
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
  if (detail !== 'full') {
    return (
      <FarNode
        id={id}
        data={data}
        className={className}
        severity={severity}
        mark={mark}
        withLabel={detail === 'label'}
      />
    );
  }
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
 * stay put and nothing is measured again when the zoom crosses FULL_ZOOM, with the label only
 * or not even that.
 */
function FarNode({
  id,
  data,
  className,
  severity,
  mark,
  withLabel,
}: {
  id: string;
  data: FlowNodeData;
  className: string;
  severity: 'error' | 'warning' | null;
  mark: ReactNode;
  withLabel: boolean;
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
      {withLabel && <span className="flow-node-label">{data.label || data.typeLabel}</span>}
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
