'use client';

import { useCallback, useReducer } from 'react';
import type { FlowDocument } from '@/bot-runtime/flow';

/** Typing into one field within this time counts as one change for undo. */
const MERGE_WINDOW_MS = 1000;
const MAX_UNDO_STEPS = 200;

interface HistoryState {
  past: FlowDocument[];
  present: FlowDocument;
  future: FlowDocument[];
  mergeKey: string | null;
  mergedAt: number;
}

type HistoryAction =
  | { type: 'apply'; flow: FlowDocument; mergeKey: string | null; at: number }
  | { type: 'preview'; flow: FlowDocument }
  | { type: 'checkpoint'; before: FlowDocument }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'reset'; flow: FlowDocument };

function reduce(state: HistoryState, action: HistoryAction): HistoryState {
  switch (action.type) {
    case 'apply': {
      if (action.flow === state.present) return state;
      const merges =
        action.mergeKey !== null &&
        action.mergeKey === state.mergeKey &&
        action.at - state.mergedAt < MERGE_WINDOW_MS;
      return {
        past: merges ? state.past : [...state.past, state.present].slice(-MAX_UNDO_STEPS),
        present: action.flow,
        future: [],
        mergeKey: action.mergeKey,
        mergedAt: action.at,
      };
    }
    case 'preview':
      return { ...state, present: action.flow };
    case 'checkpoint':
      if (action.before === state.present) return state;
      return {
        ...state,
        past: [...state.past, action.before].slice(-MAX_UNDO_STEPS),
        future: [],
        mergeKey: null,
      };
    case 'undo': {
      const previous = state.past.at(-1);
      if (!previous) return state;
      return {
        past: state.past.slice(0, -1),
        present: previous,
        future: [state.present, ...state.future],
        mergeKey: null,
        mergedAt: 0,
      };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (!next) return state;
      return {
        past: [...state.past, state.present],
        present: next,
        future: rest,
        mergeKey: null,
        mergedAt: 0,
      };
    }
    case 'reset':
      return { past: [], present: action.flow, future: [], mergeKey: null, mergedAt: 0 };
  }
}

/**
 * The editor's flow with undo and redo. `apply` records a step (steps with the same merge key
 * in quick succession become one); `preview` shows a change in progress, such as a drag, that
 * `checkpoint` later records as one step.
 */
export function useFlowHistory(initial: FlowDocument) {
  const [state, dispatch] = useReducer(reduce, {
    past: [],
    present: initial,
    future: [],
    mergeKey: null,
    mergedAt: 0,
  });
  return {
    flow: state.present,
    canUndo: state.past.length > 0,
    canRedo: state.future.length > 0,
    apply: useCallback(
      (flow: FlowDocument, mergeKey: string | null = null) =>
        dispatch({ type: 'apply', flow, mergeKey, at: Date.now() }),
      [],
    ),
    preview: useCallback((flow: FlowDocument) => dispatch({ type: 'preview', flow }), []),
    checkpoint: useCallback((before: FlowDocument) => dispatch({ type: 'checkpoint', before }), []),
    undo: useCallback(() => dispatch({ type: 'undo' }), []),
    redo: useCallback(() => dispatch({ type: 'redo' }), []),
    reset: useCallback((flow: FlowDocument) => dispatch({ type: 'reset', flow }), []),
  };
}
