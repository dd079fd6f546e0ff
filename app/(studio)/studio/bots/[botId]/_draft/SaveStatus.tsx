'use client';

import type { SaveState } from './useAutosave';

/** The draft's save state, announced politely to screen readers. */
export function SaveStatus({
  state,
  unsaved,
  onRetry,
}: {
  state: SaveState;
  unsaved: boolean;
  onRetry: () => void;
}) {
  if (state.status === 'error') {
    return (
      <span className="save-status is-error" role="status">
        Not saved: {state.message}{' '}
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      </span>
    );
  }
  const label =
    state.status === 'conflict'
      ? 'Not saved (conflict)'
      : state.status === 'saving'
        ? 'Saving…'
        : unsaved
          ? 'Unsaved changes'
          : 'All changes saved';
  return (
    <span className={`save-status is-${state.status}`} role="status" data-testid="save-status">
      {label}
    </span>
  );
}
