import type http2 from 'node:http2';
import { importPKCS8, SignJWT } from 'jose';
import { apnsCollapseId } from './collapseIds';
import { createHttp2Client, type Http2Answer } from './http2Client';
import { parseRetryAfter } from './retryAfter';
import type { ApnsCredentials, PushMessage, PushTarget, SendResult } from './types';

export type ApnsTarget = Extract<PushTarget, { platform: 'apns' }>;

export interface ApnsProviderOptions {
  productionUrl: string;
  sandboxUrl: string;
  /** Certificates to trust instead of the system's (tests' own servers). */
  ca?: string | Buffer;
  /** How long one notification may take, from opening its stream to Apple's answer. */
  timeoutMs?: number;
  now?: () => number;
}

export interface ApnsProvider {
  send(target: ApnsTarget, credentials: ApnsCredentials, message: PushMessage): Promise<SendResult>;
  /** Closes every connection; sends still in flight finish first. */
  close(): Promise<void>;
}

/**
 * Apple allows a provider token to be renewed at most every 20 minutes and refuses one older
 * than an hour, so each is used for 50 minutes.
 */
const TOKEN_LIFETIME_MS = 50 * 60 * 1000;
/** Reasons for which Apple will never deliver to this token again. */
const DEAD_TOKEN_REASONS = new Set(['BadDeviceToken', 'DeviceTokenNotForTopic', 'Unregistered']);

interface ProviderToken {
  privateKeyPem: string;
  issuedAt: number;
  jwt: Promise<string>;
}

/**
 * Sends notifications to APNs over HTTP/2 with token authentication: one connection per
 * origin (production or sandbox) carries every send as its own stream, as Apple asks.
 */
export function createApnsProvider(options: ApnsProviderOptions): ApnsProvider {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const client = createHttp2Client(options.ca ? { ca: options.ca } : {});
  const tokens = new Map<string, ProviderToken>();

  function providerToken(credentials: ApnsCredentials): Promise<string> {
    const cacheKey = `${credentials.teamId}:${credentials.keyId}`;
    const cached = tokens.get(cacheKey);
    if (
      cached &&
      cached.privateKeyPem === credentials.privateKeyPem &&
      now() - cached.issuedAt < TOKEN_LIFETIME_MS
    ) {
      return cached.jwt;
    }
    const issuedAt = now();
    const jwt = signProviderToken(credentials, issuedAt);
    const entry = { privateKeyPem: credentials.privateKeyPem, issuedAt, jwt };
    tokens.set(cacheKey, entry);
    jwt.catch(() => {
      if (tokens.get(cacheKey) === entry) tokens.delete(cacheKey);
    });
    return jwt;
  }

  /** Renews once per expired token, however many sends saw it expire at the same time. */
  function dropToken(credentials: ApnsCredentials, jwt: string) {
    const cacheKey = `${credentials.teamId}:${credentials.keyId}`;
    const cached = tokens.get(cacheKey);
    if (cached) {
      cached.jwt.then(
        (current) => {
          if (current === jwt && tokens.get(cacheKey) === cached) tokens.delete(cacheKey);
        },
        () => {},
      );
    }
  }

  async function send(
    target: ApnsTarget,
    credentials: ApnsCredentials,
    message: PushMessage,
  ): Promise<SendResult> {
    let jwt: string;
    try {
      jwt = await providerToken(credentials);
    } catch (error) {
      return {
        outcome: 'rejected',
        status: null,
        answer: `The APNs key could not sign a token: ${errorText(error)}`,
      };
    }
    const origin = target.environment === 'sandbox' ? options.sandboxUrl : options.productionUrl;
    const answer = await client.request(
      origin,
      requestHeaders(target, jwt, message),
      JSON.stringify(apnsPayload(message)),
      timeoutMs,
    );
    const result = classifyApnsAnswer(answer, now());
    if (result.status === 403 && result.answer === 'ExpiredProviderToken') {
      dropToken(credentials, jwt);
    }
    return result;
  }

  return { send, close: client.close };
}

async function signProviderToken(credentials: ApnsCredentials, issuedAt: number) {
  const key = await importPKCS8(credentials.privateKeyPem, 'ES256');
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid: credentials.keyId })
    .setIssuer(credentials.teamId)
    .setIssuedAt(Math.floor(issuedAt / 1000))
    .sign(key);
}

function requestHeaders(
  target: ApnsTarget,
  jwt: string,
  message: PushMessage,
): http2.OutgoingHttpHeaders {
  return {
    ':method': 'POST',
    ':path': `/3/device/${encodeURIComponent(target.token)}`,
    authorization: `bearer ${jwt}`,
    'content-type': 'application/json',
    'apns-topic': target.bundleId,
    'apns-push-type': 'alert',
    'apns-priority': '10',
    'apns-collapse-id': apnsCollapseId(message.collapseKey),
    'apns-expiration': String(Math.max(0, Math.floor(message.expiresAt.getTime() / 1000))),
  };
}

export function apnsPayload(message: PushMessage) {
  return {
    aps: {
      alert: { title: message.title, body: message.body },
      sound: 'default',
      'thread-id': message.collapseKey,
    },
    conversationId: message.data.conversationId,
    seq: message.data.seq,
  };
}

function classifyApnsAnswer(answer: Http2Answer, now: number): SendResult {
  if (answer.status === null) {
    return { outcome: 'retry', status: null, answer: `APNs: ${answer.error}` };
  }
  const { status } = answer;
  if (status === 200) {
    return { outcome: 'sent', status, answer: String(answer.headers['apns-id'] ?? '') };
  }
  const reason = reasonFrom(answer.body);
  const text = reason || `HTTP ${status}`;
  if (status === 410 || (status === 400 && DEAD_TOKEN_REASONS.has(reason))) {
    return { outcome: 'dead', status, answer: text };
  }
  if (status === 429 || status >= 500 || reason === 'ExpiredProviderToken') {
    const retryAfterMs = parseRetryAfter(answer.headers['retry-after'], now);
    return {
      outcome: 'retry',
      status,
      answer: text,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  }
  return { outcome: 'rejected', status, answer: text };
}

function reasonFrom(body: string): string {
  try {
    const parsed = JSON.parse(body) as { reason?: unknown };
    return typeof parsed.reason === 'string' ? parsed.reason : '';
  } catch {
    return '';
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
