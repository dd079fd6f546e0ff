import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Everything Parley reads from its environment, parsed once. Nothing else reads process.env. */
export interface Env {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  /** Absolute path of the SQLite file. */
  databasePath: string;
  /** Folder for files Parley writes itself: the database by default, a generated secret. */
  dataDir: string;
  nextAuthSecret: string;
  demoPassword: string | undefined;
  /** Whether the demo store page and its back office under /api/demo are served. */
  demo: boolean;
  rateLimits: { deploymentPerSecond: number; conversationPerMinute: number };
  /** Days a bot turn's trace is kept for analytics; 0 stores none. */
  traceRetentionDays: number;
  /**
   * Origins bot actions may call on any address but cloud metadata: Parley's own public origin
   * and those the operator lists. A deployment's allow-list opens private networks only.
   */
  trustedOrigins: string[];
  push: PushEnv;
}

/** Where the push providers are reached: their public services unless tests point elsewhere. */
export interface PushEnv {
  apnsProductionUrl: string;
  apnsSandboxUrl: string;
  fcmUrl: string;
  /** The OAuth token endpoint for FCM's service-account grant. */
  fcmTokenUrl: string;
  /**
   * Web Push endpoints come from the customer's browser, so they are checked like a bot's
   * outbound calls: public addresses only, except these origins (an on-premises push service).
   */
  webPushTrustedOrigins: string[];
}

const sqliteUrl = z
  .string()
  .refine((value) => value.startsWith('file:') || !/^[a-z][a-z0-9+.-]*:\/\//i.test(value), {
    message: 'only SQLite is supported for now: use file:PATH or a plain path',
  });

/** `http://host:port` origins, separated by commas or spaces; paths and credentials refused. */
const originList = z.string().transform((value, context) => {
  const origins: string[] = [];
  for (const entry of value.split(/[\s,]+/).filter(Boolean)) {
    const url = URL.canParse(entry) ? new URL(entry) : null;
    const bare =
      url &&
      /^https?:$/.test(url.protocol) &&
      `${url.username}${url.password}${url.search}${url.hash}` === '' &&
      url.pathname === '/';
    if (!url || !bare) {
      context.addIssue({
        code: 'custom',
        message: `"${entry}" is not an origin: write scheme, host and port only, such as http://127.0.0.1:8080`,
      });
      return z.NEVER;
    }
    origins.push(url.origin);
  }
  return origins;
});

/** A provider's base URL: https, since every provider speaks TLS (tests run their own). */
const providerUrl = z
  .url({ protocol: /^https$/, message: 'must be an https:// URL' })
  .transform((value) => value.replace(/\/$/, ''));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: sqliteUrl.default('file:data/parley.db'),
  NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PARLEY_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  PARLEY_DEMO: z
    .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true' || value === '1'),
  API_RATE_LIMIT_DEPLOYMENT_PER_SECOND: z.coerce.number().int().min(1).default(2000),
  API_RATE_LIMIT_CONVERSATION_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  BOT_TRACE_RETENTION_DAYS: z.coerce.number().int().min(0).default(30),
  BOT_ACTIONS_TRUSTED_ORIGINS: originList.default([]),
  PUSH_APNS_PRODUCTION_URL: providerUrl.default('https://api.push.apple.com'),
  PUSH_APNS_SANDBOX_URL: providerUrl.default('https://api.sandbox.push.apple.com'),
  PUSH_FCM_URL: providerUrl.default('https://fcm.googleapis.com'),
  PUSH_FCM_TOKEN_URL: z.url({ protocol: /^https$/ }).default('https://oauth2.googleapis.com/token'),
  PUSH_WEB_PUSH_TRUSTED_ORIGINS: originList.default([]),
});

export class EnvError extends Error {
  readonly code = 'INVALID_ENV';
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid environment variable ${variable}: ${detail}`);
  }
}

/** Parses an environment without side effects; throws EnvError naming the first bad variable. */
export function parseEnv(source: Record<string, string | undefined>, cwd = process.cwd()) {
  const blankAsUnset = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = envSchema.safeParse(blankAsUnset);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new EnvError(String(issue?.path[0] ?? 'unknown'), issue?.message ?? 'invalid value');
  }
  const vars = result.data;
  const databasePath = path.resolve(cwd, vars.DATABASE_URL.replace(/^file:(\/\/)?/, ''));
  const publicUrl = (vars.PUBLIC_URL ?? `http://localhost:${vars.PORT}`).replace(/\/$/, '');
  return {
    nodeEnv: vars.NODE_ENV,
    port: vars.PORT,
    host: vars.HOST,
    publicUrl,
    databasePath,
    dataDir: path.dirname(databasePath),
    nextAuthSecret: vars.NEXTAUTH_SECRET,
    demoPassword: vars.PARLEY_DEMO_PASSWORD,
    demo: vars.PARLEY_DEMO,
    rateLimits: {
      deploymentPerSecond: vars.API_RATE_LIMIT_DEPLOYMENT_PER_SECOND,
      conversationPerMinute: vars.API_RATE_LIMIT_CONVERSATION_PER_MINUTE,
    },
    traceRetentionDays: vars.BOT_TRACE_RETENTION_DAYS,
    trustedOrigins: [...new Set([new URL(publicUrl).origin, ...vars.BOT_ACTIONS_TRUSTED_ORIGINS])],
    push: {
      apnsProductionUrl: vars.PUSH_APNS_PRODUCTION_URL,
      apnsSandboxUrl: vars.PUSH_APNS_SANDBOX_URL,
      fcmUrl: vars.PUSH_FCM_URL,
      fcmTokenUrl: vars.PUSH_FCM_TOKEN_URL,
      webPushTrustedOrigins: vars.PUSH_WEB_PUSH_TRUSTED_ORIGINS,
    },
  };
}

/**
 * Reads the session-signing secret stored beside the database, creating it on first start so
 * a fresh install is secure without any set-up and sessions survive restarts.
 */
export function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'nextauth-secret');
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    const parsed = parseEnv(process.env);
    cached = {
      ...parsed,
      nextAuthSecret: parsed.nextAuthSecret ?? loadOrCreateSecret(parsed.dataDir),
    };
  }
  return cached;
}
