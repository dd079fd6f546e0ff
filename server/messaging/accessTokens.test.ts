import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccessTokens } from './accessTokens';

const CLAIMS = { conversationId: 'conv-1', orgId: 'org-1', deploymentId: 'dep-1', contactId: null };

describe('conversation access tokens', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stop opening the conversation once expired, even after being accepted before', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
    const tokens = new AccessTokens('a-test-secret-of-at-least-thirty-two-characters', 60);
    const { token } = await tokens.issue(CLAIMS);
    expect(await tokens.verify(token)).toEqual(CLAIMS);
    expect(await tokens.verify(token)).toEqual(CLAIMS);

    vi.setSystemTime(new Date('2026-01-01T10:01:00Z'));
    expect(await tokens.verify(token)).toBeNull();
    // A refresh still accepts the token within its grace period, and not after it.
    expect(await tokens.verify(token, 60)).toEqual(CLAIMS);
    vi.setSystemTime(new Date('2026-01-01T10:02:00Z'));
    expect(await tokens.verify(token, 60)).toBeNull();
  });

  it('refuses a token signed with another installation secret', async () => {
    const mine = new AccessTokens('a-test-secret-of-at-least-thirty-two-characters');
    const theirs = new AccessTokens('another-secret-of-at-least-thirty-two-characters');
    const { token } = await theirs.issue(CLAIMS);
    expect(await theirs.verify(token)).toEqual(CLAIMS);
    expect(await mine.verify(token)).toBeNull();
  });
});
