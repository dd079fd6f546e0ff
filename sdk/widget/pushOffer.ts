import type { ParleyClient } from '../createParleyClient';
import { h } from './h';

export interface PushOfferOptions {
  client: Pick<ParleyClient, 'webPushConfig' | 'registerPush' | 'conversationId'>;
  /**
   * A worker script on this page's own origin that shows Parley's notifications, or null when
   * the page has none (then nothing is offered: a worker from another origin cannot run here).
   */
  serviceWorkerUrl: string | null;
  /** Puts the offer in the chat, or takes it away (null). */
  show(element: HTMLElement | null): void;
}

const SUBSCRIBE_TIMEOUT_MS = 20_000;
const ANSWERED_KEY = 'parley:push-offer-answered:';

/**
 * Offers notifications once the visitor has said something, never on page load: a browser
 * asking for permission before anyone wants anything trains people to refuse it. Any failure
 * ends in a one-line note; the chat itself never depends on it.
 */
export function createPushOffer(options: PushOfferOptions) {
  let considered = false;

  async function considerOffering() {
    if (considered) return;
    considered = true;
    if (!options.serviceWorkerUrl || !browserCanSubscribe()) return;
    const permission = Notification.permission;
    if (permission === 'denied' || answered(options.client.conversationId)) return;
    const config = await options.client.webPushConfig();
    if (!config.enabled || !config.vapidPublicKey) return;
    // Allowed on an earlier visit: this conversation is registered too, without asking again.
    if (permission === 'granted') await subscribe(config.vapidPublicKey, options.serviceWorkerUrl);
    else options.show(offer(config.vapidPublicKey, options.serviceWorkerUrl));
  }

  function offer(vapidPublicKey: string, serviceWorkerUrl: string) {
    const turnOn = h('button', { type: 'button', class: 'primary' }, 'Turn on');
    const notNow = h('button', { type: 'button' }, 'Not now');
    const element = h(
      'div',
      { class: 'push-offer', role: 'group', 'aria-label': 'Notifications' },
      h('p', {}, 'Get a notification when we reply'),
      h('div', { class: 'actions' }, turnOn, notNow),
    );
    const conclude = (note: string | null) => {
      remember(options.client.conversationId);
      options.show(note ? h('p', { class: 'push-note', role: 'status' }, note) : null);
    };
    notNow.addEventListener('click', () => conclude(null));
    turnOn.addEventListener('click', () => {
      turnOn.disabled = true;
      notNow.disabled = true;
      subscribe(vapidPublicKey, serviceWorkerUrl).then(
        (outcome) =>
          conclude(
            outcome === 'subscribed'
              ? 'Notifications are on: we will let you know when we reply.'
              : 'Notifications stay off. You can keep chatting here.',
          ),
        () => conclude('We could not turn notifications on. You can keep chatting here.'),
      );
    });
    return element;
  }

  async function subscribe(vapidPublicKey: string, serviceWorkerUrl: string) {
    const permission = await Notification.requestPermission();
    if (permission !== 'granted') return 'refused' as const;
    const subscription = await withTimeout(
      (async () => {
        const worker = new URL(serviceWorkerUrl, location.href);
        worker.searchParams.set('open', location.href.split('#')[0] ?? location.href);
        // Its own scope, so it never replaces a worker the site runs for itself.
        const registration = await navigator.serviceWorker.register(worker.href, {
          scope: new URL('parley-push/', worker).pathname,
        });
        await activated(registration);
        return registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: base64UrlToBytes(vapidPublicKey),
        });
      })(),
    );
    const json = subscription.toJSON();
    await options.client.registerPush({
      platform: 'web_push',
      subscription: {
        endpoint: subscription.endpoint,
        keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
      },
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    return 'subscribed' as const;
  }

  return {
    /** The visitor sent something: the first time, see whether to offer notifications. */
    customerSent() {
      considerOffering().catch(() => options.show(null));
    },
  };
}

function browserCanSubscribe() {
  return (
    typeof window !== 'undefined' &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window &&
    window.isSecureContext
  );
}

function answered(conversationId: string | null) {
  try {
    return localStorage.getItem(ANSWERED_KEY + (conversationId ?? '')) !== null;
  } catch {
    return false;
  }
}

function remember(conversationId: string | null) {
  try {
    localStorage.setItem(ANSWERED_KEY + (conversationId ?? ''), new Date().toISOString());
  } catch {
    // Storage blocked: the offer may come back on the next visit, which does no harm.
  }
}

function activated(registration: ServiceWorkerRegistration): Promise<void> {
  if (registration.active) return Promise.resolve();
  const worker = registration.installing ?? registration.waiting;
  return new Promise((resolve, reject) => {
    if (!worker) {
      reject(new Error('The notification worker did not install.'));
      return;
    }
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve();
      if (worker.state === 'redundant') reject(new Error('The notification worker failed.'));
    });
  });
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('No push service answered.')),
      SUBSCRIBE_TIMEOUT_MS,
    );
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
