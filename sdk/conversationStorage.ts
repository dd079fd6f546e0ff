import type { OutboxMessage, ParleyStorage } from './types';

export interface StoredConversation {
  conversationId: string;
  accessToken: string;
  accessTokenExpiresAt: string;
}

/** Where a deployment's conversation and unsent messages live between app launches. */
export class ConversationStorage {
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

  async saveConversation(conversation: StoredConversation) {
    await this.storage.setItem(this.key('conversation'), JSON.stringify(conversation));
  }

  async forgetConversation() {
    await this.storage.removeItem(this.key('conversation'));
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

  async saveOutbox(messages: readonly OutboxMessage[]) {
    if (messages.length === 0) await this.storage.removeItem(this.key('outbox'));
    else await this.storage.setItem(this.key('outbox'), JSON.stringify(messages));
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
