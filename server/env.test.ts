import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, loadOrCreateSecret, parseEnv } from './env';

describe('parseEnv', () => {
  it('starts with safe defaults on an empty environment', () => {
    const env = parseEnv({}, '/srv/parley');
    expect(env.port).toBe(3000);
    expect(env.databasePath).toBe('/srv/parley/data/parley.db');
    expect(env.publicUrl).toBe('http://localhost:3000');
    expect(env.nextAuthSecret).toBeUndefined();
    expect(env.traceRetentionDays).toBe(30);
    expect(env.demo).toBe(true);
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'not a url' }],
    ['DATABASE_URL', { DATABASE_URL: 'postgres://db.example/parley' }],
    ['NEXTAUTH_SECRET', { NEXTAUTH_SECRET: 'short' }],
    ['PARLEY_DEMO_PASSWORD', { PARLEY_DEMO_PASSWORD: 'abc' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['PARLEY_DEMO', { PARLEY_DEMO: 'off' }],
    ['BOT_TRACE_RETENTION_DAYS', { BOT_TRACE_RETENTION_DAYS: '-1' }],
    ['BOT_ACTIONS_TRUSTED_ORIGINS', { BOT_ACTIONS_TRUSTED_ORIGINS: 'http://127.0.0.1:9000/api' }],
    ['BOT_ACTIONS_TRUSTED_ORIGINS', { BOT_ACTIONS_TRUSTED_ORIGINS: 'http://user:pw@10.0.0.5' }],
    ['BOT_ACTIONS_TRUSTED_ORIGINS', { BOT_ACTIONS_TRUSTED_ORIGINS: 'ftp://10.0.0.5' }],
    ['PUSH_APNS_PRODUCTION_URL', { PUSH_APNS_PRODUCTION_URL: 'http://api.push.apple.com' }],
    ['PUSH_FCM_URL', { PUSH_FCM_URL: 'fcm.googleapis.com' }],
    ['PUSH_FCM_TOKEN_URL', { PUSH_FCM_TOKEN_URL: 'http://127.0.0.1:9000/token' }],
    ['PUSH_WEB_PUSH_TRUSTED_ORIGINS', { PUSH_WEB_PUSH_TRUSTED_ORIGINS: 'https://push.lan/send' }],
    ['BOT_ACTIONS_TRUSTED_ORIGINS', { BOT_ACTIONS_TRUSTED_ORIGINS: '127.0.0.1:9000' }],
  ])('names %s when its value is bad', (variable, source) => {
    const attempt = () => parseEnv(source);
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(new RegExp(`^Invalid environment variable ${variable}:`));
  });

  it('treats an empty variable as unset', () => {
    expect(parseEnv({ PORT: '' }).port).toBe(3000);
  });

  it('derives the public URL from the port and accepts file: database URLs', () => {
    const env = parseEnv({ PORT: '8080', DATABASE_URL: 'file:/var/lib/parley/main.db' });
    expect(env.publicUrl).toBe('http://localhost:8080');
    expect(env.databasePath).toBe('/var/lib/parley/main.db');
    expect(env.dataDir).toBe('/var/lib/parley');
  });

  it('turns the demo store off with PARLEY_DEMO=false', () => {
    expect(parseEnv({ PARLEY_DEMO: 'false' }).demo).toBe(false);
    expect(parseEnv({ PARLEY_DEMO: '0' }).demo).toBe(false);
    expect(parseEnv({ PARLEY_DEMO: 'true' }).demo).toBe(true);
  });

  it('reads how many days of bot turn traces to keep', () => {
    expect(parseEnv({ BOT_TRACE_RETENTION_DAYS: '7' }).traceRetentionDays).toBe(7);
  });

  it('trusts bot actions with the public origin and the origins the operator lists', () => {
    expect(parseEnv({ PUBLIC_URL: 'https://chat.example.com/' }).trustedOrigins).toEqual([
      'https://chat.example.com',
    ]);
    const env = parseEnv({
      PORT: '8080',
      BOT_ACTIONS_TRUSTED_ORIGINS:
        'http://127.0.0.1:9000/, HTTP://Orders.Internal:8443 http://localhost:8080',
    });
    expect(env.trustedOrigins).toEqual([
      'http://localhost:8080',
      'http://127.0.0.1:9000',
      'http://orders.internal:8443',
    ]);
  });
});

describe('push provider addresses', () => {
  it('default to the providers’ public services and take https overrides for local servers', () => {
    expect(parseEnv({}).push).toEqual({
      apnsProductionUrl: 'https://api.push.apple.com',
      apnsSandboxUrl: 'https://api.sandbox.push.apple.com',
      fcmUrl: 'https://fcm.googleapis.com',
      fcmTokenUrl: 'https://oauth2.googleapis.com/token',
      webPushTrustedOrigins: [],
    });
    const local = parseEnv({
      PUSH_APNS_SANDBOX_URL: 'https://127.0.0.1:8443/',
      PUSH_WEB_PUSH_TRUSTED_ORIGINS: 'https://push.lan:8443',
    }).push;
    expect(local.apnsSandboxUrl).toBe('https://127.0.0.1:8443');
    expect(local.webPushTrustedOrigins).toEqual(['https://push.lan:8443']);
  });
});

describe('loadOrCreateSecret', () => {
  it('generates a secret on first start and returns the same one afterwards', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-env-'));
    try {
      const first = loadOrCreateSecret(path.join(dir, 'data'));
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(loadOrCreateSecret(path.join(dir, 'data'))).toBe(first);
      expect(readFileSync(path.join(dir, 'data', 'nextauth-secret'), 'utf8')).toBe(first);
      const other = mkdtempSync(path.join(tmpdir(), 'parley-env-'));
      expect(loadOrCreateSecret(other)).not.toBe(first);
      rmSync(other, { recursive: true });
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
