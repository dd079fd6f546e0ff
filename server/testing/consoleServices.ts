import type { ConsoleServices } from '../console/consoleServices';
import type { Db } from '../db/client';
import { WriteBatcher } from '../db/writeBatcher';
import { AgentConversations, type BotHandBack } from '../messaging/agentConversations';
import { EventHub } from '../messaging/eventHub';
import { SessionHandoverEntries } from '../messaging/sessionHandoverEntries';
import { Router } from '../routing/router';
import { StaffEvents } from '../routing/staffEvents';

/**
 * Routing and agent-side messaging over a test database, wired as the process wires them. No
 * bot runs here: a conversation handed back is only told to `bot`.
 */
export function testConsoleServices(
  db: Db,
  now?: () => number,
  bot: BotHandBack = { returned: () => {} },
): ConsoleServices {
  const hub = new EventHub();
  const staffEvents = new StaffEvents();
  const router = new Router({ db, handover: new SessionHandoverEntries(hub), staffEvents, now });
  const conversations = new AgentConversations({
    db,
    writes: new WriteBatcher(db),
    hub,
    routing: router,
    bot,
    now,
  });
  return { db, router, conversations, hub, staffEvents };
}
