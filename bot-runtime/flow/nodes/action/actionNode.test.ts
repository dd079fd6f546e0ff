import { describe, expect, it } from 'vitest';
import { ActionError } from '../../../actions/actionError';
import { buildFlow } from '../../../engine/testing/buildFlow';
import { conversation, textsOf } from '../../../engine/testing/conversation';
import { stubAction } from '../../../engine/testing/stubAction';
import { testServices } from '../../../engine/testing/testServices';

const lookupFlow = buildFlow({
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'lookup',
      type: 'action',
      data: {
        action: 'orderStatus',
        inputs: [
          { name: 'orderNumber', value: '{{orderNumber}}' },
          { name: 'apiToken', value: 'tok-123' },
        ],
        results: [{ path: 'order.status', variable: 'orderState' }],
        timeoutMs: 2000,
      },
    },
    { id: 'ok', type: 'end', data: { message: 'Order {{orderNumber}} is {{orderState}}.' } },
    { id: 'failed', type: 'end', data: { message: 'I could not look that up.' } },
  ],
  edges: [
    ['start', 'next', 'lookup'],
    ['lookup', 'success', 'ok'],
    ['lookup', 'failure', 'failed'],
  ],
  settings: {
    variables: [{ name: 'orderNumber', type: 'string', default: 'A1001', description: '' }],
  },
});

async function lookUpWith(run: Parameters<typeof stubAction>[1], mockActions = false) {
  const services = testServices({
    actions: [stubAction('orderStatus', run, () => ({ order: { status: 'mocked' } }))],
    mockActions,
  });
  return { services, result: await conversation(lookupFlow, { services }).send({ type: 'start' }) };
}

describe('action node', () => {
  it('maps the input, keeps the result and leaves through success', async () => {
    const { result } = await lookUpWith(async (input) => ({
      order: { status: input.orderNumber === 'A1001' ? 'shipped' : 'unknown' },
    }));
    expect(textsOf(result)).toEqual(['Order A1001 is shipped.']);
  });

  it('records the request and response in the trace with secrets redacted', async () => {
    const { result } = await lookUpWith(async () => ({ order: { status: 'shipped' }, token: 'x' }));
    const reason = result.trace.steps[1]?.reasons[0];
    expect(reason).toMatchObject({
      kind: 'action',
      action: 'orderStatus',
      request: { orderNumber: 'A1001', apiToken: '[redacted]' },
      response: { order: { status: 'shipped' }, token: '[redacted]' },
      error: null,
    });
  });

  it('takes failure when the action throws', async () => {
    const { result } = await lookUpWith(async () => {
      throw new Error('endpoint down');
    });
    expect(textsOf(result)).toEqual(['I could not look that up.']);
    expect(result.trace.steps[1]?.reasons[0]).toMatchObject({
      error: { code: 'ACTION_FAILED', message: 'endpoint down' },
    });
  });

  it('keeps the action’s own failure code in the trace', async () => {
    const { result } = await lookUpWith(async () => {
      throw new ActionError('OUTBOUND_ADDRESS_BLOCKED', 'That address is private.');
    });
    expect(textsOf(result)).toEqual(['I could not look that up.']);
    expect(result.trace.steps[1]?.reasons[0]).toMatchObject({
      error: { code: 'OUTBOUND_ADDRESS_BLOCKED', message: 'That address is private.' },
    });
  });

  it('takes failure when the action times out, and aborts it', async () => {
    let aborted = false;
    const services = testServices({
      actions: [
        stubAction('orderStatus', (_input, context) => {
          context.signal.addEventListener('abort', () => {
            aborted = true;
          });
          queueMicrotask(() => services.clock.advance(2000));
          return new Promise(() => {});
        }),
      ],
    });
    const result = await conversation(lookupFlow, { services }).send({ type: 'start' });
    expect(textsOf(result)).toEqual(['I could not look that up.']);
    expect(result.trace.steps[1]?.reasons[0]).toMatchObject({
      error: { code: 'ACTION_TIMEOUT' },
      durationMs: 2000,
    });
    expect(aborted).toBe(true);
  });

  it('answers with the mock in preview', async () => {
    const { result } = await lookUpWith(async () => {
      throw new Error('must not be called in preview');
    }, true);
    expect(textsOf(result)).toEqual(['Order A1001 is mocked.']);
  });

  it('leaves the fields an action renders itself untouched and lets it see the variables', async () => {
    const seen: unknown[] = [];
    const action = stubAction('orderStatus', async (input, context) => {
      seen.push(input.orderNumber, input.apiToken, context.variables?.orderNumber);
      return { order: { status: 'shipped' } };
    });
    await conversation(lookupFlow, {
      services: testServices({ actions: [{ ...action, verbatimInputs: ['orderNumber'] }] }),
    }).send({ type: 'start' });
    expect(seen).toEqual(['{{orderNumber}}', 'tok-123', 'A1001']);
  });

  it('takes failure when the action does not exist', async () => {
    const result = await conversation(lookupFlow).send({ type: 'start' });
    expect(textsOf(result)).toEqual(['I could not look that up.']);
    expect(result.trace.steps[1]?.reasons[0]).toMatchObject({
      error: { code: 'ACTION_NOT_FOUND' },
    });
  });
});
