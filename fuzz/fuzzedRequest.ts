import fc from 'fast-check';
import type { RawRequest } from '../server/testing/rawHttpRequest';
import type { ApiOperation } from './apiOperations';
import { jsonSchemaArbitrary } from './jsonSchemaArbitrary';

/** What the fuzzer knows of the server under test: real ids and the tokens that go with them. */
export interface FuzzWorld {
  host: string;
  conversations: { id: string; token: string }[];
  deployments: string[];
  /** The first conversation's token, expired: it opens only the refresh of that conversation. */
  expiredToken: string;
  /** Tokens that must open nothing: `alg: none`, signed with another key, garbage. */
  badTokens: string[];
}

export interface FuzzedRequest {
  operation: string;
  /** One line for a failure report. */
  summary: string;
  raw: RawRequest;
  /** A client that hangs up mid-body may get no answer at all. */
  mayGoUnanswered: boolean;
  /** Its token opens no conversation, or not the one the path names: it must be refused. */
  mustBeRefused: boolean;
}

const bytes = (text: string, encoding: BufferEncoding = 'utf8') => Buffer.from(text, encoding);

/** Path segments no router expects: malformed and overlong escapes, raw bytes, traversal. */
const strangeSegment = fc.oneof(
  fc.constantFrom('%', '%E0%A4%A', '%zz', '%00', '%C0%AF', '..', '%2e%2e', '%2F', '%FF%FE', ' '),
  fc.constantFrom('\xff\xfe', '\xc3\x28', '\x80').map((text) => bytes(text, 'latin1')),
  fc.constantFrom('🙂', 'ä', '\u202e').map((text) => encodeURIComponent(text)),
  fc.integer({ min: 1, max: 20_000 }).map((n) => 'a'.repeat(n)),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
);

const strangeQueryValue = fc.oneof(
  fc.constantFrom('-1', '1e99', 'abc', '', '%zz', '%E0', '0x10', '99999999999999999999', 'NaN'),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
);

const strangeHeaderValue = fc.oneof(
  fc.constantFrom('-1', '99999999999999999999', 'abc', '', '1.5', '0', ' 3 ', 'null'),
  fc.constantFrom('\xff\xfe', '\x80abc').map((text) => bytes(text, 'latin1')),
  fc.string({ maxLength: 40 }).filter((text) => !/[\r\n\0]/.test(text)),
);

const contentTypes = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'application/merge-patch+json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      '',
      null,
    ),
  },
);

/** A JSON text built by hand, for what JSON.stringify would never write. */
function mutatedJsonText(valid: fc.Arbitrary<unknown>): fc.Arbitrary<Buffer> {
  const validObject = valid.map((value) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {},
  );
  return fc.oneof(
    // Wrong type, missing field, extra field.
    fc.tuple(validObject, fc.nat(), fc.jsonValue({ maxDepth: 2 })).map(([object, at, value]) => {
      const keys = Object.keys(object);
      const key = keys[at % Math.max(keys.length, 1)] ?? 'x';
      return bytes(JSON.stringify({ ...object, [key]: value }));
    }),
    fc.tuple(validObject, fc.nat()).map(([object, at]) => {
      const keys = Object.keys(object);
      const { [keys[at % Math.max(keys.length, 1)] ?? '']: _dropped, ...rest } = object;
      return bytes(JSON.stringify(rest));
    }),
    fc
      .tuple(validObject, fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }))
      .map(([object, key, value]) => bytes(JSON.stringify({ ...object, [key]: value }))),
    // Huge strings and arrays, deep nesting.
    fc
      .tuple(validObject, fc.integer({ min: 1_000, max: 200_000 }))
      .map(([object, size]) =>
        bytes(
          JSON.stringify(
            Object.fromEntries(Object.keys(object).map((key) => [key, 'x'.repeat(size)])),
          ),
        ),
      ),
    fc
      .integer({ min: 1_000, max: 50_000 })
      .map((size) => bytes(JSON.stringify({ text: Array(size).fill(1) }))),
    fc
      .integer({ min: 100, max: 60_000 })
      .map((depth) => bytes(`${'['.repeat(depth)}${']'.repeat(depth)}`)),
    fc
      .integer({ min: 100, max: 20_000 })
      .map((depth) => bytes(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)),
    fc
      .tuple(validObject, fc.nat(), fc.integer({ min: 100, max: 30_000 }))
      .map(([object, at, depth]) => {
        const keys = Object.keys(object);
        const key = keys[at % Math.max(keys.length, 1)] ?? 'x';
        const text = JSON.stringify({ ...object, [key]: 0 });
        return bytes(
          text.replace(`"${key}":0`, `"${key}":${'['.repeat(depth)}${']'.repeat(depth)}`),
        );
      }),
    // Prototype keys and duplicate keys.
    validObject.map((object) =>
      bytes(
        `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},${JSON.stringify(object).slice(1)}`,
      ),
    ),
    validObject.map((object) => {
      const text = JSON.stringify(object);
      return bytes(text.length > 2 ? `${text.slice(0, -1)},${text.slice(1)}` : text);
    }),
    // Not UTF-8, not JSON, cut short.
    validObject.map((object) => {
      const text = bytes(JSON.stringify({ ...object, text: 'ok' }));
      const at = text.indexOf('ok');
      return Buffer.concat([
        text.subarray(0, at),
        Buffer.from([0xff, 0xc3, 0x28]),
        text.subarray(at),
      ]);
    }),
    fc.string({ maxLength: 100 }).map((text) => bytes(text)),
    validObject.map((object) => bytes(JSON.stringify(object).slice(0, -1))),
    fc.constant(bytes('')),
  );
}

/** Requests for one operation: mostly valid, then every kind of wrong the issue names. */
export function fuzzedRequest(
  operation: ApiOperation,
  world: FuzzWorld,
): fc.Arbitrary<FuzzedRequest> {
  const validBody = operation.body ? jsonSchemaArbitrary(operation.body) : fc.constant(undefined);
  const body = fc.oneof(
    {
      weight: 3,
      arbitrary: validBody.map((value) =>
        value === undefined ? undefined : bytes(JSON.stringify(value)),
      ),
    },
    { weight: 2, arbitrary: mutatedJsonText(validBody) },
  );
  const conversation = fc.constantFrom(...world.conversations);
  const segment = (name: string) =>
    fc
      .oneof(
        { weight: 4, arbitrary: fc.constant<'own'>('own') },
        {
          weight: 1,
          arbitrary: fc.constantFrom(...world.conversations.map((c) => c.id), crypto.randomUUID()),
        },
        { weight: 2, arbitrary: strangeSegment },
      )
      .map((value) => ({ name, value }));
  const auth = fc.oneof(
    { weight: 4, arbitrary: fc.constant<'own'>('own') },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'other',
        'missing',
        'query',
        ...world.badTokens.map((_, i) => `bad:${i}`),
      ),
    },
  );
  const query = fc.array(
    fc
      .tuple(
        fc.constantFrom(
          ...operation.query.map((q) => q.name),
          'access_token',
          'x',
          '%zz',
          '__proto__',
        ),
        fc.oneof(fc.nat({ max: 1_000 }).map(String), strangeQueryValue),
      )
      // A long-poll (`GET …/entries?wait=N`, N up to 30) rightly holds its answer N seconds
      // when nothing is new: waits the server accepts are kept to 0 or 1 s so every answer
      // still comes within the run's limit; ones it refuses stay as generated.
      .map(([name, value]): [string, string] => {
        const seconds = Number(value);
        return name === 'wait' && Number.isInteger(seconds) && seconds >= 2 && seconds <= 30
          ? [name, String(seconds % 2)]
          : [name, value];
      }),
    { maxLength: 3 },
  );
  const headers = fc.record({
    lastEventId: fc.option(fc.oneof(fc.nat({ max: 100 }).map(String), strangeHeaderValue)),
    contentType: contentTypes,
    origin: fc.oneof(
      { weight: 6, arbitrary: fc.constant(null) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('https://evil.example', `http://${world.host}`, 'null'),
      },
    ),
  });
  const transport = fc.oneof(
    { weight: 8, arbitrary: fc.constant<'normal'>('normal') },
    { weight: 1, arbitrary: fc.constant<'slow'>('slow') },
    { weight: 1, arbitrary: fc.constant<'truncated'>('truncated') },
  );
  const method = fc.oneof(
    { weight: 9, arbitrary: fc.constant(operation.method) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'OPTIONS', 'HEAD'),
    },
  );

  return fc
    .record({
      method,
      conversation,
      segments: fc.tuple(...operation.pathParams.map(segment)),
      deployment: fc.constantFrom(...world.deployments),
      auth,
      query,
      headers,
      body,
      transport,
    })
    .map((choice) => {
      let path = bytes(operation.path);
      let pathConversation: string | undefined;
      for (const { name, value } of choice.segments) {
        const own =
          name === 'deploymentId'
            ? choice.deployment
            : name === 'conversationId'
              ? choice.conversation.id
              : crypto.randomUUID();
        const replacement =
          value === 'own' ? bytes(own) : typeof value === 'string' ? bytes(value) : value;
        if (name === 'conversationId') pathConversation = replacement.toString();
        const at = path.indexOf(`{${name}}`);
        path = Buffer.concat([
          path.subarray(0, at),
          replacement,
          path.subarray(at + name.length + 2),
        ]);
      }
      const { token, opens } = tokenFor(choice.auth, choice.conversation, world, operation);
      const mustBeRefused =
        operation.secured &&
        choice.method === operation.method &&
        (opens === null || (pathConversation !== undefined && pathConversation !== opens));
      const queryParts = choice.query.map(([name, value]) => `${name}=${value}`);
      if (choice.auth === 'query' && token) queryParts.push(`access_token=${token}`);
      const target = queryParts.length
        ? Buffer.concat([path, bytes(`?${queryParts.join('&')}`)])
        : path;

      const lines: Buffer[] = [
        bytes(`${choice.method} `),
        target,
        bytes(` HTTP/1.1\r\nhost: ${world.host}\r\nconnection: close\r\n`),
      ];
      if (token && choice.auth !== 'query') lines.push(bytes(`authorization: Bearer ${token}\r\n`));
      if (choice.headers.lastEventId !== null) {
        lines.push(
          bytes('last-event-id: '),
          Buffer.from(choice.headers.lastEventId),
          bytes('\r\n'),
        );
      }
      if (choice.headers.origin) lines.push(bytes(`origin: ${choice.headers.origin}\r\n`));
      const payload = choice.body ?? Buffer.alloc(0);
      if (choice.body !== undefined && choice.headers.contentType !== null) {
        lines.push(bytes(`content-type: ${choice.headers.contentType}\r\n`));
      }
      const declared = choice.transport === 'truncated' ? payload.length + 10 : payload.length;
      if (choice.body !== undefined || choice.transport === 'truncated') {
        lines.push(bytes(`content-length: ${declared}\r\n`));
      }
      lines.push(bytes('\r\n'));
      return {
        operation: `${operation.method} ${operation.path}`,
        summary: `${choice.method} ${target.toString('latin1').slice(0, 200)} auth=${choice.auth} body=${payload.subarray(0, 120).toString('latin1')}${payload.length > 120 ? `… (${payload.length} bytes)` : ''} transport=${choice.transport}`,
        raw: {
          head: Buffer.concat(lines),
          body: payload,
          pieces: choice.transport === 'slow' ? 3 : 1,
          pauseMs: 30,
          endAfterBody: choice.transport === 'truncated',
        },
        mayGoUnanswered: choice.transport === 'truncated',
        mustBeRefused,
      };
    });
}

/** The token a request carries, and the conversation it opens (null: none). */
function tokenFor(
  auth: string,
  conversation: { id: string; token: string },
  world: FuzzWorld,
  operation: ApiOperation,
): { token: string | null; opens: string | null } {
  if (auth === 'own' || auth === 'query')
    return { token: conversation.token, opens: conversation.id };
  if (auth === 'other') {
    const other = world.conversations.find((candidate) => candidate.id !== conversation.id);
    return { token: other?.token ?? null, opens: other?.id ?? null };
  }
  if (auth === 'expired') {
    // An app that slept past its token's expiry may still refresh it (and only that).
    const refresh = operation.path.endsWith('/token');
    return {
      token: world.expiredToken,
      opens: refresh ? (world.conversations[0]?.id ?? null) : null,
    };
  }
  if (auth === 'missing') return { token: null, opens: null };
  return { token: world.badTokens[Number(auth.slice(4))] ?? null, opens: null };
}
