'use client';

import { useEffect } from 'react';
import type { FlowDocument } from '@/bot-runtime/flow';
import { isTextField } from '../_draft/useUndoShortcuts';
import { copyNodes, pasteFragment, readFragment } from './flowClipboard';
import type { Position } from './flowEdits';

/**
 * Copy, paste and duplicate (Ctrl/Cmd+C, V, D) for the selected nodes and sticky notes. Copies go through the
 * system clipboard as text, so they paste into another bot too, even in another tab.
 */
export function useNodeClipboard({
  enabled,
  readOnly,
  shown,
  editable,
  selectedNodeIds,
  selectedNoteIds,
  pastePosition,
  onApply,
  onPasted,
}: {
  enabled: boolean;
  readOnly: boolean;
  /** The flow on screen, which may be a version being viewed: copying from it is fine. */
  shown: FlowDocument;
  /** The draft, which pasting changes. */
  editable: FlowDocument;
  selectedNodeIds: readonly string[];
  selectedNoteIds: readonly string[];
  /** Where pasted nodes go: the middle of what the person is looking at. */
  pastePosition: () => Position;
  onApply: (flow: FlowDocument) => void;
  onPasted: (pasted: { nodeIds: string[]; noteIds: string[] }) => void;
}) {
  useEffect(() => {
    if (!enabled) return;
    function onCopy(event: ClipboardEvent) {
      if (isTextField(event.target) || !event.clipboardData) return;
      const fragment = copyNodes(shown, selectedNodeIds, selectedNoteIds);
      if (!fragment) return;
      event.preventDefault();
      event.clipboardData.setData('text/plain', JSON.stringify(fragment));
    }
    function onPaste(event: ClipboardEvent) {
      if (readOnly || isTextField(event.target) || !event.clipboardData) return;
      const fragment = readFragment(event.clipboardData.getData('text/plain'));
      if (!fragment) return;
      event.preventDefault();
      const pasted = pasteFragment(editable, fragment, pastePosition());
      onApply(pasted.flow);
      onPasted(pasted);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (readOnly || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'd') return;
      if (isTextField(event.target)) return;
      // Ctrl/Cmd+D would bookmark the page; on the canvas it duplicates, as in design tools.
      event.preventDefault();
      const fragment = copyNodes(editable, selectedNodeIds, selectedNoteIds);
      if (!fragment) return;
      const pasted = pasteFragment(editable, fragment);
      onApply(pasted.flow);
      onPasted(pasted);
    }
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [
    enabled,
    readOnly,
    shown,
    editable,
    selectedNodeIds,
    selectedNoteIds,
    pastePosition,
    onApply,
    onPasted,
  ]);
}
