// @vitest-environment happy-dom
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useTestApi } from '../../server/testing/apiServer';
import { memoryStorage } from '../conversationStorage';
import { createParleyClient } from '../createParleyClient';
import { fakeAppState } from '../testing/fakeAppState';
import { waitUntil } from '../testing/flakyNetwork';
import { ParleyProvider, useConversation } from './ParleyProvider';
import type { ParleyConversation } from './useParleyConversation';

/** An app's chat screen, reduced to keeping what the hook returned on every render. */
function ChatScreen({ renders }: { renders: ParleyConversation[] }) {
  renders.push(useConversation());
  return null;
}

describe('ParleyProvider and useConversation against a real API', () => {
  const startApi = useTestApi();
  const roots: Root[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) root.unmount();
  });

  it('follows the app going to the background and back, and counts unread replies', async () => {
    const { base } = await startApi();
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(base);
    const client = createParleyClient({
      baseUrl: base,
      deploymentId: 'acme-app',
      storage: memoryStorage(),
      retryDelays: { baseMs: 40, maxMs: 200 },
    });
    const appState = fakeAppState('active');
    const renders: ParleyConversation[] = [];
    const root = createRoot(document.createElement('div'));
    roots.push(root);
    root.render(
      createElement(ParleyProvider, { client, appState }, createElement(ChatScreen, { renders })),
    );
    const now = () => renders.at(-1) as ParleyConversation;

    await waitUntil(() => now()?.status === 'open', 'the stream is open');
    await waitUntil(() => now().unreadCount === 1, 'the greeting counts as unread');
    await now().markRead();
    await waitUntil(() => now().unreadCount === 0, 'nothing is unread');

    appState.set('background');
    await waitUntil(() => now().status === 'idle', 'the stream closed in the background');
    appState.set('active');
    await waitUntil(() => now().status === 'open', 'the stream is open again');

    await now().send('where is my order A1001?');
    await waitUntil(
      () => now().entries.some((e) => /shipped/i.test(String(e.payload.text))),
      'the answer shows',
    );
    expect(now().unreadCount).toBeGreaterThan(0);
    root.unmount();
    roots.splice(0);
    expect(appState.listeners).toBe(0);
    client.close();
  });

  it('tells the developer what is missing when there is no provider', async () => {
    const errors: unknown[] = [];
    const root = createRoot(document.createElement('div'), {
      onUncaughtError: (error) => errors.push(error),
    });
    roots.push(root);
    root.render(createElement(ChatScreen, { renders: [] }));
    await waitUntil(() => errors.length > 0, 'the hook refuses');
    expect(String(errors[0])).toMatch(/ParleyProvider/);
  });
});
