/**
 * How a conversation with the bot ended, as the canvas overlay counts it: one outcome per
 * conversation, in the words and over the fields of the Reports metric definitions
 * (`server/reports/metricDefinitions.ts`), checked in this order:
 *
 * - escalated: the conversation has at least one `work_items` row (the hand-off reached
 *   routing), as the escalation rate counts it;
 * - error: `messaging_sessions.status = 'error'`;
 * - no agent: a bot turn heard that nobody could come (its trace carries `noAgentReason`, the
 *   engine's `noAgent` input) and no work item was made;
 * - contained: `agent_type = 'bot'`, `status = 'ended'`, `ended_by = 'bot'`, as the deflection
 *   rate counts it;
 * - abandoned: `agent_type = 'bot'`, `status = 'ended'`, `ended_by` 'customer' or 'system', the
 *   abandoned-in-bot rate;
 * - in progress: none of these yet (still open).
 */
export const CONVERSATION_OUTCOMES = [
  'contained',
  'escalated',
  'abandoned',
  'error',
  'noAgent',
  'inProgress',
] as const;
export type ConversationOutcome = (typeof CONVERSATION_OUTCOMES)[number];

/** The outcomes the overlay's heat colour counts as a conversation that ended badly. */
export const BAD_OUTCOMES: readonly ConversationOutcome[] = [
  'escalated',
  'abandoned',
  'error',
  'noAgent',
];

export type OutcomeCounts = Record<ConversationOutcome, number>;

export function noOutcomes(): OutcomeCounts {
  return { contained: 0, escalated: 0, abandoned: 0, error: 0, noAgent: 0, inProgress: 0 };
}

export interface OutcomeFacts {
  status: string;
  agentType: string;
  endedBy: string | null;
  hasWorkItem: boolean;
  heardNoAgent: boolean;
}

export function conversationOutcome(facts: OutcomeFacts): ConversationOutcome {
  if (facts.hasWorkItem) return 'escalated';
  if (facts.status === 'error') return 'error';
  if (facts.heardNoAgent) return 'noAgent';
  if (facts.agentType === 'bot' && facts.status === 'ended') {
    if (facts.endedBy === 'bot') return 'contained';
    if (facts.endedBy === 'customer' || facts.endedBy === 'system') return 'abandoned';
  }
  return 'inProgress';
}

/** Conversations that ended badly, out of all counted; null when there are none. */
export function badShare(counts: OutcomeCounts): number | null {
  const total = CONVERSATION_OUTCOMES.reduce((sum, outcome) => sum + counts[outcome], 0);
  if (total === 0) return null;
  return BAD_OUTCOMES.reduce((sum, outcome) => sum + counts[outcome], 0) / total;
}
