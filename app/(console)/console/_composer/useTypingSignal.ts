'use client';

import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useTRPC } from '@/app/_trpc/client';

/** After this long without a keystroke the agent counts as no longer typing. */
const IDLE_MS = 3_000;

/**
 * Tells the customer the agent is typing: once when typing starts (not per keystroke), and
 * "stopped" after a pause, on send, or when the agent leaves the conversation.
 */
export function useTypingSignal(sessionId: string) {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.console.typing.mutationOptions());
  const typing = useRef(false);
  const idle = useRef<ReturnType<typeof setTimeout>>(undefined);

  const stop = useCallback(() => {
    clearTimeout(idle.current);
    if (!typing.current) return;
    typing.current = false;
    mutate({ sessionId, isTyping: false });
  }, [mutate, sessionId]);

  const keystroke = useCallback(() => {
    clearTimeout(idle.current);
    idle.current = setTimeout(stop, IDLE_MS);
    if (typing.current) return;
    typing.current = true;
    mutate({ sessionId, isTyping: true });
  }, [mutate, sessionId, stop]);

  useEffect(() => stop, [stop]);

  return { keystroke, stop };
}
