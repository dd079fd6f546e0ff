// Vitest setup of the `sdk-react-native` project (see vitest.config.ts): every test file of that
// project runs with a React Native app's globals instead of Node's.
import { afterEach } from 'vitest';
import { NodeXMLHttpRequest } from './nodeXmlHttpRequest';
import { installReactNativeRuntime } from './reactNativeRuntime';

installReactNativeRuntime();

// A test's simulated network ends with the test: the next one starts online.
afterEach(() => {
  NodeXMLHttpRequest.network = null;
});
