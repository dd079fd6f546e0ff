import type { EntryDraft, messagingSessions } from '../db/schema';
import type { Handoff } from '../routing/handoff';

export type SessionRow = typeof messagingSessions.$inferSelect;

/** What the customer did, as the bot receives it. */
export type CustomerInput =
  | { type: 'start' }
  | { type: 'text'; text: string }
  | { type: 'choice'; value: string; label?: string }
  | { type: 'form'; fields: Record<string, unknown> }
  | { type: 'timeout' }
  /** Routing found nobody who can take the bot's handoff. */
  | { type: 'noAgent' }
  /** The agent handed the conversation back to the bot. */
  | { type: 'returned' };

export interface BotTurnOutcome {
  entries: EntryDraft[];
  /** Plain JSON, stored on the session and handed back on the next turn. */
  state: unknown;
  status: 'awaiting_input' | 'escalated' | 'ended';
  handoff?: Handoff;
  /** A rating the bot collected itself at the end of the flow. */
  csat?: { score: number; comment: string | null };
  /**
   * How the bot got there, step by step, for analytics: plain JSON with secrets already
   * redacted, stored with the turn's entries. Absent when the host keeps no traces.
   */
  trace?: unknown;
  /**
   * The customer's message when the bot did not understand it (it fell to the fallback or
   * scored below the intent threshold), with the intent it came closest to: stored for the
   * bot's designer in the turn's own write. Absent for a turn that understood.
   */
  misunderstood?: MisunderstoodTurn;
}

/** A message the bot did not understand, as the runner reports it. */
export interface MisunderstoodTurn {
  text: string;
  /** The intent ranked first however low, null when the bot knows no intent. */
  topIntent: string | null;
  score: number;
}

/**
 * Runs the bot pinned on a session. Messaging does not know flows or NLU; the bot-turn
 * orchestrator only stores what a turn produced.
 */
export interface BotTurnRunner {
  runTurn(session: SessionRow, input: CustomerInput): Promise<BotTurnOutcome>;
  /**
   * The customer silence after which the session's waiting node wants a `timeout` turn, with
   * the wait it belongs to; null when the bot waits for as long as it takes.
   */
  silenceTimeout(session: SessionRow): { wait: number; afterMs: number } | null;
}
