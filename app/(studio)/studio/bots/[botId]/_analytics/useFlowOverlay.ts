'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTRPC } from '@/app/_trpc/client';
import { toOverlayMarks } from './overlayMarks';

export const OVERLAY_RANGES = [7, 30, 90] as const;
export type OverlayDays = (typeof OVERLAY_RANGES)[number];

/**
 * The analytics overlay's state: on or off, which published version (the latest by default)
 * over how many days, that version's flow to draw, and the counts. The marks the canvas reads
 * are built once per answer, so panning and selecting cost nothing more while it is on.
 */
export function useFlowOverlay(botId: string) {
  const trpc = useTRPC();
  const [on, setOn] = useState(false);
  const [chosenVersionId, setChosenVersionId] = useState<string | null>(null);
  const [days, setDays] = useState<OverlayDays>(30);

  const versions = useQuery({ ...trpc.bots.versions.queryOptions({ botId }), enabled: on });
  const versionId =
    chosenVersionId && versions.data?.some((v) => v.id === chosenVersionId)
      ? chosenVersionId
      : (versions.data?.[0]?.id ?? null);
  const version = useQuery({
    ...trpc.bots.version.queryOptions({ botId, versionId: versionId ?? '' }),
    enabled: on && versionId !== null,
  });
  const range = useMemo(() => ({ lastDays: days }), [days]);
  const counts = useQuery({
    ...trpc.botAnalytics.overlay.queryOptions({ botVersionId: versionId ?? '', range }),
    enabled: on && versionId !== null,
  });
  const marks = useMemo(() => (counts.data ? toOverlayMarks(counts.data) : null), [counts.data]);

  return {
    on,
    toggle: () => setOn((shown) => !shown),
    turnOff: () => setOn(false),
    versions,
    versionId,
    versionNumber: versions.data?.find((v) => v.id === versionId)?.number ?? null,
    setVersionId: setChosenVersionId,
    days,
    setDays,
    range,
    /** The version's flow, once loaded; the canvas shows it, read-only, instead of the draft. */
    flow: on ? (version.data?.flow ?? null) : null,
    version,
    counts,
    marks: on && version.data ? marks : null,
  };
}

export type FlowOverlay = ReturnType<typeof useFlowOverlay>;
