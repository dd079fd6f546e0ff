import { createPrivateKey, type KeyObject } from 'node:crypto';
import { DomainError } from '../errors';

/**
 * The checks a provider key passes before it is stored, so a wrong file is refused while the
 * admin is still at the page, not discovered when the first notification fails.
 */

/** An APNs .p8 key as PKCS #8 PEM, or a refusal saying what is wrong with it. */
export function checkApnsKey(pem: string): string {
  const key = parsePrivateKey(
    pem,
    'The APNs key is not a private key in PEM form: paste the whole .p8 file, its BEGIN and END lines included.',
  );
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw invalidCredentials(
      'The APNs key must be the EC P-256 key Apple issues as a .p8 file; this is another kind of key.',
    );
  }
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** What Parley keeps of a Firebase service account's JSON key file. */
export function checkFcmServiceAccount(text: string) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidCredentials(
      'This is not JSON: paste the whole service account key file Firebase downloads.',
    );
  }
  const account = (parsed ?? {}) as Record<string, unknown>;
  const missing = ['project_id', 'client_email', 'private_key'].filter(
    (field) => typeof account[field] !== 'string' || account[field] === '',
  );
  if (missing.length > 0) {
    throw invalidCredentials(
      `The service account JSON has no ${missing.join(', ')}: download a new key in Firebase → Project settings → Service accounts.`,
    );
  }
  const key = parsePrivateKey(
    String(account.private_key),
    'The service account’s private_key is not a PEM private key: download a new JSON key from Firebase.',
  );
  if (key.asymmetricKeyType !== 'rsa') {
    throw invalidCredentials(
      'The service account’s private_key must be an RSA key, as Google issues them.',
    );
  }
  return {
    projectId: String(account.project_id),
    clientEmail: String(account.client_email),
    privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function invalidCredentials(message: string) {
  return new DomainError('INVALID_PUSH_CREDENTIALS', message);
}

function parsePrivateKey(pem: string, message: string): KeyObject {
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw invalidCredentials(message);
  }
}
