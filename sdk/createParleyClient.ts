import { isRetryable, ParleyApiError, apiRequest as request } from './apiRequest';
import { chooseTransport, type Transport } from './chooseTransport';
import {
  ConversationStorage,
  defaultStorage,
  type StoredConversation,
} from './conversationStorage';
import { LiveStream, type StreamState } from './LiveStream';
import { newClientMessageId } from './newClientMessageId';
import { Outbox } from './Outbox';
import { parseNotification } from './parseNotification';
import { DEFAULT_RETRY_DELAYS, type RetryDelays } from './retryDelay';
import { toParleyError } from './toParleyError';
import type {
  AppState,
  ConnectionStatus,
  ConversationStarted,
  ConversationStatus,
  ConversationSummary,
  Entry,
  EventSourceConstructor,
  IdentityTokenRequest,
  MessageInput,
  NotificationOpened,
  OutboxMessage,
  OutgoingMessage,
  ParleyError,
  ParleyStorage,
  PrechatField,
  PushRegistration,
  PushRegistrationInput,
  ReadEvent,
  TypingEvent,
  WebPushConfig,
} from './types';
import type { XhrConstructor } from './XhrEventSource';

export interface ParleyClientOptions {
  /** Where Parley runs, e.g. `https://chat.example.com`. */
  baseUrl: string;
  deploymentId: string;
  /**
   * A token your backend signs for the signed-in user; omit for anonymous customers. Asked when
   * a conversation starts and each time its access is renewed; asked once more, with
   * `{ previousExpired: true }`, when Parley refuses the token it returned as expired.
   */
  getIdentityToken?: (
    request: IdentityTokenRequest,
  ) => string | undefined | null | Promise<string | undefined | null>;
  /** Hidden pre-chat fields the agent sees and the bot can read. */
  context?: Record<string, string | number | boolean>;
  locale?: string;
  /** Defaults to localStorage in browsers and to memory elsewhere. */
  storage?: ParleyStorage;
  /** Used by the `eventsource` transport; defaults to the platform's EventSource. */
  EventSource?: EventSourceConstructor;
  /**
   * How live entries arrive; `auto` (the default) picks the platform's EventSource, a streaming
   * fetch, XMLHttpRequest progress (React Native), or long-polling, and falls back to
   * long-polling when the network buffers the stream.
   */
  transport?: Transport;
  /** Used by the `xhr` transport; defaults to the platform's XMLHttpRequest. */
  XMLHttpRequest?: XhrConstructor;
  fetch?: typeof fetch;
  retryDelays?: RetryDelays;
}

export interface StartOptions {
  /** The customer's answers to the deployment's pre-chat form; used only for a new conversation. */
  prechat?: Record<string, string>;
}

export interface StartResult {
  conversationId: string;
  status: ConversationStatus;
  /** True when an earlier conversation (stored, or the verified user's open one) continues. */
  resumed: boolean;
}

export type ParleyClient = ReturnType<typeof createParleyClient>;

/** Refresh the access token this long before it expires. */
const REFRESH_MARGIN_MS = 2 * 60_000;
const HISTORY_PAGE = 200;

/**
 * A customer's side of a Parley conversation: start or resume it, send messages that survive
 * a lost connection, and receive every entry once, in the order the server numbered them.
 */
export function createParleyClient(options: ParleyClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const delays = options.retryDelays ?? DEFAULT_RETRY_DELAYS;
  const storage = new ConversationStorage(
    options.storage ?? defaultStorage(),
    options.deploymentId,
  );
  const transport = chooseTransport({
    transport: options.transport ?? 'auto',
    fetch: fetchImpl,
    EventSource: options.EventSource,
    XMLHttpRequest: options.XMLHttpRequest,
  });

  const entryListeners = new Set<(entry: Entry) => void>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  const typingListeners = new Set<(event: TypingEvent) => void>();
  const readListeners = new Set<(event: ReadEvent) => void>();
  const outboxListeners = new Set<(pending: readonly OutboxMessage[]) => void>();
  const errorListeners = new Set<(error: ParleyError) => void>();
  const unreadListeners = new Set<(count: number) => void>();

  let conversation: StoredConversation | null = null;
  let conversationStatus: ConversationStatus | null = null;
  const entries: Entry[] = [];
  const seenSeqs = new Set<number>();
  /** The highest seq such that every entry up to it has been received. */
  let contiguousSeq = 0;
  let starting: Promise<StartResult> | null = null;
  /** The customer answered the pre-chat form once; a new conversation on this page reuses it. */
  let lastStartOptions: StartOptions = {};
  let refreshing: Promise<void> | null = null;
  let streamState: StreamState = 'closed';
  let sendTrouble = false;
  let connection: ConnectionStatus = 'idle';
  let closed = false;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let appState: AppState = 'active';
  let unread = 0;

  const outbox = new Outbox({
    storage,
    delays,
    deliver: async (message) => {
      const { entry } = await authorized<{ entry: Entry }>({
        method: 'POST',
        path: `/messages`,
        body: message,
      });
      receive(entry);
    },
    onChange: (pending) => {
      for (const listener of outboxListeners) listener(pending);
    },
    onTrouble: (failing) => {
      sendTrouble = failing;
      updateConnection();
    },
    onRejected: (message, error) => {
      emitError(error, message.clientMessageId);
    },
  });

  const stream = new LiveStream({
    EventSource: transport.EventSource,
    delays,
    lastSeq: () => contiguousSeq,
    streamUrl: async (afterSeq) => {
      await ensureFreshToken();
      const current = requireConversation();
      const query = `after=${afterSeq}&access_token=${encodeURIComponent(current.accessToken)}`;
      return `${conversationUrl(current)}/stream?${query}`;
    },
    onEntry: receive,
    onTyping: (event) => {
      for (const listener of typingListeners) listener(event);
    },
    onRead: markReadByAgent,
    onState: (state) => {
      streamState = state;
      updateConnection();
    },
  });

  const onOnline = () => {
    outbox.retryNow();
    stream.reconnectNow();
  };

  function conversationUrl(current: StoredConversation) {
    return `${baseUrl}/api/v1/conversations/${encodeURIComponent(current.conversationId)}`;
  }

  function requireConversation(): StoredConversation {
    if (!conversation) throw new Error('Call start() first.');
    return conversation;
  }

  function receive(entry: Entry) {
    if (seenSeqs.has(entry.seq)) return;
    seenSeqs.add(entry.seq);
    while (seenSeqs.has(contiguousSeq + 1)) contiguousSeq += 1;
    const at = entries.findIndex((known) => known.seq > entry.seq);
    if (at < 0) entries.push(entry);
    else entries.splice(at, 0, entry);
    if (entry.type === 'status_changed' && typeof entry.payload.to === 'string') {
      conversationStatus = entry.payload.to as ConversationStatus;
    }
    for (const listener of entryListeners) listener(entry);
    updateUnread();
  }

  /** Replies the customer has not marked read: what a badge on the chat button shows. */
  function updateUnread() {
    const count = entries.filter(isUnreadReply).length;
    if (count === unread) return;
    unread = count;
    for (const listener of unreadListeners) listener(count);
  }

  /** The agent read up to a seq: the customer's own entries up to it now show as read. */
  function markReadByAgent(event: ReadEvent) {
    let changed = false;
    for (const [index, entry] of entries.entries()) {
      if (entry.seq > event.upToSeq) break;
      if (entry.actor.type !== 'customer' || entry.status === 'read') continue;
      entries[index] = { ...entry, status: 'read' };
      changed = true;
    }
    if (!changed) return;
    for (const listener of readListeners) listener(event);
  }

  function updateConnection() {
    const next: ConnectionStatus = closed
      ? 'closed'
      : streamState === 'open' && !sendTrouble
        ? 'open'
        : streamState === 'connecting' && !sendTrouble
          ? 'connecting'
          : streamState === 'closed' && !sendTrouble
            ? 'idle'
            : 'reconnecting';
    if (next === connection) return;
    connection = next;
    for (const listener of statusListeners) listener(next);
  }

  function emitError(error: unknown, clientMessageId?: string) {
    const report = toParleyError(error, clientMessageId);
    for (const listener of errorListeners) listener(report);
  }

  async function adopt(next: StoredConversation) {
    conversation = next;
    await storage.saveConversation(next);
    scheduleRefresh();
  }

  /** Keeps the token valid while the app is open, so the next send never finds it expired. */
  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    if (!conversation || closed) return;
    const due = Date.parse(conversation.accessTokenExpiresAt) - Date.now() - REFRESH_MARGIN_MS;
    refreshTimer = setTimeout(
      () => {
        refreshToken().catch(() => scheduleRefreshRetry());
      },
      Math.max(0, due),
    );
  }

  function scheduleRefreshRetry() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      refreshToken().catch(() => scheduleRefreshRetry());
    }, delays.maxMs);
  }

  /**
   * A call that carries the customer's identity token. An app usually caches its token, so a
   * refusal as expired asks the provider once more, saying so, and repeats the call with the
   * new one: the customer never sees it.
   */
  async function withIdentity<T>(call: (identityToken: string | undefined) => Promise<T>) {
    const first = (await options.getIdentityToken?.({ previousExpired: false })) ?? undefined;
    try {
      return await call(first);
    } catch (error) {
      if (!(error instanceof ParleyApiError && error.code === 'IDENTITY_TOKEN_EXPIRED'))
        throw error;
      const renewed = (await options.getIdentityToken?.({ previousExpired: true })) ?? undefined;
      if (!renewed || renewed === first) throw error;
      return call(renewed);
    }
  }

  async function createConversation(prechat?: Record<string, string>): Promise<StartResult> {
    const started = await withIdentity((identityToken) =>
      request<ConversationStarted>(fetchImpl, baseUrl, {
        method: 'POST',
        path: `/api/v1/deployments/${encodeURIComponent(options.deploymentId)}/conversations`,
        body: {
          ...(identityToken ? { identityToken } : {}),
          ...(options.context ? { context: options.context } : {}),
          ...(options.locale ? { locale: options.locale } : {}),
          ...(prechat ? { prechat } : {}),
        },
      }),
    );
    await adopt({
      conversationId: started.conversationId,
      accessToken: started.accessToken,
      accessTokenExpiresAt: started.accessTokenExpiresAt,
    });
    conversationStatus = started.status;
    for (const entry of started.entries) receive(entry);
    return {
      conversationId: started.conversationId,
      status: started.status,
      resumed: started.resumed,
    };
  }

  async function loadHistory() {
    for (;;) {
      const page = await authorized<{ entries: Entry[]; hasMore: boolean }>({
        method: 'GET',
        path: `/entries?after=${contiguousSeq}&limit=${HISTORY_PAGE}`,
      });
      for (const entry of page.entries) receive(entry);
      if (!page.hasMore || page.entries.length === 0) return;
    }
  }

  async function refreshToken() {
    refreshing ??= (async () => {
      const current = requireConversation();
      const fresh = await withIdentity((identityToken) =>
        request<{ accessToken: string; accessTokenExpiresAt: string }>(fetchImpl, baseUrl, {
          method: 'POST',
          path: `/api/v1/conversations/${encodeURIComponent(current.conversationId)}/token`,
          body: identityToken ? { identityToken } : {},
          accessToken: current.accessToken,
        }),
      );
      await adopt({ ...current, ...fresh });
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function ensureFreshToken() {
    const current = requireConversation();
    if (Date.parse(current.accessTokenExpiresAt) - Date.now() < REFRESH_MARGIN_MS) {
      await refreshToken();
    }
  }

  /** A call on the current conversation; a rejected token is refreshed once and the call retried. */
  async function authorized<T>(call: {
    method: 'GET' | 'POST' | 'DELETE';
    path: string;
    body?: unknown;
  }): Promise<T> {
    await ensureFreshToken();
    const attempt = () => {
      const current = requireConversation();
      return request<T>(fetchImpl, baseUrl, {
        method: call.method,
        path: `/api/v1/conversations/${encodeURIComponent(current.conversationId)}${call.path}`,
        body: call.body,
        accessToken: current.accessToken,
      });
    };
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ParleyApiError && error.code === 'ACCESS_TOKEN_INVALID')) throw error;
      await refreshToken();
      return attempt();
    }
  }

  /** An account-level call (not under one conversation) with the current token. */
  async function accountCall<T>(call: {
    method: 'GET' | 'POST' | 'DELETE';
    path: string;
    body?: unknown;
  }): Promise<T> {
    await ensureFreshToken();
    return request<T>(fetchImpl, baseUrl, {
      ...call,
      accessToken: requireConversation().accessToken,
    });
  }

  async function resumeStored(stored: StoredConversation): Promise<StartResult | null> {
    conversation = stored;
    try {
      await loadHistory();
    } catch (error) {
      // Offline: keep the stored conversation; the stream replays the history when it connects.
      if (!isRetryable(error)) {
        conversation = null;
        await storage.forgetConversation();
        return null;
      }
    }
    return {
      conversationId: stored.conversationId,
      status: conversationStatus ?? 'new',
      resumed: true,
    };
  }

  async function begin(startOptions: StartOptions): Promise<StartResult> {
    closed = false;
    await outbox.restore();
    const stored = await storage.loadConversation();
    const result =
      (stored && (await resumeStored(stored))) || (await createConversation(startOptions.prechat));
    // close() while the conversation was being started: nothing should go live after it.
    if (closed) return result;
    outbox.start();
    globalThis.addEventListener?.('online', onOnline);
    // Started from a notification while in the background: the stream waits for the foreground.
    if (appState === 'background') return result;
    scheduleRefresh();
    stream.start();
    return result;
  }

  /** Back in the foreground: fetch what arrived meanwhile, then listen live again. */
  async function resume(): Promise<Entry[]> {
    const before = contiguousSeq;
    try {
      await loadHistory();
    } catch (error) {
      // Offline: the stream replays what was missed once it connects.
      if (!isRetryable(error)) emitError(error);
    }
    if (closed || appState !== 'active') return [];
    scheduleRefresh();
    stream.start();
    outbox.retryNow();
    return entries.filter((entry) => entry.seq > before && entry.actor.type !== 'customer');
  }

  function stopLive() {
    clearTimeout(refreshTimer);
    stream.stop();
    outbox.stop();
    globalThis.removeEventListener?.('online', onOnline);
  }

  const client = {
    /** Creates a conversation, or resumes the one stored from an earlier visit. */
    start(startOptions: StartOptions = {}): Promise<StartResult> {
      if (startOptions.prechat) lastStartOptions = startOptions;
      starting ??= begin(startOptions).catch((error: unknown) => {
        starting = null;
        throw error;
      });
      return starting;
    },

    /**
     * Queues a message and returns once it is stored on the device; it reaches the server as
     * soon as the connection allows, exactly once.
     */
    async send(input: MessageInput): Promise<OutgoingMessage> {
      const clientMessageId = newClientMessageId();
      const message: OutgoingMessage =
        typeof input === 'string'
          ? { clientMessageId, text: input }
          : { clientMessageId, ...input };
      await outbox.add(message);
      return message;
    },

    /** Every entry once, in seq order; a new listener first gets the entries already received. */
    onEntry(listener: (entry: Entry) => void) {
      for (const entry of entries) listener(entry);
      entryListeners.add(listener);
      return () => entryListeners.delete(listener);
    },

    onStatus(listener: (status: ConnectionStatus) => void) {
      listener(connection);
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },

    onTyping(listener: (event: TypingEvent) => void) {
      typingListeners.add(listener);
      return () => typingListeners.delete(listener);
    },

    /** The agent read the customer's messages up to a seq; `entries` already shows them read. */
    onRead(listener: (event: ReadEvent) => void) {
      readListeners.add(listener);
      return () => readListeners.delete(listener);
    },

    /** The messages not yet acknowledged by the server, whenever that list changes. */
    onOutbox(listener: (pending: readonly OutboxMessage[]) => void) {
      listener(outbox.pending);
      outboxListeners.add(listener);
      return () => outboxListeners.delete(listener);
    },

    /** Messages the server refused for good (e.g. the conversation has ended). */
    onError(listener: (error: ParleyError) => void) {
      errorListeners.add(listener);
      return () => errorListeners.delete(listener);
    },

    /** How many replies the customer has not marked read, now and whenever it changes. */
    onUnreadCount(listener: (count: number) => void) {
      listener(unread);
      unreadListeners.add(listener);
      return () => unreadListeners.delete(listener);
    },

    get unreadCount() {
      return unread;
    },

    /**
     * The app went to the background or came back (React Native's AppState). In the background
     * the stream closes, so Parley sends replies as push notifications; back in the foreground
     * the client fetches what it missed, goes live again, and resolves to the replies that
     * arrived meanwhile (none when it was not started).
     */
    async setAppState(next: AppState): Promise<Entry[]> {
      if (next === appState) return [];
      appState = next;
      if (next === 'background') {
        clearTimeout(refreshTimer);
        stream.stop();
        return [];
      }
      if (!starting) return [];
      await starting.catch(() => undefined);
      if (!conversation || closed) return [];
      return resume();
    },

    get appState() {
      return appState;
    },

    /** The transport live entries arrive on now: `auto` may have moved to `polling`. */
    get transport() {
      return transport.kind();
    },

    /**
     * A push notification was opened (or arrived while the app runs): pass its data as the push
     * library gives it. For this deployment's conversation it starts or resumes the client and
     * fetches up to the notified entry; the app then shows the conversation at `seq`. Resolves
     * to null for a notification that is not Parley's.
     */
    async handleNotification(payload: unknown): Promise<NotificationOpened | null> {
      const notified = parseNotification(payload);
      if (!notified) return null;
      const known = conversation ?? (await storage.loadConversation());
      if (known?.conversationId !== notified.conversationId) {
        return { ...notified, current: false, entry: null };
      }
      await client.start();
      if (contiguousSeq < notified.seq) {
        try {
          await loadHistory();
        } catch (error) {
          if (!isRetryable(error)) throw error;
        }
      }
      const entry = entries.find((known) => known.seq === notified.seq) ?? null;
      return { ...notified, current: true, entry };
    },

    /** The fields the deployment asks a new customer before start(); often none. */
    async prechatFields(): Promise<PrechatField[]> {
      const form = await request<{ fields: PrechatField[] }>(fetchImpl, baseUrl, {
        method: 'GET',
        path: `/api/v1/deployments/${encodeURIComponent(options.deploymentId)}/prechat`,
      });
      return form.fields;
    },

    /** Whether the deployment sends Web Push notifications, and the key to subscribe with. */
    async webPushConfig(): Promise<WebPushConfig> {
      const form = await request<{ webPush: WebPushConfig }>(fetchImpl, baseUrl, {
        method: 'GET',
        path: `/api/v1/deployments/${encodeURIComponent(options.deploymentId)}/prechat`,
      });
      return form.webPush;
    },

    /** Whether start() would resume an earlier conversation rather than begin one. */
    async hasStoredConversation() {
      return conversation !== null || (await storage.loadConversation()) !== null;
    },

    get conversationId() {
      return conversation?.conversationId ?? null;
    },

    get conversationStatus() {
      return conversationStatus;
    },

    get connectionStatus() {
      return connection;
    },

    /** The entries received so far, in seq order. */
    get entries(): readonly Entry[] {
      return entries;
    },

    async markRead(upToSeq = contiguousSeq) {
      const read = await authorized<{ upToSeq: number }>({
        method: 'POST',
        path: '/read',
        body: { upToSeq },
      });
      for (const [index, entry] of entries.entries()) {
        if (entry.seq > read.upToSeq) break;
        if (entry.actor.type !== 'customer' && entry.status !== 'read') {
          entries[index] = { ...entry, status: 'read' };
        }
      }
      updateUnread();
      return read;
    },

    /** Tells the agent the customer is typing; best effort, a failure is not worth a retry. */
    async typing(isTyping: boolean) {
      try {
        await authorized<void>({ method: 'POST', path: '/typing', body: { isTyping } });
      } catch {
        return;
      }
    },

    async end() {
      return authorized<{ status: 'ended' }>({ method: 'POST', path: '/end' });
    },

    async rate(score: number, comment?: string) {
      return authorized<{ score: number }>({
        method: 'POST',
        path: '/csat',
        body: comment ? { score, comment } : { score },
      });
    },

    /** Starts the conversation first if needed: a registration belongs to a customer. */
    async registerPush(registration: PushRegistrationInput) {
      if (!conversation) await client.start();
      const registered = await accountCall<PushRegistration>({
        method: 'POST',
        path: '/api/v1/push-registrations',
        body: registration,
      });
      const token =
        registration.platform === 'web_push'
          ? registration.subscription.endpoint
          : registration.token;
      const tokens = await storage.loadPushTokens();
      if (!tokens.includes(token)) await storage.savePushTokens([...tokens, token]);
      return registered;
    },

    /**
     * The customer signs out of the app: every push registration this device made stops, and
     * the conversation, its unsent messages and its access are forgotten on the device, so the
     * next person to sign in starts afresh. Resolves to how many registrations stopped.
     */
    async logout(): Promise<number> {
      stopLive();
      await starting?.catch(() => undefined);
      let revoked = 0;
      const tokens = await storage.loadPushTokens();
      const current = conversation ?? (await storage.loadConversation());
      if (current && tokens.length > 0) {
        conversation = current;
        for (const token of tokens) {
          const answer = await accountCall<{ revoked: number }>({
            method: 'POST',
            path: '/api/v1/push-registrations/revoke',
            body: { token },
          });
          revoked += answer.revoked;
        }
      }
      await storage.savePushTokens([]);
      await storage.forgetConversation();
      await outbox.clear();
      conversation = null;
      conversationStatus = null;
      entries.length = 0;
      seenSeqs.clear();
      contiguousSeq = 0;
      starting = null;
      closed = true;
      updateConnection();
      updateUnread();
      return revoked;
    },

    /**
     * Logging out on this device: every registration of this customer with the token (FCM or
     * APNs device token, or a Web Push subscription's endpoint) stops getting notifications.
     * Resolves to how many stopped; repeating it is harmless.
     */
    async unregisterDevice(token: string) {
      const { revoked } = await accountCall<{ revoked: number }>({
        method: 'POST',
        path: '/api/v1/push-registrations/revoke',
        body: { token },
      });
      return revoked;
    },

    async unregisterPush(registrationId: string) {
      await accountCall<void>({
        method: 'DELETE',
        path: `/api/v1/push-registrations/${encodeURIComponent(registrationId)}`,
      });
    },

    /** The verified customer's conversations, newest first (history across devices). */
    async conversations() {
      const { conversations } = await accountCall<{ conversations: ConversationSummary[] }>({
        method: 'GET',
        path: '/api/v1/conversations',
      });
      return conversations;
    },

    /** Delivers queued messages and reconnects now, e.g. when React Native's NetInfo says online. */
    retryNow: onOnline,

    /** Leaves the current conversation (after it ended) and starts a fresh one. */
    async startNew(): Promise<StartResult> {
      stopLive();
      await starting?.catch(() => undefined);
      await storage.forgetConversation();
      conversation = null;
      conversationStatus = null;
      entries.length = 0;
      seenSeqs.clear();
      contiguousSeq = 0;
      starting = null;
      updateUnread();
      return client.start(lastStartOptions);
    },

    /** Stops the stream and retries; stored state stays for the next start(). */
    close() {
      closed = true;
      stopLive();
      starting = null;
      updateConnection();
    },
  };
  return client;
}

/** What counts towards the unread badge: a bot's or agent's reply, not a status or a join. */
const REPLY_TYPES = new Set(['text', 'quick_replies', 'cards', 'image', 'form_request']);

function isUnreadReply(entry: Entry) {
  return (
    (entry.actor.type === 'bot' || entry.actor.type === 'agent') &&
    REPLY_TYPES.has(entry.type) &&
    entry.status !== 'read'
  );
}
