import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { loadActiveStaffUser } from '../auth/staffAuth';
import type { ConsoleServices } from '../console/consoleServices';
import type { Db } from '../db/client';
import { DomainError, type DomainErrorCode } from '../errors';
import { PROCEDURE_ACCESS } from './procedureAccess';

export interface TrpcContext {
  db: Db;
  /** The user id from the signed session cookie; the user is re-read on every call. */
  sessionUserId: string | null;
  /** Routing and agent-side messaging of the running process, for the console's procedures. */
  consoleServices?: () => ConsoleServices;
}

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  // Keeps idle console streams alive through proxies, and lets the client notice a dead one.
  sse: {
    ping: { enabled: true, intervalMs: 15_000 },
    client: { reconnectAfterInactivityMs: 40_000 },
  },
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        domainCode: cause instanceof DomainError ? cause.code : null,
        // What the UI needs to act on the error: the flow's issues, who saved a draft meanwhile.
        domainDetails: cause instanceof DomainError ? (cause.details ?? null) : null,
        fieldErrors: cause instanceof ZodError ? cause.flatten().fieldErrors : null,
      },
    };
  },
});

const TRPC_CODE: Record<DomainErrorCode, TRPCError['code']> = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  INVALID_INPUT: 'BAD_REQUEST',
  EMAIL_TAKEN: 'CONFLICT',
  PUBLIC_ID_TAKEN: 'CONFLICT',
  CANNOT_CHANGE_SELF: 'BAD_REQUEST',
  IDENTITY_KEY_REQUIRED: 'BAD_REQUEST',
  INVALID_IDENTITY_KEY: 'BAD_REQUEST',
  FLOW_HAS_ERRORS: 'BAD_REQUEST',
  FLOW_INVALID: 'BAD_REQUEST',
  DRAFT_CONFLICT: 'CONFLICT',
  BOT_IS_LIVE: 'CONFLICT',
  TEST_CASES_INVALID: 'BAD_REQUEST',
  TEST_CASE_EXISTS: 'CONFLICT',
  TEST_CASE_CONFLICT: 'CONFLICT',
  INVALID_PUSH_CREDENTIALS: 'BAD_REQUEST',
};

/** The one place domain errors become tRPC errors. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapDomainErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  const user = ctx.sessionUserId ? loadActiveStaffUser(ctx.db, ctx.sessionUserId) : null;
  if (!user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  return next({ ctx: { ...ctx, user } });
});

/**
 * A staff procedure: the signed-in user's role must be one that PROCEDURE_ACCESS lists for
 * the procedure's path. Every query inside scopes by `ctx.user.orgId`.
 */
export const staffProcedure = protectedProcedure.use(({ ctx, path, next }) => {
  const allowed = PROCEDURE_ACCESS[path];
  if (allowed === undefined) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `${path} is not open to any role.` });
  }
  if (allowed !== 'anyStaff' && !allowed.includes(ctx.user.role)) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `This needs one of these roles: ${allowed.join(', ')}.`,
    });
  }
  return next();
});
