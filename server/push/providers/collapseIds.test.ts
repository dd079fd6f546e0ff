import { describe, expect, it } from 'vitest';
import { apnsCollapseId, webPushTopic } from './collapseIds';

describe('apnsCollapseId', () => {
  it('keeps a key that fits', () => {
    expect(apnsCollapseId('conversation-42')).toBe('conversation-42');
  });

  it('hashes a key over 64 bytes into 64 bytes, keeping distinct keys distinct', () => {
    const long = `conversation-${'é'.repeat(30)}`;
    expect(Buffer.byteLength(apnsCollapseId(long))).toBeLessThanOrEqual(64);
    expect(apnsCollapseId(`${long}a`)).not.toBe(apnsCollapseId(`${long}b`));
  });
});

describe('webPushTopic', () => {
  it('keeps a key made of the allowed characters', () => {
    expect(webPushTopic('conv_01HZX-abc')).toBe('conv_01HZX-abc');
  });

  it('turns any other key into 32 allowed characters, the same each time', () => {
    const topic = webPushTopic('conversation:0b7f2c1e-2a6b-4f55-9a1d-5f0b3c2d1e00');
    expect(topic).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(webPushTopic('conversation:0b7f2c1e-2a6b-4f55-9a1d-5f0b3c2d1e00')).toBe(topic);
    expect(webPushTopic('conversation:other')).not.toBe(topic);
  });
});
