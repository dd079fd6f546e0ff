import { describe, expect, it, vi } from 'vitest';
import { apiClient } from '../testing/apiClient';
import { useTestApi } from '../testing/apiServer';
import { useParleyProcess } from '../testing/parleyProcess';
import { type RawRequest, rawHttpRequest } from '../testing/rawHttpRequest';

const START = 'POST /api/v1/deployments/acme-app/conversations HTTP/1.1\r\nhost: parley\r\n';

describe('requests no client library would send', () => {
  const startApi = useTestApi();
  const startParley = useParleyProcess();

  async function answer(request: RawRequest) {
    const { base } = await startApi();
    const res = await rawHttpRequest(base, request);
    return { status: res.status, error: res.body ? JSON.parse(res.body).error : undefined };
  }

  it('refuses conflicting Content-Length and Transfer-Encoding with a JSON 400', async () => {
    const smuggled = await answer({
      head: `${START}content-length: 4\r\ntransfer-encoding: chunked\r\n\r\n`,
      body: '0\r\n\r\nGET /api/v1/health HTTP/1.1\r\n\r\n',
    });
    expect(smuggled).toEqual({
      status: 400,
      error: expect.objectContaining({ code: 'BAD_REQUEST' }),
    });
  });

  it('refuses a flood of headers with a JSON 431', async () => {
    const flood = Array.from({ length: 2_000 }, (_, i) => `x-h${i}: ${'a'.repeat(20)}\r\n`).join(
      '',
    );
    expect(await answer({ head: `${START}${flood}\r\n` })).toEqual({
      status: 431,
      error: expect.objectContaining({ code: 'HEADERS_TOO_LARGE' }),
    });
  });

  it('asks for JSON when a body comes as another type, so a form post cannot skip CORS', async () => {
    const body = '{"prechat":{}}';
    expect(
      await answer({
        head: `${START}content-type: text/plain\r\ncontent-length: ${body.length}\r\n\r\n`,
        body,
      }),
    ).toEqual({ status: 415, error: expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE' }) });
  });

  it('refuses a body that is not UTF-8 instead of storing replacement characters', async () => {
    const body = Buffer.concat([
      Buffer.from('{"x":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    expect(
      await answer({
        head: `${START}content-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`,
        body,
      }),
    ).toEqual({ status: 400, error: expect.objectContaining({ code: 'INVALID_ENCODING' }) });
  });

  it('answers a body sent slowly in pieces like any other', async () => {
    const body = '{}';
    const res = await answer({
      head: `${START}content-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`,
      body,
      pieces: 2,
      pauseMs: 200,
    });
    expect(res.status).toBe(201);
  });

  it('does not count a client that gave up mid-body as a fault of its own', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await answer({
      head: `${START}content-type: application/json\r\ncontent-length: 100\r\n\r\n`,
      body: '{"prechat":',
      endAfterBody: true,
    });
    expect([0, 400]).toContain(res.status);
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it('answers HEAD on a conversation stream at once instead of holding it open', async () => {
    const { base } = await startApi();
    const { conversationId, accessToken } = (await apiClient(base).start('acme-app')).body;
    const res = await rawHttpRequest(
      base,
      {
        head: `HEAD /api/v1/conversations/${conversationId}/stream HTTP/1.1\r\nhost: parley\r\nauthorization: Bearer ${accessToken}\r\n\r\n`,
      },
      2_000,
    );
    expect({ status: res.status, timedOut: res.timedOut }).toEqual({
      status: 200,
      timedOut: false,
    });
  });

  it('refuses a body nested too deep for the schema check instead of overflowing its stack', async () => {
    const depth = 20_000;
    const body = `{"clientMessageId":"deep","form":{"x":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    const { base } = await startApi();
    const { conversationId, accessToken } = (await apiClient(base).start('acme-app')).body;
    const res = await apiClient(base).call(
      'POST',
      `/api/v1/conversations/${conversationId}/messages`,
      body,
      accessToken,
    );
    expect({ status: res.status, code: res.body.error.code }).toEqual({
      status: 400,
      code: 'BODY_TOO_DEEP',
    });
  });

  // In the real process: with client and server on one event loop the race never shows.
  it('gets its refusal to a client still sending a large body, instead of a reset', {
    timeout: 60_000,
  }, async () => {
    const { base } = await startParley();
    const body = `{"clientMessageId":"${'x'.repeat(530_000)}"}`;
    // Raw bytes that are not UTF-8 in the request line: Node's parser refuses it before the body.
    const head = Buffer.concat([
      Buffer.from('OPTIONS /api/v1/conversations/'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(
        `/messages HTTP/1.1\r\nhost: parley\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`,
      ),
    ]);
    const statuses: number[] = [];
    // A reset races the answer, so one try could pass by luck.
    for (let i = 0; i < 30; i++) statuses.push((await rawHttpRequest(base, { head, body })).status);
    expect(statuses).toEqual(Array(30).fill(400));
  });
});
