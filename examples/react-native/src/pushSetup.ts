import type { ParleyClient, PushRegistrationInput } from '@parley/sdk';
import type * as Notifications from 'expo-notifications';

/** The part of expo-notifications push setup needs, so tests can stand in for the device. */
export type NotificationsApi = Pick<
  typeof Notifications,
  'getPermissionsAsync' | 'requestPermissionsAsync' | 'getDevicePushTokenAsync'
>;

export type PushSetupResult =
  | { status: 'registered'; token: string }
  | { status: 'denied' }
  | { status: 'unavailable'; reason: string };

/**
 * Asks for permission and registers the device's native push token with Parley: an APNs token
 * on iOS, an FCM token on Android. Parley sends to APNs and FCM itself, so this is the device
 * token (`getDevicePushTokenAsync`), not an Expo push token.
 */
export async function registerForPush(
  client: Pick<ParleyClient, 'registerPush'>,
  notifications: NotificationsApi,
  device: { isDevice: boolean },
  app: { bundleId: string; apnsEnvironment: 'sandbox' | 'production'; timeZone?: string },
): Promise<PushSetupResult> {
  if (!device.isDevice) {
    return { status: 'unavailable', reason: 'Push notifications need a real device.' };
  }
  let permission = await notifications.getPermissionsAsync();
  if (!permission.granted && permission.canAskAgain) {
    permission = await notifications.requestPermissionsAsync();
  }
  if (!permission.granted) return { status: 'denied' };
  const deviceToken = await notifications.getDevicePushTokenAsync();
  const timeZone = app.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  let registration: PushRegistrationInput;
  if (deviceToken.type === 'ios') {
    registration = {
      platform: 'apns',
      token: deviceToken.data,
      bundleId: app.bundleId,
      environment: app.apnsEnvironment,
      timeZone,
    };
  } else if (deviceToken.type === 'android') {
    registration = { platform: 'fcm', token: deviceToken.data, timeZone };
  } else {
    return { status: 'unavailable', reason: 'This example registers iOS and Android devices.' };
  }
  await client.registerPush(registration);
  return { status: 'registered', token: deviceToken.data };
}
