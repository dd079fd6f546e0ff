import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encryption of deployment secrets at rest: AES-256-GCM under a key derived from the server's
 * session secret, so a database copy alone does not reveal them and no extra set-up is needed.
 */

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Changing this string changes every key: stored secrets would no longer decrypt.
const KEY_INFO = 'parley deployment secrets v1';

export class SecretDecryptionError extends Error {
  constructor() {
    super('The stored secret cannot be decrypted with this server’s key.');
    this.name = 'SecretDecryptionError';
  }
}

/** The 32-byte encryption key for deployment secrets, derived from the session secret. */
export function deriveSecretsKey(sessionSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionSecret, '', KEY_INFO, 32));
}

/**
 * Encrypts a value as base64 of IV + tag + ciphertext. `boundTo` is authenticated but not
 * stored, so a sealed value copied onto another deployment or name does not decrypt there.
 */
export function sealSecret(key: Buffer, value: string, boundTo: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
}

/** The value `sealSecret` encrypted; throws SecretDecryptionError on any mismatch or tampering. */
export function openSecret(key: Buffer, sealed: string, boundTo: string): string {
  const bytes = Buffer.from(sealed, 'base64');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new SecretDecryptionError();
  try {
    const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(boundTo, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]);
    return plain.toString('utf8');
  } catch {
    throw new SecretDecryptionError();
  }
}
