// The API contract's types as plain TypeScript. The contract (`contract/`) defines them as zod
// schemas; they are written out here so the published declarations need neither zod nor the
// contract, and `types.test.ts` fails the type-check when the two drift apart.

export type Actor = {
  type: 'customer' | 'bot' | 'agent' | 'system';
  name: string;
};

export type EntryType =
  | 'text'
  | 'choice'
  | 'form_response'
  | 'quick_replies'
  | 'cards'
  | 'image'
  | 'form_request'
  | 'participant_changed'
  | 'queue_position'
  | 'csat_request'
  | 'csat_response'
  | 'status_changed'
  | 'typing';

/** One numbered item of a conversation: a message, a status change, a rating... */
export type Entry = {
  id: string;
  /** 1, 2, 3... in the order the server stored them; the client delivers them in this order. */
  seq: number;
  actor: Actor;
  type: EntryType;
  /** Its shape depends on `type`, e.g. `{ text }` for `text`; see the API's OpenAPI document. */
  payload: Record<string, unknown>;
  /** The id the sending app gave a customer message. */
  clientMessageId?: string;
  createdAt: string;
  /** For entries sent to the customer: `read` once the customer marked them read. */
  status: 'sent' | 'read';
};

/** A question of the deployment's pre-chat form; the answer goes in `prechat[name]`. */
export type PrechatField = {
  name: string;
  label: string;
  type: 'text' | 'email';
  required: boolean;
};

export type ConversationStatus = 'new' | 'waiting' | 'active' | 'inactive' | 'ended' | 'error';

export type ConversationStarted = {
  conversationId: string;
  accessToken: string;
  accessTokenExpiresAt: string;
  status: ConversationStatus;
  resumed: boolean;
  entries: Entry[];
};

export type ConversationSummary = {
  conversationId: string;
  status: ConversationStatus;
  createdAt: string;
  lastEntry: Entry | null;
};

export type PushRegistrationInput =
  | { platform: 'fcm'; token: string; timeZone?: string | undefined }
  | {
      platform: 'apns';
      token: string;
      /** The app's bundle id, e.g. com.example.app. */
      bundleId: string;
      /** `sandbox` for debug builds, `production` for App Store and TestFlight builds. */
      environment: 'sandbox' | 'production';
      timeZone?: string | undefined;
    }
  | {
      platform: 'web_push';
      subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
      timeZone?: string | undefined;
    };

/** What a browser needs to subscribe to the deployment's Web Push notifications. */
export type WebPushConfig = {
  enabled: boolean;
  vapidPublicKey: string;
};

export type PushRegistration = {
  id: string;
  platform: 'fcm' | 'apns' | 'web_push';
  createdAt: string;
};

/** Someone started or stopped typing; sent on the stream, not stored. */
export type TypingEvent = {
  actor: Actor;
  isTyping: boolean;
};

/** The agent has read the conversation up to `upToSeq`; sent on the stream, not stored. */
export type ReadEvent = {
  reader: Actor;
  upToSeq: number;
};

/** What a customer can send: free text, a quick-reply choice, or a filled form. */
export type MessageInput = string | { choice: string } | { form: Record<string, unknown> };

/** A message body on the wire, with the id that makes retries safe. */
export type OutgoingMessage = { clientMessageId: string } & (
  | { text: string }
  | { choice: string }
  | { form: Record<string, unknown> }
);

export interface OutboxMessage {
  message: OutgoingMessage;
  queuedAt: string;
}

/** Key-value storage: localStorage in browsers, AsyncStorage (or similar) in React Native. */
export interface ParleyStorage {
  getItem(key: string): string | null | Promise<string | null>;
  setItem(key: string, value: string): void | Promise<void>;
  removeItem(key: string): void | Promise<void>;
}

/** The part of the EventSource interface the SDK uses, so apps can bring their own. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent | Event) => void): void;
  close(): void;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export type EventSourceConstructor = new (url: string) => EventSourceLike;

/**
 * `connecting`: the first connection is being made; `open`: live; `reconnecting`: the stream or
 * a send failed and the client is retrying; `closed`: `close()` was called.
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface ParleyError {
  code: string;
  message: string;
  clientMessageId?: string;
}

/** Where the app is, as React Native's AppState reports it (`inactive` counts as active). */
export type AppState = 'active' | 'background';

/** What the identity-token provider is asked. */
export interface IdentityTokenRequest {
  /** Parley refused the token the provider returned last as expired: return a fresh one. */
  previousExpired: boolean;
}

/** A Parley notification the app handed to `handleNotification`. */
export interface NotificationOpened {
  conversationId: string;
  /** The entry the notification is about: show the conversation there. */
  seq: number;
  /** Whether it is about this client's conversation (not an older one of the customer's). */
  current: boolean;
  /** That entry, once fetched; null when it is not this client's conversation or offline. */
  entry: Entry | null;
}
