'use client';

/** The editor toolbar's Undo and Redo, for any history with the usual four members. */
export function UndoRedoButtons({
  history,
}: {
  history: { undo: () => void; redo: () => void; canUndo: boolean; canRedo: boolean };
}) {
  return (
    <>
      <button type="button" onClick={history.undo} disabled={!history.canUndo} title="Ctrl/Cmd+Z">
        Undo
      </button>
      <button
        type="button"
        onClick={history.redo}
        disabled={!history.canRedo}
        title="Shift+Ctrl/Cmd+Z"
      >
        Redo
      </button>
    </>
  );
}
