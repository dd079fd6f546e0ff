import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// `@parley/sdk` as the example apps import it, from the SDK's source.
const alias = [
  { find: /^@parley\/sdk$/, replacement: root('./sdk/index.ts') },
  { find: /^@parley\/sdk\/react$/, replacement: root('./sdk/react/index.ts') },
  { find: /^@\//, replacement: root('./') },
];
const exclude = ['node_modules/**', '.next/**', 'e2e/**', 'data/**', 'sdk/dist/**'];
const shared = { environment: 'node', testTimeout: 20_000, pool: 'forks' } as const;

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          ...shared,
          name: 'unit',
          include: ['**/*.test.ts'],
          // React Native tests need that project's globals (below).
          exclude: [...exclude, '**/*.rn.test.ts', 'examples/react-native/**'],
        },
      },
      {
        // The SDK's client suite a second time, as inside a React Native app: no EventSource,
        // no localStorage, no DOM, a fetch that does not stream, XMLHttpRequest for the stream.
        resolve: { alias },
        test: {
          ...shared,
          name: 'sdk-react-native',
          include: [
            'sdk/createParleyClient.test.ts',
            'sdk/**/*.rn.test.ts',
            'examples/react-native/src/**/*.test.ts',
          ],
          exclude,
          setupFiles: ['sdk/testing/reactNativeSetup.ts'],
        },
      },
    ],
  },
});
