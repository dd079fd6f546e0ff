'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTRPC } from '@/app/_trpc/client';
import type { ConversationView } from './consoleTypes';
import { withCustomerRead, withEntries } from './mergeEntries';

/** A "typing" that never got its "stopped" (a closed tab, a lost packet) fades after this. */
const TYPING_FADES_MS = 8_000;

/**
 * The agent console's live feed. On `ready` (first connect and every reconnect) it re-reads
 * the workspace and open conversations, since anything may have happened while it was away;
 * then it adds arriving entries to the cached conversations by seq and re-reads the workspace
 * when the agent's work changes. Returns who is typing in which conversation and the feed's
 * state, so the console can say when it is not live.
 */
export function useConsoleEvents({ onOffer }: { onOffer: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [typing, setTyping] = useState<Record<string, string>>({});
  const fades = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const setCustomerTyping = useCallback((sessionId: string, name: string | null) => {
    clearTimeout(fades.current.get(sessionId));
    fades.current.delete(sessionId);
    setTyping((current) => {
      if (name === null) {
        if (!(sessionId in current)) return current;
        const { [sessionId]: _stopped, ...rest } = current;
        return rest;
      }
      return current[sessionId] === name ? current : { ...current, [sessionId]: name };
    });
    if (name !== null) {
      fades.current.set(
        sessionId,
        setTimeout(() => setCustomerTyping(sessionId, null), TYPING_FADES_MS),
      );
    }
  }, []);

  useEffect(() => {
    const timers = fades.current;
    return () => {
      for (const timer of timers.values()) clearTimeout(timer);
    };
  }, []);

  const refreshWorkspace = () =>
    queryClient.invalidateQueries({ queryKey: trpc.console.workspace.queryKey() });

  const feed = useSubscription(
    trpc.console.events.subscriptionOptions(undefined, {
      onData(event) {
        switch (event.type) {
          case 'ready':
            void refreshWorkspace();
            void queryClient.invalidateQueries({ queryKey: trpc.console.conversation.queryKey() });
            return;
          case 'work':
            void refreshWorkspace();
            if (event.offer) onOffer();
            return;
          case 'entry':
            queryClient.setQueryData(
              trpc.console.conversation.queryKey({ sessionId: event.sessionId }),
              (view: ConversationView | undefined) => view && withEntries(view, [event.entry]),
            );
            if (event.entry.actor.type === 'customer') setCustomerTyping(event.sessionId, null);
            // Unread counts, the last message in the tab and the conversation's status come
            // from the workspace.
            if (event.entry.actor.type === 'customer' || event.entry.type === 'status_changed') {
              void refreshWorkspace();
            }
            return;
          case 'typing':
            if (event.actor.type === 'customer') {
              setCustomerTyping(event.sessionId, event.isTyping ? event.actor.name : null);
            }
            return;
          case 'read':
            queryClient.setQueryData(
              trpc.console.conversation.queryKey({ sessionId: event.sessionId }),
              (view: ConversationView | undefined) => view && withCustomerRead(view, event.upToSeq),
            );
            return;
        }
      },
    }),
  );

  return { typing, feed };
}
