import type { OutboxMessage, ParleyStorage } from './types';

export interface StoredConversation {
  conversationId: string;
  accessToken: string;
  accessTokenExpiresAt: string;
}

/** Where a deployment's conversation and unsent messages live between app launches. */
export class ConversationStorage {
  /**
   * Writes go out one after another: with an async store (AsyncStorage) two writes of the
   * outbox in flight at once could land in either order and bring back a sent message.
   */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly storage: ParleyStorage,
    private readonly deploymentId: string,
  ) {}

  async loadConversation(): Promise<StoredConversation | null> {
    const value = readJson(await this.storage.getItem(this.key('conversation')));
    if (
      value &&
      typeof value.conversationId === 'string' &&
      typeof value.accessToken === 'string' &&
      typeof value.accessTokenExpiresAt === 'string'
    ) {
      return value as unknown as StoredConversation;
    }
    return null;
  }

  saveConversation(conversation: StoredConversation) {
    return this.write(() =>
      this.storage.setItem(this.key('conversation'), JSON.stringify(conversation)),
    );
  }

  forgetConversation() {
    return this.write(() => this.storage.removeItem(this.key('conversation')));
  }

  /** The push tokens this device registered, so logout can revoke every one of them. */
  async loadPushTokens(): Promise<string[]> {
    const raw = await this.storage.getItem(this.key('push-tokens'));
    try {
      const value: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
    } catch {
      return [];
    }
  }

  savePushTokens(tokens: readonly string[]) {
    return this.write(() =>
      tokens.length === 0
        ? this.storage.removeItem(this.key('push-tokens'))
        : this.storage.setItem(this.key('push-tokens'), JSON.stringify(tokens)),
    );
  }

  async loadOutbox(): Promise<OutboxMessage[]> {
    const raw = await this.storage.getItem(this.key('outbox'));
    if (!raw) return [];
    try {
      const value: unknown = JSON.parse(raw);
      return Array.isArray(value) ? (value as OutboxMessage[]) : [];
    } catch {
      return [];
    }
  }

  saveOutbox(messages: readonly OutboxMessage[]) {
    const value = messages.length === 0 ? null : JSON.stringify(messages);
    return this.write(() =>
      value === null
        ? this.storage.removeItem(this.key('outbox'))
        : this.storage.setItem(this.key('outbox'), value),
    );
  }

  private write(change: () => void | Promise<void>): Promise<void> {
    const next = this.writes.then(change, change);
    this.writes = next.catch(() => undefined);
    return next;
  }

  private key(name: string) {
    return `parley:${this.deploymentId}:${name}`;
  }
}

/** localStorage where the page has it, else a memory store that lasts as long as the client. */
export function defaultStorage(): ParleyStorage {
  try {
    if (typeof localStorage !== 'undefined') return localStorage;
  } catch {
    // Some browsers throw on localStorage access when site data is blocked.
  }
  return memoryStorage();
}

/**
 * A store with async get/set/remove, such as React Native's AsyncStorage
 * (`@react-native-async-storage/async-storage`) or Expo SecureStore's `getItemAsync` family once
 * renamed, under a key prefix of its own so the app's other keys are never touched.
 */
export function asyncStorage(
  store: {
    getItem(key: string): Promise<string | null>;
    setItem(key: string, value: string): Promise<void>;
    removeItem(key: string): Promise<void>;
  },
  prefix = '',
): ParleyStorage {
  return {
    getItem: (key) => store.getItem(prefix + key),
    setItem: (key, value) => store.setItem(prefix + key, value),
    removeItem: (key) => store.removeItem(prefix + key),
  };
}

export function memoryStorage(): ParleyStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => {
      values.set(key, value);
    },
    removeItem: (key) => {
      values.delete(key);
    },
  };
}

function readJson(raw: string | null): Record<string, unknown> | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
