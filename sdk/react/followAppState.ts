import type { ParleyClient } from '../createParleyClient';
import type { Entry } from '../types';

/**
 * The part of React Native's `AppState` the SDK uses: React Native's own AppState object fits it
 * as it is. Typed here so the React binding needs no React Native types or imports.
 */
export interface AppStateLike {
  currentState: string | null;
  addEventListener(type: 'change', listener: (state: string) => void): { remove(): void };
}

/**
 * Tells the client when the app goes to the background and comes back. iOS passes through
 * `inactive` on the way (a call, the app switcher): only `background` and `active` count.
 * Returns the function that stops following.
 */
export function followAppState(
  client: ParleyClient,
  appState: AppStateLike,
  onResume?: (arrived: Entry[]) => void,
): () => void {
  const apply = (state: string | null) => {
    if (state !== 'active' && state !== 'background') return;
    client.setAppState(state).then(
      (arrived) => {
        if (state === 'active' && arrived.length > 0) onResume?.(arrived);
      },
      // Errors reach the app through client.onError; a lifecycle change never throws at it.
      () => undefined,
    );
  };
  apply(appState.currentState);
  const subscription = appState.addEventListener('change', apply);
  return () => subscription.remove();
}
