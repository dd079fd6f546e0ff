'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTRPC } from '@/app/_trpc/client';
import type { ConversationView } from '../_live/consoleTypes';

function usePageVisible() {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === 'visible');
    update();
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

/**
 * Marks the customer's messages read while the agent has the conversation on screen and the
 * browser tab in front: a message that arrives in a background tab stays unread until seen.
 */
export function useMarkRead(view: ConversationView | undefined, onScreen: boolean) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const visible = usePageVisible();
  const marked = useRef(0);
  const { mutate } = useMutation(
    trpc.console.markRead.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.console.workspace.queryKey() }),
    }),
  );
  const lastCustomerSeq =
    view?.entries.findLast((entry) => entry.actor.type === 'customer')?.seq ?? 0;
  const readSeq = Math.max(view?.session.agentReadSeq ?? 0, marked.current);
  const canMark = onScreen && visible && view?.workItem?.status === 'accepted';

  useEffect(() => {
    if (!canMark || !view || lastCustomerSeq <= readSeq) return;
    marked.current = lastCustomerSeq;
    mutate({ sessionId: view.session.id, upToSeq: lastCustomerSeq });
  }, [canMark, view, lastCustomerSeq, readSeq, mutate]);
}
