'use client';

import type { PreviewNotification } from '@/server/bots/previewNotification';

/** What the settings behind the notification mean for it, in one line; none when push is on. */
function settingsNote({ pushStatus, deployment }: PreviewNotification): string | null {
  if (pushStatus === 'off') return 'Push is off for this deployment: no notification would be sent';
  if (pushStatus === 'notSetUp') {
    return `Push is not set up for ${deployment?.name ?? 'this deployment'} (Admin → Deployments): no notification would be sent`;
  }
  if (pushStatus === 'defaults') {
    return "No deployment chosen: the defaults are shown (the replier's name, the text)";
  }
  return null;
}

/**
 * A reply as the customer's phone would show it with the app in the background: the
 * notification the push pipeline builds, drawn like one on a lock screen.
 */
export function NotificationCard({
  label,
  notification,
  onDismiss,
}: {
  label: string;
  notification: PreviewNotification;
  onDismiss: () => void;
}) {
  const { message, textPrivate, pushStatus } = notification;
  const note = settingsNote(notification);
  const silent = pushStatus === 'off' || pushStatus === 'notSetUp';
  return (
    <section className="preview-notification" aria-label={label} data-silent={silent || undefined}>
      <div className="preview-notification-phone">
        <div className="preview-notification-app">
          <span aria-hidden="true" className="preview-notification-icon" />
          <span>{notification.deployment?.name ?? 'Your app'} · now</span>
          <button type="button" aria-label="Dismiss the notification" onClick={onDismiss}>
            ×
          </button>
        </div>
        <p className="preview-notification-title">{message.title}</p>
        <p className="preview-notification-body">{message.body}</p>
      </div>
      <p className="preview-notification-meta">
        collapse id “{message.collapseKey}” · opens at message {message.data.seq}
      </p>
      {textPrivate && (
        <p className="preview-notification-meta">Private: only ‘You have a new reply’ is shown</p>
      )}
      {note && (
        <p className={silent ? 'preview-notification-warning' : 'preview-notification-meta'}>
          {note}
        </p>
      )}
    </section>
  );
}
