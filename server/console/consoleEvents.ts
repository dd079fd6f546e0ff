import { and, eq, or } from 'drizzle-orm';
import type { Entry } from '../../contract/entries';
import type { Db } from '../db/client';
import { workItems } from '../db/schema';
import type { EventHub } from '../messaging/eventHub';
import type { Router } from '../routing/router';
import { CONSOLE_HEARTBEAT_MS } from '../routing/routingTimers';
import type { StaffEvents } from '../routing/staffEvents';

export type ConsoleEvent =
  /** Listening has begun: re-read everything shown, then apply what follows. */
  | { type: 'ready' }
  /** The agent's offers or conversations changed: re-read the workspace. */
  | { type: 'work'; offer: { workItemId: string } | null }
  | { type: 'entry'; sessionId: string; entry: Entry }
  | { type: 'typing'; sessionId: string; actor: Entry['actor']; isTyping: boolean }
  /** The customer read the conversation up to `upToSeq`: the agent's messages show "Read". */
  | { type: 'read'; sessionId: string; upToSeq: number };

/** Past this many unsent events the console is too slow: the stream ends and it starts over. */
const MAX_PENDING = 1_000;

function heldSessionIds(db: Db, orgId: string, agentId: string): Set<string> {
  return new Set(
    db
      .select({ sessionId: workItems.sessionId })
      .from(workItems)
      .where(
        and(
          eq(workItems.orgId, orgId),
          or(
            and(eq(workItems.status, 'offered'), eq(workItems.offeredTo, agentId)),
            and(eq(workItems.status, 'accepted'), eq(workItems.acceptedBy, agentId)),
          ),
        ),
      )
      .all()
      .map((row) => row.sessionId),
  );
}

/**
 * The agent console's live feed: pokes when the agent's work changes, and the entries and
 * typing of every conversation offered to or held by them, following the set as it changes.
 * It subscribes before saying `ready`, and the console re-reads on `ready`, so a console that
 * reconnects misses nothing; it drops entries it already has by seq, so it sees no duplicates.
 */
export async function* consoleEvents(
  deps: { db: Db; hub: EventHub; staffEvents: StaffEvents; router: Pick<Router, 'consoleSeen'> },
  agent: { id: string; orgId: string },
  signal: AbortSignal | undefined,
): AsyncGenerator<ConsoleEvent> {
  const pending: ConsoleEvent[] = [];
  let wake: (() => void) | null = null;
  let overflowed = false;
  const push = (event: ConsoleEvent) => {
    if (pending.length >= MAX_PENDING) overflowed = true;
    else pending.push(event);
    wake?.();
  };
  const sessions = new Map<string, () => void>();
  const follow = () => {
    const held = heldSessionIds(deps.db, agent.orgId, agent.id);
    for (const [sessionId, unsubscribe] of sessions) {
      if (!held.has(sessionId)) {
        unsubscribe();
        sessions.delete(sessionId);
      }
    }
    for (const sessionId of held) {
      if (sessions.has(sessionId)) continue;
      sessions.set(
        sessionId,
        deps.hub.subscribe(
          sessionId,
          (event) => {
            if (event.kind === 'entry') push({ type: 'entry', sessionId, entry: event.entry });
            else if (event.kind === 'typing') {
              push({ type: 'typing', sessionId, actor: event.actor, isTyping: event.isTyping });
            } else if (event.reader.type === 'customer') {
              push({ type: 'read', sessionId, upToSeq: event.upToSeq });
            }
          },
          'staff',
        ),
      );
    }
  };
  const unsubscribeStaff = deps.staffEvents.subscribe(agent.orgId, (event) => {
    if (!event.agentIds.includes(agent.id)) return;
    follow();
    push({
      type: 'work',
      offer: event.offer && event.agentIds[0] === agent.id ? event.offer : null,
    });
  });
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort);
  deps.router.consoleSeen(agent.id);
  const heartbeat = setInterval(() => deps.router.consoleSeen(agent.id), CONSOLE_HEARTBEAT_MS);
  try {
    follow();
    yield { type: 'ready' };
    while (!signal?.aborted && !overflowed) {
      const next = pending.shift();
      if (next) {
        yield next;
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = null;
    }
  } finally {
    clearInterval(heartbeat);
    signal?.removeEventListener('abort', onAbort);
    unsubscribeStaff();
    for (const unsubscribe of sessions.values()) unsubscribe();
  }
}
