import { z } from 'zod';
import { ActionError } from '../actionError';
import { configuredEndpoint } from '../configuredEndpoint';
import type { ActionDefinition } from '../types';

const orderStatusInput = z.object({
  orderNumber: z.string().trim().min(1).max(64).describe('The order number, e.g. A1001'),
});

const orderStatusOutput = z.object({
  found: z.boolean().describe('Whether an order with this number exists'),
  orderNumber: z.string(),
  status: z.string().nullable().describe('e.g. processing, shipped, delivered'),
  estimatedDelivery: z.string().nullable(),
  trackingUrl: z.string().nullable(),
  message: z.string().describe('A sentence the bot can say as it is'),
});

/** What the order endpoint answers for `GET {orderStatusUrl}/{orderNumber}`. */
const orderRecord = z.looseObject({
  status: z.string().min(1),
  estimatedDelivery: z.string().optional(),
  trackingUrl: z.string().optional(),
});

type OrderStatusInput = z.output<typeof orderStatusInput>;
type OrderStatusOutput = z.output<typeof orderStatusOutput>;

// Anything else (`..`, `/`, `?`) could change which resource the URL names.
const orderNumberPattern = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export const orderStatusAction: ActionDefinition<OrderStatusInput, OrderStatusOutput> = {
  name: 'orderStatus',
  label: 'Order status',
  description: "Looks an order up by its number through the deployment's order-status endpoint.",
  input: orderStatusInput,
  output: orderStatusOutput,

  async run({ orderNumber }, context) {
    if (!orderNumberPattern.test(orderNumber)) return notFound(orderNumber);
    const endpoint = configuredEndpoint(context, 'orderStatusUrl');
    const response = await context.fetch({
      method: 'GET',
      url: `${endpoint.url.replace(/\/+$/, '')}/${encodeURIComponent(orderNumber)}`,
      headers: endpoint.headers,
    });
    if (response.status === 404) return notFound(orderNumber);
    if (response.status < 200 || response.status >= 300) {
      throw new ActionError(
        'HTTP_ERROR_STATUS',
        `The order service answered with status ${response.status}.`,
        { status: response.status },
      );
    }
    const record = orderRecord.safeParse(parseJson(response.body));
    if (!record.success) {
      throw new ActionError(
        'HTTP_INVALID_RESPONSE',
        'The order service answered without an order status.',
      );
    }
    return found(orderNumber, record.data);
  },

  mock({ orderNumber }) {
    const record = demoOrders.get(orderNumber);
    return record ? found(orderNumber, record) : notFound(orderNumber);
  },
};

const demoOrders = new Map<string, z.output<typeof orderRecord>>([
  ['A1001', { status: 'shipped', estimatedDelivery: 'in 2 days' }],
  ['A1002', { status: 'processing' }],
]);

function found(orderNumber: string, record: z.output<typeof orderRecord>): OrderStatusOutput {
  const status = record.status.replaceAll('_', ' ');
  const delivery = record.estimatedDelivery
    ? ` Estimated delivery: ${record.estimatedDelivery}.`
    : '';
  const tracking = record.trackingUrl ? ` You can track it here: ${record.trackingUrl}` : '';
  return {
    found: true,
    orderNumber,
    status: record.status,
    estimatedDelivery: record.estimatedDelivery ?? null,
    trackingUrl: record.trackingUrl ?? null,
    message: `Order ${orderNumber} is ${status}.${delivery}${tracking}`,
  };
}

function notFound(orderNumber: string): OrderStatusOutput {
  return {
    found: false,
    orderNumber,
    status: null,
    estimatedDelivery: null,
    trackingUrl: null,
    message: `I couldn't find an order with the number ${orderNumber}. Could you check it and try again?`,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
