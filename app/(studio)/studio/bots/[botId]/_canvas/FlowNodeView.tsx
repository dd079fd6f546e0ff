'use client';

import {
  Handle,
  type Node,
  type NodeProps,
  Position,
  type ReactFlowState,
  useStore,
} from '@xyflow/react';
import { type CSSProperties, createContext, memo, type ReactNode, useContext } from 'react';
import type { FlowIssue, NodeChangeKind, NodeOutput } from '@/bot-runtime/flow';
import { farLabel } from './farLabel';
import { nodeGeometry } from './nodeGeometry';
import { type Detail, detailAtZoom } from './zoomLevels';

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
  /** While the analytics overlay is on: its badge and heat level (null: nobody reached it). */
  overlay: { text: string; heat: number | null } | null;
};

export type FlowCanvasNode = Node<FlowNodeData, 'flowNode'>;

const detailOfStore = (state: ReactFlowState): Detail => detailAtZoom(state.transform[2]);

/** True while the canvas is not yet fitted: nodes are drawn with least detail whatever the zoom. */
const DrawFarContext = createContext(false);
export const DrawNodesFar = DrawFarContext.Provider;

/** A node on the canvas: type icon, label, one-line summary and a labelled handle per output. */
export const FlowNodeView = memo(function FlowNodeView({
  id,
  data,
  selected,
  height,
}: NodeProps<FlowCanvasNode>) {
  const zoomDetail = useStore(detailOfStore);
  const detail = useContext(DrawFarContext) ? 'icon' : zoomDetail;
  const severity = data.issues.some((i) => i.severity === 'error')
    ? 'error'
    : data.issues.length > 0
      ? 'warning'
      : null;
  const box: NodeBoxProps = {
    id,
    data,
    severity,
    className: `flow-node${selected ? ' is-selected' : ''}${data.highlight ? ` is-${data.highlight}` : ''}`,
  };
  const label = data.label || data.typeLabel;
  const icon = (
    <span className="flow-node-icon" aria-hidden>
      {data.icon}
    </span>
  );
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
    // The same box (its height, from nodeGeometry or measured) and handles at the same places,
    // so edges stay put and nothing is measured again when the zoom crosses FULL_ZOOM.
    return (
      <NodeBox {...box} className={`${box.className} is-far`} style={{ height }} title={label}>
        {icon}
        {detail === 'label' && (
          <span className="flow-node-label">
            {farLabel(label, nodeWidth(data), severity !== null)}
          </span>
        )}
        {mark}
        {data.overlay && <OverlayBadge overlay={data.overlay} />}
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
      </NodeBox>
    );
  }
  return (
    <NodeBox {...box}>
      <div className="flow-node-header">
        {icon}
        <span className="flow-node-label">{label}</span>
        {data.highlight && data.highlight !== 'found' && (
          <span className={`flow-node-diff diff-${data.highlight}`}>{data.highlight}</span>
        )}
        {mark}
      </div>
      <div className="flow-node-type">{data.typeLabel}</div>
      {data.overlay && <OverlayBadge overlay={data.overlay} />}
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
    </NodeBox>
  );
});

/** The overlay's count on a node, above its box so the node keeps its size. */
function OverlayBadge({ overlay }: { overlay: NonNullable<FlowNodeData['overlay']> }) {
  return (
    <span className="flow-node-overlay" data-testid="overlay-node-count">
      {overlay.text}
    </span>
  );
}

const nodeWidth = (data: FlowNodeData) =>
  nodeGeometry(
    data.outputs.map((output) => output.name),
    !data.isEntry,
  ).width;

interface NodeBoxProps {
  id: string;
  data: FlowNodeData;
  severity: 'error' | 'warning' | null;
  className: string;
  style?: CSSProperties;
  title?: string;
  children?: ReactNode;
}

/** The node's box with what tests and the compare view read from it, and its input handle. */
function NodeBox({ id, data, severity, className, style, title, children }: NodeBoxProps) {
  return (
    <div
      className={className}
      style={style}
      title={title}
      data-testid={`flow-node-${id}`}
      data-severity={severity ?? 'none'}
      data-diff={data.highlight !== 'found' ? (data.highlight ?? undefined) : undefined}
    >
      {!data.isEntry && (
        <Handle type="target" position={Position.Top} id="in" aria-label={`Into ${data.label}`} />
      )}
      {children}
    </div>
  );
}
