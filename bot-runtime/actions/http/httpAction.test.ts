import { describe, expect, it } from 'vitest';
import { callThroughEngine } from '../../engine/testing/callThroughEngine';
import { ActionError } from '../actionError';
import { fakeActionContext, jsonResponse } from '../fakeActionContext';
import { httpAction } from './httpAction';

const order = { order: { status: 'shipped', items: [{ name: 'Blue mug' }] } };

describe('http action', () => {
  it('renders the request from variables, fills in the secret and maps the answer', async () => {
    const context = fakeActionContext({
      variables: { orderNumber: 'A1001', customer: { tier: 'gold' } },
      secret: (name) => (name === 'ORDERS_TOKEN' ? 's3cret' : undefined),
      answer: () => jsonResponse(200, order),
    });
    const input = httpAction.input.parse({
      url: 'https://orders.example.com/orders/{{orderNumber}}',
      headers: {
        Authorization: { secret: 'ORDERS_TOKEN', prefix: 'Bearer ' },
        'X-Tier': '{{customer.tier}}',
      },
      responseMapping: { orderStatus: '$.order.status', firstItem: 'order.items[0].name' },
    });

    const output = await httpAction.run(input, context);

    expect(context.requests).toEqual([
      {
        method: 'GET',
        url: 'https://orders.example.com/orders/A1001',
        headers: { authorization: 'Bearer s3cret', 'x-tier': 'gold' },
        body: undefined,
        timeoutMs: 10_000,
      },
    ]);
    expect(output).toEqual({
      status: 200,
      ok: true,
      body: JSON.stringify(order),
      variables: { orderStatus: 'shipped', firstItem: 'Blue mug' },
    });
    expect(JSON.stringify(input)).not.toContain('s3cret');
  });

  it('URL-encodes variable values so a customer cannot change the path', async () => {
    const context = fakeActionContext({
      variables: { orderNumber: '../admin?x=1#' },
      answer: () => jsonResponse(200, {}),
    });
    await httpAction.run(
      httpAction.input.parse({ url: 'https://orders.example.com/orders/{{orderNumber}}' }),
      context,
    );
    expect(context.requests[0]?.url).toBe(
      'https://orders.example.com/orders/..%2Fadmin%3Fx%3D1%23',
    );
  });

  it('sends a JSON body whose lone placeholders keep their types', async () => {
    const context = fakeActionContext({
      variables: { quantity: 3, name: 'Ada "the" Lovelace', tags: ['vip'] },
      answer: () => jsonResponse(201, { id: 7 }),
    });
    const input = httpAction.input.parse({
      method: 'POST',
      url: 'https://crm.example.com/tickets',
      json: '{"quantity": "{{quantity}}", "title": "Order for {{name}}", "tags": "{{tags}}", "missing": "{{nope}}"}',
      responseMapping: '{"ticketId": "$.id"}',
    });

    const output = await httpAction.run(input, context);

    const request = context.requests[0];
    expect(request?.headers?.['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      quantity: 3,
      title: 'Order for Ada "the" Lovelace',
      tags: ['vip'],
      missing: null,
    });
    expect(output.variables).toEqual({ ticketId: 7 });
  });

  it('reads inputs given as text by the action node', () => {
    const input = httpAction.input.parse({
      url: 'https://example.com',
      timeoutMs: '2500',
      failOnErrorStatus: 'false',
      headers: '',
    });
    expect(input).toMatchObject({ timeoutMs: 2500, failOnErrorStatus: false, headers: {} });
  });

  it('refuses a header value that would smuggle in another header', async () => {
    const context = fakeActionContext({
      variables: { name: 'Ada\r\nX-Admin: yes' },
      answer: () => jsonResponse(200, {}),
    });
    const input = httpAction.input.parse({
      url: 'https://example.com',
      headers: { 'X-Customer': '{{name}}' },
    });
    await expect(httpAction.run(input, context)).rejects.toMatchObject({
      code: 'OUTBOUND_INVALID_REQUEST',
    });
    expect(context.requests).toHaveLength(0);
  });

  it('fails with SECRET_NOT_FOUND when a referenced secret is not set', async () => {
    const input = httpAction.input.parse({
      url: 'https://example.com',
      headers: { Authorization: { secret: 'MISSING' } },
    });
    await expect(httpAction.run(input, fakeActionContext())).rejects.toMatchObject({
      code: 'SECRET_NOT_FOUND',
      details: { secret: 'MISSING' },
    });
  });

  it('takes the failure path on an error status', async () => {
    const context = fakeActionContext({ answer: () => jsonResponse(503, { error: 'down' }) });
    await expect(
      httpAction.run(httpAction.input.parse({ url: 'https://example.com' }), context),
    ).rejects.toMatchObject({ code: 'HTTP_ERROR_STATUS', details: { status: 503 } });
  });

  it('takes the failure path on a redirect, which is never followed', async () => {
    const context = fakeActionContext({
      answer: () => ({ status: 302, headers: { location: 'http://169.254.169.254/' }, body: '' }),
    });
    await expect(
      httpAction.run(httpAction.input.parse({ url: 'https://example.com' }), context),
    ).rejects.toMatchObject({ code: 'HTTP_ERROR_STATUS', details: { status: 302 } });
  });

  it('can hand an error status to the flow instead, with mapped variables unset', async () => {
    const context = fakeActionContext({ answer: () => jsonResponse(404, { error: 'nope' }) });
    const input = httpAction.input.parse({
      url: 'https://example.com',
      failOnErrorStatus: false,
      responseMapping: { orderStatus: '$.order.status' },
    });
    expect(await httpAction.run(input, context)).toMatchObject({
      status: 404,
      ok: false,
      variables: { orderStatus: null },
    });
  });

  it('fails with HTTP_INVALID_RESPONSE when a mapped answer is not JSON', async () => {
    const context = fakeActionContext({
      answer: () => ({ status: 200, headers: {}, body: '<html>' }),
    });
    const input = httpAction.input.parse({
      url: 'https://example.com',
      responseMapping: { orderStatus: '$.order.status' },
    });
    await expect(httpAction.run(input, context)).rejects.toMatchObject({
      code: 'HTTP_INVALID_RESPONSE',
    });
  });

  it('lets a guard refusal from the host reach the engine as it is', async () => {
    const refusal = Object.assign(new Error('blocked'), { code: 'OUTBOUND_ADDRESS_BLOCKED' });
    const context = fakeActionContext({
      answer: () => {
        throw refusal;
      },
    });
    await expect(
      httpAction.run(httpAction.input.parse({ url: 'http://169.254.169.254/' }), context),
    ).rejects.toBe(refusal);
  });

  it('refuses an unsupported JSON path or a body given twice when the flow is saved', () => {
    expect(
      httpAction.input.safeParse({ url: 'https://x', responseMapping: { a: '$..price' } }).success,
    ).toBe(false);
    expect(
      httpAction.input.safeParse({ url: 'https://x', body: 'a', json: { b: 1 } }).success,
    ).toBe(false);
  });

  it('previews with the sample response instead of calling the service', () => {
    const input = httpAction.input.parse({
      url: 'https://orders.example.com/{{orderNumber}}',
      responseMapping: { orderStatus: '$.order.status' },
      sampleResponse: { body: JSON.stringify(order) },
    });
    expect(httpAction.mock(input)).toMatchObject({
      status: 200,
      ok: true,
      variables: { orderStatus: 'shipped' },
    });
  });
});

describe('http action in the trace', () => {
  const token = 'sk_live_9Xq2hV7mPw';
  const marker = '[secret ORDERS_TOKEN]';
  const inputs = {
    url: 'https://orders.example.com/orders/{{orderNumber}}',
    headers: '{"Authorization": {"secret": "ORDERS_TOKEN", "prefix": "Bearer "}, "X-Tier": "gold"}',
    responseMapping: '{"orderStatus": "$.order.status", "echoed": "$.token"}',
  };

  /** An endpoint that echoes the Authorization header it got and the token in its body. */
  function echoingContext() {
    return fakeActionContext({
      variables: { orderNumber: 'A1001' },
      secret: (name) => (name === 'ORDERS_TOKEN' ? token : undefined),
      answer: (request) =>
        jsonResponse(200, {
          headers: { Authorization: request.headers?.authorization },
          token,
          order: { status: 'shipped' },
        }),
    });
  }

  it('shows the request sent with the secret as its marker, and no secret anywhere', async () => {
    const context = echoingContext();
    const { outcome, trace } = await callThroughEngine(httpAction, inputs, context);

    expect(context.requests[0]?.headers?.authorization).toBe(`Bearer ${token}`);
    expect(trace.request).toEqual({
      method: 'GET',
      url: 'https://orders.example.com/orders/A1001',
      headers: { authorization: `Bearer ${marker}`, 'x-tier': 'gold' },
      body: null,
    });
    const stored = JSON.stringify(trace);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain('{{orderNumber}}');
    expect(trace.response).toMatchObject({
      body: JSON.stringify({
        headers: { Authorization: `Bearer ${marker}` },
        token: marker,
        order: { status: 'shipped' },
      }),
      variables: { orderStatus: 'shipped', echoed: marker },
    });
    // What the flow maps into variables is the bot's data, not the trace: it keeps real values.
    expect(outcome).toMatchObject({
      ok: true,
      output: { variables: { orderStatus: 'shipped', echoed: token } },
    });
  });

  it('shows the resolved JSON body, with secret-looking fields hidden', async () => {
    const context = fakeActionContext({
      variables: { orderNumber: 'A1001', password: 'hunter2' },
      answer: () => jsonResponse(201, { id: 7 }),
    });
    const { trace } = await callThroughEngine(
      httpAction,
      {
        method: 'POST',
        url: 'https://crm.example.com/tickets?access_token={{password}}',
        json: '{"order": "{{orderNumber}}", "password": "{{password}}"}',
      },
      context,
    );
    expect(trace.request).toEqual({
      method: 'POST',
      url: 'https://crm.example.com/tickets?access_token=[redacted]',
      headers: { 'content-type': 'application/json' },
      body: { order: 'A1001', password: '[redacted]' },
    });
    expect(JSON.stringify(trace)).not.toContain('hunter2');
  });

  it('scrubs the secret from the message of a failed fetch', async () => {
    const context = fakeActionContext({
      variables: { orderNumber: 'A1001' },
      secret: () => token,
      answer: (request) => {
        throw new Error(`socket hang up sending authorization: ${request.headers?.authorization}`);
      },
    });
    const { outcome, trace } = await callThroughEngine(httpAction, inputs, context);

    expect(trace.error).toEqual({
      code: 'ACTION_FAILED',
      message: `socket hang up sending authorization: Bearer ${marker}`,
    });
    expect(outcome).toEqual({ ok: false, error: trace.error });
    expect(trace.request).toMatchObject({ url: 'https://orders.example.com/orders/A1001' });
    expect(JSON.stringify(trace)).not.toContain(token);
  });

  it('scrubs the secret from the message of an ActionError', async () => {
    const context = fakeActionContext({
      variables: { orderNumber: 'A1001' },
      secret: () => token,
      answer: () => {
        throw new ActionError('OUTBOUND_CONNECTION_FAILED', `refused (token ${token})`);
      },
    });
    const { trace } = await callThroughEngine(httpAction, inputs, context);
    expect(trace.error).toEqual({
      code: 'OUTBOUND_CONNECTION_FAILED',
      message: `refused (token ${marker})`,
    });
  });

  it('shows the input as the designer wrote it when nothing was sent', async () => {
    const { trace } = await callThroughEngine(httpAction, inputs, fakeActionContext());
    expect(trace.error).toMatchObject({ code: 'SECRET_NOT_FOUND' });
    expect(trace.request).toMatchObject({ url: inputs.url });
  });
});
