import { createHash } from 'node:crypto';

const MAX_APNS_COLLAPSE_ID_BYTES = 64;
const WEB_PUSH_TOPIC = /^[A-Za-z0-9_-]{1,32}$/;

/** Apple caps `apns-collapse-id` at 64 bytes; a longer key is hashed so distinct keys stay apart. */
export function apnsCollapseId(collapseKey: string): string {
  if (Buffer.byteLength(collapseKey) <= MAX_APNS_COLLAPSE_ID_BYTES) return collapseKey;
  return createHash('sha256').update(collapseKey).digest('hex');
}

/**
 * A Web Push `Topic` is at most 32 characters of the URL-safe base64 alphabet (RFC 8030); a key
 * that is not is hashed into one, so replies to one conversation still replace each other.
 */
export function webPushTopic(collapseKey: string): string {
  if (WEB_PUSH_TOPIC.test(collapseKey)) return collapseKey;
  return createHash('sha256').update(collapseKey).digest('base64url').slice(0, 32);
}
