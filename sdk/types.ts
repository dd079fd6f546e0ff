import type { z } from 'zod';
import type {
  conversationStartedSchema,
  conversationSummarySchema,
  pushRegistrationBody,
  pushRegistrationSchema,
} from '../contract/conversations';
import type { Entry, typingEventSchema } from '../contract/entries';

/**
 * The SDK's public types, inferred from the API contract's zod schemas. Type-only imports keep
 * zod and the server out of the SDK bundle.
 */
export type { Entry, EntryType } from '../contract/entries';
export type { PrechatField } from '../contract/prechat';
export type ConversationStarted = z.infer<typeof conversationStartedSchema>;
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;
export type ConversationStatus = ConversationStarted['status'];
export type PushRegistrationInput = z.infer<typeof pushRegistrationBody>;
export type PushRegistration = z.infer<typeof pushRegistrationSchema>;
export type TypingEvent = z.infer<typeof typingEventSchema>;
export type Actor = Entry['actor'];

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
