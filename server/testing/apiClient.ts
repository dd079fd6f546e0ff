import type { Entry } from '../../contract/entries';

/** A minimal customer app speaking the public API, for black-box tests. */
export function apiClient(base: string) {
  async function call(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
    headers: Record<string, string> = {},
  ) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
  }

  return {
    call,
    async start(deployment = 'acme-app', body: Record<string, unknown> = {}) {
      const res = await call('POST', `/api/v1/deployments/${deployment}/conversations`, body);
      return res as typeof res & {
        body: { conversationId: string; accessToken: string; status: string; entries: Entry[] };
      };
    },
    send(conversationId: string, token: string, body: Record<string, unknown>) {
      return call('POST', `/api/v1/conversations/${conversationId}/messages`, body, token);
    },
    async entries(conversationId: string, token: string, after = 0): Promise<Entry[]> {
      const all: Entry[] = [];
      for (let cursor = after; ; ) {
        const res = await call(
          'GET',
          `/api/v1/conversations/${conversationId}/entries?after=${cursor}&limit=200`,
          undefined,
          token,
        );
        if (res.status !== 200)
          throw new Error(`entries: ${res.status} ${JSON.stringify(res.body)}`);
        all.push(...res.body.entries);
        if (!res.body.hasMore) return all;
        cursor = all[all.length - 1]?.seq ?? cursor;
      }
    },
  };
}

export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/** Opens an event stream and collects its events until `stop` is called. */
export async function openStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  const events: SseEvent[] = [];
  const waiters: (() => void)[] = [];
  const done = (async () => {
    if (!res.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { value, done: ended } = await reader.read();
        if (ended) break;
        buffer += decoder.decode(value, { stream: true });
        let split = buffer.indexOf('\n\n');
        while (split >= 0) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          const event: SseEvent = { event: 'message', data: '' };
          let hasData = false;
          for (const line of block.split('\n')) {
            if (line.startsWith('id: ')) event.id = line.slice(4);
            else if (line.startsWith('event: ')) event.event = line.slice(7);
            else if (line.startsWith('data: ')) {
              event.data += line.slice(6);
              hasData = true;
            }
          }
          if (hasData) events.push(event);
          for (const wake of waiters.splice(0)) wake();
          split = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // Aborted by stop().
    }
  })();
  return {
    status: res.status,
    events,
    entries: () =>
      events.filter((e) => e.event === 'entry').map((e) => JSON.parse(e.data) as Entry),
    async waitFor(predicate: (events: SseEvent[]) => boolean, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(events)) {
        if (Date.now() > deadline)
          throw new Error(`stream: condition not met; got ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    async stop() {
      controller.abort();
      await done;
    },
  };
}
