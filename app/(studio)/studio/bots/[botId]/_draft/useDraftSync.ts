'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/_trpc/client';
import type { BotDraft } from '@/server/bots/botDrafts';
import { useAutosave } from './useAutosave';
import { useFlowHistory } from './useFlowHistory';

/**
 * The draft being edited: its undo history, the autosave that follows it, and the way out of a
 * save conflict by taking the draft someone else saved.
 */
export function useDraftSync({
  draft,
  canEdit,
  onNotice,
}: {
  draft: BotDraft;
  canEdit: boolean;
  onNotice: (notice: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const history = useFlowHistory(draft.document);
  const autosave = useAutosave({
    botId: draft.botId,
    flow: history.flow,
    revision: draft.revision,
    enabled: canEdit,
  });

  async function reload() {
    const fresh = await queryClient.fetchQuery({
      ...trpc.bots.draft.queryOptions({ botId: draft.botId }),
      staleTime: 0,
    });
    history.reset(fresh.document);
    autosave.resetTo(fresh.document, fresh.revision);
    onNotice(`Reloaded the draft saved by ${fresh.updatedBy ?? 'someone'}.`);
  }

  return { history, autosave, reload };
}
