import { createDecipheriv, type ECDH, hkdfSync } from 'node:crypto';

const TAG_BYTES = 16;

/**
 * Decrypts an `aes128gcm` Web Push body (RFC 8188 framing, RFC 8291 keys) as the browser would,
 * with the subscription's private key and auth secret. Written against the RFCs with
 * node:crypto rather than the library Parley encrypts with, so the two cannot share a mistake.
 * Throws when the body was not encrypted for this subscription.
 */
export function decryptWebPush(body: Buffer, receiver: ECDH, authSecret: Buffer): Buffer {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const keyIdLength = body.readUInt8(20);
  const senderPublicKey = body.subarray(21, 21 + keyIdLength);
  const records = body.subarray(21 + keyIdLength);
  if (records.length > recordSize) throw new Error('only single-record messages are expected');

  const sharedSecret = receiver.computeSecret(senderPublicKey);
  const keyInfo = Buffer.concat([
    Buffer.from('WebPush: info\0'),
    receiver.getPublicKey(),
    senderPublicKey,
  ]);
  const inputKey = Buffer.from(hkdfSync('sha256', sharedSecret, authSecret, keyInfo, 32));
  const contentKey = Buffer.from(
    hkdfSync('sha256', inputKey, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16),
  );
  const nonce = Buffer.from(
    hkdfSync('sha256', inputKey, salt, Buffer.from('Content-Encoding: nonce\0'), 12),
  );

  const decipher = createDecipheriv('aes-128-gcm', contentKey, nonce);
  decipher.setAuthTag(records.subarray(records.length - TAG_BYTES));
  const padded = Buffer.concat([
    decipher.update(records.subarray(0, records.length - TAG_BYTES)),
    decipher.final(),
  ]);
  // The last record ends with the delimiter 0x02 and then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error('the last record has no padding delimiter');
  return padded.subarray(0, end);
}
