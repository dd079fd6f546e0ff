'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import type { ConversationView } from '../_live/consoleTypes';
import { withEarlierEntries } from '../_live/mergeEntries';

/**
 * The top of a long transcript: "Show earlier messages" loads the page before the first entry
 * shown into the cached conversation, where the live feed and re-reads keep it.
 */
export function EarlierEntries({ view }: { view: ConversationView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessionId = view.session.id;
  const [pagedBack, setPagedBack] = useState(false);
  const start = useRef<HTMLParagraphElement>(null);
  const load = useMutation({
    mutationFn: (beforeSeq: number) =>
      queryClient.fetchQuery({
        ...trpc.console.earlierEntries.queryOptions({ sessionId, beforeSeq }),
        staleTime: 0,
      }),
    onSuccess: (page) => {
      setPagedBack(true);
      queryClient.setQueryData(
        trpc.console.conversation.queryKey({ sessionId }),
        (current: ConversationView | undefined) =>
          current && withEarlierEntries(current, page.entries),
      );
    },
  });
  const reachedStart = pagedBack && !view.hasMore;
  // The button goes away with the last page: keyboard focus moves to what replaced it.
  useEffect(() => {
    if (reachedStart) start.current?.focus();
  }, [reachedStart]);

  if (reachedStart) {
    return (
      <p ref={start} tabIndex={-1} className="muted transcript-more">
        The start of the conversation.
      </p>
    );
  }
  if (!view.hasMore) return null;
  const first = view.entries[0]?.seq;
  return (
    <div className="transcript-more">
      {load.isError && <ErrorAlert error={load.error} />}
      <button
        type="button"
        disabled={load.isPending || first === undefined}
        onClick={() => first !== undefined && load.mutate(first)}
      >
        {load.isPending
          ? 'Loading earlier messages…'
          : load.isError
            ? 'Try loading earlier messages again'
            : 'Show earlier messages'}
      </button>
    </div>
  );
}
