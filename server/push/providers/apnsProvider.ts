import http2 from 'node:http2';
import { importPKCS8, SignJWT } from 'jose';
import { apnsCollapseId } from './collapseIds';
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
 * Sends notifications to APNs over HTTP/2 with token authentication. One session per origin
 * carries every send as its own stream, as Apple asks; a session that is closed, errors or
 * receives GOAWAY is forgotten and the next send opens a fresh one.
 */
export function createApnsProvider(options: ApnsProviderOptions): ApnsProvider {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const sessions = new Map<string, http2.ClientHttp2Session>();
  const tokens = new Map<string, ProviderToken>();

  function sessionFor(origin: string): http2.ClientHttp2Session {
    const existing = sessions.get(origin);
    if (existing && !existing.closed && !existing.destroyed) return existing;
    const session = http2.connect(origin, options.ca ? { ca: options.ca } : {});
    const forget = () => {
      if (sessions.get(origin) === session) sessions.delete(origin);
    };
    session.on('goaway', forget);
    session.on('close', forget);
    // A failed session fails its streams, which report the error; this only keeps it from
    // being unhandled and from being reused.
    session.on('error', forget);
    sessions.set(origin, session);
    return session;
  }

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
      cached.jwt.then((current) => {
        if (current === jwt && tokens.get(cacheKey) === cached) tokens.delete(cacheKey);
      });
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
    const answer = await exchange(sessionFor(origin), target, jwt, message, timeoutMs);
    if (answer.status === 403 && answer.reason === 'ExpiredProviderToken') {
      dropToken(credentials, jwt);
    }
    return classifyApnsAnswer(answer, now());
  }

  async function close() {
    const open = [...sessions.values()];
    sessions.clear();
    await Promise.all(
      open.map((session) => new Promise<void>((resolve) => session.close(() => resolve()))),
    );
  }

  return { send, close };
}

async function signProviderToken(credentials: ApnsCredentials, issuedAt: number) {
  const key = await importPKCS8(credentials.privateKeyPem, 'ES256');
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid: credentials.keyId })
    .setIssuer(credentials.teamId)
    .setIssuedAt(Math.floor(issuedAt / 1000))
    .sign(key);
}

type ApnsAnswer =
  | { status: number; apnsId: string; reason: string; retryAfter: string | undefined }
  | { status: null; error: string };

function exchange(
  session: http2.ClientHttp2Session,
  target: ApnsTarget,
  jwt: string,
  message: PushMessage,
  timeoutMs: number,
): Promise<ApnsAnswer> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: ApnsAnswer) => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    let stream: http2.ClientHttp2Stream;
    try {
      stream = session.request(requestHeaders(target, jwt, message));
    } catch (error) {
      return finish({ status: null, error: errorText(error) });
    }
    stream.setTimeout(timeoutMs, () => {
      finish({ status: null, error: `no answer from APNs within ${timeoutMs} ms` });
      stream.close(http2.constants.NGHTTP2_CANCEL);
    });
    let headers: http2.IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    stream.on('response', (received) => {
      headers = received;
    });
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', (error) => finish({ status: null, error: errorText(error) }));
    stream.on('end', () => {
      const status = Number(headers[':status']);
      if (!status)
        return finish({ status: null, error: 'APNs closed the stream without answering' });
      finish({
        status,
        apnsId: String(headers['apns-id'] ?? ''),
        reason: reasonFrom(Buffer.concat(chunks).toString('utf8')),
        retryAfter: headerText(headers['retry-after']),
      });
    });
    stream.on('close', () => {
      const code = stream.rstCode ? ` (HTTP/2 error ${stream.rstCode})` : '';
      finish({ status: null, error: `the connection to APNs closed before an answer${code}` });
    });
    stream.end(JSON.stringify(apnsPayload(message)));
  });
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

function classifyApnsAnswer(answer: ApnsAnswer, now: number): SendResult {
  if (answer.status === null) return { outcome: 'retry', status: null, answer: answer.error };
  const { status, reason } = answer;
  if (status === 200) return { outcome: 'sent', status, answer: answer.apnsId };
  const text = reason || `HTTP ${status}`;
  if (status === 410 || (status === 400 && DEAD_TOKEN_REASONS.has(reason))) {
    return { outcome: 'dead', status, answer: text };
  }
  if (status === 429 || status >= 500 || reason === 'ExpiredProviderToken') {
    const retryAfterMs = parseRetryAfter(answer.retryAfter, now);
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

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
