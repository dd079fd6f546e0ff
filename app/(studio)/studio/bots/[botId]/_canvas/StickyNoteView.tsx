'use client';

import { type Node, type NodeProps, NodeResizer } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import {
  STICKY_NOTE_COLORS,
  STICKY_NOTE_MAX_TEXT_LENGTH,
  type StickyNote,
  type StickyNoteColor,
} from '@/bot-runtime/flow';
import type { NotePatch } from './noteEdits';
import './stickyNotes.css';

export type StickyNoteData = {
  note: StickyNote;
  readOnly: boolean;
  /** `mergeKey` makes a run of keystrokes one step for undo. */
  onChange: (noteId: string, patch: NotePatch, mergeKey?: string) => void;
  onRemove: (noteId: string) => void;
};

export type StickyNoteCanvasNode = Node<StickyNoteData, 'stickyNote'>;

const COLOR_LABELS: Record<StickyNoteColor, string> = {
  yellow: 'Yellow',
  blue: 'Blue',
  green: 'Green',
  pink: 'Pink',
};

/**
 * A sticky note on the canvas: a comment for the people editing the bot. Dragged by its top
 * bar, resized from its corners when selected; the text area does not start a drag.
 */
export const StickyNoteView = memo(function StickyNoteView({
  data,
  selected,
}: NodeProps<StickyNoteCanvasNode>) {
  const { note, readOnly } = data;
  const text = useRef<HTMLTextAreaElement>(null);
  // A note just added is selected and empty: put the caret in it so the person can type.
  const focusOnMount = useRef(selected && note.text === '');
  useEffect(() => {
    if (focusOnMount.current) text.current?.focus();
  }, []);

  return (
    <div
      className={`sticky-note note-${note.color}${selected ? ' is-selected' : ''}`}
      data-testid={`sticky-note-${note.id}`}
    >
      {!readOnly && <NodeResizer isVisible={selected} minWidth={120} minHeight={70} />}
      {!readOnly && (
        <div className="sticky-note-bar">
          <fieldset className="sticky-note-colors nodrag" aria-label="Note colour">
            {STICKY_NOTE_COLORS.map((color) => (
              <button
                key={color}
                type="button"
                className={`sticky-note-swatch note-${color}`}
                aria-label={COLOR_LABELS[color]}
                aria-pressed={note.color === color}
                title={COLOR_LABELS[color]}
                onClick={() => data.onChange(note.id, { color })}
              />
            ))}
          </fieldset>
          <button
            type="button"
            className="sticky-note-delete nodrag"
            aria-label="Delete note"
            title="Delete note"
            onClick={() => data.onRemove(note.id)}
          >
            ×
          </button>
        </div>
      )}
      {readOnly ? (
        <div className="sticky-note-text">{note.text}</div>
      ) : (
        <textarea
          ref={text}
          className="sticky-note-text nodrag nowheel"
          aria-label="Note text"
          placeholder="Write a note…"
          maxLength={STICKY_NOTE_MAX_TEXT_LENGTH}
          value={note.text}
          onChange={(event) =>
            data.onChange(note.id, { text: event.target.value }, `note-text:${note.id}`)
          }
        />
      )}
    </div>
  );
});
