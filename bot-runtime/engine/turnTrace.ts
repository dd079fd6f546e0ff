import type { TraceReason } from '../flow/nodes/traceReason';
import type { TurnInput } from '../flow/nodes/turnInput';

export interface TraceStep {
  step: number;
  nodeId: string;
  nodeType: string;
  nodeLabel: string;
  /** The node was waiting and this turn's input was for it. */
  resumed: boolean;
  /** `next` (with `output`), `wait`, `jump`, `end` or `error`. */
  result: string;
  output: string | null;
  nextNodeId: string | null;
  reasons: TraceReason[];
  startedAt: number;
  durationMs: number;
}

export interface TurnTrace {
  input: TurnInput;
  steps: TraceStep[];
  /** Set when the turn stopped early: loop guard, broken node, unexpected failure. */
  error: { code: string; message: string } | null;
  startedAt: number;
  durationMs: number;
}
