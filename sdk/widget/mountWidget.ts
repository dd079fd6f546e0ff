import { isRetryable, ParleyApiError } from '../apiRequest';
import {
  createParleyClient,
  type ParleyClientOptions,
  type StartOptions,
} from '../createParleyClient';
import { DEFAULT_RETRY_DELAYS, retryDelay } from '../retryDelay';
import type { PrechatField } from '../types';
import { ChatView } from './ChatView';
import { h } from './h';
import { prechatForm } from './prechatForm';
import { createPushOffer } from './pushOffer';
import { widgetStyles } from './widgetStyles';

export interface WidgetOptions {
  baseUrl: string;
  deploymentId: string;
  title?: string;
  /** The signed-in customer's identity token, from the page; see the SDK README. */
  getIdentityToken?: ParleyClientOptions['getIdentityToken'];
  /**
   * The notification worker on this page's origin (a script importing Parley's `/push-sw.js`).
   * Pages on Parley's own origin use `/push-sw.js` itself; elsewhere, without it, the widget
   * offers no notifications.
   */
  serviceWorkerUrl?: string;
}

/** Where a notification click asks the page to open the chat. */
const OPEN_CHAT_HASH = '#parley-chat';

/**
 * Adds the launcher button and the chat window to the page, inside a shadow root so the page's
 * styles and the widget's cannot affect each other. The conversation starts on the first open,
 * or at once when an earlier visit left one to resume.
 */
export function mountWidget(options: WidgetOptions) {
  const client = createParleyClient({
    baseUrl: options.baseUrl,
    deploymentId: options.deploymentId,
    getIdentityToken: options.getIdentityToken,
  });
  const host = h('div', { 'data-parley-widget': options.deploymentId });
  const shadow = host.attachShadow({ mode: 'open' });
  const title = options.title ?? 'Chat with us';

  const badge = h('span', { class: 'badge', hidden: true });
  const launcher = h(
    'button',
    {
      type: 'button',
      class: 'launcher',
      'aria-expanded': 'false',
      'aria-controls': 'parley-window',
      'aria-haspopup': 'dialog',
    },
    title,
    badge,
  );
  const endButton = h(
    'button',
    { type: 'button', class: 'end', onclick: () => void view.endConversation() },
    'End chat',
  );
  const pushOffer = createPushOffer({
    client,
    serviceWorkerUrl: notificationWorkerUrl(options),
    show: (element) => view.setAside(element),
  });
  const view = new ChatView(client, {
    onCustomerMessage: () => pushOffer.customerSent(),
    onUnreadChange: (count) => {
      badge.hidden = count === 0;
      badge.textContent = String(count);
      badge.setAttribute('aria-label', `${count} unread`);
    },
    onEndedChange: (ended) => {
      endButton.hidden = ended;
    },
  });
  const closeButton = h('button', { type: 'button', 'aria-label': 'Close chat' }, '×');
  const heading = h('h2', { id: 'parley-title' }, title);
  const chatWindow = h(
    'section',
    {
      id: 'parley-window',
      class: 'window',
      role: 'dialog',
      'aria-labelledby': 'parley-title',
      hidden: true,
    },
    h('header', { class: 'header' }, heading, h('div', {}, endButton, closeButton)),
    view.element,
  );
  shadow.append(h('style', {}, widgetStyles), launcher, chatWindow);
  document.body.append(host);

  let started = false;
  let startAttempt = 0;
  let prechat: HTMLFormElement | null = null;
  const start = () => {
    if (started) return;
    started = true;
    void client.hasStoredConversation().then((stored) => (stored ? connect() : askPrechat()));
  };
  const askPrechat = () => {
    client.prechatFields().then(
      (fields) => (fields.length > 0 ? showPrechat(fields) : connect()),
      // The form only adds context: when it cannot be loaded, the chat goes ahead without it.
      () => connect(),
    );
  };
  const showPrechat = (fields: PrechatField[]) => {
    const form = prechatForm({
      fields,
      submit: (values) => {
        form.remove();
        prechat = null;
        view.element.hidden = false;
        endButton.hidden = false;
        connect({ prechat: values });
        view.focusComposer();
      },
    });
    prechat = form;
    view.element.hidden = true;
    endButton.hidden = true;
    view.element.before(form);
    if (!chatWindow.hidden) form.querySelector('input')?.focus();
  };
  const connect = (startOptions: StartOptions = {}) => {
    view.connect();
    const attempt = () => {
      client.start(startOptions).then(
        () => view.showNotice(''),
        (error: unknown) => {
          // A refusal (this site is not allowed, sign-in required...) will not change on retry.
          if (!isRetryable(error)) {
            view.showNotice(
              error instanceof ParleyApiError
                ? `Chat is unavailable: ${error.message}`
                : 'Chat is unavailable on this page.',
            );
            return;
          }
          startAttempt += 1;
          view.showNotice('Support cannot be reached right now — retrying…');
          setTimeout(attempt, retryDelay(startAttempt, DEFAULT_RETRY_DELAYS));
        },
      );
    };
    attempt();
  };

  const open = () => {
    chatWindow.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    start();
    view.setVisible(true);
    if (prechat) prechat.querySelector('input')?.focus();
    else view.focusComposer();
  };
  const close = () => {
    chatWindow.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    view.setVisible(false);
    launcher.focus();
  };

  launcher.addEventListener('click', () => (chatWindow.hidden ? open() : close()));
  closeButton.addEventListener('click', close);
  chatWindow.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  });

  void client.hasStoredConversation().then((stored) => {
    if (stored) start();
  });
  if (location.hash === OPEN_CHAT_HASH) open();
  listenForNotificationClicks(open);

  return { client, open, close };
}

function notificationWorkerUrl(options: WidgetOptions): string | null {
  if (options.serviceWorkerUrl) return new URL(options.serviceWorkerUrl, location.href).href;
  const parley = new URL(options.baseUrl, location.href);
  return parley.origin === location.origin ? new URL('/push-sw.js', parley).href : null;
}

/** A click on one of our notifications while this page is open brings the chat up. */
function listenForNotificationClicks(open: () => void) {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
    if ((event.data as { type?: unknown } | null)?.type === 'parley:open-chat') open();
  });
  navigator.serviceWorker.startMessages();
}
