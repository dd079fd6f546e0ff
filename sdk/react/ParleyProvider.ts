import { createContext, createElement, type ReactNode, useContext, useEffect, useRef } from 'react';
import type { ParleyClient } from '../createParleyClient';
import type { Entry } from '../types';
import { type AppStateLike, followAppState } from './followAppState';
import {
  type ParleyConversation,
  type UseParleyConversationOptions,
  useParleyConversation,
} from './useParleyConversation';

const ParleyContext = createContext<ParleyClient | null>(null);

export interface ParleyProviderProps {
  /** One client for the whole app, from `createParleyClient`; the provider never closes it. */
  client: ParleyClient;
  /**
   * React Native's `AppState`: in the background the stream closes (replies come as push
   * notifications), back in the foreground the client catches up. Omit it on the web.
   */
  appState?: AppStateLike;
  /** The replies that arrived while the app was in the background, when it comes back. */
  onResume?: (arrived: Entry[]) => void;
  children?: ReactNode;
}

/** Makes the app's Parley client available to `useConversation` and `useParley` below it. */
export function ParleyProvider({ client, appState, onResume, children }: ParleyProviderProps) {
  const resumed = useRef(onResume);
  resumed.current = onResume;
  useEffect(() => {
    if (!appState) return;
    return followAppState(client, appState, (arrived) => resumed.current?.(arrived));
  }, [client, appState]);
  return createElement(ParleyContext.Provider, { value: client }, children);
}

/** The client of the nearest ParleyProvider, e.g. for `registerPush` or `logout`. */
export function useParley(): ParleyClient {
  const client = useContext(ParleyContext);
  if (!client) throw new Error('useParley and useConversation need a <ParleyProvider> above them.');
  return client;
}

/**
 * The conversation of the provider's client: entries, send, typing, status, unread count and
 * pending messages. It starts (or resumes) the conversation on mount unless `autoStart` is false.
 */
export function useConversation(options?: UseParleyConversationOptions): ParleyConversation {
  return useParleyConversation(useParley(), options);
}
