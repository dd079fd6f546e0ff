import type { EntityMatch, IntentScore } from '../../nlu/types';
import type { RuleResult } from '../conditions/evaluateCondition';
import type { JsonValue } from '../json';

/** Why a node did what it did; preview draws these, production stores them for analytics. */
export type TraceReason =
  | {
      kind: 'nlu';
      text: string;
      intent: string | null;
      confidence: number;
      threshold: number;
      ranking: IntentScore[];
      entities: EntityMatch[];
    }
  | { kind: 'globalIntent'; intent: string; targetNodeId: string }
  | { kind: 'rules'; match: 'all' | 'any'; passed: boolean; results: RuleResult[] }
  | {
      kind: 'action';
      action: string;
      mocked: boolean;
      /**
       * The request sent (method, resolved URL, headers, body; a list if several), else the
       * rendered input. Secret values the call was given show as `[secret NAME]`.
       */
      request: JsonValue;
      response: JsonValue | null;
      error: { code: string; message: string } | null;
      durationMs: number;
    }
  | { kind: 'input'; accepted: boolean; value: JsonValue; attempt: number }
  | { kind: 'slot'; variable: string; entity: string; filled: boolean; value: JsonValue }
  | { kind: 'fallback'; misunderstandings: number; offerHumanAfter: number; offerHuman: boolean }
  | { kind: 'turnLimit'; customerTurns: number; offerHumanAfterTurns: number }
  | { kind: 'variable'; name: string; value: JsonValue }
  | { kind: 'error'; code: string; message: string };
