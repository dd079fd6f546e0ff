import type { ApnsEnvironment } from '../../db/schema';

/** What one notification says and how the device groups it; the same for every provider. */
export interface PushMessage {
  /** The notification's title, e.g. the deployment's configured one or the company's name. */
  title: string;
  /** The reply's text, or "You have a new reply" when the deployment keeps text private. */
  body: string;
  /** Replies to one conversation share it: the device shows the newest, not a pile. */
  collapseKey: string;
  /** What the app needs to open the right conversation at the right place. */
  data: { conversationId: string; seq: number };
  /** After this the provider should not deliver it at all (an old reply is noise). */
  expiresAt: Date;
}

/** Where one device or browser is reached, as registered through the API. */
export type PushTarget =
  | { platform: 'apns'; token: string; bundleId: string; environment: ApnsEnvironment }
  | { platform: 'fcm'; token: string }
  | { platform: 'web_push'; endpoint: string; keys: { p256dh: string; auth: string } };

export interface ApnsCredentials {
  teamId: string;
  keyId: string;
  /** The .p8 file's PEM text (PKCS #8 EC P-256 private key). */
  privateKeyPem: string;
}

export interface FcmCredentials {
  projectId: string;
  clientEmail: string;
  /** The service account's PEM private key (RS256). */
  privateKeyPem: string;
}

export interface VapidCredentials {
  /** mailto: or https: contact for the push service. */
  subject: string;
  /** URL-safe base64, as `web-push` generates them. */
  publicKey: string;
  privateKey: string;
}

/**
 * How the provider answered one send. `retry` is temporary (5xx, 429, a network error): try
 * again later, no sooner than `retryAfterMs` when the provider said. `dead`: the token or
 * subscription is gone for good; deactivate the registration. `rejected`: a permanent error
 * that is not the device's fault (bad credentials, bad payload): stop retrying this one.
 */
export type SendResult =
  | { outcome: 'sent'; status: number; answer: string }
  | { outcome: 'retry'; status: number | null; answer: string; retryAfterMs?: number }
  | { outcome: 'dead'; status: number; answer: string }
  | { outcome: 'rejected'; status: number | null; answer: string };
