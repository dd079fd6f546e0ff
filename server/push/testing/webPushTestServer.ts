import { createECDH, createPublicKey, type ECDH, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { jwtVerify } from 'jose';
import type { PushTarget } from '../providers/types';
import { decryptWebPush } from './decryptWebPush';
import { readAll } from './readAll';
import { ScriptedHttpsServer } from './scriptedHttpsServer';

export type WebPushSubscription = Extract<PushTarget, { platform: 'web_push' }>;

export interface WebPushDelivery {
  endpoint: string;
  /** The body as the browser's service worker would read it, decrypted. */
  payload: string;
  ttl: number;
  topic: string | undefined;
  urgency: string | undefined;
  /** The application server key the VAPID header named (`k=`). */
  vapidPublicKey: string;
  /** The VAPID JWT's `sub`: the contact the push service would write to. */
  subject: string;
}

interface Subscriber {
  receiver: ECDH;
  authSecret: Buffer;
  unsubscribed: boolean;
}

/** A VAPID JWT may be valid for at most a day (RFC 8292). */
const MAX_VAPID_LIFETIME_SECONDS = 24 * 60 * 60;

/**
 * A browser push service look-alike over TLS, for tests and benchmarks. Its subscriptions are
 * real (P-256 keys and an auth secret, as a browser makes them); for every message it checks
 * the VAPID signature and decrypts the body with the subscription's private key, then records
 * what the service worker would receive.
 */
export class WebPushTestServer extends ScriptedHttpsServer {
  readonly deliveries: WebPushDelivery[] = [];
  /** Every VAPID token the server was shown, valid or not. */
  readonly vapidTokensSeen = new Set<string>();
  /** Tokens already verified, so verifying costs nothing per message. */
  private readonly verified = new Map<
    string,
    { vapidPublicKey: string; subject: string; expiresAt: number }
  >();
  private readonly subscribers = new Map<string, Subscriber>();
  private readonly now: () => number;

  constructor(options: { now?: () => number } = {}) {
    super();
    this.now = options.now ?? Date.now;
  }

  /** A subscription as a browser would hand it to the page after `pushManager.subscribe()`. */
  createSubscription(): WebPushSubscription {
    const receiver = createECDH('prime256v1');
    receiver.generateKeys();
    const authSecret = randomBytes(16);
    const id = randomUUID();
    this.subscribers.set(id, { receiver, authSecret, unsubscribed: false });
    return {
      platform: 'web_push',
      endpoint: `${this.baseUrl}/push/${id}`,
      keys: {
        p256dh: receiver.getPublicKey().toString('base64url'),
        auth: authSecret.toString('base64url'),
      },
    };
  }

  /** The user revoked the permission: the push service answers 410 Gone from now on. */
  unsubscribe(endpoint: string) {
    const subscriber = this.subscribers.get(endpoint.split('/').pop() ?? '');
    if (subscriber) subscriber.unsubscribed = true;
  }

  protected async handle(request: IncomingMessage, response: ServerResponse) {
    const body = await readAll(request);
    const match = /^\/push\/([0-9a-f-]+)$/.exec(request.url ?? '');
    const subscriber = match?.[1] ? this.subscribers.get(match[1]) : undefined;
    if (request.method !== 'POST' || !subscriber)
      return text(response, 404, 'No such subscription.');
    if (subscriber.unsubscribed) return text(response, 410, 'The subscription has expired.');

    const vapid = await this.checkVapid(request.headers.authorization);
    if (typeof vapid === 'string') return text(response, 403, vapid);
    if (request.headers['content-encoding'] !== 'aes128gcm') {
      return text(response, 415, 'Content-Encoding must be aes128gcm.');
    }
    const ttl = Number(request.headers.ttl);
    if (!/^\d+$/.test(String(request.headers.ttl))) return text(response, 400, 'TTL is required.');
    const topic = header(request, 'topic');
    if (topic !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(topic)) {
      return text(response, 400, 'Topic must be at most 32 URL-safe base64 characters.');
    }
    let payload: string;
    try {
      payload = decryptWebPush(body, subscriber.receiver, subscriber.authSecret).toString('utf8');
    } catch {
      return text(response, 400, 'The body could not be decrypted for this subscription.');
    }

    const scripted = this.takeScripted();
    if (scripted?.kind === 'drop') return request.socket.destroy();
    if (scripted?.kind === 'stall') return;
    if (scripted) {
      const retryAfter: Record<string, string> =
        scripted.retryAfter === undefined ? {} : { 'retry-after': String(scripted.retryAfter) };
      return text(response, scripted.status, scripted.reason ?? 'Scripted answer.', retryAfter);
    }
    this.deliveries.push({
      endpoint: `${this.baseUrl}${request.url}`,
      payload,
      ttl,
      topic,
      urgency: header(request, 'urgency'),
      ...vapid,
    });
    response.writeHead(201, { location: `${this.baseUrl}/message/${randomUUID()}` }).end();
  }

  /** The VAPID key and subject if the header is signed and addressed right, else what is wrong. */
  private async checkVapid(
    authorization: string | undefined,
  ): Promise<{ vapidPublicKey: string; subject: string } | string> {
    const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
    if (!match?.[1] || !match[2]) return 'Authorization must be "vapid t=<jwt>, k=<key>".';
    const [, jwt, vapidPublicKey] = match;
    this.vapidTokensSeen.add(jwt);
    const known = this.verified.get(`${jwt} ${vapidPublicKey}`);
    if (known) {
      if (this.now() >= known.expiresAt) return 'The VAPID token has expired.';
      return { vapidPublicKey: known.vapidPublicKey, subject: known.subject };
    }
    const point = Buffer.from(vapidPublicKey, 'base64url');
    if (point.length !== 65 || point[0] !== 4) return 'k is not an uncompressed P-256 key.';
    const key = createPublicKey({
      format: 'jwk',
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: point.subarray(1, 33).toString('base64url'),
        y: point.subarray(33).toString('base64url'),
      },
    });
    try {
      const { payload } = await jwtVerify(jwt, key, {
        algorithms: ['ES256'],
        audience: this.baseUrl,
        requiredClaims: ['exp', 'sub'],
        currentDate: new Date(this.now()),
      });
      if (Number(payload.exp) - this.now() / 1000 > MAX_VAPID_LIFETIME_SECONDS) {
        return 'The VAPID token is valid for more than 24 hours.';
      }
      if (!/^(mailto:|https:)/.test(String(payload.sub))) {
        return 'The VAPID sub must be a mailto: or https: contact.';
      }
      const verified = {
        vapidPublicKey,
        subject: String(payload.sub),
        expiresAt: Number(payload.exp) * 1000,
      };
      this.verified.set(`${jwt} ${vapidPublicKey}`, verified);
      return { vapidPublicKey, subject: verified.subject };
    } catch (error) {
      return `The VAPID token does not verify: ${error instanceof Error ? error.message : error}`;
    }
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function text(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(body);
}
