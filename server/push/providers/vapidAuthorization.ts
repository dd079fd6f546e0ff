import webpush from 'web-push';
import type { VapidCredentials } from './types';

/** How long one VAPID token is offered; push services accept it for up to 24 hours. */
const TOKEN_VALIDITY_SECONDS = 12 * 60 * 60;
/** Reused for an hour, so a token in use always has hours left. */
const REUSE_MS = 60 * 60 * 1000;
/** Push services are a handful of origins; this only bounds a pathological spread. */
const MAX_ENTRIES = 1_000;

/**
 * VAPID `Authorization` headers, one per push-service origin and key, reused for an hour:
 * signing one per message cost about as much as encrypting the message.
 */
export function createVapidAuthorization(now: () => number) {
  const cache = new Map<string, { header: string; signedAt: number }>();
  return (endpoint: string, credentials: VapidCredentials): string => {
    const audience = new URL(endpoint).origin;
    const key = `${audience} ${credentials.subject} ${credentials.publicKey} ${credentials.privateKey}`;
    const cached = cache.get(key);
    if (cached && now() - cached.signedAt < REUSE_MS) return cached.header;
    const signedAt = now();
    const { Authorization: header } = webpush.getVapidHeaders(
      audience,
      credentials.subject,
      credentials.publicKey,
      credentials.privateKey,
      'aes128gcm',
      Math.floor(signedAt / 1000) + TOKEN_VALIDITY_SECONDS,
    );
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, { header, signedAt });
    return header;
  };
}
