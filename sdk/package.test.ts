import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../server/testing/apiServer';

const run = promisify(execFile);
const sdkDir = import.meta.dirname;
const repoRoot = path.join(sdkDir, '..');

/** Loads the three entries by package name, the way an app's code would. */
const ESM_IMPORTS = `
import { createParleyClient } from '@parley/sdk';
import { useParleyConversation } from '@parley/sdk/react';
import { mountWidget } from '@parley/sdk/widget';
`;
const CJS_REQUIRES = `
const { createParleyClient } = require('@parley/sdk');
const { useParleyConversation } = require('@parley/sdk/react');
const { mountWidget } = require('@parley/sdk/widget');
`;

/**
 * A customer's conversation in a Node app: Node 20 has fetch but no EventSource, so the client
 * reads the stream with its own fetch-based one. Prints what it saw as JSON.
 */
const CONVERSATION = `
const entryPoints = [createParleyClient, useParleyConversation, mountWidget].map((f) => typeof f);
const client = createParleyClient({ baseUrl: process.argv[2], deploymentId: 'acme-app' });
const said = [];
const statuses = [];
client.onEntry((entry) => said.push(entry.actor.type + ': ' + JSON.stringify(entry.payload)));
client.onStatus((status) => statuses.push(status));
const until = async (done, what) => {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + what);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
(async () => {
  await client.start();
  await until(() => client.connectionStatus === 'open', 'the stream');
  await client.send('where is my order A1001?');
  await until(() => said.some((line) => /^bot: .*shipped/i.test(line)), "the bot's reply");
  client.close();
  console.log(JSON.stringify({ entryPoints, statuses, said }));
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`;

/** A TypeScript app using all three entries, strictly and without skipping the package's types. */
const TYPED_APP = `
import { asyncStorage, createParleyClient, type Entry } from '@parley/sdk';
import { ParleyProvider, useConversation, useParleyConversation } from '@parley/sdk/react';
import { mountWidget } from '@parley/sdk/widget';

const client = createParleyClient({ baseUrl: 'https://chat.example.com', deploymentId: 'acme-app' });
client.onEntry((entry: Entry) => {
  const actor: 'customer' | 'bot' | 'agent' | 'system' = entry.actor.type;
  return actor;
});
// @ts-expect-error The contract's types arrive exact, not as \`any\`.
const notAType: Entry['type'] = 'no-such-entry-type';
const appState = { currentState: 'active', addEventListener: () => ({ remove: () => {} }) };
export const provider = ParleyProvider({ client, appState, children: null });
export const stored = asyncStorage({
  getItem: async () => null,
  setItem: async () => {},
  removeItem: async () => {},
});
export { client, mountWidget, notAType, useConversation, useParleyConversation };
`;
const TYPED_CJS_APP = `
import sdk = require('@parley/sdk');
export const started: Promise<{ conversationId: string }> = sdk
  .createParleyClient({ baseUrl: 'https://chat.example.com', deploymentId: 'acme-app' })
  .start();
`;

describe('the @parley/sdk package, installed from its tarball', () => {
  const startApi = useTestApi();
  let scratch = '';
  const installed = () => path.join(scratch, 'node_modules/@parley/sdk');

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'parley-sdk-app-'));
    // `npm pack` builds the package first (its prepack script), as publishing does.
    await run('npm', ['pack', '--pack-destination', scratch], { cwd: sdkDir });
    const tarball = (await readdir(scratch)).find((name) => name.endsWith('.tgz'));
    await writeFile(
      path.join(scratch, 'package.json'),
      JSON.stringify({ name: 'scratch-app', private: true, type: 'module' }),
    );
    // Offline on purpose: the package has no dependencies (React is an optional peer), so
    // installing it must not need the registry.
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', `./${tarball}`], {
      cwd: scratch,
    });
    // The app's own React for the hook's entry, which must use the app's copy and bring none,
    // and its React types, which a TypeScript React app has (ParleyProvider's props name them).
    await symlink(
      path.join(repoRoot, 'node_modules/react'),
      path.join(scratch, 'node_modules/react'),
      'dir',
    );
    await mkdir(path.join(scratch, 'node_modules/@types'), { recursive: true });
    await symlink(
      path.join(repoRoot, 'node_modules/@types/react'),
      path.join(scratch, 'node_modules/@types/react'),
      'dir',
    );
  }, 180_000);

  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('depends on nothing at run time and imports nothing but React and its own files', async () => {
    const manifest = JSON.parse(await readFile(path.join(installed(), 'package.json'), 'utf8'));
    expect(manifest.dependencies).toBeUndefined();

    const files = (await readdir(path.join(installed(), 'dist'), { recursive: true })).filter(
      (file) => /\.(c?js|d\.c?ts)$/.test(file),
    );
    expect(files.length).toBeGreaterThan(0);
    const foreign: string[] = [];
    for (const file of files) {
      const code = await readFile(path.join(installed(), 'dist', file), 'utf8');
      for (const [, specifier] of code.matchAll(/(?:from|require\()\s*['"]([^'"]+)['"]/g)) {
        if (!specifier?.startsWith('.') && specifier !== 'react')
          foreign.push(`${file}: ${specifier}`);
      }
    }
    expect(foreign).toEqual([]);
  });

  it('starts a conversation, sends and receives on the stream, from ESM and from CommonJS', async () => {
    const { base } = await startApi();
    await writeFile(path.join(scratch, 'app.mjs'), ESM_IMPORTS + CONVERSATION);
    await writeFile(path.join(scratch, 'app.cjs'), CJS_REQUIRES + CONVERSATION);

    const runs = await Promise.all(
      ['app.mjs', 'app.cjs'].map((file) =>
        run(process.execPath, [file, base], { cwd: scratch, timeout: 15_000 }),
      ),
    );

    for (const { stdout } of runs) {
      const seen = JSON.parse(stdout);
      expect(seen.entryPoints).toEqual(['function', 'function', 'function']);
      expect(seen.statuses).toContain('open');
      expect(seen.said).toContain('customer: {"text":"where is my order A1001?"}');
      expect(seen.said.some((line: string) => /^bot: .*shipped/i.test(line))).toBe(true);
    }
  }, 30_000);

  it('gives a TypeScript app exact types for every entry, without zod installed', async () => {
    await writeFile(path.join(scratch, 'app.ts'), TYPED_APP);
    await writeFile(path.join(scratch, 'legacy.cts'), TYPED_CJS_APP);
    await writeFile(
      path.join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          lib: ['es2022', 'dom'],
          types: [],
        },
        files: ['app.ts', 'legacy.cts'],
      }),
    );
    const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');
    await expect(run(process.execPath, [tsc, '-p', scratch])).resolves.toBeDefined();
  }, 60_000);
});
