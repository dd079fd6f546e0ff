import webpush from 'web-push';
import type { PushEnv } from '../../env';
import type { ProviderCredentials } from '../providers/pushSender';
import { ApnsTestServer } from './apnsTestServer';
import { FcmTestServer } from './fcmTestServer';
import { testCertificate } from './testCertificate';
import { WebPushTestServer } from './webPushTestServer';

export interface PushTestProviders {
  apns: ApnsTestServer;
  fcm: FcmTestServer;
  webPush: WebPushTestServer;
  /** Provider URLs pointing at the three servers, for `createPushSender` or a child's env. */
  env: PushEnv;
  /** The same as environment variables, for a Parley process started by the test. */
  envVars: Record<string, string>;
  /** The certificate all three present: pass it as `ca`. */
  ca: string;
  /** Credentials each server accepts, and fresh VAPID keys. */
  credentials: Required<ProviderCredentials>;
  close(): Promise<void>;
}

/** Starts an APNs, an FCM and a Web Push test server, for outbox tests and benchmarks. */
export async function startPushTestProviders(): Promise<PushTestProviders> {
  const apns = new ApnsTestServer();
  const fcm = new FcmTestServer();
  const webPush = new WebPushTestServer();
  const [apnsUrl, fcmUrl, webPushUrl] = await Promise.all([
    apns.start(),
    fcm.start(),
    webPush.start(),
  ]);
  const env: PushEnv = {
    apnsProductionUrl: apnsUrl,
    apnsSandboxUrl: apnsUrl,
    fcmUrl,
    fcmTokenUrl: fcm.tokenUrl,
    webPushTrustedOrigins: [webPushUrl],
  };
  return {
    apns,
    fcm,
    webPush,
    env,
    envVars: {
      PUSH_APNS_PRODUCTION_URL: apnsUrl,
      PUSH_APNS_SANDBOX_URL: apnsUrl,
      PUSH_FCM_URL: fcmUrl,
      PUSH_FCM_TOKEN_URL: fcm.tokenUrl,
      PUSH_WEB_PUSH_TRUSTED_ORIGINS: webPushUrl,
    },
    ca: (await testCertificate()).cert,
    credentials: {
      apns: apns.credentials,
      fcm: fcm.credentials,
      vapid: { subject: 'mailto:push-tests@parley.test', ...webpush.generateVAPIDKeys() },
    },
    close: async () => {
      await Promise.all([apns.close(), fcm.close(), webPush.close()]);
    },
  };
}
