import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface TestCertificate {
  /** PEM private key for the server. */
  key: string;
  /** PEM certificate: the server presents it and clients pass it as their `ca`. */
  cert: string;
}

let pending: Promise<TestCertificate> | undefined;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made once per process: every test
 * server presents it, so a client trusting it reaches all of them and nothing else.
 */
export function testCertificate(): Promise<TestCertificate> {
  pending ??= generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
  return pending;
}

/**
 * Writes the certificate into `dir` and returns the file's path, for a child process under test
 * to trust through NODE_EXTRA_CA_CERTS.
 */
export async function writeTestCertificate(dir: string): Promise<string> {
  const file = path.join(dir, 'push-test-ca.pem');
  await writeFile(file, (await testCertificate()).cert);
  return file;
}
