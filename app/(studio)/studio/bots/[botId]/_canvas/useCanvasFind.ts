'use client';

import { useEffect, useMemo, useState } from 'react';
import type { FlowDocument } from '@/bot-runtime/flow';
import { findNodes } from './findNodes';

/** The find bar's query and matches, opened by Ctrl/Cmd+F while the canvas is shown. */
export function useCanvasFind({
  flow,
  enabled,
  onFocusNode,
}: {
  flow: FlowDocument;
  enabled: boolean;
  onFocusNode: (nodeId: string) => void;
}) {
  const [find, setFind] = useState<{ query: string; current: number } | null>(null);
  const foundIds = useMemo(() => (find ? findNodes(flow, find.query) : []), [find, flow]);
  const foundNodeIds = useMemo(() => new Set(foundIds), [foundIds]);

  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'f') return;
      // Monaco has its own find; everywhere else in the editor, find searches the canvas.
      if (event.target instanceof Element && event.target.closest('.monaco-editor')) return;
      event.preventDefault();
      setFind((current) => current ?? { query: '', current: -1 });
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);

  function moveToMatch(step: 1 | -1) {
    if (!find || foundIds.length === 0) return;
    const current = (find.current + step + foundIds.length) % foundIds.length;
    setFind({ ...find, current });
    const nodeId = foundIds[current];
    if (nodeId) onFocusNode(nodeId);
  }

  return {
    /** The find bar's query and the match centred last, while it is open. */
    bar: find,
    foundIds,
    foundNodeIds,
    open: () => setFind((current) => current ?? { query: '', current: -1 }),
    search: (query: string) => setFind({ query, current: -1 }),
    moveToMatch,
    close: () => setFind(null),
  };
}
