'use client';

import { useMutation } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, useTRPC } from '@/app/_trpc/client';
import type { FlowDocument } from '@/bot-runtime/flow';
import type { DraftConflictDetails } from '@/server/bots/botDrafts';

/** Quiet time after the last change before the draft is saved. */
const AUTOSAVE_DELAY_MS = 800;

export type SaveState =
  | { status: 'saved' }
  | { status: 'pending' }
  | { status: 'saving' }
  | { status: 'error'; message: string }
  | { status: 'conflict'; conflict: DraftConflictDetails };

/**
 * Saves the draft a moment after each change, based on the revision it was loaded at. A save
 * refused because someone else saved meanwhile stops autosaving until the person chooses to
 * reload their version or overwrite it.
 */
export function useAutosave({
  botId,
  flow,
  revision,
  enabled,
}: {
  botId: string;
  flow: FlowDocument;
  revision: number;
  enabled: boolean;
}) {
  const trpc = useTRPC();
  const saveDraft = useMutation(trpc.bots.saveDraft.mutationOptions());
  const [state, setState] = useState<SaveState>({ status: 'saved' });
  const savedFlow = useRef(flow);
  const baseRevision = useRef(revision);
  const inFlight = useRef(false);
  const latestFlow = useRef(flow);
  latestFlow.current = flow;
  const blocked = state.status === 'conflict';

  const save = useCallback(
    async (overwrite: boolean) => {
      if (inFlight.current) return;
      const sending = latestFlow.current;
      inFlight.current = true;
      setState({ status: 'saving' });
      try {
        const saved = await saveDraft.mutateAsync({
          botId,
          baseRevision: baseRevision.current,
          document: sending,
          overwrite,
        });
        baseRevision.current = saved.revision;
        savedFlow.current = sending;
        setState({ status: latestFlow.current === sending ? 'saved' : 'pending' });
      } catch (error) {
        const conflict = conflictDetails(error);
        setState(
          conflict
            ? { status: 'conflict', conflict }
            : { status: 'error', message: errorMessage(error) },
        );
      } finally {
        inFlight.current = false;
      }
    },
    [botId, saveDraft.mutateAsync],
  );

  useEffect(() => {
    if (!enabled || blocked || flow === savedFlow.current) return;
    if (state.status === 'saving') return;
    setState((current) => (current.status === 'error' ? current : { status: 'pending' }));
    const timer = setTimeout(() => save(false), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [enabled, blocked, flow, save, state.status]);

  const unsaved = flow !== savedFlow.current || state.status === 'saving';
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  return {
    state,
    unsaved,
    retry: () => save(false),
    overwrite: () => save(true),
    /** After reloading the draft from the server: that is now what is saved. */
    resetTo: useCallback((loaded: FlowDocument, loadedRevision: number) => {
      savedFlow.current = loaded;
      baseRevision.current = loadedRevision;
      setState({ status: 'saved' });
    }, []),
  };
}

function conflictDetails(error: unknown): DraftConflictDetails | null {
  if (!(error instanceof TRPCClientError) || error.data?.domainCode !== 'DRAFT_CONFLICT') {
    return null;
  }
  return error.data.domainDetails as DraftConflictDetails;
}
