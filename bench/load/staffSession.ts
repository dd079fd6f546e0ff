import superjson from 'superjson';

/**
 * A signed-in staff member talking to Parley's tRPC endpoint over plain HTTP, as the browser's
 * links do: queries as GET with `?input=`, mutations as POST, subscriptions as server-sent
 * events; every value in both directions goes through superjson, the app's transformer.
 */
export interface StaffSession {
  query<T>(path: string, input?: unknown): Promise<T>;
  mutate<T>(path: string, input?: unknown): Promise<T>;
  /** Opens a subscription; resolves once the stream is open, `onData` gets each value. */
  subscribe(
    path: string,
    onData: (value: unknown) => void,
    onEnd: (error: unknown) => void,
  ): Promise<{ close: () => void }>;
}

class TrpcCallError extends Error {
  constructor(
    readonly path: string,
    readonly status: number,
    detail: string,
  ) {
    super(`${path} answered ${status}: ${detail}`);
  }
}

const serialize = (input: unknown) => JSON.stringify(superjson.serialize(input));

/** Signs in through next-auth's credentials endpoint and keeps the session cookie. */
export async function signInStaff(
  base: string,
  email: string,
  password: string,
): Promise<StaffSession> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = new Map(cookiePairs(csrf.headers));
  const signedIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: cookieHeader(cookies),
    },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  await signedIn.arrayBuffer();
  for (const [name, value] of cookiePairs(signedIn.headers)) cookies.set(name, value);
  if (![...cookies.keys()].some((name) => name.endsWith('next-auth.session-token'))) {
    throw new Error(`${email} could not sign in (${signedIn.status})`);
  }
  const cookie = cookieHeader(cookies);

  async function call<T>(path: string, init: RequestInit, url: string): Promise<T> {
    const res = await fetch(url, {
      ...init,
      headers: { ...init.headers, cookie },
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await res.json().catch(() => null)) as {
      result?: { data: Parameters<typeof superjson.deserialize>[0] };
      error?: { json?: { message?: string } };
    } | null;
    if (!res.ok || !body?.result) {
      throw new TrpcCallError(path, res.status, body?.error?.json?.message ?? 'no result');
    }
    return superjson.deserialize<T>(body.result.data);
  }

  return {
    query: (path, input) =>
      call(
        path,
        {},
        `${base}/api/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(serialize(input))}`}`,
      ),
    mutate: (path, input) =>
      call(
        path,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: input === undefined ? undefined : serialize(input),
        },
        `${base}/api/trpc/${path}`,
      ),
    async subscribe(path, onData, onEnd) {
      const abort = new AbortController();
      const res = await fetch(`${base}/api/trpc/${path}`, {
        headers: { cookie, accept: 'text/event-stream' },
        signal: abort.signal,
      });
      if (!res.ok || !res.body) throw new TrpcCallError(path, res.status, 'no stream');
      void readEvents(res.body, (event, data) => {
        if (event === 'message') onData(superjson.deserialize(JSON.parse(data)));
        else if (event === 'serialized-error' || event === 'return') {
          abort.abort();
          onEnd(new Error(`${path} stream ended: ${event} ${data}`));
        }
      }).then(
        () => onEnd(abort.signal.aborted ? null : new Error(`${path} stream closed`)),
        (error: unknown) => onEnd(abort.signal.aborted ? null : error),
      );
      return { close: () => abort.abort() };
    },
  };
}

/** Splits a server-sent-events body into (event name, data) pairs; pings carry no data. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: string, data: string) => void,
) {
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    for (let split = buffer.indexOf('\n\n'); split >= 0; split = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, split);
      buffer = buffer.slice(split + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length > 0 && data.join('') !== '') onEvent(event, data.join('\n'));
    }
  }
}

function cookiePairs(headers: Headers): [string, string][] {
  return headers.getSetCookie().map((line) => {
    const pair = line.split(';')[0] ?? '';
    const at = pair.indexOf('=');
    return [pair.slice(0, at), pair.slice(at + 1)];
  });
}

const cookieHeader = (cookies: Map<string, string>) =>
  [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
