// @vitest-environment happy-dom
import { createElement, StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useTestApi } from '../../server/testing/apiServer';
import { memoryStorage } from '../conversationStorage';
import {
  createParleyClient,
  type ParleyClient,
  type ParleyClientOptions,
} from '../createParleyClient';
import { flakyNetwork, waitUntil } from '../testing/flakyNetwork';
import type { Entry } from '../types';
import {
  type ParleyConversation,
  type UseParleyConversationOptions,
  useParleyConversation,
} from './useParleyConversation';

const FAST_RETRIES = { baseMs: 40, maxMs: 200 };

interface ChatScreenProps {
  source: ParleyClient | ParleyClientOptions;
  options?: UseParleyConversationOptions;
  renders: ParleyConversation[];
}

/** An app's chat screen, reduced to keeping what the hook returned on every render. */
function ChatScreen({ source, options, renders }: ChatScreenProps) {
  renders.push(useParleyConversation(source, options));
  return null;
}

describe('useParleyConversation against a real API', () => {
  const startApi = useTestApi();
  const roots: Root[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) root.unmount();
  });

  /** Mounts an app's chat screen (in StrictMode, as Next.js does in development). */
  function chatScreen(source: ChatScreenProps['source'], options?: UseParleyConversationOptions) {
    const renders: ParleyConversation[] = [];
    const root = createRoot(document.createElement('div'));
    roots.push(root);
    root.render(
      createElement(StrictMode, null, createElement(ChatScreen, { source, options, renders })),
    );
    const now = () => {
      const latest = renders.at(-1);
      if (!latest) throw new Error('not rendered yet');
      return latest;
    };
    const says = (actor: Entry['actor']['type']) =>
      (renders.at(-1)?.entries ?? [])
        .filter((e) => e.actor.type === actor)
        .map((e) => JSON.stringify(e.payload))
        .join('\n');
    const unmount = () => {
      roots.splice(roots.indexOf(root), 1);
      root.unmount();
    };
    return { renders, now, says, unmount };
  }

  /**
   * The app's options, on a page served from Parley's own origin, which the API always lets in
   * (a page elsewhere needs its origin listed on the deployment).
   */
  function appOptions(base: string, extra: Partial<ParleyClientOptions> = {}): ParleyClientOptions {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      `${base}/app`,
    );
    return {
      baseUrl: base,
      deploymentId: 'acme-app',
      storage: memoryStorage(),
      retryDelays: FAST_RETRIES,
      ...extra,
    };
  }

  it("plays the greeting after the bot's typing pause, then the customer's message and the reply", async () => {
    const { base } = await startApi();
    const screen = chatScreen(appOptions(base));

    await waitUntil(
      () => screen.renders.at(-1)?.typing.some((a) => a.type === 'bot') === true,
      'the bot types',
    );
    expect(screen.says('bot')).toBe('');
    await waitUntil(() => /Hi/.test(screen.says('bot')), 'the greeting shows');
    expect(screen.now().typing).toEqual([]);
    await waitUntil(() => screen.renders.at(-1)?.status === 'open', 'the stream is open');
    const statuses = screen.renders.map((r) => r.status).filter((s, i, all) => s !== all[i - 1]);
    expect(statuses).toEqual(['idle', 'connecting', 'open']);

    await screen.now().send('where is my order A1001?');
    await waitUntil(() => /A1001/.test(screen.says('customer')), "the customer's message shows");
    await waitUntil(() => /shipped/i.test(screen.says('bot')), 'the bot says the order shipped');
    const seqs = screen.now().entries.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(screen.now().error).toBeNull();

    const { client } = screen.now();
    screen.unmount();
    await waitUntil(() => client.connectionStatus === 'closed', 'the hook closed its client');
  });

  it('shows a message as pending while offline and delivers it when the network returns', async () => {
    const { base } = await startApi();
    const network = flakyNetwork();
    const screen = chatScreen(appOptions(base, { fetch: network.fetch }));
    await waitUntil(() => screen.renders.at(-1)?.status === 'open', 'the stream is open');

    network.goOffline();
    await screen.now().send('where is my order A1002?');
    await waitUntil(() => screen.now().pending.length === 1, 'the message is pending');
    await waitUntil(() => screen.now().status === 'reconnecting', 'it shows reconnecting');

    network.goOnline();
    await waitUntil(() => /processing/i.test(screen.says('bot')), 'the bot answers');
    expect(screen.now().pending).toEqual([]);
  });

  it("follows the app's own client, starts when told, and leaves the client open", async () => {
    const { base } = await startApi();
    const client = createParleyClient(appOptions(base));
    const screen = chatScreen(client, { autoStart: false });
    await waitUntil(() => screen.renders.length > 0, 'the screen renders');
    expect(client.conversationId).toBeNull();

    await screen.now().start();
    await waitUntil(() => /Hi/.test(screen.says('bot')), 'the greeting shows');
    await waitUntil(() => screen.now().status === 'open', 'the stream is open');

    screen.unmount();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.connectionStatus).toBe('open');
    client.close();
  });

  it('reports a start the server refused as the error', async () => {
    const { base } = await startApi();
    const screen = chatScreen(appOptions(base, { deploymentId: 'no-such-deployment' }));

    await waitUntil(() => Boolean(screen.renders.at(-1)?.error), 'the error shows');
    expect(screen.now().error).toMatchObject({ code: 'DEPLOYMENT_NOT_FOUND' });
    expect(screen.now().entries).toEqual([]);
  });
});
