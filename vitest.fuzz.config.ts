import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** `npm run test:fuzz`: the generated requests of fuzz/, apart from the unit tests. */
export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./', import.meta.url)) },
  },
  test: {
    include: ['fuzz/**/*.fuzz.ts'],
    environment: 'node',
    testTimeout: 30 * 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
