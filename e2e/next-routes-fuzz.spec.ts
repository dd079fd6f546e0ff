import { type APIRequestContext, expect, test } from '@playwright/test';
import fc from 'fast-check';
import { E2E_DEMO_PASSWORD } from '../playwright.config';
import { type RawRequest, rawHttpRequest } from '../server/testing/rawHttpRequest';
import { PROCEDURE_ACCESS } from '../server/trpc/procedureAccess';
import { signIn } from './helpers';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);
const TRPC_RUNS = Number(process.env.FUZZ_NEXT_RUNS ?? 1_000);
const AUTH_RUNS = Math.ceil(TRPC_RUNS / 3);
const ANSWER_WITHIN_MS = 5_000;
/** How long a subscription's event stream is read for its first events, refusal included. */
const STREAM_READ_MS = 1_000;
/** Every procedure the router has: the access table lists each, and its unit test holds it so. */
const PROCEDURES = Object.keys(PROCEDURE_ACCESS);

type Who = 'signed out' | 'staff';

interface NextRequest {
  target: 'trpc' | 'auth';
  method: string;
  who: Who;
  summary: string;
  raw: RawRequest;
  /** A client that hangs up mid-body may get no answer at all. */
  mayGoUnanswered: boolean;
}

const bytes = (text: string) => Buffer.from(text, 'latin1');

/**
 * Values no procedure takes: an object here never has a field a procedure needs, so a signed-in
 * admin's mutation is always refused and the demo org the other specs use is left as it was.
 */
const junkValue = fc.oneof(
  fc.integer(),
  fc.string({ maxLength: 20 }),
  fc.constantFrom(null, true, [], [1, 'a'], { __proto__: { polluted: true } }),
  fc.dictionary(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'x', '0', ''),
    fc.oneof(fc.integer(), fc.string({ maxLength: 10 }), fc.constant({ polluted: true })),
    { maxKeys: 3 },
  ),
);

/** The text of an input: superjson's envelope around junk, broken JSON, huge or deep text. */
const inputText = fc.oneof(
  junkValue.map((value) => JSON.stringify({ json: value })),
  junkValue.map((value) => JSON.stringify(value)),
  fc
    .tuple(junkValue, junkValue)
    .map(([value, meta]) => JSON.stringify({ json: value, meta: { values: meta } })),
  fc.constantFrom(
    '{"json":{"__proto__":{"polluted":true}},"meta":{"values":{"__proto__":["map"]}}}',
    '{"json":{"constructor":{"prototype":{"polluted":true}}}}',
    '{"json":{"x":1},"meta":{"values":{"x":[["class","Foo"]]}}}',
    '{"json":{"x":1},"meta":{"referentialEqualities":{"x":["__proto__.y"]}}}',
  ),
  fc.constantFrom('{', '{"json":', 'nul', "{'json':1}", '{"a":1,}', '"', '', '[', '{"json":1}}'),
  junkValue.chain((value) => {
    const text = JSON.stringify({ json: value });
    return fc.nat({ max: text.length - 1 }).map((cut) => text.slice(0, cut));
  }),
  fc
    .integer({ min: 100, max: 100_000 })
    .map((depth) => `{"json":${'['.repeat(depth)}${']'.repeat(depth)}}`),
  fc
    .integer({ min: 100, max: 20_000 })
    .map((depth) => `{"json":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`),
  fc.integer({ min: 1_000, max: 300_000 }).map((size) => `{"json":"${'x'.repeat(size)}"}`),
);

/** Batch inputs keyed by indexes that name no call, or by nothing an index could be. */
const batchInputText = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom('-1', '99', '1e3', 'x', '__proto__', '', '0.5'),
        fc.nat({ max: 3 }).map(String),
      ),
      { maxLength: 4 },
    ),
    junkValue,
  )
  .map(([keys, value]) =>
    JSON.stringify(Object.fromEntries(keys.map((key) => [key, { json: value }]))),
  );

/** Where a procedure's name goes: itself, several, none that exists, or broken escapes. */
const procedurePath = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PROCEDURES) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constantFrom(...PROCEDURES), { minLength: 2, maxLength: 3 })
      .map((paths) => paths.join(',')),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'nope',
      'bots',
      'bots.list.more',
      '__proto__.x',
      'constructor',
      '%ZZ',
      'me.get%E0%A4%A',
      '%00',
      'a'.repeat(5_000),
    ),
  },
);

/** Query-string encodings of an input: proper, raw, or with escapes that decode to nothing. */
function encodedQuery(text: string, how: 'proper' | 'raw' | 'broken'): string {
  if (how === 'proper') return encodeURIComponent(text);
  if (how === 'raw') return text.replace(/[\s#]/g, '+');
  return `${encodeURIComponent(text.slice(0, 10))}%ZZ%E0%A4%A${encodeURIComponent(text.slice(10))}%`;
}

const trpcRequest = (cookies: Record<Who, string>) =>
  fc
    .record({
      who: fc.constantFrom<Who>('signed out', 'staff'),
      cookie: fc.oneof(
        { weight: 6, arbitrary: fc.constant('own') },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            'next-auth.session-token=garbage',
            'next-auth.session-token=a.b.c.d.e',
            'next-auth.callback-url=junk',
            'next-auth.callback-url=%ZZ',
            `next-auth.session-token=${'x'.repeat(3_000)}`,
          ),
        },
      ),
      path: procedurePath,
      method: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom('GET', 'POST') },
        { weight: 1, arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD') },
      ),
      batch: fc.boolean(),
      input: inputText,
      batchInput: batchInputText,
      encoding: fc.constantFrom<'proper' | 'raw' | 'broken'>('proper', 'proper', 'raw', 'broken'),
      contentType: fc.constantFrom(
        'application/json',
        'application/json',
        'application/json; charset=utf-8',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
        'multipart/form-data; boundary=x',
        '',
        null,
      ),
      transport: fc.oneof(
        { weight: 7, arbitrary: fc.constant('normal') },
        { weight: 2, arbitrary: fc.constant('truncated') },
        { weight: 1, arbitrary: fc.constant('oversized') },
      ),
    })
    .map((choice): NextRequest => {
      const text = choice.batch ? choice.batchInput : choice.input;
      const query = choice.batch ? '?batch=1&' : '?';
      const usesQuery = choice.method !== 'POST';
      const target = `/api/trpc/${choice.path}${usesQuery ? `${query}input=${encodedQuery(text, choice.encoding)}` : choice.batch ? '?batch=1' : ''}`;
      const body =
        choice.method === 'POST'
          ? choice.transport === 'oversized'
            ? `{"json":"${'y'.repeat(4 * 1024 * 1024)}"}`
            : text
          : undefined;
      const cookie =
        choice.cookie === 'own'
          ? cookies[choice.who]
          : [cookies[choice.who], choice.cookie].filter(Boolean).join('; ');
      return {
        target: 'trpc',
        method: choice.method,
        who: choice.who,
        summary: `${choice.who} ${choice.method} ${target.slice(0, 160)} cookie=${choice.cookie.slice(0, 40)} type=${choice.contentType} body=${(body ?? '').slice(0, 80)}${(body?.length ?? 0) > 80 ? `… (${body?.length} bytes)` : ''} ${choice.transport}`,
        raw: rawRequest(choice.method, target, cookie, choice.contentType, body, choice.transport),
        mayGoUnanswered: choice.transport === 'truncated',
      };
    });

const authRequest = (cookies: Record<Who, string>, csrf: { token: string; cookie: string }) =>
  fc
    .record({
      who: fc.constantFrom<Who>('signed out', 'staff'),
      action: fc.constantFrom(
        'csrf',
        'session',
        'providers',
        'signin',
        'signout',
        'callback',
        'error',
        '_log',
        'verify-request',
        'nope',
        '%ZZ',
        '',
      ),
      provider: fc.constantFrom(
        null,
        null,
        'credentials',
        'nope',
        'email',
        '__proto__',
        '%E0%A4%A',
      ),
      method: fc.constantFrom('GET', 'POST', 'POST', 'PUT', 'DELETE'),
      callbackUrl: fc.constantFrom(
        null,
        null,
        '/studio',
        'http://evil.example/x',
        'junk',
        '%ZZ',
        'javascript:alert(1)',
        '//evil.example',
      ),
      cookie: fc.constantFrom(
        null,
        null,
        'next-auth.callback-url=junk',
        'next-auth.csrf-token=garbage',
        'next-auth.session-token=garbage',
      ),
      validCsrf: fc.boolean(),
      form: fc.record({
        email: fc.oneof(
          fc.nat({ max: 1_000 }).map((n) => `fuzz-${n}@example.test`),
          fc.constantFrom('', 'not-an-email', '%ZZ', 'x'.repeat(600)),
        ),
        password: fc.string({ maxLength: 30 }),
        json: fc.constantFrom('true', 'false', undefined),
        extra: fc.constantFrom('', '&__proto__[x]=1', '&constructor=1', '&a=%ZZ', '&&&=='),
      }),
      body: fc.oneof(
        fc.constant<'form'>('form'),
        inputText,
        fc.constantFrom('{"csrfToken":', '{"data":{"__proto__":{"x":1}}}', 'garbage'),
      ),
      contentType: fc.constantFrom(
        'application/x-www-form-urlencoded',
        'application/x-www-form-urlencoded',
        'application/json',
        'text/plain',
        null,
      ),
      transport: fc.constantFrom('normal', 'normal', 'normal', 'truncated'),
    })
    .map((choice): NextRequest => {
      const path = `/api/auth/${choice.action}${choice.provider ? `/${choice.provider}` : ''}`;
      const target = choice.callbackUrl
        ? `${path}?callbackUrl=${encodeURIComponent(choice.callbackUrl).replace('%25ZZ', '%ZZ')}`
        : path;
      const csrfToken = choice.validCsrf ? csrf.token : 'not-the-token';
      const { email, password, json, extra } = choice.form;
      const form = `csrfToken=${csrfToken}&email=${encodeURIComponent(email)}&password=${encodeURIComponent(password)}${json ? `&json=${json}` : ''}${extra}`;
      const body =
        choice.method === 'GET' ? undefined : choice.body === 'form' ? form : choice.body;
      const cookie = [cookies[choice.who], choice.validCsrf ? csrf.cookie : '', choice.cookie ?? '']
        .filter(Boolean)
        .join('; ');
      return {
        target: 'auth',
        method: choice.method,
        who: choice.who,
        summary: `${choice.who} ${choice.method} ${target} cookie=${choice.cookie} type=${choice.contentType} body=${(body ?? '').slice(0, 80)} ${choice.transport}`,
        raw: rawRequest(choice.method, target, cookie, choice.contentType, body, choice.transport),
        mayGoUnanswered: choice.transport === 'truncated',
      };
    });

function rawRequest(
  method: string,
  target: string,
  cookie: string,
  contentType: string | null,
  body: string | undefined,
  transport: string,
): RawRequest {
  const payload = Buffer.from(body ?? '', 'utf8');
  const lines = [`${method} ${target} HTTP/1.1`, 'host: localhost', 'connection: close'];
  if (cookie) lines.push(`cookie: ${cookie}`);
  if (body !== undefined && contentType !== null) lines.push(`content-type: ${contentType}`);
  if (body !== undefined || transport === 'truncated') {
    lines.push(
      `content-length: ${transport === 'truncated' ? payload.length + 10 : payload.length}`,
    );
  }
  return {
    head: bytes(`${lines.join('\r\n')}\r\n\r\n`),
    body: payload,
    endAfterBody: transport === 'truncated',
  };
}

/** The machine-readable code of each answer in a tRPC reply (OK for a result), or null. */
/**
 * The codes of a subscription's event stream: a refusal arrives as a `serialized-error` event;
 * a stream that opened without one is an answer.
 */
function streamCodes(body: string): string[] {
  const errors = [...body.matchAll(/event: serialized-error\ndata: (.*)\n/g)].map(
    ([, data]) => /"code":"([A-Z][A-Z_]+)"/.exec(data ?? '')?.[1] ?? 'ERROR',
  );
  return errors.length > 0 ? errors : ['OK'];
}

function trpcCodes(body: string, contentType = ''): string[] | null {
  if (contentType.startsWith('text/event-stream')) return streamCodes(body);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const codes = items.map((item) => {
    const answer = item as {
      result?: unknown;
      error?: { code?: unknown; json?: { data?: { code?: unknown } } };
    };
    if (answer?.result !== undefined) return 'OK';
    const code = answer?.error?.json?.data?.code ?? answer?.error?.code;
    return typeof code === 'string' && /^[A-Z][A-Z_]+$/.test(code) ? code : null;
  });
  return codes.length > 0 && codes.every((code) => code !== null) ? (codes as string[]) : null;
}

/** The session cookie of a staff member, signed in through next-auth's own endpoints. */
async function sessionCookie(request: APIRequestContext, email: string) {
  const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
  const signedIn = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password: E2E_DEMO_PASSWORD, json: 'true' },
  });
  expect(signedIn.ok()).toBe(true);
  const { cookies } = await request.storageState();
  const session = cookies.find((cookie) => cookie.name === 'next-auth.session-token');
  expect(session).toBeDefined();
  return `next-auth.session-token=${session?.value}`;
}

test('tRPC and next-auth answer every mutated request in time, never with a 5xx', async ({
  page,
  playwright,
  baseURL,
}) => {
  // A few milliseconds a request at the CI count; a long run (FUZZ_NEXT_RUNS) gets its time.
  test.setTimeout(60_000 + (TRPC_RUNS + AUTH_RUNS) * 50);
  const origin = `http://127.0.0.1:${new URL(baseURL ?? '').port}`;
  const staff = await playwright.request.newContext({ baseURL });
  const signedOut = await playwright.request.newContext({ baseURL });
  const cookies: Record<Who, string> = {
    'signed out': '',
    staff: await sessionCookie(staff, 'admin@acme.test'),
  };
  const csrfResponse = await signedOut.get('/api/auth/csrf');
  const csrfCookie = (await signedOut.storageState()).cookies.find(
    (cookie) => cookie.name === 'next-auth.csrf-token',
  );
  const csrf = {
    token: (await csrfResponse.json()).csrfToken as string,
    cookie: `next-auth.csrf-token=${csrfCookie?.value}`,
  };

  const byStatus = new Map<string, number>();
  const failures: string[] = [];
  const send = async (request: NextRequest) => {
    const res = await rawHttpRequest(origin, request.raw, ANSWER_WITHIN_MS, STREAM_READ_MS);
    const key = `${request.target} ${res.status === 0 ? 'no answer' : res.status}`;
    byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
    const fail = (why: string) => failures.push(`${why}: ${request.summary}`);
    if (res.timedOut) fail(`no answer within ${ANSWER_WITHIN_MS} ms`);
    else if (res.status === 0 && !request.mayGoUnanswered) fail('closed without an answer');
    else if (res.status >= 500) fail(`answered ${res.status} ${res.body.slice(0, 200)}`);
    else if (request.target === 'trpc' && (res.status >= 400 || res.body !== '')) {
      const codes = trpcCodes(res.body, res.headers['content-type']);
      if (!codes) fail(`${res.status} without a JSON error code: ${res.body.slice(0, 200)}`);
      else if (request.who === 'signed out' && codes.includes('OK'))
        fail(`answered a signed-out caller: ${res.body.slice(0, 200)}`);
    }
    return res;
  };

  const started = performance.now();
  // Every procedure refuses a signed-out caller and answers a signed-in admin, whichever of
  // GET or POST it takes: a new procedure is covered by being in the router.
  for (const path of PROCEDURES) {
    for (const who of ['signed out', 'staff'] as const) {
      const codes = [];
      for (const method of ['GET', 'POST']) {
        const body = method === 'POST' ? '{"json":{}}' : undefined;
        const target = `/api/trpc/${path}${method === 'GET' ? '?input=%7B%22json%22%3A%7B%7D%7D' : ''}`;
        const res = await send({
          target: 'trpc',
          method,
          who,
          summary: `${who} ${method} ${target}`,
          raw: rawRequest(method, target, cookies[who], 'application/json', body, 'normal'),
          mayGoUnanswered: false,
        });
        codes.push(...(trpcCodes(res.body, res.headers['content-type']) ?? []));
      }
      if (who === 'signed out') expect(codes, path).toContain('UNAUTHORIZED');
      else expect(codes, path).not.toContain('UNAUTHORIZED');
    }
  }

  await fc.assert(
    fc.asyncProperty(trpcRequest(cookies), async (request) => void (await send(request))),
    { numRuns: TRPC_RUNS, seed: SEED, endOnFailure: true },
  );
  await fc.assert(
    fc.asyncProperty(authRequest(cookies, csrf), async (request) => void (await send(request))),
    { numRuns: AUTH_RUNS, seed: SEED, endOnFailure: true },
  );

  const sent = [...byStatus.values()].reduce((sum, count) => sum + count, 0);
  console.log(
    `Next.js routes fuzz (seed ${SEED}): ${sent} requests in ${((performance.now() - started) / 1000).toFixed(1)} s to ${PROCEDURES.length} procedures and /api/auth; failures ${failures.length}\nanswers by status: ${[
      ...byStatus,
    ]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([status, count]) => `${status}: ${count}`)
      .join(', ')}${failures
      .slice(0, 20)
      .map((failure) => `\n  FAIL ${failure}`)
      .join('')}`,
  );
  expect(failures).toEqual([]);

  const health = await signedOut.get('/api/v1/health');
  expect(await health.json()).toMatchObject({ status: 'ok', db: 'ok' });
  await signIn(page, 'admin@acme.test');
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('admin@acme.test');
  const me = await page.request.get('/api/trpc/me.get');
  expect((await me.json()).result.data.json.email).toBe('admin@acme.test');
  await staff.dispose();
  await signedOut.dispose();
});
