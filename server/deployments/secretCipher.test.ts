import { describe, expect, it } from 'vitest';
import { deriveSecretsKey, openSecret, SecretDecryptionError, sealSecret } from './secretCipher';

const key = deriveSecretsKey('session-secret-0123456789abcdef0123456789');
const BOUND = 'deployment-1\0ORDERS_TOKEN';

describe('secret cipher', () => {
  it('round-trips a value, including non-ASCII text', () => {
    for (const value of ['s3cret', 'ключ 🔑', 'x'.repeat(4096)]) {
      expect(openSecret(key, sealSecret(key, value, BOUND), BOUND)).toBe(value);
    }
  });

  it('derives the same key from the same session secret, another from another', () => {
    const secret = 'session-secret-0123456789abcdef0123456789';
    expect(deriveSecretsKey(secret).equals(key)).toBe(true);
    expect(deriveSecretsKey(`${secret}!`).equals(key)).toBe(false);
    expect(key).toHaveLength(32);
  });

  it('uses a fresh IV per value, so equal values do not look equal at rest', () => {
    const a = sealSecret(key, 'same', BOUND);
    const b = sealSecret(key, 'same', BOUND);
    expect(a).not.toBe(b);
    expect(a).not.toContain(Buffer.from('same').toString('base64'));
  });

  it('refuses a tampered ciphertext, tag or IV', () => {
    const sealed = Buffer.from(sealSecret(key, 'Bearer abc', BOUND), 'base64');
    for (const index of [0, 12, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[index] = (tampered[index] ?? 0) ^ 1;
      expect(() => openSecret(key, tampered.toString('base64'), BOUND)).toThrow(
        SecretDecryptionError,
      );
    }
    expect(() => openSecret(key, 'c2hvcnQ=', BOUND)).toThrow(SecretDecryptionError);
  });

  it('cannot be decrypted with another key', () => {
    const sealed = sealSecret(key, 'value', BOUND);
    const other = deriveSecretsKey('another-session-secret-0123456789abcdef');
    expect(() => openSecret(other, sealed, BOUND)).toThrow(SecretDecryptionError);
  });

  it('does not decrypt when moved to another deployment or name', () => {
    const sealed = sealSecret(key, 'value', BOUND);
    expect(() => openSecret(key, sealed, 'deployment-2\0ORDERS_TOKEN')).toThrow(
      SecretDecryptionError,
    );
    expect(() => openSecret(key, sealed, 'deployment-1\0OTHER')).toThrow(SecretDecryptionError);
  });
});
