import { Contacts } from './contacts/contacts';
import type { Db } from './db/client';
import { walSyncFor } from './db/walSync';
import { WriteBatcher } from './db/writeBatcher';
import { createPublicApi } from './http/publicApi';
import type { RateLimitSettings } from './http/rateLimits';
import { AccessTokens } from './messaging/accessTokens';
import { AgentConversations } from './messaging/agentConversations';
import { BotTurnOrchestrator } from './messaging/botTurnOrchestrator';
import type { BotTurnRunner } from './messaging/botTurns';
import { ConversationLifecycle } from './messaging/conversationLifecycle';
import { CustomerEntries } from './messaging/customerEntries';
import { Escalation } from './messaging/escalation';
import { getEventHub } from './messaging/eventHub';
import { SessionHandoverEntries } from './messaging/sessionHandoverEntries';
import { PushWorker, type PushWorkerSettings } from './push/pushWorker';
import { ReplyNotifications } from './push/replyNotifications';
import { Router } from './routing/router';
import { getStaffEvents } from './routing/staffEvents';

export interface MessagingRuntimeOptions {
  db: Db;
  bot: BotTurnRunner;
  /** The installation secret; conversation access tokens are keyed from it. */
  secret: string;
  publicUrl: string;
  version: string;
  rateLimits: RateLimitSettings;
  sseHeartbeatMs?: number;
  maxBodyBytes?: number;
  /** Sends notifications of replies to customers who are away; without it none are written. */
  push?: PushWorkerSettings & { collapseWindowMs?: number };
}

/**
 * Wires the customer-facing side: durable writes, the event hub, tokens, contacts, the parts of
 * a conversation (its lifecycle, the customer's entries, the bot's turns), routing and the
 * public API.
 */
export function createMessagingRuntime(options: MessagingRuntimeOptions) {
  const { db } = options;
  const writes = new WriteBatcher(db, walSyncFor(db));
  const hub = getEventHub();
  const tokens = new AccessTokens(options.secret);
  const contacts = new Contacts(db, writes);
  const staffEvents = getStaffEvents();
  const router = new Router({ db, handover: new SessionHandoverEntries(hub), staffEvents });
  const escalation = new Escalation({ db, writes, hub, queued: (orgId) => router.queued(orgId) });
  const pushWorker = options.push && new PushWorker({ db, writes, ...options.push });
  const notifier =
    pushWorker &&
    new ReplyNotifications({
      db,
      hub,
      wake: () => pushWorker.wake(),
      collapseWindowMs: options.push?.collapseWindowMs,
    });
  const botTurns = new BotTurnOrchestrator({
    db,
    writes,
    hub,
    bot: options.bot,
    escalation,
    notifier,
  });
  const agentConversations = new AgentConversations({
    db,
    writes,
    hub,
    routing: router,
    bot: botTurns,
    notifier,
  });
  const conversations = new ConversationLifecycle({
    db,
    writes,
    hub,
    tokens,
    contacts,
    botTurns,
    escalation,
    routing: router,
  });
  const entries = new CustomerEntries({ db, writes, hub, contacts, botTurns, escalation });
  const handleApi = createPublicApi({
    db,
    hub,
    tokens,
    conversations,
    entries,
    version: options.version,
    publicUrl: options.publicUrl,
    rateLimits: options.rateLimits,
    sseHeartbeatMs: options.sseHeartbeatMs,
    maxBodyBytes: options.maxBodyBytes,
  });
  return {
    writes,
    hub,
    staffEvents,
    tokens,
    contacts,
    conversations,
    entries,
    botTurns,
    router,
    agentConversations,
    pushWorker,
    handleApi,
  };
}
