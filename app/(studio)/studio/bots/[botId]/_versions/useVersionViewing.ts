'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { errorMessage, useTRPC } from '@/app/_trpc/client';
import type { FlowDocument } from '@/bot-runtime/flow';
import type { Selection } from '../_canvas/FlowCanvas';
import { compareFlows, type FlowComparison } from './flowComparison';

/**
 * What the canvas shows instead of the draft: a published version, read-only, or two flows
 * compared; and restoring a version into the draft as one undoable step.
 */
export function useVersionViewing({
  botId,
  history,
  onSelection,
  onInspect,
  onNotice,
  onError,
}: {
  botId: string;
  /** The draft's history: compared against, and where a restored version goes. */
  history: { flow: FlowDocument; apply: (flow: FlowDocument) => void };
  onSelection: (selection: Selection) => void;
  onInspect: () => void;
  onNotice: (notice: string) => void;
  onError: (message: string | null) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reactFlow = useReactFlow();
  const [viewing, setViewing] = useState<{ id: string; number: number; flow: FlowDocument } | null>(
    null,
  );
  const [comparison, setComparison] = useState<FlowComparison | null>(null);

  async function loadVersion(versionId: string) {
    onError(null);
    try {
      return await queryClient.fetchQuery(trpc.bots.version.queryOptions({ botId, versionId }));
    } catch (error) {
      onError(errorMessage(error));
      return null;
    }
  }

  async function openVersion(versionId: string) {
    const version = await loadVersion(versionId);
    if (!version) return;
    setComparison(null);
    setViewing({ id: version.id, number: version.number, flow: version.flow });
    onSelection({ nodes: [], edges: [] });
    requestAnimationFrame(() => reactFlow.fitView());
  }

  async function restoreVersion(versionId: string) {
    const version = await loadVersion(versionId);
    if (!version) return;
    setViewing(null);
    setComparison(null);
    history.apply(version.flow);
    onSelection({ nodes: [], edges: [] });
    onNotice(`Draft restored from version ${version.number}. Undo brings your edits back.`);
  }

  /** Compares a version with the draft (`against` null) or with another version, older first. */
  async function compare(versionId: string, against: string | null) {
    const version = await loadVersion(versionId);
    const other = against ? await loadVersion(against) : null;
    if (!version || (against && !other)) return;
    if (other) {
      const [older, newer] = version.number < other.number ? [version, other] : [other, version];
      setComparison(
        compareFlows(
          { label: `Version ${older.number}`, versionId: null, flow: older.flow },
          { label: `Version ${newer.number}`, flow: newer.flow },
        ),
      );
    } else {
      setComparison(
        compareFlows(
          { label: `Version ${version.number}`, versionId: version.id, flow: version.flow },
          { label: 'Draft', flow: history.flow },
        ),
      );
    }
    setViewing(null);
    onSelection({ nodes: [], edges: [] });
    onInspect();
    requestAnimationFrame(() => reactFlow.fitView({ duration: 300 }));
  }

  return {
    viewing,
    comparison,
    openVersion,
    restoreVersion,
    compare,
    /** A version and a comparison are never shown together, so one way back serves both. */
    backToDraft: () => {
      setViewing(null);
      setComparison(null);
    },
  };
}
