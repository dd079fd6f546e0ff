import { asyncStorage, createParleyClient } from '@parley/sdk';
import AsyncStorage from '@react-native-async-storage/async-storage';
import { config } from './config';
import type { FakeSignIn } from './fakeSignIn';

/**
 * One Parley client for the whole app. Its conversation and unsent messages live in
 * AsyncStorage, so they survive the app being killed; the transport is chosen by the SDK
 * (XMLHttpRequest streaming on React Native, long-polling where the network buffers).
 */
export function createAppParleyClient(signIn: FakeSignIn) {
  return createParleyClient({
    baseUrl: config.parleyUrl,
    deploymentId: config.deploymentId,
    storage: asyncStorage(AsyncStorage),
    getIdentityToken: (request) => signIn.identityToken(request),
  });
}
