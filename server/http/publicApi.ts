import type { IncomingMessage, ServerResponse } from 'node:http';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  csatBody,
  listEntriesQuery,
  pushRegistrationBody,
  readBody,
  refreshTokenBody,
  revokePushTokenBody,
  sendMessageBody,
  startConversationBody,
  typingBody,
} from '../../contract/conversations';
import type { Db } from '../db/client';
import { deployments } from '../db/schema';
import { prechatFormOf } from '../deployments/prechatFields';
import type { AccessTokens, ConversationClaims } from '../messaging/accessTokens';
import type { ConversationLifecycle } from '../messaging/conversationLifecycle';
import type { CustomerEntries } from '../messaging/customerEntries';
import type { EventHub } from '../messaging/eventHub';
import { loadOwnSession } from '../messaging/loadSession';
import { MessagingError, type MessagingErrorCode } from '../messaging/messagingErrors';
import { registerPush, revokePushToken, unregisterPush } from '../push/pushRegistrations';
import { publicPushConfig } from '../push/pushSettings';
import { createAllowedOrigins } from './allowedOrigins';
import { applyCors } from './cors';
import { decodePathSegment } from './decodePathSegment';
import { streamEntries } from './entryStream';
import { checkHealth } from './health';
import { HttpError } from './httpError';
import { buildOpenApiDocument } from './openApiDocument';
import { ApiRateLimits, type RateLimitSettings } from './rateLimits';
import { parseJsonBody, readRequestBody } from './readJsonBody';
import { sendError, sendInternalError, sendJson } from './respond';
import { waitForEntry } from './waitForEntry';

export interface PublicApiDependencies {
  db: Db;
  hub: EventHub;
  tokens: AccessTokens;
  conversations: ConversationLifecycle;
  entries: CustomerEntries;
  version: string;
  /** Parley's own origin, always allowed for browser calls. */
  publicUrl: string;
  rateLimits: RateLimitSettings;
  maxBodyBytes?: number;
  sseHeartbeatMs?: number;
}

interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  params: string[];
  query: URLSearchParams;
  /** The whole body, read before routing so that no answer leaves it unread on the socket. */
  body: Buffer;
}

type Handler = (ctx: RequestContext) => Promise<void> | void;

const REFRESH_GRACE_SECONDS = 30 * 24 * 60 * 60;

const STATUS_FOR: Record<MessagingErrorCode, number> = {
  IDENTITY_REQUIRED: 401,
  IDENTITY_TOKEN_INVALID: 401,
  IDENTITY_TOKEN_EXPIRED: 401,
  IDENTITY_TOKEN_NOT_YET_VALID: 401,
  IDENTITY_TOKEN_WRONG_AUDIENCE: 401,
  IDENTITY_TOKEN_ALGORITHM: 401,
  DEPLOYMENT_NOT_FOUND: 404,
  CONVERSATION_NOT_FOUND: 404,
  PUSH_REGISTRATION_NOT_FOUND: 404,
  CONVERSATION_ENDED: 409,
  CSAT_ALREADY_GIVEN: 409,
  VERIFIED_IDENTITY_REQUIRED: 403,
  IDENTITY_MISMATCH: 403,
  PRECHAT_INVALID: 400,
};

/** The public API for apps and the SDK: thin handlers over the parts of a conversation. */
export function createPublicApi(deps: PublicApiDependencies) {
  const limits = new ApiRateLimits(deps.rateLimits);
  const maxBody = deps.maxBodyBytes ?? 64 * 1024;
  const ownOrigin = new URL(deps.publicUrl).origin;
  const allowedOrigins = createAllowedOrigins(deps.db);
  const deploymentIdByPublicId = deps.db
    .select({ id: deployments.id })
    .from(deployments)
    .where(eq(deployments.publicId, sql.placeholder('publicId')))
    .prepare();
  let openApi: unknown;

  async function authorize(
    ctx: RequestContext,
    conversationId?: string,
    expiredGraceSeconds = 0,
  ): Promise<ConversationClaims> {
    const header = ctx.req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : ctx.query.get('access_token');
    if (!token) {
      throw new HttpError(
        401,
        'ACCESS_TOKEN_REQUIRED',
        'Send the conversation access token as a Bearer token.',
      );
    }
    const claims = await deps.tokens.verify(token, expiredGraceSeconds);
    if (!claims) {
      throw new HttpError(
        401,
        'ACCESS_TOKEN_INVALID',
        'The access token is invalid or has expired; refresh it.',
      );
    }
    // A token opens one conversation; any other id looks exactly like a missing one.
    if (conversationId && claims.conversationId !== conversationId) {
      throw new MessagingError('CONVERSATION_NOT_FOUND', 'No such conversation.');
    }
    await limits.check(claims.deploymentId, claims.conversationId);
    return claims;
  }

  const body = <T extends z.ZodType>(ctx: RequestContext, schema: T) =>
    parseJsonBody(ctx.req, ctx.body, schema);

  const routes: {
    method: string;
    pattern: RegExp;
    handler: Handler;
    origins?: (params: string[]) => string[] | null;
  }[] = [
    {
      method: 'GET',
      pattern: /^\/api\/v1\/health$/,
      handler: ({ res }) => {
        const report = checkHealth(deps.db, deps.version);
        sendJson(res, report.status === 'ok' ? 200 : 503, report);
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/v1\/openapi\.json$/,
      handler: ({ res }) => {
        openApi ??= buildOpenApiDocument(deps.version);
        sendJson(res, 200, openApi);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/v1\/deployments\/([^/]+)\/conversations$/,
      origins: ([publicId]) => allowedOrigins.ofDeployment(publicId ?? ''),
      handler: async (ctx) => {
        const publicId = ctx.params[0] ?? '';
        const deployment = deploymentIdByPublicId.get({ publicId });
        if (deployment) await limits.check(deployment.id);
        const input = body(ctx, startConversationBody);
        const { resumed, ...started } = await deps.conversations.start({
          deploymentPublicId: publicId,
          ...input,
        });
        sendJson(ctx.res, resumed ? 200 : 201, { ...started, resumed });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/v1\/deployments\/([^/]+)\/prechat$/,
      origins: ([publicId]) => allowedOrigins.ofDeployment(publicId ?? ''),
      handler: async (ctx) => {
        const publicId = ctx.params[0] ?? '';
        const deployment = deploymentIdByPublicId.get({ publicId });
        if (deployment) await limits.check(deployment.id);
        const form = prechatFormOf(deps.db, publicId);
        const webPush = publicPushConfig(deps.db, publicId);
        if (!form || !webPush)
          throw new MessagingError('DEPLOYMENT_NOT_FOUND', `No deployment "${publicId}".`);
        sendJson(ctx.res, 200, { ...form, webPush });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/v1\/conversations\/([^/]+)\/messages$/,
      handler: async (ctx) => {
        const claims = await authorize(ctx, ctx.params[0]);
        const result = await deps.entries.send(claims, body(ctx, sendMessageBody));
        sendJson(ctx.res, result.created ? 201 : 200, { entry: result.entry });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/v1\/conversations\/([^/]+)\/entries$/,
      handler: async (ctx) => {
        const claims = await authorize(ctx, ctx.params[0]);
        const query = listEntriesQuery.safeParse(Object.fromEntries(ctx.query));
        if (!query.success)
          throw new HttpError(
            400,
            'INVALID_REQUEST',
            'after, limit and wait must be whole numbers (limit 1-200, wait 0-30).',
          );
        const { after, limit, wait } = query.data;
        let page = deps.entries.listEntries(claims, after, limit);
        if (page.entries.length === 0 && wait > 0) {
          const session = loadOwnSession(deps.db, claims);
          // Subscribed before this second read, so an entry committed in between is not missed.
          const waiting = waitForEntry(deps.hub, ctx.res, {
            sessionId: session.id,
            afterSeq: after,
            waitMs: wait * 1000,
          });
          page = deps.entries.listEntries(claims, after, limit);
          if (page.entries.length === 0) await waiting.arrived;
          waiting.stop();
          if (ctx.res.destroyed) return;
          if (page.entries.length === 0) page = deps.entries.listEntries(claims, after, limit);
        }
        sendJson(ctx.res, 200, page);
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/v1\/conversations\/([^/]+)\/stream$/,
      handler: async (ctx) => {
        const claims = await authorize(ctx, ctx.params[0]);
        const session = loadOwnSession(deps.db, claims);
        const resumeFrom = ctx.req.headers['last-event-id'] ?? ctx.query.get('after') ?? '0';
        const afterSeq = Number.parseInt(String(resumeFrom), 10);
        streamEntries(ctx.req, ctx.res, {
          hub: deps.hub,
          sessionId: session.id,
          afterSeq: Number.isFinite(afterSeq) && afterSeq > 0 ? afterSeq : 0,
          readAfter: (after, limit) => deps.entries.listEntries(claims, after, limit).entries,
          heartbeatMs: deps.sseHeartbeatMs,
        });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/v1\/conversations\/([^/]+)\/typing$/,
      handler: async (ctx) => {
        const claims = await authorize(ctx, ctx.params[0]);
        deps.entries.typing(claims, body(ctx, typingBody).isTyping);
        ctx.res.writeHead(204).end();
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/v1\/conversations\/([^/]+)\/read$/,
      handler: async (ctx) => {
        const claims = await authorize(ctx, ctx.params[0]);
        sendJson(ctx.res, 200, await deps.entries.markRead(claims, body(ctx, readBody).upToSeq));
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/v1\/conversations\/([^/]+)\/end$/,
      handler: async (ctx) => {
        const claims = await authorize(ctx, ctx.params[0]);
        sendJson(ctx.res, 200, await deps.conversations.end(claims));
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/v1\/conversations\/([^/]+)\/csat$/,
      handler: async (ctx) => {
        const claims = await authorize(ctx, ctx.params[0]);
        const input = body(ctx, csatBody);
        sendJson(ctx.res, 201, await deps.conversations.rate(claims, input.score, input.comment));
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/v1\/conversations\/([^/]+)\/token$/,
      handler: async (ctx) => {
        // A customer returning after the token expired keeps their conversation.
        const claims = await authorize(ctx, ctx.params[0], REFRESH_GRACE_SECONDS);
        const input = body(ctx, refreshTokenBody);
        const { token, expiresAt } = await deps.conversations.refreshToken(
          claims,
          input.identityToken,
        );
        sendJson(ctx.res, 200, {
          accessToken: token,
          accessTokenExpiresAt: expiresAt.toISOString(),
        });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/v1\/conversations$/,
      handler: async (ctx) => {
        const claims = await authorize(ctx);
        sendJson(ctx.res, 200, { conversations: deps.conversations.listForContact(claims) });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/v1\/push-registrations$/,
      handler: async (ctx) => {
        const claims = await authorize(ctx);
        const row = registerPush(deps.db, claims, body(ctx, pushRegistrationBody));
        sendJson(ctx.res, 201, {
          id: row.id,
          platform: row.platform,
          createdAt: row.createdAt.toISOString(),
        });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/v1\/push-registrations\/revoke$/,
      handler: async (ctx) => {
        const claims = await authorize(ctx);
        const { token } = body(ctx, revokePushTokenBody);
        sendJson(ctx.res, 200, { revoked: revokePushToken(deps.db, claims, token) });
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/api\/v1\/push-registrations\/([^/]+)$/,
      handler: async (ctx) => {
        const claims = await authorize(ctx);
        unregisterPush(deps.db, claims, ctx.params[0] ?? '');
        ctx.res.writeHead(204).end();
      },
    },
  ];

  return async function handlePublicApi(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const matches = routes
      .map((route) => ({ route, match: route.pattern.exec(url.pathname) }))
      .filter((candidate) => candidate.match);
    try {
      // Read first: a client still writing its body when the answer closes the connection
      // gets a reset instead of the answer.
      const requestBody = await readRequestBody(req, maxBody);
      const params = (matches[0]?.match?.slice(1) ?? []).map(decodePathParam);
      const origins = (origin: string) =>
        matches[0]?.route.origins?.(params) ?? allowedOrigins.ofPath(url.pathname, origin);
      if (!applyCors(req, res, origins, ownOrigin)) {
        throw new HttpError(
          403,
          'ORIGIN_NOT_ALLOWED',
          `Origin ${req.headers.origin} may not call this API.`,
        );
      }
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
        return;
      }
      if (matches.length === 0)
        throw new HttpError(404, 'NOT_FOUND', `No API route for ${req.method} ${url.pathname}.`);
      const route = matches.find(
        (candidate) =>
          candidate.route.method === req.method ||
          (req.method === 'HEAD' && candidate.route.method === 'GET'),
      );
      if (!route) {
        throw new HttpError(
          405,
          'METHOD_NOT_ALLOWED',
          `Use ${matches.map((m) => m.route.method).join(' or ')} for ${url.pathname}.`,
        );
      }
      await route.route.handler({ req, res, params, query: url.searchParams, body: requestBody });
    } catch (error) {
      if (!(error instanceof HttpError || error instanceof MessagingError)) {
        sendInternalError(req, res, error);
      } else if (res.headersSent) {
        res.end();
      } else if (error instanceof HttpError) {
        for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
        sendError(res, error.status, error.code, error.message);
      } else {
        sendError(res, STATUS_FOR[error.code], error.code, error.message);
      }
    }
  };
}

function decodePathParam(segment: string): string {
  const decoded = decodePathSegment(segment);
  if (decoded === null) {
    throw new HttpError(400, 'INVALID_PATH', 'A path segment is not valid percent-encoding.');
  }
  return decoded;
}
