'use client';

import { type KeyboardEvent, useEffect, useRef } from 'react';

/** Find a node by text: the matches are highlighted; Enter centres the next one. */
export function FindBar({
  query,
  matchCount,
  current,
  onQuery,
  onMove,
  onClose,
}: {
  query: string;
  matchCount: number;
  /** Index of the centred match, or -1 before the first Enter. */
  current: number;
  onQuery: (query: string) => void;
  onMove: (step: 1 | -1) => void;
  onClose: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      onMove(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      onClose();
    }
  }

  return (
    <search className="row find-bar" aria-label="Find a node">
      <input
        ref={input}
        className="find-input"
        type="search"
        aria-label="Find a node"
        placeholder="Find a node by text"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <span className="muted" role="status">
        {!query.trim()
          ? ''
          : matchCount === 0
            ? 'No matches'
            : current >= 0
              ? `${current + 1} of ${matchCount}`
              : `${matchCount} match${matchCount === 1 ? '' : 'es'}`}
      </span>
      <button
        type="button"
        aria-label="Previous match"
        disabled={matchCount === 0}
        onClick={() => onMove(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        aria-label="Next match"
        disabled={matchCount === 0}
        onClick={() => onMove(1)}
      >
        ↓
      </button>
      <button type="button" aria-label="Close find" onClick={onClose}>
        ×
      </button>
    </search>
  );
}
