export type FlowIssueCode =
  | 'INVALID_DOCUMENT'
  | 'DUPLICATE_NODE_ID'
  | 'NO_START'
  | 'MULTIPLE_STARTS'
  | 'DANGLING_EDGE'
  | 'DUPLICATE_EDGE'
  | 'UNKNOWN_TARGET'
  | 'TURN_LIMIT_WITHOUT_TARGET'
  | 'UNREACHABLE_NODE'
  | 'OUTPUT_NOT_CONNECTED'
  | 'UNKNOWN_INTENT'
  | 'UNKNOWN_ENTITY'
  | 'VARIABLE_READ_BEFORE_SET'
  | 'VARIABLE_DEFAULT_TYPE'
  | 'ASK_WITHOUT_INVALID_PATH'
  | 'UNKNOWN_ACTION'
  | 'INVALID_PATTERN'
  | 'NO_WAY_OUT';

/** One finding of the validator. Errors block publishing; warnings do not. */
export interface FlowIssue {
  /** A `FlowIssueCode`, or a code a node type declares for its own outputs. */
  code: FlowIssueCode | (string & {});
  severity: 'error' | 'warning';
  nodeId?: string;
  edgeId?: string;
  /** For a finding about the flow's settings rather than a node: which of them. */
  setting?: 'variables' | 'globalIntents' | 'fallback';
  message: string;
}
