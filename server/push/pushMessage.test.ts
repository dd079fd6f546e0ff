import { describe, expect, it } from 'vitest';
import { buildPushMessage, PRIVATE_BODY } from './pushMessage';
import { retryDelayMs } from './retryDelay';

const reply = {
  entryType: 'text',
  payload: { text: '  Your parcel left this morning.  ' },
  actorName: 'Alice',
  createdAt: new Date('2026-12-07T10:00:00Z'),
  seq: 14,
};

describe('the notification a reply becomes', () => {
  it('shows who replied and what they said, and opens the conversation at the reply', () => {
    const message = buildPushMessage({ showText: true, title: null }, 'conv-1', reply);
    expect(message).toEqual({
      title: 'Alice',
      body: 'Your parcel left this morning.',
      collapseKey: 'conv-1',
      data: { conversationId: 'conv-1', seq: 14 },
      expiresAt: new Date('2026-12-08T10:00:00Z'),
    });
  });

  it('keeps the words private when the deployment says so, under its own title', () => {
    const message = buildPushMessage({ showText: false, title: 'Acme Support' }, 'conv-1', reply);
    expect(message.title).toBe('Acme Support');
    expect(message.body).toBe(PRIVATE_BODY);
    expect(JSON.stringify(message)).not.toContain('parcel');
  });

  it('describes a reply without words', () => {
    const image = { ...reply, entryType: 'image', payload: { url: 'https://x.test/a.png' } };
    expect(buildPushMessage({ showText: true, title: null }, 'c', image).body).toBe(
      'Sent an image',
    );
  });
});

describe('retry delays', () => {
  it('double from the base with jitter in the upper half, up to the cap', () => {
    const lowest = () => 0;
    const highest = () => 1;
    expect(retryDelayMs(1, 2_000, 3_600_000, lowest)).toBe(1_000);
    expect(retryDelayMs(1, 2_000, 3_600_000, highest)).toBe(2_000);
    expect(retryDelayMs(4, 2_000, 3_600_000, highest)).toBe(16_000);
    expect(retryDelayMs(30, 2_000, 3_600_000, highest)).toBe(3_600_000);
  });
});
