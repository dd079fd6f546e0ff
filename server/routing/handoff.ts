import type { EntryDraft, RequiredSkill } from '../db/schema';

/**
 * A bot's request for a human: the queue it names (the org's first when none), the skills and
 * levels whoever takes it must hold, and what the agent is handed. Routing decides where it
 * waits and writes its work item; messaging stores the conversation around it.
 */
export interface Handoff {
  queue: string | null;
  skills: RequiredSkill[];
  priority: number;
  /** What the agent is handed with the work item: summary, intent, captured variables. */
  details: Record<string, unknown>;
  /** What the bot says on handing off, written only once someone can take the conversation. */
  said: EntryDraft[];
}
