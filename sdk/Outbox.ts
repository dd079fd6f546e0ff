import { isRetryable } from './apiRequest';
import type { ConversationStorage } from './conversationStorage';
import { type RetryDelays, retryDelay } from './retryDelay';
import type { OutboxMessage, OutgoingMessage } from './types';

export interface OutboxDeps {
  storage: ConversationStorage;
  /** Sends one message; throws when it was not acknowledged. */
  deliver: (message: OutgoingMessage) => Promise<void>;
  delays: RetryDelays;
  onChange: (messages: readonly OutboxMessage[]) => void;
  /** True while deliveries fail for reasons that may pass (offline, 5xx, 429). */
  onTrouble: (failing: boolean) => void;
  /** The server refused a message for good (e.g. the conversation ended); it is dropped. */
  onRejected: (message: OutgoingMessage, error: unknown) => void;
}

/**
 * Messages the customer sent that the server has not acknowledged yet. They are persisted
 * before `send` returns, delivered one at a time in order, and retried with the same
 * clientMessageId, which the server uses to store each message exactly once.
 */
export class Outbox {
  private messages: OutboxMessage[] = [];
  private running = false;
  private draining = false;
  private failedAttempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: OutboxDeps) {}

  get pending(): readonly OutboxMessage[] {
    return this.messages;
  }

  async restore() {
    const stored = await this.deps.storage.loadOutbox();
    const known = new Set(this.messages.map((m) => m.message.clientMessageId));
    this.messages.push(...stored.filter((m) => !known.has(m.message.clientMessageId)));
    this.deps.onChange(this.messages);
  }

  async add(message: OutgoingMessage) {
    this.messages.push({ message, queuedAt: new Date().toISOString() });
    await this.deps.storage.saveOutbox(this.messages);
    this.deps.onChange(this.messages);
    this.retryNow();
  }

  /** Starts delivering; called once the client has a conversation to deliver to. */
  start() {
    this.running = true;
    this.retryNow();
  }

  stop() {
    this.running = false;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /** Drops every unsent message, e.g. when the customer signs out. */
  async clear() {
    this.stop();
    this.messages = [];
    await this.deps.storage.saveOutbox(this.messages);
    this.deps.onChange(this.messages);
  }

  /** Skips the backoff wait, e.g. when the device reports it is online again. */
  retryNow() {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    void this.drain();
  }

  private async drain() {
    if (this.draining || !this.running) return;
    this.draining = true;
    try {
      while (this.running) {
        const head = this.messages[0];
        if (!head) return;
        try {
          await this.deps.deliver(head.message);
          this.failedAttempts = 0;
          this.deps.onTrouble(false);
        } catch (error) {
          if (isRetryable(error)) {
            this.failedAttempts += 1;
            this.deps.onTrouble(true);
            this.scheduleRetry();
            return;
          }
          this.deps.onRejected(head.message, error);
        }
        this.messages = this.messages.filter((m) => m !== head);
        await this.deps.storage.saveOutbox(this.messages);
        this.deps.onChange(this.messages);
      }
    } finally {
      this.draining = false;
    }
  }

  private scheduleRetry() {
    if (!this.running) return;
    this.retryTimer = setTimeout(
      () => this.retryNow(),
      retryDelay(this.failedAttempts, this.deps.delays),
    );
  }
}
