'use client';

import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { nodeRegistry } from '@/bot-runtime/flow';
import './nodePicker.css';

/**
 * The node types to choose from where a connection was dropped on empty canvas: typing filters
 * them, arrow keys move, Enter picks, Escape or clicking elsewhere cancels.
 */
export function NodePicker({
  at,
  onPick,
  onCancel,
}: {
  /** Where the connection was dropped, in window coordinates. */
  at: { x: number; y: number };
  onPick: (type: string) => void;
  onCancel: () => void;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const choices = useMemo(() => matchingNodeTypes(query), [query]);
  const activeIndex = Math.min(active, choices.length - 1);
  const activeChoice = choices[activeIndex];

  useEffect(() => {
    input.current?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (choices.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + choices.length) % choices.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (activeChoice) onPick(activeChoice.type);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <div
      className="node-picker"
      role="dialog"
      aria-label="Add a connected step"
      style={{
        left: Math.min(at.x, window.innerWidth - 240),
        top: Math.min(at.y, window.innerHeight - 320),
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) onCancel();
      }}
    >
      <input
        ref={input}
        role="combobox"
        aria-label="Step type"
        aria-autocomplete="list"
        aria-expanded
        aria-controls={listId}
        aria-activedescendant={activeChoice ? `${listId}-${activeChoice.type}` : undefined}
        placeholder="Type to filter steps"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div id={listId} role="listbox" aria-label="Step types" className="node-picker-list">
        {choices.map((nodeType, index) => (
          <div
            key={nodeType.type}
            id={`${listId}-${nodeType.type}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === activeIndex}
            className="node-picker-option"
            title={nodeType.description}
            // Keeps the focus in the filter, so the picker does not close before the click.
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setActive(index)}
            onClick={() => onPick(nodeType.type)}
            onKeyDown={onKeyDown}
          >
            <span className="flow-node-icon" aria-hidden>
              {nodeType.icon}
            </span>
            {nodeType.label}
          </div>
        ))}
      </div>
      {choices.length === 0 && <p className="muted node-picker-empty">No step matches.</p>}
    </div>
  );
}

/** Node types a flow can have more of, whose name or description contains the query. */
function matchingNodeTypes(query: string) {
  const words = query.trim().toLowerCase();
  return nodeRegistry
    .list()
    .filter((nodeType) => !nodeType.isEntry)
    .filter(
      (nodeType) =>
        !words ||
        [nodeType.type, nodeType.label, nodeType.description].some((text) =>
          text.toLowerCase().includes(words),
        ),
    );
}
