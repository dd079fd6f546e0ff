import { describe, expect, it } from 'vitest';
import { callThroughEngine } from '../../engine/testing/callThroughEngine';
import { fakeActionContext, jsonResponse } from '../fakeActionContext';
import { orderStatusAction } from './orderStatusAction';

const settings = { orderStatusUrl: 'https://shop.example.com/api/demo/orders/' };

describe('orderStatus action', () => {
  it('looks an order up by number and says where it is', async () => {
    const context = fakeActionContext({
      settings,
      answer: () =>
        jsonResponse(200, {
          status: 'shipped',
          estimatedDelivery: 'Friday',
          trackingUrl: 'https://t.example/1',
        }),
    });

    const output = await orderStatusAction.run({ orderNumber: 'A1001' }, context);

    expect(context.requests[0]).toMatchObject({
      method: 'GET',
      url: 'https://shop.example.com/api/demo/orders/A1001',
    });
    expect(output).toEqual({
      found: true,
      orderNumber: 'A1001',
      status: 'shipped',
      estimatedDelivery: 'Friday',
      trackingUrl: 'https://t.example/1',
      message:
        'Order A1001 is shipped. Estimated delivery: Friday. You can track it here: https://t.example/1',
    });
  });

  it('answers "not found" for an unknown order instead of failing', async () => {
    const context = fakeActionContext({ settings, answer: () => jsonResponse(404, {}) });
    expect(await orderStatusAction.run({ orderNumber: 'A9999' }, context)).toMatchObject({
      found: false,
      status: null,
      message: expect.stringContaining("couldn't find an order with the number A9999"),
    });
  });

  it('answers "not found" without calling anything for a number that is not one', async () => {
    const context = fakeActionContext({ settings, answer: () => jsonResponse(200, {}) });
    const output = await orderStatusAction.run({ orderNumber: '../admin' }, context);
    expect(output.found).toBe(false);
    expect(context.requests).toHaveLength(0);
  });

  it('sends the configured endpoint token as a bearer token', async () => {
    const context = fakeActionContext({
      settings: { ...settings, endpointTokenSecret: 'SHOP_TOKEN' },
      secret: (name) => (name === 'SHOP_TOKEN' ? 'tok' : undefined),
      answer: () => jsonResponse(200, { status: 'processing' }),
    });
    await orderStatusAction.run({ orderNumber: 'A1002' }, context);
    expect(context.requests[0]?.headers?.authorization).toBe('Bearer tok');
  });

  it('keeps the bearer token out of the trace, also when the service echoes it', async () => {
    const token = 'shp_8mW2qLx0Zr';
    const context = fakeActionContext({
      settings: { ...settings, endpointTokenSecret: 'SHOP_TOKEN' },
      secret: (name) => (name === 'SHOP_TOKEN' ? token : undefined),
      answer: (request) =>
        jsonResponse(200, {
          status: 'shipped',
          trackingUrl: `https://t.example/1?auth=${request.headers?.authorization}`,
        }),
    });
    const { outcome, trace } = await callThroughEngine(
      orderStatusAction,
      { orderNumber: '{{orderNumber}}' },
      { ...context, variables: { orderNumber: 'A1001' } },
    );

    expect(context.requests[0]?.headers?.authorization).toBe(`Bearer ${token}`);
    expect(trace.request).toEqual({
      method: 'GET',
      url: 'https://shop.example.com/api/demo/orders/A1001',
      headers: { accept: 'application/json', authorization: 'Bearer [secret SHOP_TOKEN]' },
      body: null,
    });
    expect(trace.response).toMatchObject({
      trackingUrl: 'https://t.example/1?auth=Bearer [secret SHOP_TOKEN]',
    });
    expect(JSON.stringify(trace)).not.toContain(token);
    expect(outcome.ok && outcome.output).toMatchObject({
      trackingUrl: `https://t.example/1?auth=Bearer ${token}`,
    });
  });

  it('keeps even a very short token out of the request in the trace', async () => {
    const context = fakeActionContext({
      settings: { ...settings, endpointTokenSecret: 'SHOP_TOKEN' },
      secret: () => 'tok',
      answer: () => jsonResponse(200, { status: 'processing' }),
    });
    const { trace } = await callThroughEngine(orderStatusAction, { orderNumber: 'A1002' }, context);
    expect(trace.request).toMatchObject({
      headers: { authorization: 'Bearer [secret SHOP_TOKEN]' },
    });
    expect(trace.response).toMatchObject({ status: 'processing' });
  });

  it('fails when the deployment has no order endpoint', async () => {
    await expect(
      orderStatusAction.run({ orderNumber: 'A1001' }, fakeActionContext()),
    ).rejects.toMatchObject({ code: 'ACTION_NOT_CONFIGURED' });
  });

  it('fails when the order service is down', async () => {
    const context = fakeActionContext({ settings, answer: () => jsonResponse(500, 'oops') });
    await expect(orderStatusAction.run({ orderNumber: 'A1001' }, context)).rejects.toMatchObject({
      code: 'HTTP_ERROR_STATUS',
    });
  });

  it('fails when the order service answers without a status', async () => {
    const context = fakeActionContext({ settings, answer: () => jsonResponse(200, { id: 1 }) });
    await expect(orderStatusAction.run({ orderNumber: 'A1001' }, context)).rejects.toMatchObject({
      code: 'HTTP_INVALID_RESPONSE',
    });
  });

  it('previews with the demo orders', () => {
    expect(orderStatusAction.mock({ orderNumber: 'A1001' })).toMatchObject({
      found: true,
      status: 'shipped',
    });
    expect(orderStatusAction.mock({ orderNumber: 'A1002' })).toMatchObject({
      status: 'processing',
    });
    expect(orderStatusAction.mock({ orderNumber: 'constructor' }).found).toBe(false);
  });
});
