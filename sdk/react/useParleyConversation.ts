import { useCallback, useEffect, useRef, useState } from 'react';
import {
  createParleyClient,
  type ParleyClient,
  type ParleyClientOptions,
  type StartOptions,
  type StartResult,
} from '../createParleyClient';
import { toParleyError } from '../toParleyError';
import type { ParleyError } from '../types';
import { type ConversationView, followConversation, initialView } from './followConversation';

export interface UseParleyConversationOptions {
  /**
   * Start (or resume) the conversation on mount. Pass false to call `start` yourself, e.g. with
   * the answers to the deployment's pre-chat form.
   */
  autoStart?: boolean;
}

export interface ParleyConversation extends ConversationView {
  client: ParleyClient;
  /** The last failure: a start that failed, or a message the server refused for good. */
  error: ParleyError | null;
  start: (options?: StartOptions) => Promise<StartResult>;
  send: ParleyClient['send'];
  markRead: ParleyClient['markRead'];
  setTyping: ParleyClient['typing'];
}

/**
 * One customer conversation for a React screen. Given client options, the hook creates the
 * client on mount and closes it on unmount; given a client, the app keeps it (e.g. one client
 * for the whole app) and the hook only follows it.
 */
export function useParleyConversation(
  source: ParleyClient | ParleyClientOptions,
  { autoStart = true }: UseParleyConversationOptions = {},
): ParleyConversation {
  const [owned] = useState(() => (isClient(source) ? null : createParleyClient(source)));
  const client = owned ?? (source as ParleyClient);
  const [view, setView] = useState(() => initialView(client));
  const [error, setError] = useState<ParleyError | null>(null);

  useEffect(() => followConversation(client, setView), [client]);
  useEffect(() => {
    const unsubscribe = client.onError(setError);
    return () => void unsubscribe();
  }, [client]);
  // StrictMode unmounts and remounts every component once in development. Closing at once, the
  // remount would start a second conversation while the first is still being created; so the
  // close waits a tick, and a remount cancels it.
  const closing = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    clearTimeout(closing.current);
    return () => {
      closing.current = setTimeout(() => owned?.close(), 0);
    };
  }, [owned]);

  const start = useCallback(
    (options?: StartOptions) => {
      const started = client.start(options);
      started.then(
        () => setError(null),
        (failure: unknown) => setError(toParleyError(failure)),
      );
      return started;
    },
    [client],
  );
  useEffect(() => {
    if (autoStart) void start();
  }, [autoStart, start]);

  return {
    ...view,
    client,
    error,
    start,
    send: client.send,
    markRead: client.markRead,
    setTyping: client.typing,
  };
}

function isClient(source: ParleyClient | ParleyClientOptions): source is ParleyClient {
  return typeof (source as Partial<ParleyClient>).onEntry === 'function';
}
