/**
 * A unique id for one outgoing message, kept across retries and reloads. React Native has no
 * crypto.randomUUID, hence the fallback; uniqueness only matters within one conversation.
 */
export function newClientMessageId(): string {
  const cryptoApi = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (cryptoApi?.randomUUID) return cryptoApi.randomUUID();
  const random = () => Math.floor(Math.random() * 0x100000000).toString(36);
  return `${Date.now().toString(36)}-${random()}-${random()}-${random()}`;
}
