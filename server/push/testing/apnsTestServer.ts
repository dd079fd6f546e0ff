import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomUUID,
} from 'node:crypto';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import type { ApnsCredentials } from '../providers/types';
import { readAll } from './readAll';
import { ScriptedServer } from './responseScript';
import { testCertificate } from './testCertificate';

export interface ApnsNotification {
  token: string;
  /** Request headers, pseudo-headers left out. */
  headers: Record<string, string>;
  payload: {
    aps: { alert: { title: string; body: string }; sound?: string; 'thread-id'?: string };
    conversationId: string;
    seq: number;
  };
  /** When the request arrived (`performance.timeOrigin + performance.now()`, comparable across processes). */
  receivedAt: number;
}

interface Rejection {
  status: number;
  reason: string;
}

/** Apple refuses provider tokens older than an hour. */
const TOKEN_MAX_AGE_SECONDS = 3600;

/**
 * An APNs look-alike over HTTP/2 and TLS for tests and benchmarks. It holds a team's signing
 * key (`credentials` is what Parley would be given), verifies every request's provider token
 * and headers as Apple documents them, records what it accepts and answers at once.
 */
export class ApnsTestServer extends ScriptedServer {
  readonly bundleId = 'com.example.parley-test';
  readonly credentials: ApnsCredentials;
  readonly notifications: ApnsNotification[] = [];
  /** Every provider token the server was shown, valid or not. */
  readonly tokensSeen = new Set<string>();
  /** HTTP/2 connections clients opened. */
  sessionsOpened = 0;
  /** The most streams one connection had open at once. */
  peakConcurrentStreams = 0;
  private readonly publicKey: KeyObject;
  /** Tokens already verified, with their `iat`, so verifying costs nothing per notification. */
  private readonly verified = new Map<string, number>();
  private readonly openSessions = new Set<http2.ServerHttp2Session>();
  private readonly openStreams = new WeakMap<http2.Http2Session, number>();
  private server: http2.Http2SecureServer | undefined;
  private readonly now: () => number;
  private goAwayPending = false;

  /**
   * `credentials` lets a sandbox and a production server share one team key, as Apple's do;
   * by default the server makes a key of its own.
   */
  constructor(options: { now?: () => number; credentials?: ApnsCredentials } = {}) {
    super();
    this.now = options.now ?? Date.now;
    this.credentials = options.credentials ?? {
      teamId: 'TEAM123456',
      keyId: 'KEY1234567',
      privateKeyPem: generateKeyPairSync('ec', { namedCurve: 'P-256' })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
    };
    this.publicKey = createPublicKey(createPrivateKey(this.credentials.privateKeyPem));
  }

  /** Listens on a free port of 127.0.0.1; resolves to the base URL to give Parley. */
  async start(): Promise<string> {
    const { key, cert } = await testCertificate();
    // Like Apple: one stream at a time until a notification is accepted, then many.
    const server = http2.createSecureServer({ key, cert, settings: { maxConcurrentStreams: 1 } });
    server.on('session', (session) => {
      this.sessionsOpened += 1;
      this.openSessions.add(session);
      session.on('close', () => this.openSessions.delete(session));
    });
    server.on('stream', (stream, headers) => {
      const session = stream.session;
      if (session) {
        const open = (this.openStreams.get(session) ?? 0) + 1;
        this.openStreams.set(session, open);
        this.peakConcurrentStreams = Math.max(this.peakConcurrentStreams, open);
        stream.on('close', () =>
          this.openStreams.set(session, (this.openStreams.get(session) ?? 1) - 1),
        );
      }
      this.handle(stream, headers).catch(() =>
        stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR),
      );
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /**
   * Accepts the next notification but first tells its connection to go away, as Apple does
   * before maintenance: that notification still completes, later ones need a new connection.
   */
  goAwayOnNext() {
    this.goAwayPending = true;
  }

  async close() {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Clients keep their session open for reuse; closing the server must not wait for them.
      for (const session of this.openSessions) session.destroy();
    });
  }

  private async handle(stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders) {
    const body = await readAll(stream);
    const rejection =
      (await this.checkToken(headers)) ?? checkRequest(headers, this.bundleId, body);
    if (rejection) return answer(stream, rejection.status, { reason: rejection.reason });
    const scripted = this.takeScripted();
    if (scripted?.kind === 'drop') return stream.session?.destroy();
    if (scripted?.kind === 'stall') return;
    if (scripted) return answer(stream, scripted.status, scripted);
    this.notifications.push({
      token: decodeURIComponent(String(headers[':path']).slice('/3/device/'.length)),
      headers: plainHeaders(headers),
      payload: JSON.parse(body.toString('utf8')),
      receivedAt: performance.timeOrigin + performance.now(),
    });
    if (stream.session?.localSettings.maxConcurrentStreams === 1) {
      stream.session.settings({ maxConcurrentStreams: 1000 });
    }
    if (this.goAwayPending) {
      this.goAwayPending = false;
      stream.session?.goaway(http2.constants.NGHTTP2_NO_ERROR, stream.id);
    }
    answer(stream, 200, {});
  }

  private async checkToken(headers: http2.IncomingHttpHeaders): Promise<Rejection | null> {
    const authorization = String(headers.authorization ?? '');
    const match = /^bearer (\S+)$/.exec(authorization);
    if (!match?.[1]) return { status: 403, reason: 'MissingProviderToken' };
    const token = match[1];
    this.tokensSeen.add(token);
    let issuedAt = this.verified.get(token);
    if (issuedAt === undefined) {
      try {
        const { kid, alg } = decodeProtectedHeader(token);
        if (alg !== 'ES256' || kid !== this.credentials.keyId) throw new Error('wrong key');
        const { payload } = await jwtVerify(token, this.publicKey, {
          algorithms: ['ES256'],
          issuer: this.credentials.teamId,
          currentDate: new Date(this.now()),
        });
        if (typeof payload.iat !== 'number') throw new Error('no iat');
        issuedAt = payload.iat;
      } catch {
        return { status: 403, reason: 'InvalidProviderToken' };
      }
      this.verified.set(token, issuedAt);
    }
    if (this.now() / 1000 - issuedAt > TOKEN_MAX_AGE_SECONDS) {
      return { status: 403, reason: 'ExpiredProviderToken' };
    }
    return null;
  }
}

/** The checks Apple makes of a request before it looks at the device token's state. */
function checkRequest(
  headers: http2.IncomingHttpHeaders,
  bundleId: string,
  body: Buffer,
): Rejection | null {
  if (headers[':method'] !== 'POST') return { status: 405, reason: 'MethodNotAllowed' };
  const path = String(headers[':path']);
  if (!path.startsWith('/3/device/')) return { status: 404, reason: 'BadPath' };
  if (!/^[0-9a-f]{64,200}$/i.test(path.slice('/3/device/'.length))) {
    return { status: 400, reason: 'BadDeviceToken' };
  }
  if (!headers['apns-topic']) return { status: 400, reason: 'MissingTopic' };
  if (headers['apns-topic'] !== bundleId) return { status: 400, reason: 'DeviceTokenNotForTopic' };
  if (headers['apns-push-type'] !== 'alert') return { status: 400, reason: 'InvalidPushType' };
  if (!['5', '10'].includes(String(headers['apns-priority']))) {
    return { status: 400, reason: 'BadPriority' };
  }
  if (!/^\d+$/.test(String(headers['apns-expiration']))) {
    return { status: 400, reason: 'BadExpirationDate' };
  }
  const collapseId = headers['apns-collapse-id'];
  if (collapseId !== undefined && Buffer.byteLength(String(collapseId)) > 64) {
    return { status: 400, reason: 'BadCollapseId' };
  }
  if (body.length === 0) return { status: 400, reason: 'PayloadEmpty' };
  if (body.length > 4096) return { status: 413, reason: 'PayloadTooLarge' };
  if (!hasParleyShape(body)) return { status: 400, reason: 'BadPayload' };
  return null;
}

function hasParleyShape(body: Buffer): boolean {
  try {
    const payload = JSON.parse(body.toString('utf8'));
    const alert = payload?.aps?.alert;
    return (
      typeof alert?.title === 'string' &&
      typeof alert?.body === 'string' &&
      typeof payload.conversationId === 'string' &&
      Number.isInteger(payload.seq)
    );
  } catch {
    return false;
  }
}

function answer(
  stream: http2.ServerHttp2Stream,
  status: number,
  options: { reason?: string; retryAfter?: number | string },
) {
  if (stream.destroyed || stream.closed) return;
  stream.respond({
    ':status': status,
    'apns-id': randomUUID().toUpperCase(),
    ...(options.retryAfter === undefined ? {} : { 'retry-after': String(options.retryAfter) }),
    ...(status === 200 ? {} : { 'content-type': 'application/json' }),
  });
  stream.end(status === 200 ? undefined : JSON.stringify({ reason: options.reason ?? '' }));
}

function plainHeaders(headers: http2.IncomingHttpHeaders): Record<string, string> {
  const plain: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith(':') && value !== undefined) plain[name] = String(value);
  }
  return plain;
}
