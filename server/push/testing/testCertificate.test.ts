import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestCertificate } from './testCertificate';
import { WebPushTestServer } from './webPushTestServer';

const run = promisify(execFile);
const server = new WebPushTestServer();
let origin: string;
let dir: string;

// Answers 404 for the unknown path: what matters is that TLS was accepted.
const probe = `require('node:https').get(process.argv[1], (r) => { console.log(r.statusCode); r.resume(); }).on('error', (e) => { console.log(e.code); });`;

beforeAll(async () => {
  origin = await server.start();
  dir = await mkdtemp(path.join(tmpdir(), 'push-ca-'));
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('test certificate', () => {
  it('is trusted by a child process given it through NODE_EXTRA_CA_CERTS, and only then', async () => {
    const file = await writeTestCertificate(dir);
    const trusting = await run(process.execPath, ['-e', probe, `${origin}/probe`], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: file },
    });
    const { NODE_EXTRA_CA_CERTS: _, ...withoutExtra } = process.env;
    const untrusting = await run(process.execPath, ['-e', probe, `${origin}/probe`], {
      env: withoutExtra,
    });

    expect(trusting.stdout.trim()).toBe('404');
    expect(untrusting.stdout.trim()).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });
});
