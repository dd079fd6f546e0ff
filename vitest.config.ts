import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = { '@': fileURLToPath(new URL('./', import.meta.url)) };
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
          exclude: [...exclude, '**/*.rn.test.ts'],
        },
      },
      {
        // The SDK's client suite a second time, as inside a React Native app: no EventSource,
        // no localStorage, no DOM, a fetch that does not stream, XMLHttpRequest for the stream.
        resolve: { alias },
        test: {
          ...shared,
          name: 'sdk-react-native',
          include: ['sdk/createParleyClient.test.ts', 'sdk/**/*.rn.test.ts'],
          exclude,
          setupFiles: ['sdk/testing/reactNativeSetup.ts'],
        },
      },
    ],
  },
});
