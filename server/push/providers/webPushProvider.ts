import webpush from 'web-push';
import { ActionError } from '../../../bot-runtime/actions/actionError';
import type { OutboundResponse } from '../../../bot-runtime/actions/types';
import { createGuardedFetch } from '../../bots/runtimeServices/guardedFetch';
import { webPushTopic } from './collapseIds';
import { parseRetryAfter } from './retryAfter';
import type { PushMessage, PushTarget, SendResult, VapidCredentials } from './types';
import { createVapidAuthorization } from './vapidAuthorization';

export type WebPushTarget = Extract<PushTarget, { platform: 'web_push' }>;

export interface WebPushProviderOptions {
  /** Origins of on-premises push services that may be on private addresses. */
  trustedOrigins: readonly string[];
  /** Certificates to trust instead of the system's (tests' own servers). */
  ca?: string | Buffer;
  timeoutMs?: number;
  now?: () => number;
}

export interface WebPushProvider {
  send(
    target: WebPushTarget,
    credentials: VapidCredentials,
    message: PushMessage,
  ): Promise<SendResult>;
}

/** Errors that mean Parley will never call this endpoint, as the installation is set up. */
const REFUSED_ENDPOINT_CODES = new Set(['OUTBOUND_ADDRESS_BLOCKED', 'OUTBOUND_INVALID_URL']);

/**
 * Sends Web Push messages: `web-push` encrypts the payload (RFC 8291, aes128gcm) and signs the
 * VAPID header (RFC 8292), which is reused per push service for an hour; the request itself goes through the same SSRF guard as a bot's outbound calls,
 * because the endpoint is whatever the customer's browser registered.
 */
export function createWebPushProvider(options: WebPushProviderOptions): WebPushProvider {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const vapidAuthorization = createVapidAuthorization(now);
  const guardedFetch = createGuardedFetch({
    trustedOrigins: options.trustedOrigins,
    defaultTimeoutMs: timeoutMs,
    maxTimeoutMs: timeoutMs,
    maxResponseBytes: 64 * 1024,
    ...(options.ca ? { ca: options.ca } : {}),
  });

  async function send(
    target: WebPushTarget,
    credentials: VapidCredentials,
    message: PushMessage,
  ): Promise<SendResult> {
    let details: webpush.RequestDetails & { body: Buffer };
    try {
      details = webpush.generateRequestDetails(
        { endpoint: target.endpoint, keys: target.keys },
        JSON.stringify(webPushPayload(message)),
        {
          headers: { Authorization: vapidAuthorization(target.endpoint, credentials) },
          TTL: Math.max(0, Math.floor((message.expiresAt.getTime() - now()) / 1000)),
          topic: webPushTopic(message.collapseKey),
          urgency: 'high',
          contentEncoding: 'aes128gcm',
        },
      );
    } catch (error) {
      return {
        outcome: 'rejected',
        status: null,
        answer: `The message could not be encrypted or signed: ${errorText(error)}`,
      };
    }
    let response: OutboundResponse;
    try {
      response = await guardedFetch({
        method: 'POST',
        url: details.endpoint,
        headers: stringHeaders(details.headers),
        body: details.body,
      });
    } catch (error) {
      if (error instanceof ActionError && REFUSED_ENDPOINT_CODES.has(error.code)) {
        return { outcome: 'rejected', status: null, answer: error.message };
      }
      return { outcome: 'retry', status: null, answer: errorText(error) };
    }
    return classifyWebPushAnswer(response, now());
  }

  return { send };
}

export function webPushPayload(message: PushMessage) {
  return {
    title: message.title,
    body: message.body,
    conversationId: message.data.conversationId,
    seq: message.data.seq,
  };
}

function classifyWebPushAnswer(response: OutboundResponse, now: number): SendResult {
  const { status } = response;
  if (status === 200 || status === 201 || status === 202) {
    return { outcome: 'sent', status, answer: response.headers.location ?? '' };
  }
  const text = response.body.trim().slice(0, 300) || `HTTP ${status}`;
  if (status === 404 || status === 410) return { outcome: 'dead', status, answer: text };
  if (status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now);
    return {
      outcome: 'retry',
      status,
      answer: text,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  }
  return { outcome: 'rejected', status, answer: text };
}

function stringHeaders(headers: webpush.Headers): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
