import { createHash, randomBytes } from 'node:crypto';

export interface NewApiKey {
  /** Shown to the admin once; only its hash is stored. */
  key: string;
  hash: string;
  prefix: string;
}

export function generateApiKey(): NewApiKey {
  const key = `prly_${randomBytes(24).toString('base64url')}`;
  return { key, hash: hashApiKey(key), prefix: key.slice(0, 9) };
}

// The key is 192 random bits, so a fast hash is enough: there is nothing to brute-force.
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
