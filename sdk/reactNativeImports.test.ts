import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const sdkDir = import.meta.dirname;

/** What Metro would bundle for `@parley/sdk` and `@parley/sdk/react` in a React Native app. */
async function bundleForReactNative(entry: string) {
  const result = await build({
    entryPoints: [path.join(sdkDir, entry)],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    external: ['react'],
    logLevel: 'silent',
  });
  return {
    modules: Object.keys(result.metafile.inputs),
    code: result.outputFiles.map((file) => file.text).join('\n'),
  };
}

/** Browser-only names: any of them in the bundle would crash or misbehave on a phone. */
const DOM_NAMES = [
  'document',
  'window',
  'HTMLElement',
  'customElements',
  'ShadowRoot',
  'serviceWorker',
  'Notification',
  'PushManager',
  'react-dom',
];

describe('the React Native path of the SDK', () => {
  for (const entry of ['index.ts', 'react/index.ts']) {
    it(`imports nothing of the DOM from ${entry}`, async () => {
      const { modules, code } = await bundleForReactNative(entry);

      expect(modules.filter((file) => /widget\/|react-dom|testing\//.test(file))).toEqual([]);
      const used = DOM_NAMES.filter((name) => new RegExp(`\\b${name}\\b`).test(code));
      expect(used).toEqual([]);
    });
  }

  it('would notice: the web widget, which is DOM through and through, fails the same check', async () => {
    const { code } = await bundleForReactNative('widget/index.ts');
    expect(DOM_NAMES.filter((name) => new RegExp(`\\b${name}\\b`).test(code))).toContain(
      'document',
    );
  });
});
