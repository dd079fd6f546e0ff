import { generateKeyPairSync, type KeyObject, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { jwtVerify } from 'jose';
import type { FcmCredentials } from '../providers/types';
import { readAll } from './readAll';
import { ScriptedHttpsServer } from './scriptedHttpsServer';

export interface FcmMessage {
  token: string;
  notification: { title: string; body: string };
  data: Record<string, string>;
  android?: { collapse_key?: string; priority?: string; ttl?: string };
  apns?: { headers?: Record<string, string> };
}

const SCOPE = 'https://www.googleapis.com/auth/firebase.messaging';
const GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/**
 * An FCM HTTP v1 look-alike over TLS, with its OAuth token endpoint at `/token`, for tests and
 * benchmarks. It owns a service account (`credentials` is what Parley would be given), checks
 * the JWT bearer grant and each message's shape, records what it accepts and answers at once.
 */
export class FcmTestServer extends ScriptedHttpsServer {
  readonly credentials: FcmCredentials;
  readonly messages: FcmMessage[] = [];
  /** Grants the token endpoint answered with a token. */
  tokenExchanges = 0;
  /** Seconds an access token lives, as `expires_in` says. */
  tokenLifetimeSeconds = 3599;
  private readonly publicKey: KeyObject;
  private readonly accessTokens = new Map<string, number>();
  private readonly now: () => number;

  constructor(options: { now?: () => number } = {}) {
    super();
    this.now = options.now ?? Date.now;
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.publicKey = publicKey;
    this.credentials = {
      projectId: 'parley-test',
      clientEmail: 'firebase-adminsdk@parley-test.iam.gserviceaccount.com',
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
  }

  /** Where Parley's `PUSH_FCM_TOKEN_URL` should point. */
  get tokenUrl(): string {
    return `${this.baseUrl}/token`;
  }

  /** The service account as Firebase's console downloads it. */
  serviceAccountJson(): string {
    return JSON.stringify({
      type: 'service_account',
      project_id: this.credentials.projectId,
      private_key_id: 'test-key',
      private_key: this.credentials.privateKeyPem,
      client_email: this.credentials.clientEmail,
      token_uri: this.tokenUrl,
    });
  }

  /** Makes every access token handed out so far invalid, as a revoked key would. */
  revokeTokens() {
    this.accessTokens.clear();
  }

  protected async handle(request: IncomingMessage, response: ServerResponse) {
    const body = (await readAll(request)).toString('utf8');
    const path = request.url ?? '';
    if (request.method === 'POST' && path === '/token') {
      return this.grant(request, body, response);
    }
    const send = /^\/v1\/projects\/([^/]+)\/messages:send$/.exec(path);
    if (request.method !== 'POST' || !send) {
      return fcmError(response, 404, 'NOT_FOUND', `No such method: ${request.method} ${path}`);
    }
    const expiresAt = this.accessTokens.get(
      String(request.headers.authorization).replace(/^Bearer /, ''),
    );
    if (expiresAt === undefined || this.now() >= expiresAt) {
      return fcmError(response, 401, 'UNAUTHENTICATED', 'Request had invalid authentication.');
    }
    if (decodeURIComponent(send[1] ?? '') !== this.credentials.projectId) {
      return fcmError(response, 403, 'PERMISSION_DENIED', 'The caller lacks permission.');
    }
    const message = parseMessage(body);
    if (typeof message === 'string') return fcmError(response, 400, 'INVALID_ARGUMENT', message);
    const scripted = this.takeScripted();
    if (scripted?.kind === 'drop') return request.socket.destroy();
    if (scripted?.kind === 'stall') return;
    if (scripted) {
      return fcmError(response, scripted.status, statusName(scripted.status), 'Scripted answer.', {
        errorCode: scripted.reason,
        retryAfter: scripted.retryAfter,
      });
    }
    this.messages.push(message);
    json(response, 200, {
      name: `projects/${this.credentials.projectId}/messages/${randomUUID()}`,
    });
  }

  private async grant(request: IncomingMessage, body: string, response: ServerResponse) {
    const form = new URLSearchParams(body);
    if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
      return json(response, 400, { error: 'invalid_request', error_description: 'Not a form.' });
    }
    if (form.get('grant_type') !== GRANT_TYPE) {
      return json(response, 400, { error: 'unsupported_grant_type' });
    }
    try {
      const { payload } = await jwtVerify(form.get('assertion') ?? '', this.publicKey, {
        algorithms: ['RS256'],
        issuer: this.credentials.clientEmail,
        audience: this.tokenUrl,
        currentDate: new Date(this.now()),
      });
      const lifetime = Number(payload.exp) - Number(payload.iat);
      if (!(lifetime > 0 && lifetime <= 3600)) throw new Error('lifetime over an hour');
      if (!String(payload.scope).split(' ').includes(SCOPE)) throw new Error('scope missing');
    } catch (error) {
      return json(response, 400, {
        error: 'invalid_grant',
        error_description: `Invalid JWT: ${error instanceof Error ? error.message : error}`,
      });
    }
    const accessToken = `ya29.test-${randomBytes(24).toString('base64url')}`;
    this.accessTokens.set(accessToken, this.now() + this.tokenLifetimeSeconds * 1000);
    this.tokenExchanges += 1;
    json(response, 200, {
      access_token: accessToken,
      expires_in: this.tokenLifetimeSeconds,
      token_type: 'Bearer',
    });
  }
}

/** The message if it has the shape Parley sends, or what is wrong with it. */
function parseMessage(body: string): FcmMessage | string {
  let message: FcmMessage;
  try {
    message = JSON.parse(body).message;
  } catch {
    return 'The body is not JSON.';
  }
  if (!message || typeof message.token !== 'string' || message.token === '') {
    return 'message.token is required.';
  }
  if (
    typeof message.notification?.title !== 'string' ||
    typeof message.notification?.body !== 'string'
  ) {
    return 'message.notification needs a title and a body.';
  }
  const data = message.data ?? {};
  if (Object.values(data).some((value) => typeof value !== 'string')) {
    return 'message.data values must be strings.';
  }
  const android = message.android ?? {};
  if (android.priority !== undefined && !['HIGH', 'NORMAL'].includes(android.priority)) {
    return 'message.android.priority must be HIGH or NORMAL.';
  }
  if (android.ttl !== undefined && !/^\d+(\.\d{1,9})?s$/.test(android.ttl)) {
    return 'message.android.ttl must be a duration such as "3600s".';
  }
  if (Object.values(message.apns?.headers ?? {}).some((value) => typeof value !== 'string')) {
    return 'message.apns.headers values must be strings.';
  }
  return message;
}

function statusName(status: number): string {
  const names: Record<number, string> = {
    400: 'INVALID_ARGUMENT',
    401: 'UNAUTHENTICATED',
    403: 'PERMISSION_DENIED',
    404: 'NOT_FOUND',
    429: 'RESOURCE_EXHAUSTED',
    500: 'INTERNAL',
    503: 'UNAVAILABLE',
  };
  return names[status] ?? 'UNKNOWN';
}

function fcmError(
  response: ServerResponse,
  status: number,
  statusText: string,
  message: string,
  options: { errorCode?: string; retryAfter?: number | string } = {},
) {
  const details = options.errorCode
    ? [
        {
          '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError',
          errorCode: options.errorCode,
        },
      ]
    : [];
  json(
    response,
    status,
    { error: { code: status, message, status: statusText, details } },
    options.retryAfter === undefined ? {} : { 'retry-after': String(options.retryAfter) },
  );
}

function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}
