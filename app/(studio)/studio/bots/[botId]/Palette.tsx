'use client';

import { nodeRegistry } from '@/bot-runtime/flow';
import { nodeIcon } from './nodeIcons';

export const PALETTE_DRAG_TYPE = 'application/x-parley-node-type';

/** Node types to drag onto the canvas, or click to add after the selected node. */
export function Palette({ onAdd }: { onAdd: (type: string) => void }) {
  const nodeTypes = nodeRegistry.list().filter((nodeType) => !nodeType.isEntry);
  return (
    <aside className="palette" aria-label="Node palette">
      <h2>Add a step</h2>
      <p className="muted palette-hint">
        Drag onto the canvas, or click to add after the selected node.
      </p>
      <ul>
        {nodeTypes.map((nodeType) => (
          <li key={nodeType.type}>
            <button
              type="button"
              draggable
              className="palette-item"
              data-testid={`palette-${nodeType.type}`}
              title={nodeType.description}
              onDragStart={(event) => {
                event.dataTransfer.setData(PALETTE_DRAG_TYPE, nodeType.type);
                event.dataTransfer.effectAllowed = 'move';
              }}
              onClick={() => onAdd(nodeType.type)}
            >
              <span className="flow-node-icon" aria-hidden>
                {nodeIcon(nodeType.icon)}
              </span>
              {nodeType.label}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
