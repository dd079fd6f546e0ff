import { describe, expect, it } from 'vitest';
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
