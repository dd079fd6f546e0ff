'use client';

import { nodeRegistry } from '@/bot-runtime/flow';

export const PALETTE_DRAG_TYPE = 'application/x-parley-node-type';

/**
 * Node types to drag onto the canvas, or click to add after the selected node; and sticky
 * notes, to leave comments on the canvas.
 */
export function Palette({
  onAdd,
  onAddNote,
}: {
  onAdd: (type: string) => void;
  onAddNote: () => void;
}) {
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
                {nodeType.icon}
              </span>
              {nodeType.label}
            </button>
          </li>
        ))}
      </ul>
      <h2>Comment</h2>
      <button type="button" className="palette-item palette-note" onClick={onAddNote}>
        <span className="flow-node-icon" aria-hidden>
          ✎
        </span>
        Add note
      </button>
    </aside>
  );
}
