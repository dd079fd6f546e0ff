import type { ActionContext, ActionDefinition } from '../actions/types';

/** Time as the engine sees it; injected so a turn is reproducible in tests. */
export interface Clock {
  now(): number;
  /** Calls `callback` after `ms`; returns a function that cancels it. */
  setTimeout(callback: () => void, ms: number): () => void;
}

/** Finds an action by name; a `Map` of the action registry fits. */
export interface ActionCatalog {
  get(name: string): ActionDefinition | undefined;
}

/** The outside world, passed in by the host (server or studio preview). */
export interface EngineServices {
  clock: Clock;
  /** A number in [0, 1), for message variations. */
  random(): number;
  actions: ActionCatalog;
  /** Builds the context one action call runs with; `signal` aborts when its time is up. */
  actionContext(signal: AbortSignal): ActionContext;
  /** Preview without real endpoints: actions answer with their `mock`. */
  mockActions?: boolean;
}
