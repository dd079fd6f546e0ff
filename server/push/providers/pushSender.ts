import type { PushEnv } from '../../env';
import { createApnsProvider } from './apnsProvider';
import { createFcmProvider } from './fcmProvider';
import type {
  ApnsCredentials,
  FcmCredentials,
  PushMessage,
  PushTarget,
  SendResult,
  VapidCredentials,
} from './types';
import { createWebPushProvider } from './webPushProvider';

export interface ProviderCredentials {
  apns?: ApnsCredentials;
  fcm?: FcmCredentials;
  vapid: VapidCredentials;
}

export interface PushSenderOptions {
  env: PushEnv;
  /**
   * Certificates to trust instead of the system's, for tests' own provider servers. Production
   * leaves it out; a child process under test can use NODE_EXTRA_CA_CERTS instead.
   */
  ca?: string | Buffer;
  /** How long one send may take before it counts as a network failure. */
  timeoutMs?: number;
}

export interface PushSender {
  send(
    target: PushTarget,
    credentials: ProviderCredentials,
    message: PushMessage,
  ): Promise<SendResult>;
  /** Closes the providers' connections; call once, at shutdown. */
  close(): Promise<void>;
}

/** One entry point for every push provider: picks the provider by the target's platform. */
export function createPushSender(options: PushSenderOptions): PushSender {
  const shared = {
    ...(options.ca ? { ca: options.ca } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  };
  const apns = createApnsProvider({
    productionUrl: options.env.apnsProductionUrl,
    sandboxUrl: options.env.apnsSandboxUrl,
    ...shared,
  });
  const fcm = createFcmProvider({
    fcmUrl: options.env.fcmUrl,
    tokenUrl: options.env.fcmTokenUrl,
    ...shared,
  });
  const webPush = createWebPushProvider({
    trustedOrigins: options.env.webPushTrustedOrigins,
    ...shared,
  });

  async function send(
    target: PushTarget,
    credentials: ProviderCredentials,
    message: PushMessage,
  ): Promise<SendResult> {
    switch (target.platform) {
      case 'apns':
        return credentials.apns
          ? apns.send(target, credentials.apns, message)
          : notSetUp(
              'APNs is not set up for this deployment: add its .p8 key in the push settings.',
            );
      case 'fcm':
        return credentials.fcm
          ? fcm.send(target, credentials.fcm, message)
          : notSetUp(
              'FCM is not set up for this deployment: add its service-account key in the push settings.',
            );
      case 'web_push':
        return webPush.send(target, credentials.vapid, message);
    }
  }

  async function close() {
    fcm.close();
    await apns.close();
  }

  return { send, close };
}

function notSetUp(answer: string): SendResult {
  return { outcome: 'rejected', status: null, answer };
}
