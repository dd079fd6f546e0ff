import { isRetryable, ParleyApiError } from '../apiRequest';
import { createParleyClient } from '../createParleyClient';
import { DEFAULT_RETRY_DELAYS, retryDelay } from '../retryDelay';
import { ChatView } from './ChatView';
import { h } from './h';
import { widgetStyles } from './widgetStyles';

export interface WidgetOptions {
  baseUrl: string;
  deploymentId: string;
  title?: string;
}

/**
 * Adds the launcher button and the chat window to the page, inside a shadow root so the page's
 * styles and the widget's cannot affect each other. The conversation starts on the first open,
 * or at once when an earlier visit left one to resume.
 */
export function mountWidget(options: WidgetOptions) {
  const client = createParleyClient({
    baseUrl: options.baseUrl,
    deploymentId: options.deploymentId,
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
  const view = new ChatView(client, {
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
  const start = () => {
    if (started) return;
    started = true;
    view.connect();
    const attempt = () => {
      client.start().then(
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
    view.focusComposer();
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

  return { client, open, close };
}
