import type { EntryDraft, SessionStatus } from '../db/schema';

const SYSTEM = { actorType: 'system', actorName: 'Parley' } as const;

/** The entry that tells both sides a conversation moved from one status to another, and why. */
export function statusDraft(from: string, to: SessionStatus, reason: string): EntryDraft {
  return { ...SYSTEM, type: 'status_changed', payload: { from, to, reason } };
}
