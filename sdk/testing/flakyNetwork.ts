import { NodeXMLHttpRequest } from './nodeXmlHttpRequest';

/**
 * A fetch that can lose the network, as a phone in a tunnel does: while offline every request
 * fails and open streams are cut. `loseNextResponseTo` lets a request reach the server but
 * drops its answer, the case where a retry must not store the message twice. Where the tests
 * run as React Native (XMLHttpRequest is the Node one), its requests go through the same
 * network: recorded, refused while offline, cut when it goes.
 */
export function flakyNetwork(realFetch: typeof fetch = globalThis.fetch) {
  let offline = false;
  const openStreams = new Set<AbortController>();
  const openXhrs = new Set<() => void>();
  const requests: { method: string; url: string }[] = [];
  let dropResponseOf: RegExp | null = null;

  const fetchImpl: typeof fetch = async (input, init) => {
    const url = String(input);
    requests.push({ method: init?.method ?? 'GET', url });
    if (offline) throw new TypeError('fetch failed: network is offline');
    const controller = new AbortController();
    init?.signal?.addEventListener('abort', () => controller.abort());
    const isStream = url.includes('/stream');
    if (isStream) openStreams.add(controller);
    try {
      const res = await realFetch(input, { ...init, signal: controller.signal });
      if (dropResponseOf?.test(`${init?.method ?? 'GET'} ${url}`)) {
        dropResponseOf = null;
        await res.text();
        throw new TypeError('fetch failed: connection reset');
      }
      return res;
    } finally {
      if (!isStream) openStreams.delete(controller);
    }
  };

  if (globalThis.XMLHttpRequest === (NodeXMLHttpRequest as unknown)) {
    NodeXMLHttpRequest.network = {
      offline: () => offline,
      record: (method, url) => requests.push({ method, url }),
      track: (cut) => {
        openXhrs.add(cut);
        return () => openXhrs.delete(cut);
      },
    };
  }

  return {
    fetch: fetchImpl,
    requests,
    goOffline() {
      offline = true;
      for (const stream of openStreams) stream.abort();
      openStreams.clear();
      for (const cut of [...openXhrs]) cut();
      openXhrs.clear();
    },
    goOnline() {
      offline = false;
    },
    loseNextResponseTo(pattern: RegExp) {
      dropResponseOf = pattern;
    },
  };
}

export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 8_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
