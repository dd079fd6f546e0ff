import type { AppStateLike } from '../react/followAppState';

/** React Native's AppState as a test drives it: `set` is the user pressing home or coming back. */
export function fakeAppState(initial: 'active' | 'background' = 'active') {
  const listeners = new Set<(state: string) => void>();
  const appState: AppStateLike & { set(state: string): void; listeners: number } = {
    currentState: initial,
    addEventListener(_type, listener) {
      listeners.add(listener);
      return { remove: () => listeners.delete(listener) };
    },
    set(state) {
      appState.currentState = state;
      for (const listener of listeners) listener(state);
    },
    get listeners() {
      return listeners.size;
    },
  };
  return appState;
}
