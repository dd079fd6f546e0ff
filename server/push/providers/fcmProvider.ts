import https from 'node:https';
import { importPKCS8, SignJWT } from 'jose';
import { apnsCollapseId } from './collapseIds';
import { type HttpsAnswer, postHttps } from './postHttps';
import { parseRetryAfter } from './retryAfter';
import type { FcmCredentials, PushMessage, PushTarget, SendResult } from './types';

export type FcmTarget = Extract<PushTarget, { platform: 'fcm' }>;

export interface FcmProviderOptions {
  fcmUrl: string;
  tokenUrl: string;
  /** Certificates to trust instead of the system's (tests' own servers). */
  ca?: string | Buffer;
  timeoutMs?: number;
  now?: () => number;
}

export interface FcmProvider {
  send(target: FcmTarget, credentials: FcmCredentials, message: PushMessage): Promise<SendResult>;
  close(): void;
}

const SCOPE = 'https://www.googleapis.com/auth/firebase.messaging';
const GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** A token is replaced this long before Google says it expires, so none expires in flight. */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

interface CachedToken {
  privateKeyPem: string;
  accessToken: Promise<string>;
  /** Infinity while the exchange is in flight: every send waits for that one. */
  expiresAt: number;
}

/** The token endpoint's answer, already in the terms of the send that needed it. */
class TokenFailure extends Error {
  constructor(readonly result: SendResult) {
    super(result.answer);
  }
}

/**
 * Sends through FCM's HTTP v1 API. The OAuth access token comes from the service account's
 * JWT bearer grant and is cached per account until shortly before it expires; sends that need
 * one while it is being fetched share that single exchange.
 */
export function createFcmProvider(options: FcmProviderOptions): FcmProvider {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const agent = new https.Agent({
    keepAlive: true,
    maxSockets: 64,
    ...(options.ca ? { ca: options.ca } : {}),
  });
  const tokens = new Map<string, CachedToken>();

  function accessToken(credentials: FcmCredentials): Promise<string> {
    const cached = tokens.get(credentials.clientEmail);
    if (
      cached &&
      cached.privateKeyPem === credentials.privateKeyPem &&
      now() < cached.expiresAt - EXPIRY_MARGIN_MS
    ) {
      return cached.accessToken;
    }
    const entry: CachedToken = {
      privateKeyPem: credentials.privateKeyPem,
      accessToken: Promise.resolve(''),
      expiresAt: Number.POSITIVE_INFINITY,
    };
    entry.accessToken = exchangeAssertion(credentials).then(
      ({ token, expiresInSeconds }) => {
        entry.expiresAt = now() + expiresInSeconds * 1000;
        return token;
      },
      (error: unknown) => {
        if (tokens.get(credentials.clientEmail) === entry) tokens.delete(credentials.clientEmail);
        throw error;
      },
    );
    tokens.set(credentials.clientEmail, entry);
    return entry.accessToken;
  }

  /** Forgets a token the server refused, unless another send already replaced it. */
  function dropToken(credentials: FcmCredentials, token: string) {
    const cached = tokens.get(credentials.clientEmail);
    if (!cached) return;
    cached.accessToken.then(
      (current) => {
        if (current === token && tokens.get(credentials.clientEmail) === cached) {
          tokens.delete(credentials.clientEmail);
        }
      },
      () => {},
    );
  }

  async function exchangeAssertion(credentials: FcmCredentials) {
    let assertion: string;
    try {
      assertion = await signAssertion(credentials, options.tokenUrl, now());
    } catch (error) {
      throw new TokenFailure({
        outcome: 'rejected',
        status: null,
        answer: `The FCM service-account key could not sign: ${errorText(error)}`,
      });
    }
    let answer: HttpsAnswer;
    try {
      answer = await postHttps(options.tokenUrl, {
        agent,
        timeoutMs,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: GRANT_TYPE, assertion }).toString(),
      });
    } catch (error) {
      throw new TokenFailure({
        outcome: 'retry',
        status: null,
        answer: `Could not reach the OAuth token endpoint: ${errorText(error)}`,
      });
    }
    const body = parseJson(answer.body) as {
      access_token?: unknown;
      expires_in?: unknown;
      error?: unknown;
      error_description?: unknown;
    };
    if (answer.status === 200 && typeof body.access_token === 'string') {
      const expiresIn = Number(body.expires_in);
      return {
        token: body.access_token,
        expiresInSeconds: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600,
      };
    }
    const detail = [body.error, body.error_description].filter(Boolean).join(': ');
    const text = `The OAuth token endpoint refused the service account (${answer.status}${detail ? ` ${detail}` : ''})`;
    const temporary = answer.status === 429 || answer.status >= 500;
    throw new TokenFailure(
      temporary
        ? withRetryAfter(
            { outcome: 'retry', status: answer.status, answer: text },
            answer.headers['retry-after'],
            now(),
          )
        : { outcome: 'rejected', status: answer.status, answer: text },
    );
  }

  async function send(
    target: FcmTarget,
    credentials: FcmCredentials,
    message: PushMessage,
  ): Promise<SendResult> {
    let token: string;
    try {
      token = await accessToken(credentials);
    } catch (error) {
      if (error instanceof TokenFailure) return error.result;
      throw error;
    }
    const url = `${options.fcmUrl}/v1/projects/${encodeURIComponent(credentials.projectId)}/messages:send`;
    let answer: HttpsAnswer;
    try {
      answer = await postHttps(url, {
        agent,
        timeoutMs,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(fcmRequestBody(target, message, now())),
      });
    } catch (error) {
      return { outcome: 'retry', status: null, answer: `FCM: ${errorText(error)}` };
    }
    if (answer.status === 401) dropToken(credentials, token);
    return classifyFcmAnswer(answer, now());
  }

  return { send, close: () => agent.destroy() };
}

async function signAssertion(credentials: FcmCredentials, tokenUrl: string, now: number) {
  const key = await importPKCS8(credentials.privateKeyPem, 'RS256');
  const issuedAt = Math.floor(now / 1000);
  return new SignJWT({ scope: SCOPE })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer(credentials.clientEmail)
    .setAudience(tokenUrl)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + 3600)
    .sign(key);
}

export function fcmRequestBody(target: FcmTarget, message: PushMessage, now: number) {
  const ttlSeconds = Math.max(0, Math.floor((message.expiresAt.getTime() - now) / 1000));
  return {
    message: {
      token: target.token,
      notification: { title: message.title, body: message.body },
      data: { conversationId: message.data.conversationId, seq: String(message.data.seq) },
      android: { collapse_key: message.collapseKey, priority: 'HIGH', ttl: `${ttlSeconds}s` },
      apns: { headers: { 'apns-collapse-id': apnsCollapseId(message.collapseKey) } },
    },
  };
}

interface FcmErrorBody {
  name?: unknown;
  error?: { status?: unknown; message?: unknown; details?: Array<{ errorCode?: unknown }> };
}

function classifyFcmAnswer(answer: HttpsAnswer, now: number): SendResult {
  const body = parseJson(answer.body) as FcmErrorBody;
  const { status } = answer;
  if (status === 200) {
    return { outcome: 'sent', status, answer: typeof body.name === 'string' ? body.name : '' };
  }
  const details = Array.isArray(body.error?.details) ? body.error.details : [];
  const errorCode = details.find((detail) => typeof detail?.errorCode === 'string')?.errorCode as
    | string
    | undefined;
  const text =
    [errorCode ?? body.error?.status, body.error?.message].filter(Boolean).join(': ') ||
    `HTTP ${status}`;
  if (status === 404 || errorCode === 'UNREGISTERED') {
    return { outcome: 'dead', status, answer: text };
  }
  if (status === 401 || status === 429 || status >= 500) {
    return withRetryAfter(
      { outcome: 'retry', status, answer: text },
      answer.headers['retry-after'],
      now,
    );
  }
  return { outcome: 'rejected', status, answer: text };
}

function withRetryAfter(
  result: Extract<SendResult, { outcome: 'retry' }>,
  header: string | string[] | undefined,
  now: number,
): SendResult {
  const retryAfterMs = parseRetryAfter(header, now);
  return retryAfterMs === undefined ? result : { ...result, retryAfterMs };
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
