import type { ParleyClient } from '@parley/sdk';
import type * as Notifications from 'expo-notifications';

export type NotificationTapsApi = Pick<
  typeof Notifications,
  'addNotificationResponseReceivedListener' | 'getLastNotificationResponseAsync'
>;

/** Where the app goes for a tapped notification: the chat, scrolled to that entry. */
export interface ChatTarget {
  seq: number;
}

/**
 * Opens the chat at the notified reply when the customer taps a Parley notification, whether
 * the app was running or was launched by the tap. Notifications that are not Parley's, or are
 * about another conversation, are left to the rest of the app. Returns how to stop.
 */
export function followNotificationTaps(
  client: Pick<ParleyClient, 'handleNotification'>,
  notifications: NotificationTapsApi,
  open: (target: ChatTarget) => void,
): () => void {
  let stopped = false;
  const handle = async (response: Notifications.NotificationResponse | null) => {
    if (!response || stopped) return;
    const opened = await client.handleNotification(response.notification.request.content.data);
    if (opened?.current && !stopped) open({ seq: opened.seq });
  };
  const subscription = notifications.addNotificationResponseReceivedListener((response) => {
    void handle(response);
  });
  void notifications.getLastNotificationResponseAsync().then(handle);
  return () => {
    stopped = true;
    subscription.remove();
  };
}

/**
 * How a notification that arrives while the app is open shows: not at all while the customer
 * is looking at the chat (the reply is already on screen), as a banner otherwise.
 */
export function foregroundBehavior(chatVisible: boolean): Notifications.NotificationBehavior {
  return {
    shouldShowBanner: !chatVisible,
    shouldShowList: !chatVisible,
    shouldPlaySound: !chatVisible,
    shouldSetBadge: false,
  };
}
