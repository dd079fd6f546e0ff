// See react-native.d.ts: the part of `expo-notifications` (SDK 54) this example uses.

export interface NotificationContent {
  title: string | null;
  body: string | null;
  data: Record<string, unknown>;
}
export interface Notification {
  date: number;
  request: { identifier: string; content: NotificationContent };
}
export interface NotificationResponse {
  notification: Notification;
  actionIdentifier: string;
}
export interface NotificationBehavior {
  shouldPlaySound: boolean;
  shouldSetBadge: boolean;
  shouldShowBanner: boolean;
  shouldShowList: boolean;
}
export interface PermissionResponse {
  granted: boolean;
  canAskAgain: boolean;
  status: 'granted' | 'denied' | 'undetermined';
}
export interface DevicePushToken {
  type: 'ios' | 'android' | 'web';
  data: string;
}
export interface Subscription {
  remove(): void;
}

export function setNotificationHandler(handler: {
  handleNotification: (notification: Notification) => Promise<NotificationBehavior>;
}): void;
export function getPermissionsAsync(): Promise<PermissionResponse>;
export function requestPermissionsAsync(): Promise<PermissionResponse>;
export function getDevicePushTokenAsync(): Promise<DevicePushToken>;
export function addNotificationResponseReceivedListener(
  listener: (response: NotificationResponse) => void,
): Subscription;
export function getLastNotificationResponseAsync(): Promise<NotificationResponse | null>;
