import { Contacts } from './contacts/contacts';
import type { Db } from './db/client';
import { walSyncFor } from './db/walSync';
import { WriteBatcher } from './db/writeBatcher';
import { createPublicApi } from './http/publicApi';
import type { RateLimitSettings } from './http/rateLimits';
import { AccessTokens } from './messaging/accessTokens';
import type { BotTurnRunner } from './messaging/botTurns';
import { ConversationService } from './messaging/conversationService';
import { getEventHub } from './messaging/eventHub';

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
}

/** Wires the customer-facing side: durable writes, the event hub, tokens and the public API. */
export function createMessagingRuntime(options: MessagingRuntimeOptions) {
  const writes = new WriteBatcher(options.db, walSyncFor(options.db));
  const hub = getEventHub();
  const tokens = new AccessTokens(options.secret);
  const contacts = new Contacts(options.db, writes);
  const conversations = new ConversationService({
    db: options.db,
    writes,
    hub,
    tokens,
    contacts,
    bot: options.bot,
  });
  const handleApi = createPublicApi({
    db: options.db,
    hub,
    tokens,
    conversations,
    version: options.version,
    publicUrl: options.publicUrl,
    rateLimits: options.rateLimits,
    sseHeartbeatMs: options.sseHeartbeatMs,
    maxBodyBytes: options.maxBodyBytes,
  });
  return { writes, hub, tokens, contacts, conversations, handleApi };
}
