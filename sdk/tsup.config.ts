import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'index.ts',
    'widget/index': 'widget/index.ts',
    'react/index': 'react/index.ts',
  },
  format: ['esm', 'cjs'],
  // Only the package's own files: the root tsconfig would type-check the whole repository.
  tsconfig: 'tsconfig.build.json',
  dts: true,
  // One copy of the client's code behind all three entries, in CommonJS too, so an error class
  // from `@parley/sdk` is the one the widget and the hook throw.
  splitting: true,
  platform: 'neutral',
  target: 'es2020',
  outDir: 'dist',
  clean: true,
});
